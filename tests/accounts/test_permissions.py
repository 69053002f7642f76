"""The permission primitives every app shares (accounts.permissions): an answer that says why,
the signed-in check, and turning a refusal into a response; and each app's one entry point."""

import ast
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory

from accounts.permissions import ALLOWED, Permission, deny, signed_in
from cohorts import permissions as cohort_permissions
from modules import permissions as module_permissions
from personal_data import permissions as personal_data_permissions
from tests.accounts.factories import UserFactory
from tests.cohorts.factories import CohortFactory

ROOT = Path(__file__).resolve().parents[2]
APPS = ["accounts", "content", "modules", "cohorts", "personal_data"]


def test_a_refusal_is_false_and_says_why():
    refused = Permission(False, "Only facilitators keep registers.")
    assert not refused and refused.reason == "Only facilitators keep registers."
    assert ALLOWED and ALLOWED.reason == ""


@pytest.mark.django_db
def test_signed_in_means_an_active_account():
    assert not signed_in(None)
    assert not signed_in(AnonymousUser())
    assert not signed_in(UserFactory(is_active=False))
    assert signed_in(UserFactory())


def test_a_stranger_is_sent_to_sign_in_and_back():
    request = RequestFactory().get("/cohorts/sessions/3/check-in/?code=ABC")
    request.user = AnonymousUser()
    response = deny(request, Permission(False, "Sign in to check in."))
    assert response.status_code == 302
    assert "next=/cohorts/sessions/3/check-in/%3Fcode%3DABC" in response.url


@pytest.mark.django_db
def test_someone_signed_in_is_refused_with_the_reason():
    request = RequestFactory().get("/")
    request.user = UserFactory()
    with pytest.raises(PermissionDenied, match="Only this cohort's facilitators"):
        deny(request, Permission(False, "Only this cohort's facilitators can do this."))


@pytest.mark.parametrize(
    "permissions", [cohort_permissions, module_permissions, personal_data_permissions]
)
def test_each_apps_entry_point_answers_for_every_action_it_names(permissions):
    assert permissions.ACTIONS
    with pytest.raises(KeyError):
        permissions.check(None, "no-such-action")
    for action, rule in permissions.ACTIONS.items():
        assert callable(rule), action


@pytest.mark.django_db
def test_the_entry_point_gives_the_rules_answer(manager, facilitator):
    cohort = CohortFactory(facilitators=[facilitator])
    other = CohortFactory()
    for user in (manager, facilitator):
        for target in (cohort, other):
            assert cohort_permissions.check(
                user, "run-cohort", target
            ) == cohort_permissions.can_run_cohort(user, target)
    assert not cohort_permissions.check(facilitator, "run-cohort", other)


def _python_files():
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" not in path.parts:
                yield path


def test_the_primitives_are_written_once():
    """No app writes its own Permission, signed-in check or deny helper again."""
    copies = []
    for path in _python_files():
        if path == ROOT / "accounts" / "permissions.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ClassDef) and node.name == "Permission":
                copies.append(f"{path.relative_to(ROOT)}: class Permission")
            if isinstance(node, ast.FunctionDef) and node.name.strip("_") in {
                "signed_in",
                "deny",
                "check_permission",
            }:
                copies.append(f"{path.relative_to(ROOT)}: def {node.name}")
    assert not copies


def test_views_ask_their_apps_entry_point_not_the_rules():
    """Views call `permissions.check(...)`; only the permissions module and the other rules
    use the named rules (`can_...`)."""
    direct = []
    for path in _python_files():
        if not (path.name == "views.py" or path.name.endswith("_views.py")):
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("permissions"):
                direct += [
                    f"{path.relative_to(ROOT)} imports {alias.name}"
                    for alias in node.names
                    if alias.name.startswith("can_")
                ]
    assert not direct
