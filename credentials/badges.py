"""Open Badges 3.0: the academy as an issuer Profile, each programme as an Achievement, and each
edition of a certificate as an OpenBadgeCredential, signed as a VC-JWT (Open Badges 3.0,
section 8.2: the credential is the JWT payload, with `iss`, `jti`, `nbf`, `sub` and `exp`
claims; the header names the signing key by its address in `kid`).

A credential is made (identifiers, dates, status-list place, the Achievement frozen) in the
transaction that issues, re-issues or renews its certificate; it is signed when downloaded,
with the key in use then. What it says about the holder is the certificate's frozen fields.
"""

import base64
import datetime as dt
from html import escape

from django.conf import settings
from django.utils import timezone
from joserfc import jwt

from cohorts.certificates.verification import verify_url
from cohorts.models import LONDON, Certificate, CompletionRule
from links import absolute_reverse, site_base_url

from . import keys, status
from .models import Credential

CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
SCHEMA = {
    "id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/"
    "ob_v3p0_achievementcredential_schema.json",
    "type": "1EdTechJsonSchemaValidator2019",
}


def iso(moment: dt.datetime) -> str:
    """A timestamp as Open Badges writes it: UTC, whole seconds (so `nbf` equals it)."""
    return moment.astimezone(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _day(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def issuer_id() -> str:
    return absolute_reverse("credentials:issuer")


def issuer_profile() -> dict:
    """The academy as an Open Badges issuer (ACADEMY_ISSUER_* settings)."""
    profile = {
        "id": issuer_id(),
        "type": ["Profile"],
        "name": settings.ACADEMY_ISSUER_NAME,
        "url": settings.ACADEMY_ISSUER_URL or site_base_url(),
    }
    if settings.ACADEMY_ISSUER_EMAIL:
        profile["email"] = settings.ACADEMY_ISSUER_EMAIL
    return profile


def criteria_narrative(rule: CompletionRule | None) -> str:
    """What a participant does to earn the certificate, in words, from the completion rule."""
    if rule is None:
        return "Complete the programme, as its facilitators confirm."
    parts = []
    needs = []
    if rule.min_sessions_attended:
        needs.append(f"at least {rule.min_sessions_attended} of the cohort's sessions")
    if rule.min_share_attended:
        needs.append(f"at least {rule.min_share_attended}% of the cohort's sessions")
    if needs:
        counts = [
            words
            for flag, words in (
                (rule.late_counts, "arriving late"),
                (rule.left_early_counts, "leaving early"),
            )
            if flag
        ]
        also = f" ({' and '.join(counts)} still count)" if counts else ""
        parts.append(f"Attend {' and '.join(needs)}{also}.")
    modules = [m.title for m in rule.required_modules.all()]
    if modules:
        parts.append("Complete these modules online: " + ", ".join(modules) + ".")
    if rule.facilitator_sign_off:
        parts.append("A facilitator confirms the participant has completed.")
    if rule.certificate_valid_for_months:
        parts.append(
            f"The certificate stays current for {rule.certificate_valid_for_months} months."
        )
    return " ".join(parts) or "Complete the programme, as its facilitators confirm."


def badge_image(title: str) -> dict:
    """The Achievement's image: a small badge drawn as SVG, carried in the credential."""
    initials = "".join(word[0] for word in title.split() if word[:1].isalpha())[:3].upper()
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" role="img">'
        f"<title>{escape(title)}</title>"
        '<circle cx="100" cy="100" r="96" fill="#1d3557"/>'
        '<circle cx="100" cy="100" r="80" fill="none" stroke="#f1c40f" stroke-width="6"/>'
        '<text x="100" y="118" font-family="sans-serif" font-size="52" font-weight="700" '
        f'fill="#ffffff" text-anchor="middle">{escape(initials)}</text></svg>'
    )
    data = base64.b64encode(svg.encode()).decode("ascii")
    return {"id": f"data:image/svg+xml;base64,{data}", "type": "Image", "caption": title}


def achievement(programme, rule: CompletionRule | None, *, title: str) -> dict:
    """The programme as an Open Badges Achievement."""
    return {
        "id": absolute_reverse("credentials:achievement", programme.pk),
        "type": ["Achievement"],
        "achievementType": "CertificateOfCompletion",
        "name": title,
        "description": getattr(programme, "summary", "")
        or f"{title}, a leadership programme of {settings.ACADEMY_ISSUER_NAME}.",
        "criteria": {"narrative": criteria_narrative(rule)},
        "image": badge_image(title),
        "inLanguage": "en-GB",
    }


def _programme_and_rule(certificate):
    programme = certificate.enrolment.cohort.programme
    rule = (
        CompletionRule.objects.filter(programme=programme)
        .prefetch_related("required_modules")
        .first()
    )
    return programme, rule


def _end_of(day: dt.date | None):
    """The first moment after a day, in London: a certificate is current all its last day."""
    if day is None:
        return None
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), LONDON)


