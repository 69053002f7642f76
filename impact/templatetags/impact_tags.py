"""Template helpers: what a participant is asked to do (for My academy and their cohort page,
which belong to other apps and only include impact's templates), and table cell formatting."""

from django import template
from django.utils.html import format_html, format_html_join

from cohorts.models import Enrolment

from .. import selectors
from ..dashboard.base import signed as signed_text

register = template.Library()


@register.simple_tag(takes_context=True)
def impact_tasks(context, enrolments, sessions=None):
    """The self-assessments and session feedback `enrolments` (the person's own, with their
    cohorts) ask of the person signed in now; `sessions`: every session of their cohorts, when
    the page has them already."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated or not enrolments:
        return selectors.ParticipantTasks()
    return selectors.participant_tasks(request.user, list(enrolments), sessions=sessions)


@register.simple_tag(takes_context=True)
def impact_cohort_tasks(context, enrolment, cohort):
    """The same, for one enrolment on the cohort page (its cohort already loaded)."""
    if enrolment is None or enrolment.cohort_id != cohort.pk:
        return selectors.ParticipantTasks()
    Enrolment.cohort.field.set_cached_value(enrolment, cohort)
    return impact_tasks(context, [enrolment])


@register.filter
def is_number(value):
    return isinstance(value, int | float) and not isinstance(value, bool)


@register.filter
def signed(value):
    """A change with its sign: +0.8, -0.3."""
    return signed_text(value)


@register.filter
def select_options(field):
    """The <option>s of a bound select field, drawn in one go: the dashboard's organisation
    filter offers hundreds, which Django's widget templates draw one template at a time."""
    chosen = str(field.value() or "")
    return format_html_join(
        "",
        "{}",
        (
            (
                format_html(
                    '<option value="{}"{}>{}</option>',
                    value,
                    " selected" if str(value) == chosen else "",
                    label,
                ),
            )
            for value, label in field.field.choices
        ),
    )
