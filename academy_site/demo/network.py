"""The champions' network and round tables in the demo (issue 20), built through the network's
services as the programme team and the people themselves would: a dozen champions across
sectors and regions (four of them graduates of last year's Kent cohort), two mentoring pairs and
a request waiting for Dana Whitfield's answer, an open session, and two round tables: one coming
(Jonathan Pryce, a chief executive, is invited and has not answered yet) and one held, with its
unattributed notes and a published summary."""

import datetime as dt

from django.db.models import Q

from cohorts.models import Certificate, Organisation
from network import open_sessions, round_tables, services
from network.models import OpenSession, RoundTable
from practice.models import Theme

from .people import person
from .world import london

# (first, last, role, organisation key or (name, sector), region, themes, offers, capacity)
CHAMPIONS = [
    (
        "Dana",
        "Whitfield",
        "Chief executive",
        "kcc",
        "south-east",
        ["data-sharing", "customer-access-and-top-tasks"],
        "mentoring speaking",
        3,
    ),
    (
        "Marcus",
        "Obi",
        "Assistant chief constable (digital)",
        "gmp",
        "north-west",
        ["data-sharing", "cyber-resilience"],
        "mentoring open-sessions",
        2,
    ),
    (
        "Priya",
        "Raman",
        "Chief digital officer",
        "gm-nhs",
        "north-west",
        ["health-and-social-care-integration", "data-sharing"],
        "mentoring open-sessions speaking",
        2,
    ),
    (
        "Tom",
        "Ellery",
        "Chief fire officer",
        "kent-fire",
        "south-east",
        ["workforce-and-mobile-working"],
        "open-sessions speaking",
        0,
    ),
    (
        "Helen",
        "Marsh",
        "Corporate director, resources",
        ("Leeds City Council", "local-authority"),
        "yorkshire-and-the-humber",
        ["procurement", "customer-access-and-top-tasks"],
        "mentoring",
        2,
    ),
    (
        "Gethin",
        "Rowlands",
        "Cabinet member for digital",
        ("Cardiff Council", "local-authority"),
        "wales",
        ["community-run-services"],
        "mentoring speaking",
        1,
    ),
    (
        "Aisha",
        "Karim",
        "Director of digital services",
        "dwp",
        "national",
        ["welfare-reform", "customer-access-and-top-tasks"],
        "speaking",
        0,
    ),
    (
        "Sofia",
        "Mendes",
        "Chief executive",
        ("Bristol City Council", "local-authority"),
        "south-west",
        ["troubled-families-and-multi-agency-working"],
        "mentoring speaking",
        2,
    ),
]
GRADUATE_OFFERS = [
    (["data-sharing"], "mentoring", 1),
    (["troubled-families-and-multi-agency-working"], "mentoring open-sessions", 2),
    (["cyber-resilience"], "open-sessions", 0),
    (["customer-access-and-top-tasks", "welfare-reform"], "mentoring", 1),
]
CHIEF_EXECUTIVES = [
    ("Jonathan", "Pryce", "Chief executive, Maidstone Borough Council"),
    ("Fiona", "Adeyemi", "Chief executive, Medway Council"),
    ("Robert", "Hale", "Corporate director, Kent County Council"),
    ("Claire", "Ashdown", "Chief executive, Tunbridge Wells Borough Council"),
]
UPCOMING = "Digital and devolution: South East chief executives"
PAST = "Health and care integration: North West chief executives"
NOTES = [
    "Shared care records moved fastest where the partners agreed one information-sharing "
    "agreement first, and argued about systems later.",
    "Several councils had bought the same case management product separately: a joint "
    "procurement would have saved money and made sharing easier.",
    "The hardest part was not the technology but agreeing who owns the data once it is shared.",
    "A basic question worth asking: who in each organisation can say yes to sharing data?",
]
SUMMARY = (
    "Chief executives from across the North West discussed what made health and care "
    "integration work digitally. Agreeing information sharing before choosing systems, buying "
    "together, and naming who can say yes to sharing data came up again and again."
)


def _organisation(world, key):
    if isinstance(key, tuple):
        organisation, _ = Organisation.objects.update_or_create(
            name=key[0], defaults={"sector": key[1]}
        )
        return organisation
    return world.organisations[key]


def _details(role, organisation, region, offers, capacity):
    return {
        "role": role,
        "organisation": organisation,
        "region": region,
        "offers_mentoring": "mentoring" in offers.split(),
        "offers_open_sessions": "open-sessions" in offers.split(),
        "offers_speaking": "speaking" in offers.split(),
        "mentee_capacity": capacity,
        "statement": f"I have led digital change as {role.lower()} at {organisation}, and am "
        "glad to share what worked and what did not.",
    }


def _champion(world, manager, someone, details, themes):
    profile = services.champion_make(
        actor=manager,
        person=someone,
        details=details,
        themes=Theme.objects.filter(slug__in=themes),
    )
    return services.champion_opt_in(person=someone, profile=profile, now=world.now)


