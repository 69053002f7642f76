"""Who may see module content, cohort session material and documents: role × object matrices."""

import pytest
from django.urls import reverse

from cohorts.permissions import can_view_cohort_session
from modules.models import ModulePage
from modules.permissions import can_download_document, can_view_module
from tests.modules.world import ALLOWED, ROLES

pytestmark = pytest.mark.django_db

RESTRICTED = ["module-A1", "session-A", "module-document", "slides"]


def _url(world, name):
    obj = world[name]
    if name == "session-A":
        return reverse("cohorts:session_detail", args=[obj.pk])
    if name in {"module-document", "slides", "public-document"}:
        return obj.url
    return obj.url


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", RESTRICTED)
def test_restricted_content_is_seen_only_by_the_programmes_people(world, client_for, role, name):
    response = client_for(world.people[role]).get(_url(world, name))
    if role in ALLOWED:
        assert response.status_code == 200
    elif role == "anonymous":
        # Sent to sign in, and back to the page asked for afterwards.
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
        assert "next=" in response["Location"]
    else:
        # A clear page saying why, not a sign-in loop.
        assert response.status_code == 403
        assert b"You do not have access" in response.content
        assert b"participants" in response.content


@pytest.mark.parametrize("role", ROLES)
def test_programme_page_and_unused_documents_are_public(world, client_for, role):
    client = client_for(world.people[role])
    assert client.get(world["programme-A"].url).status_code == 200
    response = client.get(world["public-document"].url)
    assert response.status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_permission_checks_agree_with_the_pages(world, role):
    from django.contrib.auth.models import AnonymousUser

    user = world.people[role] or AnonymousUser()
    expected = role in ALLOWED
    assert bool(can_view_module(user, world["module-A1"])) is expected
    assert bool(can_view_cohort_session(user, world["session-A"])) is expected
    assert bool(can_download_document(user, world["module-document"])) is expected
    assert bool(can_download_document(user, world["slides"])) is expected
    assert bool(can_download_document(user, world["public-document"])) is True
    assert set(ModulePage.objects.visible_to(user).values_list("title", flat=True)) >= (
        {"Leading digital change", "Data and evidence"} if expected else set()
    )
    if not expected and role != "manager":
        titles = set(ModulePage.objects.visible_to(user).values_list("title", flat=True))
        assert "Leading digital change" not in titles


@pytest.mark.parametrize("role", ROLES)
def test_only_the_cohorts_facilitators_and_managers_edit_session_material(world, client_for, role):
    url = reverse("cohorts:session_material_edit", args=[world["session-A"].pk])
    response = client_for(world.people[role]).get(url)
    if role in {"facilitator-of-A", "manager"}:
        assert response.status_code == 200
    elif role == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code == 403


def test_invited_participant_cannot_open_modules_until_they_confirm(world, client_for):
    from cohorts.models import Enrolment

    enrolment = Enrolment.objects.get(participant=world.people["participant-of-A"])
    enrolment.status = Enrolment.Status.INVITED
    enrolment.save()
    response = client_for(world.people["participant-of-A"]).get(world["module-A1"].url)
    assert response.status_code == 403


def test_sign_in_link_brings_the_visitor_back_to_the_module(world, client):
    response = client.get(world["module-A1"].url)
    assert (
        response["Location"].endswith("?next=" + world["module-A1"].url.replace("/", "%2F"))
        or world["module-A1"].url in response["Location"]
    )


def test_facilitator_of_another_cohort_of_the_programme_does_not_see_its_session_material(
    world, client_for
):
    from tests.accounts.factories import UserFactory
    from tests.cohorts.factories import CohortFactory

    other = UserFactory(facilitator=True)
    CohortFactory(programme=world["programme-A"], facilitators=[other])
    client = client_for(other)
    assert client.get(world["module-A1"].url).status_code == 200
    session_url = reverse("cohorts:session_detail", args=[world["session-A"].pk])
    assert client.get(session_url).status_code == 403


def test_participant_of_another_cohort_of_the_programme_sees_modules_but_not_session_material(
    world, client_for
):
    from tests.cohorts.factories import CohortFactory, EnrolmentFactory

    enrolment = EnrolmentFactory(cohort=CohortFactory(programme=world["programme-A"]))
    client = client_for(enrolment.participant)
    assert client.get(world["module-A1"].url).status_code == 200
    session_url = reverse("cohorts:session_detail", args=[world["session-A"].pk])
    assert client.get(session_url).status_code == 403
    assert client.get(world["slides"].url).status_code == 403


def test_a_module_address_that_does_not_exist_is_not_found(world, client_for):
    client = client_for(world.people["participant-of-A"])
    assert client.get(f"{world['programme-A'].url}no-such-module/").status_code == 404
    assert client.get(f"{world['module-A1'].url}deeper/").status_code == 404


def test_an_unpublished_module_is_not_found_even_for_its_participants(world, client_for):
    from tests.modules.factories import ModulePageFactory

    draft = ModulePageFactory(parent=world["programme-A"], title="Draft module", live=False)
    url = f"{world['programme-A'].url}{draft.slug}/"
    assert client_for(world.people["participant-of-A"]).get(url).status_code == 404
    assert client_for(world.people["manager"]).get(url).status_code == 404
