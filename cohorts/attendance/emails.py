"""The notifications about attendance: a participant at risk of not completing (to them, and
to their organisation's nominators), and the daily digest of apologies received (to the
cohort's facilitators). Sent by the tasks in `at_risk` and `apologies`."""

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from links import absolute_reverse
from notifications.kinds import NotificationKind
from notifications.services import Message, notifications_send

from ..mail import COHORT, COHORT_SAMPLE, PERSON, PERSON_SAMPLE, cohort_values, local, person_values
from ..models import AttendanceNotification, CohortSession, CompletionRule

MISSED = {
    "headline": "The main reason, short (“can no longer meet the completion rule”)",
    "why": "Why they are at risk, in a sentence or two",
    "missed_sessions": "The sessions missed, one per line",
}
MISSED_SAMPLE = {
    "headline": "can no longer meet the completion rule",
    "why": "You can no longer meet the attendance needed to complete Digital Academy: Kent "
    "2026: it asks for 6 of the 8 scheduled sessions.",
    "missed_sessions": "- Session 2: Data and trust, Tuesday 7 April 2026, 10:00\n"
    "- Session 3: Digital services, Tuesday 5 May 2026, 10:00",
}

KINDS = [
    NotificationKind(
        "at-risk",
        "At risk of not completing",
        "the participant at risk (missed sessions put completion in doubt)",
        {**PERSON, **COHORT, **MISSED, "attendance_link": "Their own attendance page"},
        {
            **PERSON_SAMPLE,
            **COHORT_SAMPLE,
            **MISSED_SAMPLE,
            "attendance_link": "https://academy.example.gov.uk/cohorts/7/my-attendance/",
        },
        subject="Attendance on {cohort}: {headline}",
        body="""Dear {first_name},

{why}

The sessions you missed:
{missed_sessions}

Please talk to your facilitator about how to catch up.

{attendance_link}""",
    ),
    NotificationKind(
        "at-risk-nominator",
        "Officer at risk of not completing",
        "the nominators of a participant at risk",
        {
            **PERSON,
            **COHORT,
            **MISSED,
            "officer": "The participant's full name",
            "organisation": "Their organisation",
            "grid_link": "The cohort's attendance page",
        },
        {
            **PERSON_SAMPLE,
            **COHORT_SAMPLE,
            **MISSED_SAMPLE,
            "why": "Priya Shah (Kent Police) has missed two sessions of Digital Academy: Kent "
            "2026 in a row.",
            "officer": "Priya Shah",
            "organisation": "Kent Police",
            "grid_link": "https://academy.example.gov.uk/cohorts/7/attendance/",
        },
        subject="Attendance on {cohort}: {officer} {headline}",
        body="""Dear {first_name},

{why}

The sessions missed:
{missed_sessions}

You are receiving this as a nominator for {organisation}.

{grid_link}""",
    ),
    NotificationKind(
        "apologies-digest",
        "Apologies received (daily digest)",
        "the cohort's facilitators, once a day when apologies came in",
        {
            **PERSON,
            **COHORT,
            "apologies": "Each apology: who, for which session, and their reason",
            "count": "How many apologies",
            "register_link": "The cohort's attendance page",
        },
        {
            **PERSON_SAMPLE,
            **COHORT_SAMPLE,
            "apologies": "- Priya Shah (Kent Police), Session 3 on Tuesday 12 May 2026: "
            "“Giving evidence at a public inquiry.”",
            "count": "1",
            "register_link": "https://academy.example.gov.uk/cohorts/7/attendance/",
        },
        subject="Apologies received for {cohort} ({count})",
        body="""Dear {first_name},

Apologies received for {cohort} since the last digest:

{apologies}

The register suggests “apologies” for each of them:
{register_link}""",
    ),
]

_WHY = {
    AttendanceNotification.Kind.CANNOT_COMPLETE: (
        "{subject} can no longer meet the attendance needed to complete {cohort}{needs}."
    ),
    AttendanceNotification.Kind.ONE_MORE_MISS: (
        "If {subject} {miss} one more session of {cohort}, {pronoun} will not be able to "
        "complete it{needs}."
    ),
    AttendanceNotification.Kind.TWO_IN_A_ROW: (
        "{subject} {have} missed two sessions of {cohort} in a row."
    ),
}


def why(kinds, *, cohort, needed, scheduled, subject=None):
    """The reasons, as sentences: to the participant ("You can no longer...") or about them."""
    needs = f": it asks for {needed} of the {scheduled} scheduled sessions" if needed else ""
    words = {
        "subject": subject or "you",
        "miss": "misses" if subject else "miss",
        "pronoun": "they" if subject else "you",
        "have": "has" if subject else "have",
        "cohort": cohort,
        "needs": needs,
    }
    sentences = [_WHY[k].format(**words) for k in _WHY if k in kinds]
    return " ".join(s[0].upper() + s[1:] for s in sentences)


@task()
def attendance_at_risk_email(notification_ids: list[int]):
    """Email one participant, and their organisation's nominators, the at-risk warnings found
    about them, naming the sessions missed."""
    notifications = list(
        AttendanceNotification.objects.select_related(
            "enrolment__participant", "enrolment__cohort__programme", "enrolment__organisation"
        )
        .filter(pk__in=notification_ids, sent_at__isnull=True)
        .order_by("pk")
    )
    if not notifications:
        return 0
    enrolment = notifications[0].enrolment
    cohort = enrolment.cohort
    missed = {pk for n in notifications for pk in n.sessions_missed}
    sessions = CohortSession.objects.filter(pk__in=missed).order_by("starts_at")
    rule = CompletionRule.objects.filter(programme_id=cohort.programme_id).first()
    scheduled = cohort.sessions.scheduled().count()
    needed = rule.sessions_needed(scheduled) if rule else None
    kinds = {n.kind for n in notifications}
    officer = enrolment.participant.get_full_name().strip() or enrolment.participant.email
    shared = {
        **cohort_values(cohort),
        "headline": notifications[0].get_kind_display().lower(),
        "missed_sessions": "\n".join(f"- {s.title}, {local(s.starts_at)}" for s in sessions),
    }
    key = "events:" + ",".join(str(n.pk) for n in notifications)
    messages = [
        Message(
            kind="at-risk",
            key=key,
            recipient=enrolment.participant,
            values={
                **person_values(enrolment.participant),
                **shared,
                "why": why(kinds, cohort=str(cohort), needed=needed, scheduled=scheduled),
                "attendance_link": absolute_reverse("cohorts:my_attendance", cohort.pk),
            },
            programme_id=cohort.programme_id,
            about=enrolment.participant,
        )
    ]
    about = f"{officer} ({enrolment.organisation})"
    for nominator in enrolment.organisation.nominators.all():
        messages.append(
            Message(
                kind="at-risk-nominator",
                key=key,
                recipient=nominator,
                values={
                    **person_values(nominator),
                    **shared,
                    "why": why(
                        kinds, cohort=str(cohort), needed=needed, scheduled=scheduled, subject=about
                    ),
                    "officer": officer,
                    "organisation": str(enrolment.organisation),
                    "grid_link": absolute_reverse("cohorts:cohort_attendance", cohort.pk),
                },
                programme_id=cohort.programme_id,
                about=enrolment.participant,
            )
        )
    sent = notifications_send(messages)
    if any(n.kind == "at-risk" and n.status == n.Status.SENT for n in sent):
        with transaction.atomic():
            AttendanceNotification.objects.filter(pk__in=[n.pk for n in notifications]).update(
                sent_at=timezone.now()
            )
    return len(sent)
