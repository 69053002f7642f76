"""Reads that gather what each role's landing page shows. Every list is bounded."""

from django.db.models import Count, Q
from django.utils import timezone

from .models import Certificate, Cohort, CohortSession, Enrolment, Organisation

LIST_LIMIT = 20


def manager_overview():
    cohorts = Cohort.objects.select_related("programme", "place").annotate(
        participant_count=Count("enrolments", filter=Q(enrolments__status__in=Enrolment.ACTIVE))
    )
    return {
        "counts": {
            row["status"]: row["n"]
            for row in Cohort.objects.values("status").annotate(n=Count("pk"))
        },
        "cohorts": cohorts.exclude(status=Cohort.Status.CLOSED).order_by("starts_on")[:LIST_LIMIT],
    }


def facilitator_overview(user, now=None):
    now = now or timezone.now()
    cohorts = (
        Cohort.objects.facilitated_by(user)
        .exclude(status=Cohort.Status.CLOSED)
        .select_related("programme", "place")
        .order_by("starts_on")
    )
    sessions = (
        CohortSession.objects.filter(cohort__facilitators=user, ends_at__gte=now)
        .select_related("cohort__programme")
        .order_by("starts_at")
    )
    return {"cohorts": cohorts[:LIST_LIMIT], "upcoming_sessions": sessions[:LIST_LIMIT]}


def nominator_overview(user):
    organisations = Organisation.objects.nominated_by(user)
    officers = (
        Enrolment.objects.filter(organisation__in=organisations)
        .select_related("participant", "cohort__programme", "organisation")
        .order_by("-created_at")
    )
    open_cohorts = (
        Cohort.objects.open()
        .filter(seat_allocations__organisation__in=organisations)
        .select_related("programme", "place")
        .distinct()
        .order_by("starts_on")
    )
    return {
        "organisations": list(organisations),
        "officers": officers[:LIST_LIMIT],
        "officer_count": officers.count(),
        "open_cohorts": open_cohorts[:LIST_LIMIT],
    }


def participant_overview(user, now=None):
    now = now or timezone.now()
    enrolments = list(
        Enrolment.objects.filter(participant=user)
        .exclude(status__in=[Enrolment.Status.DECLINED, Enrolment.Status.SUBSTITUTED])
        .select_related("cohort__programme", "cohort__place", "organisation")
        .order_by("-cohort__starts_on")[:LIST_LIMIT]
    )
    next_sessions = {}
    for session in (
        CohortSession.objects.filter(
            cohort__in=[e.cohort_id for e in enrolments], ends_at__gte=now
        )
        .order_by("cohort_id", "starts_at")
    ):
        next_sessions.setdefault(session.cohort_id, session)
    for enrolment in enrolments:
        enrolment.next_session = next_sessions.get(enrolment.cohort_id)
    certificates = Certificate.objects.filter(enrolment__participant=user).order_by("-issued_at")
    return {"enrolments": enrolments, "certificates": certificates[:LIST_LIMIT]}
