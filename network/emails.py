"""The notifications the network sends, each kind with its placeholders, samples and default
wording (programme managers may reword them: notifications.NotificationWording). Built into
`notifications.services.Message`s by network.tasks."""

from cohorts.mail import PERSON, PERSON_SAMPLE, person_values, when, where
from notifications.kinds import NotificationKind

OTHER = {
    "other_name": "The other person's full name",
    "other_role": "The other person's role and organisation",
    "other_email": "The other person's email address (only once mentoring is accepted)",
}
OTHER_SAMPLE = {
    "other_name": "Dana Whitfield",
    "other_role": "Chief executive, Kent County Council",
    "other_email": "dana.whitfield@kent.example.gov.uk",
}
ROUND_TABLE = {
    "round_table": "The round table's title",
    "round_table_when": "When it is (UK time)",
    "round_table_where": "Where it is: the venue, or that it is online",
    "region": "The region it is for",
    "speaker": "Who addresses it",
    "link": "The link to answer (single use) or its page",
}
ROUND_TABLE_SAMPLE = {
    "round_table": "Digital and devolution: South East chief executives",
    "round_table_when": "Thursday 14 May 2026, 08:30 to 10:30 (UK time)",
    "round_table_where": "Sessions House, Maidstone",
    "region": "South East",
    "speaker": "Dana Whitfield, Chief executive, Kent County Council",
    "link": "https://academy.example.gov.uk/network/round-tables/invitation/abc/",
}
PAGE = {"link": "The page to go to"}
PAGE_SAMPLE = {"link": "https://academy.example.gov.uk/network/mentoring/"}

KINDS = [
    NotificationKind(
        "champion-offered",
        "Champion: you are proposed as a champion",
        "the person a programme manager proposes",
        {**PERSON, **PAGE},
        {**PERSON_SAMPLE, **PAGE_SAMPLE},
        subject="Would you be a digital champion?",
        body="""Dear {first_name},

The programme team would like to list you in the digital champions' network, so that peers can ask you for mentoring, come to your open sessions or hear you speak.

Your profile is not shown to anyone until you opt in. Look at it, change it and opt in (or leave it) here:
{link}""",
    ),
    NotificationKind(
        "mentoring-requested",
        "Mentoring: a request for a champion",
        "the champion asked",
        {**PERSON, **OTHER, **PAGE, "note": "The mentee's note"},
        {**PERSON_SAMPLE, **OTHER_SAMPLE, **PAGE_SAMPLE, "note": "I lead our data work."},
        subject="{other_name} asks you for mentoring",
        body="""Dear {first_name},

{other_name} ({other_role}) asks you for mentoring:

{note}

Accept or decline from your home page or here:
{link}""",
    ),
    NotificationKind(
        "mentoring-accepted",
        "Mentoring: accepted (contact details exchanged)",
        "the mentee and the champion",
        {**PERSON, **OTHER, **PAGE},
        {**PERSON_SAMPLE, **OTHER_SAMPLE, **PAGE_SAMPLE},
        subject="Mentoring agreed with {other_name}",
        body="""Dear {first_name},

Your mentoring with {other_name} ({other_role}) is agreed. You can reach them at {other_email}.

Either of you can close the mentoring when it has run its course:
{link}""",
    ),
    NotificationKind(
        "mentoring-declined",
        "Mentoring: declined",
        "the mentee",
        {**PERSON, **OTHER, **PAGE},
        {**PERSON_SAMPLE, **OTHER_SAMPLE, **PAGE_SAMPLE},
        subject="Your request for mentoring",
        body="""Dear {first_name},

{other_name} cannot take you on as a mentee at the moment. Other champions may: find one in the directory:
{link}""",
    ),
    NotificationKind(
        "mentoring-closed",
        "Mentoring: closed",
        "the other side of the mentoring",
        {**PERSON, **OTHER, **PAGE},
        {**PERSON_SAMPLE, **OTHER_SAMPLE, **PAGE_SAMPLE},
        subject="Mentoring with {other_name} closed",
        body="""Dear {first_name},

{other_name} has closed your mentoring. Thank you for taking part.

{link}""",
    ),
    NotificationKind(
        "round-table-invitation",
        "Round table: invitation",
        "each person invited",
        {**PERSON, **ROUND_TABLE},
        {**PERSON_SAMPLE, **ROUND_TABLE_SAMPLE},
        subject="Invitation: {round_table}",
        body="""Dear {first_name},

You are invited to a chief executive round table for the {region}, by invitation only:

{round_table}
{round_table_when}
Where: {round_table_where}
Speaker: {speaker}

It runs under the Chatham House rule: what is said may be used, but nobody is named.

Accept or decline here (the link works once; it sets up your account if you have none):
{link}""",
    ),
    NotificationKind(
        "open-session-place",
        "Open session: a place is yours",
        "the person given a place",
        {**PERSON, **PAGE, "session": "The open session", "session_when": "When (UK time)"},
        {
            **PERSON_SAMPLE,
            **PAGE_SAMPLE,
            "session": "Open session: starting a data partnership",
            "session_when": "Tuesday 12 May 2026, 12:30 to 13:30 (UK time)",
        },
        subject="You have a place: {session}",
        body="""Dear {first_name},

You have a place on {session}, {session_when}.

{link}""",
    ),
]


def name_of(person):
    return person.get_full_name().strip() or person.email


def role_of(profile_or_person):
    """“Role, organisation” of a champion; a mentee's job title."""
    if hasattr(profile_or_person, "organisation"):
        return f"{profile_or_person.role}, {profile_or_person.organisation}"
    return profile_or_person.job_title or "no job title given"


def round_table_values(round_table):
    speaker = round_table.speaker
    return {
        "round_table": round_table.title,
        "round_table_when": when(round_table.starts_at, round_table.ends_at),
        "round_table_where": where(round_table.venue, round_table.joining_url),
        "region": round_table.get_region_display(),
        "speaker": f"{name_of(speaker.person)}, {role_of(speaker)}" if speaker else "to follow",
    }


__all__ = ["KINDS", "person_values", "round_table_values"]
