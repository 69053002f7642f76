"""network.permissions.check as a matrix: champion, mentee, invitee, attendee, uninvited and
programme manager against each action."""

import pytest

from network import services
from network.models import RoundTableInvitation
from network.permissions import check
from tests.accounts.factories import UserFactory
from tests.network.factories import ChampionFactory, InvitationFactory, RoundTableFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    champion = ChampionFactory()
    table = RoundTableFactory(speaker=champion)
    invitee = InvitationFactory(round_table=table).person
    attendee = InvitationFactory(
        round_table=table, status=RoundTableInvitation.Status.ACCEPTED
    ).person
    mentee = UserFactory()
    mentoring = services.mentoring_request(mentee=mentee, champion=champion, note="Please.")
    return {
        "champion": champion.person,
        "mentee": mentee,
        "invitee": invitee,
        "attendee": attendee,
        "uninvited": UserFactory(),
        "manager": UserFactory(programme_manager=True),
        "_table": table,
        "_profile": champion,
        "_mentoring": mentoring,
    }


ROLES = ["champion", "mentee", "invitee", "attendee", "uninvited", "manager"]
# action: (objects, who may), in the order of ROLES.
MATRIX = {
    "see-directory": ([], "1 1 1 1 1 1"),
    "make-champion": ([], "0 0 0 0 0 1"),
    "see-matches": ([], "0 0 0 0 0 1"),
    "run-round-tables": ([], "0 0 0 0 0 1"),
    "request-mentoring": (["_profile"], "0 0 1 1 1 1"),
    "answer-mentoring": (["_mentoring"], "1 0 0 0 0 0"),
    "close-mentoring": (["_mentoring"], "1 1 0 0 0 0"),
    "see-round-table": (["_table"], "0 0 1 1 0 1"),
    "answer-invitation": (["_table"], "0 0 1 1 0 0"),
    "see-joining-details": (["_table"], "0 0 0 1 0 1"),
    "see-notes": (["_table"], "0 0 0 1 0 1"),
}


@pytest.mark.parametrize("action", sorted(MATRIX))
def test_who_may_do_what(people, action):
    names, cells = MATRIX[action]
    objects = [people[name] for name in names]
    got = " ".join(str(int(bool(check(people[role], action, *objects)))) for role in ROLES)
    assert got == cells, f"{action}: roles {ROLES}"


def test_a_refusal_says_why(people):
    answer = check(people["uninvited"], "see-notes", people["_table"])
    assert not answer and "attended" in answer.reason
