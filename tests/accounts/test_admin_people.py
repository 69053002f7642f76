"""The admin's people screens: only a superuser may grant "Administrator" (is_superuser) or
change an administrator's account; Wagtail's default groups hold no rights."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupApprovalTask, GroupPagePermission

from accounts.models import User
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def person_form(person, **overrides):
    data = {
        "username": person.username,
        "email": person.email,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "job_title": person.job_title,
        "team": person.team,
        "is_active": "on",
        "password1": "",
        "password2": "",
    }
    data.update(overrides)
    return data


def test_a_programme_manager_is_not_offered_administrator_and_cannot_post_it(client, manager):
    officer = UserFactory(participant=True)
    client.force_login(manager)
    edit = reverse("wagtailusers_users:edit", args=[officer.pk])
    assert 'name="is_superuser"' not in client.get(edit).content.decode()
    client.post(edit, person_form(officer, is_superuser="on"))
    client.post(edit, person_form(manager, is_superuser="on"))
    officer.refresh_from_db()
    manager.refresh_from_db()
    assert not officer.is_superuser and not manager.is_superuser


def test_a_programme_manager_cannot_create_an_administrator(client, manager):
    client.force_login(manager)
    client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "new@example.org",
            "email": "new@example.org",
            "first_name": "New",
            "last_name": "Person",
            "password1": "A-long-passphrase-77",
            "password2": "A-long-passphrase-77",
            "is_superuser": "on",
        },
    )
    created = User.objects.filter(email="new@example.org").first()
    assert created is None or not created.is_superuser


def test_a_programme_manager_cannot_change_an_administrators_account(client, manager):
    admin = UserFactory(is_superuser=True, email="admin@example.org")
    client.force_login(manager)
    edit = reverse("wagtailusers_users:edit", args=[admin.pk])
    assert client.get(edit).status_code != 200
    client.post(edit, person_form(admin, email="taken-over@example.org"))
    admin.refresh_from_db()
    assert admin.email == "admin@example.org"


def test_a_superuser_may_grant_administrator(client):
    admin = UserFactory(is_superuser=True)
    officer = UserFactory()
    client.force_login(admin)
    edit = reverse("wagtailusers_users:edit", args=[officer.pk])
    assert 'name="is_superuser"' in client.get(edit).content.decode()
    client.post(edit, person_form(officer, is_superuser="on"))
    officer.refresh_from_db()
    assert officer.is_superuser


def test_wagtails_default_groups_are_gone_and_approval_asks_programme_managers():
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    assert (
        not GroupPagePermission.objects.exclude(
            group__name__in=["programme-manager", "facilitator"]
        )
        .exclude(group__name__startswith="programme-")
        .exists()
    )
    for task in GroupApprovalTask.objects.filter(active=True):
        assert list(task.groups.values_list("name", flat=True)) == ["programme-manager"]
