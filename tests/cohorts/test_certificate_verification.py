"""The public verification pages: a code typed any old how finds its certificate; the page
shows what the certificate says and whether it is valid or revoked, and nothing more; forged
codes get a 404 of the same shape, and too many of them a 429."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from cohorts.certificates.verification import VERIFY_FAILURES_ALLOWED, verification_code_parse
from cohorts.models import new_verification_code
from tests.cohorts.factories import CertificateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def _page(code):
    return reverse("certificates:verify", args=[code])


def test_the_verification_urls_are_public():
    assert reverse("certificates:verify_form") == "/certificates/verify/"
    assert _page("ABCD") == "/certificates/verify/ABCD/"


def test_codes_are_80_random_bits_not_ids():
    codes = {new_verification_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(len(c) == 16 and verification_code_parse(c) == c for c in codes)
    # Not a counter: consecutive codes share no prefix and spread over the whole alphabet.
    assert len({c[0] for c in codes}) > 20
    first, second = CertificateFactory(), CertificateFactory()
    assert first.verification_code[:4] != second.verification_code[:4]


def test_typed_codes_ignore_case_spaces_and_dashes():
    assert verification_code_parse(" abcd-efgh ijkl_mnop ") == "ABCDEFGHIJKLMNOP"
    assert verification_code_parse("ABCD-EFGH-IJKL-MN0P") == "ABCDEFGHIJKLMNOP"  # 0 for O
    assert verification_code_parse("too short") is None
    assert verification_code_parse("<script>alert(1)</script>") is None


def test_a_valid_certificate_shows_what_it_says_and_nothing_more(client):
    certificate = CertificateFactory(
        holder_name="Zażółć Gęślą", place_name="Kent", design={"signatory_name": "Dr Ann Jones"}
    )
    typed = certificate.display_code.lower().replace("-", " ")
    response = client.get(reverse("certificates:verify_form"), {"code": typed})
    assert response.status_code == 302
    response = client.get(response["Location"])
    page = response.content.decode()
    assert response.status_code == 200
    assert "Status: valid" in page
    for value in (
        "Zażółć Gęślą",
        certificate.programme_title,
        certificate.cohort_name,
        "Dr Ann Jones",
        certificate.display_code,
    ):
        assert value in page
    # Attendance and place are on the certificate, not for the public page (issue 15).
    assert "Kent" not in page and "6 of 8" not in page
    participant = certificate.enrolment.participant
    assert participant.email not in page
    assert certificate.enrolment.organisation.name not in page


def test_a_revoked_certificate_says_so_and_when_but_not_why(client):
    certificate = CertificateFactory(
        revoked_at=timezone.make_aware(timezone.datetime(2026, 3, 2, 12)),
        revoked_reason="Attendance recorded in error",
    )
    response = client.get(_page(certificate.display_code))
    page = response.content.decode()
    assert "Status: revoked" in page and "2 March 2026" in page
    assert "Attendance recorded in error" not in page


def test_a_forged_code_gets_a_not_found_page_of_the_same_shape(client):
    CertificateFactory()
    response = client.get(_page("AAAA-BBBB-CCCC-DDDD"))
    assert response.status_code == 404
    page = response.content.decode()
    assert "Status: not found" in page and "Check another certificate" in page
    assert client.get(_page("not-a-code")).status_code == 404


def test_the_form_explains_a_code_of_the_wrong_shape(client):
    response = client.get(reverse("certificates:verify_form"), {"code": "12"})
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()


def test_repeated_guessing_is_refused_for_a_while(client):
    certificate = CertificateFactory()
    for n in range(VERIFY_FAILURES_ALLOWED):
        assert client.get(_page(f"AAAA-BBBB-CCCC-{'DEFGHIJKLM'[n]}AAA")).status_code == 404
    response = client.get(_page("AAAA-BBBB-CCCC-ZZZZ"))
    assert response.status_code == 429
    assert "Too many codes" in response.content.decode()
    # Even a real code: a guesser learns nothing more until the window has passed.
    assert client.get(_page(certificate.display_code)).status_code == 429
    # Someone else, from another address, is not affected.
    other = client.get(_page(certificate.display_code), REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200


def test_checking_real_codes_is_never_limited(client):
    certificate = CertificateFactory()
    for _ in range(VERIFY_FAILURES_ALLOWED + 2):
        assert client.get(_page(certificate.display_code)).status_code == 200
