"""Headers and settings a visitor's browser relies on: the Content Security Policy (strict on
the site, looser only under /admin/), and upload limits that keep private files private."""

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def directives(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_the_site_forbids_inline_and_foreign_scripts(client):
    policy = directives(client.get(reverse("privacy")))
    assert policy["script-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-eval'" not in policy["script-src"]


def test_signed_in_pages_get_the_same_strict_policy(client, manager):
    client.force_login(manager)
    policy = directives(client.get(reverse("home")))
    assert "'unsafe-inline'" not in policy["script-src"]


def test_the_admin_gets_its_own_policy_and_still_loads_its_scripts(client, manager):
    client.force_login(manager)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    policy = directives(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["object-src"] == ["'none'"]
    html = response.content.decode()
    script = "/static/wagtailadmin/js/core.js"
    assert script in html
    assert client.get(script).status_code == 200


def test_uploads_are_limited_in_size_and_type():
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 10 * 1024 * 1024
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 10 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE <= 10 * 1024 * 1024
    for risky in ("html", "htm", "svg", "js", "exe"):
        assert risky not in settings.WAGTAILDOCS_EXTENSIONS
        assert risky not in settings.WAGTAILIMAGES_EXTENSIONS


def test_documents_are_only_served_through_the_checked_view():
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"


def test_a_request_too_large_for_memory_is_refused_not_crashed(client):
    big = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = client.post(reverse("accounts:login"), {"username": big, "password": "x"})
    assert response.status_code == 400


def test_sign_in_lock_out_and_two_factor_are_switched_on_outside_dev():
    assert settings.AUTHENTICATION_BACKENDS[0] == "accounts.backends.LockoutBackend"
    assert settings.AXES_ENABLED
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"
