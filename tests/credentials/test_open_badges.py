"""Open Badges 3.0 credentials: a demo-like certificate's credential validates against 1EdTech's
AchievementCredential JSON Schema, and its VC-JWT signature verifies with PyJWT (the academy
signs with joserfc) against the published key set; revocation shows through the signed status
list and on the checking page; a re-issue makes a new credential keeping the first award date;
rotated keys keep old credentials verifiable; "Add to LinkedIn" carries the certification."""

import datetime as dt
import json
import os
import re
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import jwt as pyjwt
import pytest
from django.core.management import call_command
from django.urls import reverse

from cohorts.certificates import services
from cohorts.models import LONDON
from credentials import badges, status
from credentials.models import Credential, SigningKey
from tests.cohorts.certificate_helpers import World, fake_pdf  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fake_pdf")]

# shared/ sits beside the repository (ACADEMY_SHARED_DIR names it elsewhere, for a worktree).
SHARED = (
    os.environ.get("ACADEMY_SHARED_DIR") or Path(__file__).resolve().parents[2].parent / "shared"
)
REFERENCE = Path(SHARED) / "reference/open-badges-3.0"


def _schema():
    path = REFERENCE / "achievementcredential.schema.json"
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"1EdTech's AchievementCredential JSON Schema is missing: {path}")
        pytest.skip(
            f"1EdTech's AchievementCredential JSON Schema is not beside the repository: {path}"
        )
    return json.loads(path.read_text())


def _issued(**names):
    world = World(certificate_valid_for_months=24)
    enrolment = world.completer(**(names or {"first_name": "Dimitra", "last_name": "Papadopoulou"}))
    certificate = services.certificate_issue(
        enrolment=enrolment, issued_by=world.facilitator, notify=False
    )
    return world, certificate


def _download(client, certificate, export_format="json"):
    client.force_login(certificate.enrolment.participant)
    response = client.get(
        reverse("credentials:certificate_credential", args=[certificate.pk, export_format])
    )
    assert response.status_code == 200
    assert f".{export_format}" in response["Content-Disposition"]
    return response.content.decode()


def _pyjwt_verify(client, token):
    """Check a VC-JWT as an outside verifier would: with PyJWT, the key named in its header,
    looked up in the academy's published key set."""
    header = pyjwt.get_unverified_header(token)
    assert header["alg"] == "ES256" and header["typ"] == "JWT"
    jwks = client.get(reverse("credentials:jwks")).json()
    assert all("d" not in key for key in jwks["keys"]), "a private key was published"
    (jwk,) = [key for key in jwks["keys"] if key["kid"] == header["kid"]]
    # The kid is an address that answers the same public key.
    path = urlparse(header["kid"]).path
    assert client.get(path).json() == jwk
    return pyjwt.decode(
        token,
        key=pyjwt.PyJWK(jwk).key,
        algorithms=["ES256"],
        options={"require": ["iss", "jti", "nbf", "sub"]},
    )


