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
    response = client.post(reverse("accounts:login"), {"login": big, "password": "x"})
    assert response.status_code == 400


def test_sign_in_limits_and_second_factors_are_switched_on_outside_dev():
    assert settings.AUTHENTICATION_BACKENDS == ["accounts.backends.EmailBackend"]
    assert settings.ACCOUNT_RATE_LIMITS["login_failed"].endswith("5/15m/key")
    assert {"email"} == settings.ACCOUNT_LOGIN_METHODS
    assert "accounts.middleware.RequireSecondFactorMiddleware" in settings.MIDDLEWARE


def test_every_response_carries_a_permissions_policy(client):
    for url in (reverse("privacy"), reverse("accounts:login")):
        policy = client.get(url)["Permissions-Policy"]
        assert "camera=()" in policy and "geolocation=()" in policy and "microphone=()" in policy
        assert "publickey-credentials-get=(self)" in policy


def test_account_pages_and_personal_data_downloads_are_never_stored(client, manager):
    assert "no-store" in client.get(reverse("accounts:login"))["Cache-Control"]
    client.force_login(manager)
    for url in (
        reverse("accounts:my_account"),
        reverse("personal_data:my_data"),
        reverse("personal_data:my_data_download", args=["json"]),
        reverse("account_email"),
    ):
        assert "no-store" in client.get(url)["Cache-Control"], url


def test_the_sign_in_page_may_send_its_form_on_to_a_linked_identity_provider(client):
    from single_sign_on.services import identity_provider_link
    from tests.cohorts.factories import OrganisationFactory

    identity_provider_link(
        organisation=OrganisationFactory(name="Kent Police"),
        issuer_url="https://login.example.net/tenant/v2.0",
        client_id="academy",
        client_secret="secret",
        email_domains=["kent.police.example"],
    )
    policy = directives(client.get(reverse("accounts:login")))
    assert policy["form-action"] == ["'self'", "https://login.example.net"]
    assert directives(client.get(reverse("privacy")))["form-action"] == ["'self'"]


def test_the_readme_states_the_upload_limits_the_code_applies():
    from cohorts.attendance.forms import MAX_IMPORT_BYTES
    from cohorts.certificates.designs import IMAGE_MAX_BYTES
    from cohorts.enrolment import imports
    from cohorts.material.forms import SLIDES_MAX_BYTES
    from practice.forms import DOCUMENT_MAX_BYTES
    from spreadsheets import formats

    readme = (settings.BASE_DIR / "README.md").read_text()
    section = readme[readme.index("- **Uploads**") :]
    section = " ".join(section[: section.index("\n- **")].split())
    mb = 1024 * 1024
    for phrase in (
        f"form fields {settings.DATA_UPLOAD_MAX_MEMORY_SIZE // mb} MB",
        f"nomination spreadsheets {imports.MAX_BYTES // mb} MB and {imports.MAX_ROWS:,} officers",
        f"video-call attendance reports {MAX_IMPORT_BYTES // mb} MB",
        f"session slides {SLIDES_MAX_BYTES // mb} MB",
        f"case study documents {DOCUMENT_MAX_BYTES // mb} MB",
        f"images {settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE // mb} MB",
        f"certificate design images {IMAGE_MAX_BYTES // 1024} KB",
        f"more than {formats.MAX_UNPACKED_BYTES // mb} MB",
        f"past {formats.MAX_ROWS:,} rows, {formats.MAX_COLUMNS} columns or a cell of "
        f"{formats.MAX_CELL_CHARS:,} characters",
    ):
        assert phrase in section, phrase
