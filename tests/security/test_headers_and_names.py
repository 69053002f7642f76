"""Issue 15, smaller findings: downloads named per RFC 6266 (a certificate for a name outside
Latin-1 is saved under its name), nothing signed-in is cached, the public verification page
shows what a verifier needs and no more, and a stray quote in a search is not a server error."""

import pytest
from django.urls import reverse
from django.utils import timezone

from links.downloads import content_disposition
from tests.security.world import security_world, security_world_once

security_world_once = pytest.fixture(scope="module")(security_world_once)
world = pytest.fixture(security_world)


def test_a_download_name_has_an_ascii_fallback_and_the_real_name():
    header = content_disposition("certificate-Дмитрий-Zoë.pdf")
    assert header.startswith('attachment; filename="certificate-')
    assert header.endswith(
        "filename*=UTF-8''certificate-%D0%94%D0%BC%D0%B8%D1%82%D1%80%D0%B8%D0%B9-Zo%C3%AB.pdf"
    )
    assert 'filename="certificate--Zoe.pdf"' in header
    assert content_disposition("plain.csv") == 'attachment; filename="plain.csv"'
    assert content_disposition('a"b\\c.csv').count('"') == 2


def test_a_certificate_for_a_name_outside_latin_1_is_saved_under_its_name(client, world):
    certificate = world["certificateA"]
    certificate.holder_name = "Дмитрий Ридли"
    certificate.save()
    client.force_login(world.people["participant"])
    response = client.get(reverse("cohorts:certificate_download", args=[certificate.pk]))
    assert response.status_code == 200
    header = response["Content-Disposition"]
    assert "=?utf-8?" not in header.lower()
    assert header.startswith("attachment; filename=")
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    "name, kwargs, role",
    [
        ("cohorts:cohort_attendance_export", {"export_format": "csv"}, "facilitator"),
        ("cohorts:people", {}, "facilitator"),
        ("cohorts:cohort_completion", {}, "nominator"),
    ],
)
def test_pages_and_downloads_with_personal_data_are_never_stored(client, world, name, kwargs, role):
    client.force_login(world.people[role])
    response = client.get(reverse(name, kwargs={"pk": world["cohortA"].pk, **kwargs}))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_the_verification_page_shows_what_a_verifier_needs_and_no_more(client, world):
    certificate = world["certificateA"]
    certificate.place_name = "Kent"
    certificate.sessions_attended = 7
    certificate.save()
    body = client.get(reverse("certificates:verify", args=[certificate.display_code])).text
    for shown in (certificate.holder_name, certificate.programme_title, certificate.cohort_name):
        assert shown in body
    assert "Sessions attended" not in body and "Place" not in body


def test_a_revoked_certificate_says_revoked_and_when(client, world):
    certificate = world["certificateA"]
    certificate.revoked_at = timezone.now()
    certificate.revoked_reason = "Issued in error."
    certificate.save()
    body = client.get(reverse("certificates:verify", args=[certificate.display_code])).text
    assert f"revoked on {timezone.localdate(certificate.revoked_at):%-d %B %Y}" in body


@pytest.mark.parametrize("query", ['"', '""', 'data "', "'", "AND OR", "*", "-"])
def test_a_stray_quote_in_a_module_search_is_not_a_server_error(client, world, query):
    client.force_login(world.people["participant"])
    assert client.get(reverse("modules:search"), {"q": query}).status_code == 200
