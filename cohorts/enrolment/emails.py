"""The notifications about a place on a cohort: to the officer (invited, offered a seat from
the waiting list, on the waiting list, withdrawn, substituted, moved to another cohort) and to
their organisation's nominators (the officer confirmed or declined, the programme team changed
a place, seats still unfilled). Each kind's default wording is here; a programme words its own
in the admin. Sent by `tasks`."""

from links import absolute_reverse
from notifications.kinds import NotificationKind
from notifications.services import Message

from ..mail import (
    COHORT,
    COHORT_SAMPLE,
    OFFICER,
    OFFICER_SAMPLE,
    PERSON,
    PERSON_SAMPLE,
    cohort_values,
    local,
    officer_values,
    person_values,
)

INVITATION = {
    "organisation": "The organisation that nominated them",
    "link": "Their single-use link to confirm or decline the place",
    "expires": "When the link stops working",
}
INVITATION_SAMPLE = {
    "organisation": "Kent Police",
    "link": "https://academy.example.gov.uk/cohorts/invitation/Xy12.../",
    "expires": "Tuesday 17 March 2026, 09:30",
}
NOMINATOR_LINK = {"portal_link": "The nominator's page of officers and seats"}
NOMINATOR_LINK_SAMPLE = {"portal_link": "https://academy.example.gov.uk/cohorts/nominate/"}

KINDS = [
    NotificationKind(
        "invitation",
        "Invitation to a place",
        "the nominated officer",
        {**PERSON, **COHORT, **INVITATION},
        {**PERSON_SAMPLE, **COHORT_SAMPLE, **INVITATION_SAMPLE},
        subject="Your place on {cohort}",
        body="""Dear {first_name},

{organisation} has nominated you for a place on {cohort}, from {cohort_dates}.

Please confirm or decline your place using this link:

{link}

If you do not have an account yet, you will set your password there.

The link works once and expires on {expires}. If it has expired, ask your organisation's nominator to send a new one.""",
    ),
    NotificationKind(
        "place-offered",
        "Waiting-list place offered",
        "the officer on the waiting list who is offered a seat",
        {**PERSON, **COHORT, **INVITATION},
        {**PERSON_SAMPLE, **COHORT_SAMPLE, **INVITATION_SAMPLE},
        subject="A place has come up on {cohort}",
        body="""Dear {first_name},

A seat has become free on {cohort} ({cohort_dates}), and it is yours if you want it: you were on the waiting list.

Please confirm or decline your place using this link:

{link}

The link works once and expires on {expires}.""",
    ),
    NotificationKind(
        "waiting-list",
        "On the waiting list",
        "the nominated officer, when every seat is taken",
        {**PERSON, **COHORT, "organisation": "The organisation that nominated them"},
        {**PERSON_SAMPLE, **COHORT_SAMPLE, "organisation": "Kent Police"},
        subject="You are on the waiting list for {cohort}",
        body="""Dear {first_name},

{organisation} has nominated you for {cohort}, from {cohort_dates}.

All its seats are taken at the moment, so you are on the waiting list. If a seat becomes free we will email you an invitation to confirm your place.""",
    ),
    NotificationKind(
        "officer-confirmed",
        "Officer confirmed their place",
        "the officer's nominator",
        {**PERSON, **COHORT, **OFFICER, **NOMINATOR_LINK},
        {**PERSON_SAMPLE, **COHORT_SAMPLE, **OFFICER_SAMPLE, **NOMINATOR_LINK_SAMPLE},
        subject="{officer} has confirmed their place on {cohort}",
        body="""Dear {first_name},

{officer} ({organisation}) has confirmed their place on {cohort}, from {cohort_dates}.

Your officers and seats:
{portal_link}""",
    ),
    NotificationKind(
        "officer-declined",
        "Officer declined their place",
        "the officer's nominator",
        {**PERSON, **COHORT, **OFFICER, **NOMINATOR_LINK, "reason": "The reason they gave"},
        {
            **PERSON_SAMPLE,
            **COHORT_SAMPLE,
            **OFFICER_SAMPLE,
            **NOMINATOR_LINK_SAMPLE,
            "reason": "Clashes with a budget round.",
        },
        subject="{officer} has declined their place on {cohort}",
        body="""Dear {first_name},

{officer} ({organisation}) has declined their place on {cohort}.

Their reason: {reason}

The seat is offered to the waiting list first. You can nominate someone else while your organisation has seats left:
{portal_link}""",
    ),
    NotificationKind(
        "place-withdrawn",
        "Place withdrawn",
        "the officer whose place is withdrawn",
        {**PERSON, **COHORT, "organisation": "The officer's organisation"},
        {**PERSON_SAMPLE, **COHORT_SAMPLE, "organisation": "Kent Police"},
        subject="Your place on {cohort} is withdrawn",
        body="""Dear {first_name},

Your place on {cohort} has been withdrawn, so you are no longer expected at its sessions and any invitation link we sent you no longer works.

If this is a surprise, please talk to your organisation's nominator at {organisation}.""",
    ),
    NotificationKind(
        "place-substituted",
        "Place passed to a substitute",
        "the officer whose seat another officer takes over",
        {**PERSON, **COHORT, "organisation": "The officer's organisation"},
        {**PERSON_SAMPLE, **COHORT_SAMPLE, "organisation": "Kent Police"},
        subject="Your place on {cohort} has passed to a colleague",
        body="""Dear {first_name},

{organisation} has passed your place on {cohort} to a colleague, so you are no longer expected at its sessions and any invitation link we sent you no longer works.

If this is a surprise, please talk to your organisation's nominator.""",
    ),
    NotificationKind(
        "enrolment-moved",
        "Moved to another cohort",
        "the officer moved to another cohort",
        {
            **PERSON,
            **COHORT,
            "from_cohort": "The cohort they were on",
            "status": "Their place on the new cohort (invited, confirmed, waiting list)",
            "link": "Their My academy page",
        },
        {
            **PERSON_SAMPLE,
            **COHORT_SAMPLE,
            "from_cohort": "Digital Academy: Medway 2026",
            "status": "confirmed",
            "link": "https://academy.example.gov.uk/my-academy/",
        },
        subject="You have moved to {cohort}",
        body="""Dear {first_name},

Your place on {from_cohort} has moved to {cohort}, from {cohort_dates}. Your place there is {status}.

Your sessions and calendar now follow the new cohort:
{link}""",
    ),
    NotificationKind(
        "place-changed-by-programme-team",
        "Programme team changed a place",
        "the organisation's nominators, when a programme manager acts for them",
        {
            **PERSON,
            **COHORT,
            **OFFICER,
            **NOMINATOR_LINK,
            "change": "What the programme team did (“withdrawn Priya Shah from …”)",
            "changed_by": "The programme manager's name",
        },
        {
            **PERSON_SAMPLE,
            **COHORT_SAMPLE,
            **OFFICER_SAMPLE,
            **NOMINATOR_LINK_SAMPLE,
            "change": "moved Priya Shah from Digital Academy: Kent 2026 to Digital Academy: "
            "Swale 2027",
            "changed_by": "Alex Morgan",
        },
        subject="The programme team has changed {officer}'s place on {cohort}",
        body="""Dear {first_name},

For your information, as {organisation}'s nominator: {changed_by} of the programme team has {change}.

Your officers and seats:
{portal_link}""",
    ),
    NotificationKind(
        "seats-unfilled",
        "Seats still unfilled",
        "nominators whose organisation has seats left on a cohort starting soon",
        {
            **PERSON,
            **COHORT,
            "organisation": "The nominator's organisation",
            "seats_left": "How many of its seats are still free",
            "starts_in": "How long until the cohort starts (“4 weeks”)",
            "nominate_link": "The page to nominate an officer",
        },
        {
            **PERSON_SAMPLE,
            **COHORT_SAMPLE,
            "organisation": "Kent Police",
            "seats_left": "2",
            "starts_in": "4 weeks",
            "nominate_link": "https://academy.example.gov.uk/cohorts/7/nominate/3/",
        },
        subject="Seats unfilled on {cohort}: {seats_left} left for {organisation}",
        body="""Dear {first_name},

{cohort} starts in {starts_in}, and {organisation} still has {seats_left} of its seats free.

Nominate an officer:
{nominate_link}

Seats not taken up may be offered to other organisations.""",
    ),
]


