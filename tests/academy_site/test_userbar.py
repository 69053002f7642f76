"""Wagtail's userbar only for a person who may edit the page they see (issue 22, the staff
tax): a facilitator who may use the admin but not edit this page gets the header's "Admin"
link and no userbar; an editor of the page (or of a page above it) gets the userbar."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

from academy_site.templatetags.academy_userbar import may_edit
from content.models import StandardPage
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

USERBAR = "<wagtail-userbar"


def test_a_facilitator_who_may_not_edit_the_page_gets_no_userbar(client, facilitator, home_page):
    client.force_login(facilitator)
    response = client.get(home_page.url)
    assert response.status_code == 200
    assert USERBAR not in response.content.decode()


def _editors_of(page, codename, person):
    group = Group.objects.create(name=f"Editors of {page.pk}: {codename}")
    GroupPagePermission.objects.create(
        group=group, page=page, permission=Permission.objects.get(codename=codename)
    )
    person.groups.add(group)


def _about(home_page):
    about = home_page.add_child(instance=StandardPage(title="About", slug="about"))
    about.save_revision().publish()
    return about


def test_an_editor_of_the_page_gets_the_userbar(client, facilitator, home_page):
    _editors_of(home_page, "change_page", facilitator)
    client.force_login(facilitator)
    response = client.get(home_page.url)
    assert USERBAR in response.content.decode()


def test_a_superuser_gets_the_userbar(client, home_page):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get(home_page.url)
    assert USERBAR in response.content.decode()


@pytest.mark.parametrize("codename", ["change_page", "add_page", "publish_page"])
def test_an_editor_of_a_page_above_gets_the_userbar(client, facilitator, home_page, codename):
    about = _about(home_page)
    _editors_of(Page.get_first_root_node(), codename, facilitator)
    client.force_login(facilitator)
    assert USERBAR in client.get(about.url).content.decode()


def test_an_editor_of_another_page_gets_no_userbar(client, facilitator, home_page):
    about = _about(home_page)
    _editors_of(about, "change_page", facilitator)  # a page below the home page, not above it
    _editors_of(home_page, "delete_page", facilitator)  # not an editing permission
    client.force_login(facilitator)
    assert USERBAR not in client.get(home_page.url).content.decode()
    assert USERBAR in client.get(about.url).content.decode()


def test_may_edit_asks_what_wagtails_page_permissions_answer(facilitator, home_page):
    """The one-query check agrees with Wagtail's own, page by page and permission by
    permission."""
    from wagtail.permission_policies.pages import PagePermissionPolicy

    about = _about(home_page)
    policy = PagePermissionPolicy()
    for page in [Page.get_first_root_node(), home_page, about]:
        for codename in ["change_page", "add_page", "publish_page", "lock_page"]:
            person = UserFactory(facilitator=True)
            _editors_of(page, codename, person)
            for seen in [home_page, about]:
                expected = policy.user_has_any_permission_for_instance(
                    person, {"change", "add", "publish"}, seen
                )
                assert may_edit(person, seen) == expected, (page, codename, seen)


def test_an_inactive_editor_may_not_edit(facilitator, home_page):
    _editors_of(home_page, "change_page", facilitator)
    facilitator.is_active = False
    assert not may_edit(facilitator, home_page)


def test_an_editors_userbar_does_not_load_all_their_permissions(client, facilitator, home_page):
    """Wagtail's own tag asks Django whether the person may use the admin, which reads every
    permission they hold in person and through their groups (two queries); the header has
    already answered that question in one."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _editors_of(home_page, "change_page", facilitator)
    client.force_login(facilitator)
    client.get(home_page.url)  # Wagtail makes the person's admin profile on its first userbar
    with CaptureQueriesContext(connection) as queries:
        assert USERBAR in client.get(home_page.url).content.decode()
    assert not [q for q in queries if "user_user_permissions" in q["sql"]]