def load(world):
    """Build the network's demo on the world's people and cohorts; returns summary lines."""
    RoundTable.objects.filter(title__in=[UPCOMING, PAST]).delete()
    manager = world.people["manager"]
    champions = {}
    for first, last, role, key, region, themes, offers, capacity in CHAMPIONS:
        someone = person(world, first, last, role)
        organisation = _organisation(world, key)
        details = _details(role, organisation, region, offers, capacity)
        champions[last] = _champion(world, manager, someone, details, themes)
    graduates = [
        c.enrolment
        for c in Certificate.objects.filter(enrolment__cohort=world.cohorts["closed"])
        .select_related("enrolment__participant", "enrolment__organisation")
        .exclude(Q(enrolment__participant=world.people["participant"]))
        .order_by("enrolment__participant__last_name")[:6]
    ]
    for enrolment, (themes, offers, capacity) in zip(graduates, GRADUATE_OFFERS, strict=False):
        details = _details(
            enrolment.participant.job_title or "Head of service",
            enrolment.organisation,
            "south-east",
            offers,
            capacity,
        )
        champions[enrolment.participant.last_name] = _champion(
            world, manager, enrolment.participant, details, themes
        )
    mentees = [e.participant for e in graduates[4:6]]
    _mentoring(champions, mentees, world)
    _open_session(world, champions, graduates)
    ceo = _round_tables(world, manager, champions)
    return [
        f"Champions' network: {len(champions)} champions; Dana Whitfield "
        "(dana.whitfield@academy.example) has a request for mentoring to answer on her home "
        f"page. Round tables: {ceo.email} is invited to “{UPCOMING}”.",
    ]


def _mentoring(champions, mentees, world):
    dana, marcus = champions["Whitfield"], champions["Obi"]
    pairs = [
        (
            marcus,
            mentees[0] if mentees else world.people["nominator"],
            "Our force is starting "
            "to share data with the council: how did you win the trust of your partners?",
        ),
        (
            dana,
            world.people["facilitator"],
            "I would like to learn how you led the council's move to online services.",
        ),
    ]
    for champion, mentee, note in pairs:
        mentoring = services.mentoring_request(mentee=mentee, champion=champion, note=note)
        services.mentoring_answer(champion_person=champion.person, mentoring=mentoring, accept=True)
    waiting = mentees[1] if len(mentees) > 1 else world.people["nominator"]
    services.mentoring_request(
        mentee=waiting,
        champion=dana,
        note="I lead our digital programme and would value an hour a month on data sharing.",
    )


def _open_session(world, champions, graduates):
    priya = champions["Raman"]
    starts = london(world.today + dt.timedelta(days=16), 12, 30)
    session = open_sessions.open_session_save(
        actor=priya.person,
        session=OpenSession(
            host=priya,
            title="Open session: starting a shared care record",
            description="An hour on how Greater Manchester's partners agreed to share care "
            "records: what came first, what went wrong, and questions.",
            starts_at=starts,
            ends_at=starts + dt.timedelta(hours=1),
            joining_url="https://meet.example.org/shared-care-record",
            capacity=3,
        ),
        themes=Theme.objects.filter(slug="health-and-social-care-integration"),
    )
    for enrolment in graduates[:4]:
        if enrolment.participant != priya.person:
            open_sessions.open_session_book(person=enrolment.participant, session=session)


def _invite_and_answer(manager, table, people, accepting):
    invitees = [
        round_tables.Invitee(p.email, p.first_name, p.last_name, p.job_title) for p in people
    ]
    round_tables.round_table_invite(actor=manager, round_table=table, invitees=invitees)
    for someone in accepting:
        round_tables.invitation_answer(person=someone, round_table=table, accept=True)


def _round_tables(world, manager, champions):
    chief_executives = [person(world, *spec) for spec in CHIEF_EXECUTIVES]
    starts = london(world.today + dt.timedelta(days=24), 8, 30)
    upcoming = round_tables.round_table_save(
        actor=manager,
        round_table=RoundTable(
            title=UPCOMING,
            region="south-east",
            description="The role of digital in meeting devolution, health and care "
            "integration and welfare reform, for chief executives and corporate directors.",
            speaker=champions["Whitfield"],
            starts_at=starts,
            ends_at=starts + dt.timedelta(hours=2),
            venue="Sessions House, County Road, Maidstone",
            joining_instructions="Breakfast from 08:00. Ask for the Cabinet Room at reception.",
        ),
    )
    _invite_and_answer(manager, upcoming, chief_executives, chief_executives[1:3])
    past_start = london(world.today - dt.timedelta(days=45), 9, 0)
    past = round_tables.round_table_save(
        actor=manager,
        round_table=RoundTable(
            title=PAST,
            region="north-west",
            speaker=champions["Raman"],
            starts_at=starts,
            ends_at=starts + dt.timedelta(hours=2),
            venue="Manchester Town Hall",
        ),
    )
    north_west = [champions["Obi"].person, champions["Marsh"].person, chief_executives[3]]
    _invite_and_answer(manager, past, north_west, north_west)
    # Invited and answered before it took place: it is held, 45 days ago.
    past.starts_at, past.ends_at = past_start, past_start + dt.timedelta(hours=2)
    past = round_tables.round_table_save(actor=manager, round_table=past)
    for text in NOTES:
        round_tables.round_table_note_add(actor=manager, round_table=past, text=text)
    round_tables.round_table_summary_save(
        actor=manager, round_table=past, summary=SUMMARY, publish=True
    )
    return chief_executives[0]