def credential_make(certificate: Certificate) -> Credential:
    """The credential for the certificate's current edition (made once): a new one for each
    edition, keeping the first award's date."""
    found = Credential.objects.filter(certificate=certificate, edition=certificate.edition)
    if (existing := found.first()) is not None:
        return existing
    programme, rule = _programme_and_rule(certificate)
    frozen = achievement(programme, rule, title=certificate.programme_title)

    def make(list_number, index):
        return Credential(
            certificate=certificate,
            edition=certificate.edition,
            valid_from=certificate.reissued_at or certificate.issued_at,
            valid_until=_end_of(certificate.expires_on),
            awarded_at=certificate.issued_at,
            achievement=frozen,
            status_list=list_number,
            status_index=index,
        )

    return status.allocate(make)


def credential_json(credential: Credential) -> dict:
    """The OpenBadgeCredential: what the certificate says, the Achievement, where to check it
    and where its status is published."""
    certificate = credential.certificate
    place = f", {certificate.place_name}" if certificate.place_name else ""
    subject = {
        "id": f"urn:uuid:{credential.subject_uuid}",
        "type": ["AchievementSubject"],
        "activityStartDate": _day(certificate.starts_on),
        "activityEndDate": _day(certificate.ends_on),
        "achievement": credential.achievement,
    }
    if certificate.holder_name:
        subject["name"] = certificate.holder_name
    payload = {
        "@context": CONTEXT,
        "id": credential.urn,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": certificate.programme_title,
        "description": f"Completed {certificate.programme_title} with the cohort "
        f"{certificate.cohort_name}{place}, {certificate.starts_on:%d %B %Y} to "
        f"{certificate.ends_on:%d %B %Y}.",
        "issuer": issuer_profile(),
        "validFrom": iso(credential.valid_from),
        "awardedDate": iso(credential.awarded_at),
        "credentialSubject": subject,
        "evidence": [
            {
                "id": verify_url(certificate),
                "type": ["Evidence"],
                "name": f"Certificate {certificate.display_code}",
                "description": "The academy's public page for checking this certificate.",
            }
        ],
        "credentialStatus": status.status_entry(credential),
        "credentialSchema": [SCHEMA],
    }
    if credential.valid_until:
        payload["validUntil"] = iso(credential.valid_until)
    return payload


def sign(payload: dict) -> str:
    """A credential as a VC-JWT (compact JWS), signed with the key in use."""
    claims = {
        **payload,
        "iss": payload["issuer"]["id"]
        if isinstance(payload["issuer"], dict)
        else payload["issuer"],
        "jti": payload["id"],
        "nbf": int(dt.datetime.fromisoformat(payload["validFrom"]).timestamp()),
        "sub": payload["credentialSubject"]["id"],
    }
    if payload.get("validUntil"):
        claims["exp"] = int(dt.datetime.fromisoformat(payload["validUntil"]).timestamp())
    key = keys.signing_key()
    header = {"alg": keys.ALGORITHM, "kid": keys.key_url(key), "typ": "JWT"}
    return jwt.encode(header, claims, keys.private_key(key), algorithms=[keys.ALGORITHM])


def credential_jwt(credential: Credential) -> str:
    return sign(credential_json(credential))


def credential_download(credential: Credential) -> dict:
    """The holder's `.json` file: the credential as it reads, with its VC-JWT as the proof (a
    verifier checks the token, and that the rest matches what it signs)."""
    payload = credential_json(credential)
    return {**payload, "proof": [{"type": "JwtProof2020", "jwt": sign(payload)}]}


def status_list_jwt(list_number: int) -> str:
    return sign(
        status.status_list_credential(list_number, issuer=issuer_profile(), now=timezone.now())
    )
