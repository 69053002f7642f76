"""What the network's pages read: the directory, each person's mentoring and invitations, the
matches programme managers follow, and the network's part of each person's home."""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.utils import timezone

from accounts.roles import is_programme_manager

from .models import (
    ChampionProfile,
    Mentoring,
    Offer,
    OpenSession,
    OpenSessionBooking,
    RoundTable,
    RoundTableInvitation,
)

PAGE_SIZE = 20
OFFER_FIELDS = {
    Offer.MENTORING: "offers_mentoring",
    Offer.OPEN_SESSIONS: "offers_open_sessions",
    Offer.SPEAKING: "offers_speaking",
}


def directory(*, theme=None, region="", sector="", offer="", page_number=1):
    """Listed champions, filtered; each with `places_taken` (mentee places in use). No
    contact details are selected for the directory's template to show."""
    champions = ChampionProfile.objects.listed()
    if theme:
        champions = champions.filter(themes=theme)
    if region:
        champions = champions.filter(region=region)
    if sector:
        champions = champions.filter(organisation__sector=sector)
    if offer in OFFER_FIELDS:
        champions = champions.filter(**{OFFER_FIELDS[offer]: True})
    champions = (
        champions.with_mentees_taken()
        .select_related("person", "organisation")
        .prefetch_related("themes")
        .order_by("person__last_name", "person__first_name", "pk")
    )
    return Paginator(champions, PAGE_SIZE).get_page(page_number)


def mentorings_of(user, *, giving_page=1, receiving_page=1):
    """A person's mentorings, a page of each: those they give (as champion) and receive."""
    base = Mentoring.objects.select_related(
        "champion__person", "champion__organisation", "mentee"
    ).order_by("-requested_at", "pk")
    return {
        "giving": Paginator(base.filter(champion__person=user), PAGE_SIZE).get_page(giving_page),
        "receiving": Paginator(base.filter(mentee=user), PAGE_SIZE).get_page(receiving_page),
    }


def matches(*, status="", page_number=1):
    """Every mentoring match and its state, for programme managers (the note is not read)."""
    found = Mentoring.objects.defer("note").select_related(
        "champion__person", "champion__organisation", "mentee"
    )
    if status in Mentoring.Status.values:
        found = found.filter(status=status)
    return Paginator(found.order_by("-requested_at", "pk"), PAGE_SIZE).get_page(page_number)


def round_tables_for(user, *, page_number=1):
    """The round tables a person may see (invited; programme managers every one), each with
    their own invitation where they have one."""
    tables = RoundTable.objects.visible_to(user).order_by("-starts_at", "pk")
    page = Paginator(tables, PAGE_SIZE).get_page(page_number)
    mine = {
        i.round_table_id: i
        for i in RoundTableInvitation.objects.filter(
            person=user, round_table__in=[t.pk for t in page.object_list]
        )
    }
    for table in page.object_list:
        table.my_invitation = mine.get(table.pk)
    return page


def published_summaries(*, page_number=1):
    tables = RoundTable.objects.with_published_summary().order_by("-starts_at", "pk")
    return Paginator(tables, PAGE_SIZE).get_page(page_number)


def open_sessions(*, page_number=1, now=None):
    sessions = (
        OpenSession.objects.coming(now)
        .with_booked()
        .select_related("host__person", "host__organisation")
        .prefetch_related("themes")
        .order_by("starts_at", "pk")
    )
    return Paginator(sessions, PAGE_SIZE).get_page(page_number)


def booking_of(user, session):
    return OpenSessionBooking.objects.filter(
        session=session, person=user, status__in=["booked", "waiting"]
    ).first()


@dataclass
class NetworkHome:
    """The network's part of a person's home: what waits for them, and their ways in."""

    profile: ChampionProfile | None = None
    to_answer: list = field(default_factory=list)
    invitations: list = field(default_factory=list)
    has_round_tables: bool = False
    manager: bool = False
    applications: int = 0


def network_home(user, *, now=None):
    """Two queries for most people (their profile, their coming round tables); a champion's
    requests to answer and a manager's applications to approve add one each."""
    now = now or timezone.now()
    home = NetworkHome(manager=is_programme_manager(user))
    home.profile = ChampionProfile.objects.filter(person=user).first()
    if home.profile is not None:
        home.to_answer = list(
            Mentoring.objects.filter(champion=home.profile, status="requested")
            .select_related("mentee")
            .order_by("requested_at")[:20]
        )
    home.invitations = list(
        RoundTableInvitation.objects.filter(person=user, round_table__ends_at__gt=now)
        .select_related("round_table")
        .order_by("round_table__starts_at")[:10]
    )
    home.has_round_tables = home.manager or bool(home.invitations)
    if home.manager:
        home.applications = ChampionProfile.objects.filter(status="applied").count()
    return home
