"""The nominator portal's page for the organisations someone nominates for (or the one a
programme manager acts for): their seats on open cohorts and their officers, filtered and
paginated. It shows nothing but those organisations' cohorts, so it is kept under those
cohorts' versions (`cohorts.kept_html`) with the filters and page asked for."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import QueryDict
from django.template.loader import render_to_string

from kept.parts import CSRF_PLACEHOLDER, digest

from ..kept_html import kept_for_cohorts
from ..models import Cohort, Enrolment
from . import selectors, services

OFFICERS_PER_PAGE = 25
BODY_TEMPLATE = "cohorts/nominate/_portal_body.html"


@dataclass(frozen=True)
class PortalView:
    """What the person asked to see: the organisations, the filters and the page."""

    organisations: list
    acting_for: object  # the organisation a programme manager acts for, or None
    status: str
    cohort_id: int
    page: str

    @classmethod
    def from_request(cls, request, organisations, acting_for):
        status = request.GET.get("status", "")
        if status not in Enrolment.Status.values:
            status = ""
        try:
            cohort_id = max(int(request.GET.get("cohort", "") or 0), 0)
        except ValueError:
            cohort_id = 0
        page = request.GET.get("page", "")[:12]
        return cls(organisations, acting_for, status, cohort_id, page)

    def query(self):
        """The filters, as the pages of officers' links keep them."""
        query = QueryDict(mutable=True)
        if self.acting_for:
            query["organisation"] = self.acting_for.pk
        if self.cohort_id:
            query["cohort"] = self.cohort_id
        if self.status:
            query["status"] = self.status
        return query


def portal_body(request, view: PortalView):
    """The portal's page (HTML), kept for the next request that asks the same of the same
    organisations while none of their cohorts has changed."""
    organisation_ids = sorted(o.pk for o in view.organisations)

    def shown():
        ids = selectors.organisations_cohort_ids(view.organisations)
        # A cohort asked for by its id may be one without their officers yet.
        return [*ids, view.cohort_id] if view.cohort_id else ids

    extra = ":".join(
        [
            digest(organisation_ids),
            f"acting-{view.acting_for.pk}" if view.acting_for else "nominator",
            view.status,
            str(view.cohort_id),
            digest([view.page]),
        ]
    )
    return kept_for_cohorts(
        request,
        "nominator-portal",
        shown(),
        lambda: _rendered(request, view),
        extra=extra,
        still=shown,
    )


def _rendered(request, view):
    organisations, acting_for = view.organisations, view.acting_for
    cohort_id = view.cohort_id
    cohorts = selectors.officers_cohorts(organisations)
    filtered_cohort = next((c for c in cohorts if c.pk == cohort_id), None)
    if cohort_id and filtered_cohort is None:
        # A cohort with none of their officers yet (or one they cannot see: no filter then).
        filtered_cohort = Cohort.objects.visible_to(request.user).filter(pk=cohort_id).first()
        cohorts = [filtered_cohort, *cohorts] if filtered_cohort else cohorts
        cohort_id = filtered_cohort.pk if filtered_cohort else 0
    officers = selectors.officers_of(organisations, cohort_id=cohort_id, status=view.status)
    page = Paginator(officers, OFFICERS_PER_PAGE).get_page(view.page)
    for enrolment in page:
        enrolment.can_resend = enrolment.status == Enrolment.Status.INVITED
        enrolment.can_withdraw = enrolment.status in services.WITHDRAWABLE
        enrolment.can_substitute = enrolment.status in services.SUBSTITUTABLE
        enrolment.can_move = acting_for is not None and enrolment.status in services.MOVABLE
    return render_to_string(
        BODY_TEMPLATE,
        {
            "organisations": organisations,
            "seat_lines": selectors.open_seat_lines(organisations),
            "page": page,
            "statuses": Enrolment.Status.choices,
            "status": view.status,
            "status_label": Enrolment.Status(view.status).label if view.status else "",
            "cohorts": cohorts,
            "cohort_id": cohort_id,
            "filtered_cohort": filtered_cohort,
            "acting_for": acting_for,
            "pagination_query": view.query(),
            "csrf_token": CSRF_PLACEHOLDER,
        },
    )
