"""Wagtail's userbar only for a person who may edit the page they see (issue 22, the staff
tax): a facilitator who may use the admin but not edit this page gets the header's "Admin"
link and no userbar; an editor of the page gets the userbar."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

USERBAR = "<wagtail-userbar"


def test_a_facilitator_who_may_not_edit_the_page_gets_no_userbar(client, facilitator, home_page):
    client.force_login(facilitator)
    response = client.get(home_page.url)
    assert response.status_code == 200
    assert USERBAR not in response.content.decode()


def test_an_editor_of_the_page_gets_the_userbar(client, facilitator, home_page):
    group = Group.objects.create(name="Home page editors")
    GroupPagePermission.objects.create(
        group=group, page=home_page, permission=Permission.objects.get(codename="change_page")
    )
    facilitator.groups.add(group)
    client.force_login(facilitator)
    response = client.get(home_page.url)
    assert USERBAR in response.content.decode()


def test_a_superuser_gets_the_userbar(client, home_page):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get(home_page.url)
    assert USERBAR in response.content.decode()
