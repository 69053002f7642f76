"""How the cohorts app shows its statuses: one colour per status, one place (GOV.UK tags), and
the attendance grid's short codes with their full names for screen readers.

`{% load cohort_tags %}`, then `{% status_tag enrolment %}` for an enrolment, a cohort, a
certificate, a bulk issue run or a completion standing, or `{% status_tag "mark" status %}` for
an attendance mark's status; `{% mark_cell cell %}` for one cell of the attendance grid;
`{% grid_view grid request.GET.session as view %}` for the grid's one-session view and
`{% kept_part grid "rows" %}...{% endkept_part %}` for a part of its page kept with it;
`{% certificate_links certificate request.user as links %}` and `{% verification_links as
links %}` for what other apps add beside a certificate (`cohorts.certificates.extensions`).
`{% check_in_box session %}` for the box a participant types the check-in code in.
"""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from ..attendance.checkin import checkin_window
from ..attendance.forms import CheckInForm
from ..certificates import extensions
from ..models import AttendanceMark, Certificate, CertificateBulkIssue, Cohort, Enrolment

register = template.Library()

Mark = AttendanceMark.Status

# GOV.UK tag colours: green done or there, blue or light blue under way, yellow and orange
# something to watch, red not done, grey over or no longer relevant.
COLOURS = {
    "enrolment": {
        Enrolment.Status.INVITED: "light-blue",
        Enrolment.Status.CONFIRMED: "blue",
        Enrolment.Status.DECLINED: "grey",
        Enrolment.Status.WAITING_LIST: "yellow",
        Enrolment.Status.WITHDRAWN: "grey",
        Enrolment.Status.SUBSTITUTED: "grey",
        Enrolment.Status.COMPLETED: "green",
        Enrolment.Status.NOT_COMPLETED: "red",
    },
    "cohort": {
        Cohort.Status.DRAFT: "grey",
        Cohort.Status.OPEN: "light-blue",
        Cohort.Status.RUNNING: "blue",
        Cohort.Status.CLOSED: "grey",
    },
    "mark": {
        Mark.PRESENT: "green",
        Mark.LATE: "yellow",
        Mark.LEFT_EARLY: "orange",
        Mark.ABSENT: "red",
        Mark.APOLOGIES: "purple",
    },
    # A completion standing (cohorts.completion.Standing).
    "standing": {
        "on-track": "blue",
        "at-risk": "orange",
        "complete": "green",
        "not-completed": "red",
    },
    "certificate": {"valid": "green", "expired": "grey", "revoked": "red"},
    "run": {
        CertificateBulkIssue.Status.QUEUED: "grey",
        CertificateBulkIssue.Status.RUNNING: "blue",
        CertificateBulkIssue.Status.FINISHED: "green",
        CertificateBulkIssue.Status.FAILED: "red",
    },
}
LABELS = {
    "mark": dict(Mark.choices),
    "certificate": {"valid": "Valid", "expired": "Expired", "revoked": "Revoked"},
}

# The grid's short codes. "AS": apologies sent, no mark yet.
CODES = {
    Mark.PRESENT: "P",
    Mark.LATE: "L",
    Mark.LEFT_EARLY: "LE",
    Mark.ABSENT: "A",
    Mark.APOLOGIES: "Ap",
}
APOLOGIES_SENT = ("AS", "Apologies sent", "light-blue")
NOT_MARKED = mark_safe(
    '<span class="academy-mark--none" aria-hidden="true">–</span>'
    '<span class="govuk-visually-hidden">Not marked</span>'
)


def _kind_value_label(subject, value, label):
    if isinstance(subject, Enrolment):
        return "enrolment", subject.status, subject.get_status_display()
    if isinstance(subject, Cohort):
        return "cohort", subject.status, subject.get_status_display()
    if isinstance(subject, AttendanceMark):
        return "mark", subject.status, subject.get_status_display()
    if isinstance(subject, CertificateBulkIssue):
        return "run", subject.status, subject.get_status_display()
    if isinstance(subject, Certificate):
        state = "revoked" if subject.is_revoked else "expired" if subject.is_expired else "valid"
        return "certificate", state, LABELS["certificate"][state]
    if hasattr(subject, "standing") and hasattr(subject, "outstanding"):  # EnrolmentStanding
        return "standing", subject.standing, subject.label
    kind = subject
    return kind, value, label or LABELS.get(kind, {}).get(value, value)


@register.simple_tag
def status_tag(subject, value=None, label=None):
    """A GOV.UK tag in the status's colour, reading the status's own label."""
    kind, value, label = _kind_value_label(subject, value, label)
    colour = COLOURS[kind].get(value, "grey")
    return format_html('<strong class="govuk-tag govuk-tag--{}">{}</strong>', colour, label)