def _base(enrolment, recipient):
    return {
        **person_values(recipient),
        **cohort_values(enrolment.cohort),
        "organisation": str(enrolment.organisation),
    }


def invitation_message(enrolment, invitation, raw_token, *, offered=False):
    values = _base(enrolment, enrolment.participant)
    values["link"] = absolute_reverse("cohorts:invitation", raw_token)
    values["expires"] = local(invitation.expires_at)
    return Message(
        kind="place-offered" if offered else "invitation",
        key=f"invitation:{invitation.token_hash[:24]}",
        recipient=enrolment.participant,
        values=values,
        programme_id=enrolment.cohort.programme_id,
        about=enrolment.participant,
    )


def waiting_list_message(enrolment, *, key):
    return Message(
        kind="waiting-list",
        key=key,
        recipient=enrolment.participant,
        values=_base(enrolment, enrolment.participant),
        programme_id=enrolment.cohort.programme_id,
        about=enrolment.participant,
    )


def officer_message(kind, enrolment, *, key, extra=None):
    """A notification to the officer about their own place."""
    return Message(
        kind=kind,
        key=key,
        recipient=enrolment.participant,
        values={**_base(enrolment, enrolment.participant), **(extra or {})},
        programme_id=enrolment.cohort.programme_id,
        about=enrolment.participant,
    )


def nominator_messages(kind, enrolment, nominators, *, key, extra=None):
    """A notification about an officer to each of `nominators`."""
    return [
        Message(
            kind=kind,
            key=key,
            recipient=nominator,
            values={
                **person_values(nominator),
                **cohort_values(enrolment.cohort),
                **officer_values(enrolment),
                "portal_link": absolute_reverse("cohorts:nominate"),
                **(extra or {}),
            },
            programme_id=enrolment.cohort.programme_id,
            about=enrolment.participant,
        )
        for nominator in nominators
    ]
