"""The page editor under each programme, asked by every role (issue 15, point 7): editing,
adding under, previewing, the draft view and the history of a programme's module. Facilitators
edit (and draft) the programmes they run, and only those; the programme's participants, its
nominators and strangers get nothing of the admin; programme managers get everything.

The world's programme (the Digital Academy) is run by both facilitators (cohorts A and B); a
second programme here (the Member Leadership Academy) is run by nobody in the world, so a
facilitator asking for its pages is asking for another programme's.
"""

import pytest
from django.urls import reverse

from modules.services import programme_editors_sync
from tests.modules.factories import ModulePageFactory, ProgrammePageFactory
from tests.security.test_admin_matrix import expected, fetch, outcome
from tests.security.world import ROLES, security_world, security_world_once

security_world_once = pytest.fixture(scope="module")(security_world_once)
world = pytest.fixture(security_world)

# Cells as in the URL x role matrix, one per role in ROLES: Wagtail sends anyone without access
# to the admin to its sign-in ("login"), signed in or not.
OWN = "login login login login login 200 200 200"
OTHER = "login login login login login no no 200"

PAGE_VIEWS = {
    "edit": "wagtailadmin_pages:edit",
    "add": "wagtailadmin_pages:add",
    "view_draft": "wagtailadmin_pages:view_draft",
    "history": "wagtailadmin_pages:history",
}


@pytest.fixture
def programmes(world):
    own = world["module"].get_parent().specific
    programme_editors_sync(programme=own)
    other = ProgrammePageFactory(title="Member Leadership Academy")
    draft = ModulePageFactory(parent=other, title="Councillors and data")
    draft.save_revision().publish()
    draft.title = "Councillors and data (draft)"
    draft.save_revision()
    programme_editors_sync(programme=other)
    return {"own": (own, world["module"]), "other": (other, draft)}


@pytest.mark.parametrize("which", ["own", "other"])
@pytest.mark.parametrize("view", sorted(PAGE_VIEWS))
def test_the_page_editor_is_for_each_programmes_own_team(client, world, programmes, which, view):
    programme, module = programmes[which]
    if view == "add":  # a new module under the programme
        page, args = programme, ["modules", "modulepage", programme.pk]
    else:
        page, args = module, [module.pk]
    url = reverse(PAGE_VIEWS[view], args=args)
    wanted = expected(OWN if which == "own" else OTHER)
    got = {role: outcome(fetch(client, world.people[role], url)) for role in ROLES}
    mismatches = {role: (wanted[role], got[role]) for role in ROLES if got[role] != wanted[role]}
    assert not mismatches, f"{view} of {page}: role -> (expected, got): {mismatches}"


def test_a_preview_of_another_programmes_module_is_refused(client, world, programmes):
    _programme, draft = programmes["other"]
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[draft.pk])
    for role in ("facilitator", "other_facilitator", "participant", "nominator"):
        response = fetch(client, world.people[role], url)
        assert outcome(response) in ("no", "login"), role
        assert "Councillors and data" not in response.content.decode(errors="replace"), role