@register.simple_tag
def mark_cell(cell, full=False):
    """One cell of the attendance grid: a short code in the mark's colour, its full name for
    screen readers, and a tick when the participant checked in themselves. `full`: the full
    name shown (the one-session view has room for it)."""
    if cell.status:
        code, label, colour = (
            CODES[cell.status],
            Mark(cell.status).label,
            COLOURS["mark"][cell.status],
        )
    elif cell.apologised:
        code, label, colour = APOLOGIES_SENT
    else:
        return NOT_MARKED
    checked_in = cell.method == AttendanceMark.Method.SELF_CHECK_IN
    if full:
        return format_html(
            '<strong class="govuk-tag govuk-tag--{}">{}</strong>{}',
            colour,
            label,
            " (checked in themselves)" if checked_in else "",
        )
    return format_html(
        '<strong class="govuk-tag govuk-tag--{} academy-mark"><span aria-hidden="true">{}{}</span>'
        '<span class="govuk-visually-hidden">{}{}</span></strong>',
        colour,
        code,
        "✓" if checked_in else "",
        label,
        ", checked in themselves" if checked_in else "",
    )


@register.simple_tag
def mark_cells(cells, full=False):
    """A grid row's cells, `<td>` each with its `mark_cell`: one tag a row rather than one a
    cell, and each kind of cell rendered once (a cell shows only its status, apologies and how
    it was recorded), so a cohort of forty costs a handful of renders, not hundreds."""
    rendered = {}
    out = []
    for cell in cells:
        key = (cell.status, bool(cell.status) or bool(cell.apologised), cell.method)
        if key not in rendered:
            rendered[key] = format_html(
                '<td class="govuk-table__cell academy-grid__mark">{}</td>', mark_cell(cell, full)
            )
        out.append(rendered[key])
    return mark_safe("".join(out))


@register.simple_tag
def mark_legend():
    """The codes the grid uses, with their colours, for the key above it."""
    items = [(CODES[value], label, COLOURS["mark"][value]) for value, label in Mark.choices]
    return [*items, APOLOGIES_SENT]


class GridView:
    """The grid's columns to show and, when read, its rows with the cells of those columns."""

    def __init__(self, grid, sessions, index=None):
        self.grid = grid
        self.sessions = sessions  # (number, session) shown, numbered from 1 in date order
        self.index = index
        # The one session shown, or None for every session.
        self.selected = None if index is None else grid.sessions[index]

    @property
    def rows(self):
        """(row, its cells shown) for each row: read only when the rows are rendered."""
        if self.index is None:
            return [(row, row.cells) for row in self.grid.rows]
        return [(row, [row.cells[self.index]]) for row in self.grid.rows]


@register.simple_tag
def grid_view(grid, session_id=None):
    """The grid's columns to show: every session, or only the one asked for (`?session=<id>`,
    the view for a phone). An id that is not one of the cohort's sessions shows them all."""
    numbered = list(enumerate(grid.sessions, start=1))
    index = next((i for i, s in enumerate(grid.sessions) if str(s.pk) == str(session_id)), None)
    if index is None:
        return GridView(grid, numbered)
    return GridView(grid, [numbered[index]], index)


class KeptPartNode(template.Node):
    def __init__(self, nodelist, grid, name, variant):
        self.nodelist, self.grid, self.name, self.variant = nodelist, grid, name, variant

    def render(self, context):
        grid = self.grid.resolve(context)
        # No variant when it resolves to nothing (`view.selected.pk` with every session shown).
        variant = None if self.variant is None else self.variant.resolve(context) or None
        return grid.part(
            self.name.resolve(context), lambda: self.nodelist.render(context), variant=variant
        )


@register.tag
def kept_part(parser, token):
    """`{% kept_part grid "rates" [variant] %}...{% endkept_part %}`: a part of the grid's page
    that shows the grid alone (never who is looking), kept with the grid
    (`cohorts.reports.kept_grid`) and rendered only when it is not kept; `variant` (the one
    session shown, say) keeps one copy of the part for each value."""
    bits = token.split_contents()
    if len(bits) not in (3, 4):
        raise template.TemplateSyntaxError("kept_part takes a grid, a name and maybe a variant.")
    nodelist = parser.parse(("endkept_part",))
    parser.delete_first_token()
    grid, name, *variant = (parser.compile_filter(bit) for bit in bits[1:])
    return KeptPartNode(nodelist, grid, name, variant[0] if variant else None)


@register.simple_tag
def certificate_links(certificate, user):
    """More links beside a valid certificate, from the apps that answer the hook."""
    return extensions.holder_links(certificate, user)


@register.simple_tag
def verification_links():
    """More ways to check a certificate, for the public verification pages."""
    return extensions.verification_links()


@register.inclusion_tag("cohorts/attendance/_check_in_box.html", takes_context=True)
def check_in_box(context, session):
    """The box to type the check-in code in, for a participant's home and the session page:
    the same form, posted to the same check-in page and service, as the QR code's link. Show
    it only while check-in is open (`cohorts.attendance.checkin.check_in_open`)."""
    return {
        "session": session,
        "window": checkin_window(session),
        "form": CheckInForm(auto_id=f"id_check_in_{session.pk}_%s"),
        "csrf_token": context.get("csrf_token"),
    }
