"""The network's part of the security world, in the roles of the URL x role matrix:

- `other_participant` is a champion (listed; mentoring, open sessions, speaking) who hosts open
  session OS; `participant` has asked them for mentoring (waiting for an answer);
- round table RT: `participant` accepted (an attendee), `nominator` invited and not yet answered
  (an invitee), everyone else uninvited (a 404); RT's one note; the nominator's invitation link
  is the world's token (the cohort invitation's, hashed the same way, in another table);
- round table RTB beside it, to which only `other_participant` is invited (cohort A's people
  must get a 404 for it), and a profile offered to someone who has not opted in (not listed).
"""

import datetime as dt

from django.utils import timezone

from cohorts.enrolment.invitations import hash_token
from network.models import (
    ChampionProfile,
    Mentoring,
    OpenSession,
    RoundTable,
    RoundTableInvitation,
    RoundTableNote,
)
from tests.accounts.factories import UserFactory


def _invite(table, person, status, token_hash, expires_at):
    return RoundTableInvitation.objects.create(
        round_table=table,
        person=person,
        status=status,
        token_hash=token_hash,
        expires_at=expires_at,
    )


def build_network_records(world):
    people, now = world.people, timezone.now()
    champion = ChampionProfile.objects.create(
        person=people["other_participant"],
        role="Chief executive",
        organisation=world["health"],
        region="south-east",
        offers_mentoring=True,
        offers_open_sessions=True,
        offers_speaking=True,
        mentee_capacity=3,
        status=ChampionProfile.Status.LISTED,
    )
    unlisted = ChampionProfile.objects.create(
        person=UserFactory(email="not.yet@example.org"),
        role="Director",
        organisation=world["police"],
        region="london",
        status=ChampionProfile.Status.OFFERED,
    )
    Mentoring.objects.create(champion=champion, mentee=people["participant"], note="Help me.")
    starts = now + dt.timedelta(days=20)
    table = RoundTable.objects.create(
        title="South East chief executives",
        region="south-east",
        speaker=champion,
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=2),
        venue="Sessions House",
        joining_url="https://meet.example.org/rt",
        organiser=people["manager"],
    )
    expires = now + dt.timedelta(days=14)
    _invite(table, people["participant"], "accepted", hash_token("attendee-a"), expires)
    _invite(table, people["nominator"], "invited", hash_token(world.token), expires)
    RoundTableNote.objects.create(round_table=table, text="Shared data needs shared trust.")
    table_b = RoundTable.objects.create(
        title="Medway leaders",
        region="south-east",
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=2),
        organiser=people["manager"],
    )
    _invite(table_b, people["other_participant"], "accepted", hash_token("attendee-b"), expires)
    session = OpenSession.objects.create(
        host=champion,
        title="Starting a data partnership",
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=1),
        joining_url="https://meet.example.org/os",
        capacity=10,
    )
    world.objects.update(
        {"champion": champion, "unlisted": unlisted, "RT": table, "RTB": table_b, "OS": session}
    )
