"""Who holds which role, and what each role group may do in the admin after migrating."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.db import IntegrityError, transaction

from accounts.models import User
from accounts.roles import (
    Role,
    grant_role,
    is_facilitator,
    is_nominator,
    is_programme_manager,
    may_use_admin,
    roles_of,
)
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("traits", "expected"),
    [
        pytest.param({"programme_manager": True}, [Role.PROGRAMME_MANAGER], id="manager"),
        pytest.param({"facilitator": True}, [Role.FACILITATOR], id="facilitator"),
        pytest.param({"nominator": True}, [Role.NOMINATOR], id="nominator"),
        pytest.param({"participant": True}, [Role.PARTICIPANT], id="participant"),
        pytest.param({}, [], id="no-role"),
        pytest.param(
            {"roles": [Role.NOMINATOR, Role.PARTICIPANT]},
            [Role.NOMINATOR, Role.PARTICIPANT],
            id="nominator-and-participant",
        ),
        pytest.param({"is_superuser": True}, [Role.PROGRAMME_MANAGER], id="superuser"),
        pytest.param({"programme_manager": True, "is_active": False}, [], id="inactive-manager"),
    ],
)
def test_roles_of_lists_a_persons_roles_most_powerful_first(traits, expected):
    assert roles_of(UserFactory(**traits)) == expected


def test_an_anonymous_visitor_holds_no_role():
    visitor = AnonymousUser()
    assert roles_of(visitor) == []
    assert not is_programme_manager(visitor)
    assert not is_facilitator(visitor)
    assert not is_nominator(visitor)


def test_a_superuser_is_a_programme_manager_without_the_group():
    assert is_programme_manager(UserFactory(is_superuser=True))


def test_a_facilitator_is_not_a_programme_manager():
    assert not is_programme_manager(UserFactory(facilitator=True))


def test_granting_a_role_takes_effect_at_once():
    person = UserFactory()
    assert not is_nominator(person)  # caches the person's roles
    grant_role(person, Role.NOMINATOR)
    assert is_nominator(person)


def test_role_groups_exist_after_migrating_keyed_by_slug():
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "programme-manager",
        "facilitator",
        "nominator",
        "participant",
    }


def _perms(slug):
    group = Group.objects.get(name=slug)
    return {
        f"{app}.{codename}"
        for app, codename in group.permissions.values_list("content_type__app_label", "codename")
    }


def test_programme_managers_may_use_the_admin_and_change_cohorts():
    perms = _perms("programme-manager")
    assert "wagtailadmin.access_admin" in perms
    for model in ["cohort", "organisation", "place", "enrolment", "completionrule"]:
        assert f"cohorts.change_{model}" in perms
        assert f"cohorts.add_{model}" in perms


def test_programme_managers_may_edit_every_page():
    from wagtail.models import GroupPagePermission

    page_perms = set(
        GroupPagePermission.objects.filter(
            group__name="programme-manager", page__depth=1
        ).values_list("permission__codename", flat=True)
    )
    assert {"add_page", "change_page", "publish_page"} <= page_perms


def test_facilitators_may_use_the_admin_but_not_change_cohorts():
    perms = _perms("facilitator")
    assert "wagtailadmin.access_admin" in perms
    assert "cohorts.change_cohort" not in perms
    facilitator = UserFactory(facilitator=True)
    assert facilitator.has_perm("wagtailadmin.access_admin")
    assert not facilitator.has_perm("cohorts.change_cohort")


@pytest.mark.parametrize("slug", ["nominator", "participant"])
def test_nominators_and_participants_have_no_admin_permissions(slug):
    assert _perms(slug) == set()


def test_the_manager_role_grants_its_permissions_to_a_person():
    manager = UserFactory(programme_manager=True)
    assert manager.has_perm("wagtailadmin.access_admin")
    assert manager.has_perm("cohorts.change_cohort")


def test_emails_are_stored_lower_case_and_found_in_any_case():
    UserFactory(email="Sam.Patel@Example.org")
    assert User.objects.get_by_email("  SAM.PATEL@example.ORG ").email == "sam.patel@example.org"


def test_create_user_uses_the_email_as_username_when_none_is_given():
    person = User.objects.create_user(email="New.Person@Example.org", password="x-long-pass")
    assert person.username == person.email == "new.person@example.org"


def test_two_accounts_cannot_share_an_email_in_different_case():
    UserFactory(email="a@x.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user(username="other", email="A@X.ORG")


@pytest.mark.parametrize(
    "traits, offered",
    [
        ({"programme_manager": True}, True),
        ({"facilitator": True}, True),
        ({"nominator": True}, False),
        ({"participant": True}, False),
    ],
)
def test_the_admin_link_is_offered_to_those_who_may_use_the_admin(client, traits, offered):
    from django.urls import reverse

    client.force_login(UserFactory(**traits))
    page = client.get(reverse("privacy")).content.decode()
    assert (f'href="{reverse("wagtailadmin_home")}"' in page) is offered


def test_a_participants_pages_ask_nothing_of_the_permission_tables_beyond_their_roles(client):
    """The roles' one query says which groups the person is in and whether one of them opens
    the admin; nothing else reads the permission tables for a participant's page (Django's own
    check reads every permission they hold, in two queries)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    client.force_login(UserFactory(participant=True))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("privacy")).status_code == 200
    permission_reads = [q["sql"] for q in queries if "auth_permission" in q["sql"]]
    assert len(permission_reads) == 1, permission_reads
    assert "auth_group" in permission_reads[0] and "user_permissions" not in permission_reads[0]


def _access_admin():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def test_may_use_admin_costs_a_facilitator_no_query_beyond_their_roles(
    django_assert_num_queries,
):
    # Django's own check reads all of the person's and all of their groups' permissions (two
    # queries); the roles' query, made on every signed-in request anyway, already knows (issue 22).
    facilitator = UserFactory(facilitator=True)
    with django_assert_num_queries(1):
        assert roles_of(facilitator) == [Role.FACILITATOR]
        assert may_use_admin(facilitator)


def test_a_manager_may_use_the_admin():
    assert may_use_admin(UserFactory(programme_manager=True))


def test_a_facilitator_whose_group_lost_the_admin_is_not_offered_it():
    Group.objects.get(name=Role.FACILITATOR).permissions.remove(_access_admin())
    assert not may_use_admin(UserFactory(facilitator=True))


def test_a_facilitator_granted_the_admin_in_person_is_offered_it():
    Group.objects.get(name=Role.FACILITATOR).permissions.remove(_access_admin())
    facilitator = UserFactory(facilitator=True)
    facilitator.user_permissions.add(_access_admin())
    assert may_use_admin(facilitator)


def test_a_nominator_granted_the_admin_in_person_is_still_not_offered_it():
    # Only the roles that use the admin (and staff) are asked, as before.
    nominator = UserFactory(nominator=True)
    nominator.user_permissions.add(_access_admin())
    assert not may_use_admin(nominator)


def test_losing_the_admin_takes_effect_on_the_next_request(client):
    from django.urls import reverse

    facilitator = UserFactory(facilitator=True)
    client.force_login(facilitator)
    admin_link = f'href="{reverse("wagtailadmin_home")}"'
    assert admin_link in client.get(reverse("privacy")).content.decode()
    facilitator.groups.remove(Group.objects.get(name=Role.FACILITATOR))
    assert admin_link not in client.get(reverse("privacy")).content.decode()