def test_a_certificates_credential_validates_against_the_schema_and_verifies_with_pyjwt(client):
    from jsonschema import Draft201909Validator, FormatChecker

    _world, certificate = _issued()
    document = json.loads(_download(client, certificate))
    (proof,) = document.pop("proof")
    assert proof["type"] == "JwtProof2020"

    Draft201909Validator(_schema(), format_checker=FormatChecker()).validate(document)
    claims = _pyjwt_verify(client, proof["jwt"])
    # The token signs exactly what the file says, with the VC-JWT claims beside it.
    assert {
        k: v for k, v in claims.items() if k not in ("iss", "jti", "nbf", "sub", "exp")
    } == document
    assert claims["iss"] == document["issuer"]["id"]
    assert claims["jti"] == document["id"] and document["id"].startswith("urn:uuid:")
    assert claims["sub"] == document["credentialSubject"]["id"]

    assert document["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    subject = document["credentialSubject"]
    assert subject["name"] == "Dimitra Papadopoulou"
    assert subject["activityStartDate"].startswith(str(certificate.starts_on))
    assert subject["activityEndDate"].startswith(str(certificate.ends_on))
    achievement = subject["achievement"]
    assert achievement["name"] == certificate.programme_title
    assert "Attend at least 3 of the cohort's sessions" in achievement["criteria"]["narrative"]
    assert achievement["image"]["id"].startswith("data:image/svg+xml;base64,")
    assert document["evidence"][0]["id"].endswith(
        f"/certificates/verify/{certificate.display_code}/"
    )
    # Current all its last day: it expires as the next day starts in London.
    end = dt.datetime.combine(certificate.expires_on + dt.timedelta(days=1), dt.time(), LONDON)
    assert claims["exp"] == int(end.timestamp())
    assert document["validUntil"] == badges.iso(end)
    # The issuer's profile and the achievement are published where their ids say.
    assert client.get(urlparse(document["issuer"]["id"]).path).json()["name"] == "Academy"
    assert client.get(urlparse(achievement["id"]).path).status_code == 200


def test_the_jwt_file_is_the_compact_token_alone(client):
    _world, certificate = _issued()
    token = _download(client, certificate, "jwt")
    assert re.fullmatch(r"[\w-]+\.[\w-]+\.[\w-]+", token)
    assert _pyjwt_verify(client, token)["credentialSubject"]["name"] == "Dimitra Papadopoulou"


def _status_bit(client, credential_json):
    entry = credential_json["credentialStatus"]
    assert entry["type"] == "BitstringStatusListEntry" and entry["statusPurpose"] == "revocation"
    response = client.get(urlparse(entry["statusListCredential"]).path)
    assert response["Content-Type"] == "application/vc+jwt"
    status_list = _pyjwt_verify(client, response.content.decode())
    assert status_list["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    bits = status.decode(status_list["credentialSubject"]["encodedList"])
    assert len(bits) * 8 == status.LIST_SIZE
    return status.bit_is_set(bits, int(entry["statusListIndex"]))


def _check(client, text):
    client.logout()
    response = client.post(reverse("credentials:check"), {"credential": text})
    assert response.status_code == 200
    return " ".join(unescape(response.content.decode()).split())


def test_a_revoked_certificates_credential_shows_revoked_in_the_status_list_and_the_check(client):
    world, certificate = _issued()
    token = _download(client, certificate, "jwt")
    document = json.loads(_download(client, certificate))
    assert _status_bit(client, document) is False
    page = _check(client, token)
    assert "Status: valid." in page and "Dimitra Papadopoulou" in page

    services.certificate_revoke(certificate=certificate, revoked_by=world.facilitator, reason="x")
    assert _status_bit(client, document) is True
    page = _check(client, token)
    assert "Status: revoked on" in page and "Status: valid." not in page
    # The .json file checks the same way; and the holder can no longer download one.
    assert "Status: revoked on" in _check(client, json.dumps(document))
    client.force_login(certificate.enrolment.participant)
    url = reverse("credentials:certificate_credential", args=[certificate.pk, "json"])
    assert client.get(url).status_code == 404


def test_a_tampered_credential_fails_its_check(client):
    _world, certificate = _issued()
    document = json.loads(_download(client, certificate))
    document["credentialSubject"]["name"] = "Somebody Else"
    page = _check(client, json.dumps(document))
    assert "Status: not valid." in page and "differs from what was signed" in page
    header, payload, signature = document["proof"][0]["jwt"].split(".")
    assert "Status: not valid." in _check(client, f"{header}.{payload[:-4]}AAAA.{signature}")
    assert "Status: not valid." in _check(client, "not a credential at all")


def test_a_reissue_makes_a_new_credential_keeping_the_first_award_date(client):
    world, certificate = _issued()
    first = json.loads(_download(client, certificate))
    certificate = services.certificate_reissue(
        certificate=certificate, reissued_by=world.facilitator, holder_name="Dimitra P.", reason="x"
    )
    second = json.loads(_download(client, certificate))
    assert second["id"] != first["id"]
    assert second["awardedDate"] == first["awardedDate"]
    assert second["validFrom"] >= first["validFrom"]
    assert (
        second["credentialSubject"]["achievement"]["id"]
        == first["credentialSubject"]["achievement"]["id"]
    )
    assert Credential.objects.filter(certificate=certificate).count() == 2
    # The first edition's credential is withdrawn: replaced, not revoked.
    assert _status_bit(client, first) is True and _status_bit(client, second) is False
    page = _check(client, json.dumps(first))
    assert "Status: replaced on" in page


def test_rotating_the_key_keeps_old_credentials_verifiable(client):
    _world, certificate = _issued()
    old_token = _download(client, certificate, "jwt")
    call_command("rotate_credential_key", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert SigningKey.objects.count() == 2
    assert SigningKey.objects.filter(retired_at__isnull=True).count() == 1
    new_token = _download(client, certificate, "jwt")
    assert (
        pyjwt.get_unverified_header(new_token)["kid"]
        != pyjwt.get_unverified_header(old_token)["kid"]
    )
    assert _pyjwt_verify(client, old_token)["jti"] == _pyjwt_verify(client, new_token)["jti"]
    assert "Status: valid." in _check(client, old_token)
    # The private halves are stored encrypted, never as a PEM.
    assert all("PRIVATE KEY" not in key.private_key for key in SigningKey.objects.all())


def test_add_to_linkedin_opens_linkedins_form_filled_in(client):
    _world, certificate = _issued()
    client.force_login(certificate.enrolment.participant)
    page = client.get(reverse("cohorts:my_certificates")).content.decode()
    (href,) = re.findall(r'href="(https://www\.linkedin\.com/profile/add\?[^"]+)"', page)
    url = urlparse(unescape(href))
    fields = {k: v[0] for k, v in parse_qs(url.query).items()}
    assert fields == {
        "startTask": "CERTIFICATION_NAME",
        "name": certificate.programme_title,
        "organizationName": "Academy",
        "issueYear": str(certificate.issued_at.year),
        "issueMonth": str(certificate.issued_at.month),
        "expirationYear": str(certificate.expires_on.year),
        "expirationMonth": str(certificate.expires_on.month),
        "certUrl": f"http://testserver/certificates/verify/{certificate.display_code}/",
        "certId": certificate.display_code,
    }
    assert "Add to LinkedIn profile" in page and "(opens in new tab)" in page
    assert "Download the digital credential" in page


def test_only_the_holder_is_offered_and_may_download_the_credential(client):
    world, certificate = _issued()
    client.force_login(world.nominator)
    page = client.get(reverse("cohorts:my_certificates")).content.decode()
    assert "Download the certificate" in page  # the nominator sees their officer's PDF
    assert "linkedin.com" not in page and "digital credential" not in page
    url = reverse("credentials:certificate_credential", args=[certificate.pk, "json"])
    assert client.get(url).status_code == 404


def test_a_status_list_is_the_specifications_bitstring():
    encoded = status.encode({0, 7, 8, status.LIST_SIZE - 1})
    assert encoded.startswith("u")
    bits = status.decode(encoded)
    assert bits[0] == 0b1000_0001 and bits[1] == 0b1000_0000 and bits[-1] == 1
    assert [i for i in (0, 1, 7, 8, 9) if status.bit_is_set(bits, i)] == [0, 7, 8]


def test_the_certificates_page_costs_the_same_queries_however_many_certificates(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    world = World(certificate_valid_for_months=12)

    def queries():
        client.force_login(world.nominator)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("cohorts:my_certificates")).status_code == 200
        return len(captured)

    for _ in range(2):
        services.certificate_issue(
            enrolment=world.completer(), issued_by=world.facilitator, notify=False
        )
    few = queries()
    for _ in range(3):
        services.certificate_issue(
            enrolment=world.completer(), issued_by=world.facilitator, notify=False
        )
    assert queries() == few
