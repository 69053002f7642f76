"""The programme dashboard: enrolment, attendance, completion, capabilities and feedback across
cohorts, for what one person may see, narrowed by their filters.

`Dashboard(user=..., filters=..., options=...)` works each figure out when asked for it
(`figure(key)`), in a fixed number of queries whatever the size of the academy.
"""

from django.utils import timezone

from .figures import CohortFigures
from .outcomes import OutcomeFigures
from .progress import ProgressFigures
from .scope import Filters, Options, Period, cohorts_in_view, enrolments_in_view, load_options

FIGURES = {
    "cohorts": "figure_cohorts",
    "places": "figure_places",
    "sectors": "figure_sectors",
    "mix": "figure_mix",
    "attendance": "figure_attendance",
    "completion": "figure_completion",
    "at-risk": "figure_at_risk",
    "capabilities": "figure_capabilities",
    "feedback": "figure_feedback",
}

__all__ = ["FIGURES", "Dashboard", "Filters", "Options", "Period", "load_options"]


class Dashboard(CohortFigures, ProgressFigures, OutcomeFigures):
    def __init__(self, *, user, filters: Filters, options: Options, now=None):
        self.user = user
        self.filters = filters
        self.options = options
        self.now = now or timezone.now()
        self.cohorts = cohorts_in_view(user, filters)
        self.enrolments = enrolments_in_view(user, filters)

    def figure(self, key):
        return getattr(self, FIGURES[key])()

    def figures(self):
        return [self.figure(key) for key in FIGURES]
