"""The programme dashboard: enrolment, attendance, completion, capabilities and feedback across
cohorts, for what one person may see, narrowed by their filters.

`Dashboard(user=..., filters=..., options=...)` works each figure out when asked for it
(`figure(key)`), in a fixed number of queries whatever the size of the academy.
"""

from django.core.cache import cache
from django.utils import timezone

from .figures import CohortFigures
from .outcomes import OutcomeFigures
from .progress import ProgressFigures
from .scope import (
    Filters,
    Options,
    Period,
    cohorts_in_view,
    enrolment_q,
    enrolments_in_view,
    load_options,
    sees_everything,
)

# Figures are kept this long for the same view (the same filters, and everyone who sees
# everything, or one person): at national scale they take a second or two to work out.
CACHE_SECONDS = 300
CACHE_VERSION = 1

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

__all__ = ["FIGURES", "Dashboard", "Filters", "Options", "Period", "options_for"]


def _scope_key(user):
    return "everything" if sees_everything(user) else f"person-{user.pk}"


def options_for(user) -> Options:
    """What the filters offer this person, kept as long as the figures."""
    key = f"impact:dashboard:{CACHE_VERSION}:{_scope_key(user)}:options"
    options = cache.get(key)
    if options is None:
        options = load_options(user)
        cache.set(key, options, CACHE_SECONDS)
    return options


class Dashboard(CohortFigures, ProgressFigures, OutcomeFigures):
    def __init__(self, *, user, filters: Filters, options: Options, now=None):
        self.user = user
        self.filters = filters
        self.options = options
        self.now = now or timezone.now()
        self.cohorts = cohorts_in_view(user, filters)
        self.enrolments = enrolments_in_view(user, filters)

    def enrolment_q(self, prefix):
        """The enrolments in view, as a condition on records reached through `prefix`."""
        return enrolment_q(self.user, self.filters, prefix)

    def cache_key(self, key):
        scope = _scope_key(self.user)
        return f"impact:dashboard:{CACHE_VERSION}:{scope}:{key}:{self.filters.cache_key}"

    def work_out(self, key):
        figure = getattr(self, FIGURES[key])()
        figure.worked_out_at = timezone.now()
        return figure

    def figure(self, key):
        return self.figures([key])[0]

    def figures(self, keys=None):
        """The figures (all of them, or those of `keys`), from the cache where they were worked
        out in the last CACHE_SECONDS for the same view: the dashboard is read far more often
        than its national-scale sums change."""
        keys = list(keys or FIGURES)
        cached = cache.get_many([self.cache_key(key) for key in keys])
        figures, fresh = [], {}
        for key in keys:
            figure = cached.get(self.cache_key(key))
            if figure is None:
                figure = fresh[self.cache_key(key)] = self.work_out(key)
            figures.append(figure)
        if fresh:
            cache.set_many(fresh, CACHE_SECONDS)
        return figures
