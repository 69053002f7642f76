"""Checking a credential someone pastes or uploads: is the signature ours and intact, who issued
it, when it expires (or expired), and whether it has been withdrawn, read from the status list
the academy publishes. Accepts the compact VC-JWT (`.jwt`), the holder's `.json` (the credential
with its VC-JWT as the proof) and a W3C EnvelopedVerifiableCredential.
"""

import datetime as dt
import json
from dataclasses import dataclass, field

from django.utils import timezone
from joserfc import jws
from joserfc.errors import JoseError

from . import badges, keys, status
from .models import Credential, SigningKey

ENVELOPE_PREFIX = "data:application/vc+jwt,"


@dataclass
class CheckReport:
    """What the check found, in a verifier's terms."""

    signature_ok: bool = False
    problem: str = ""
    issuer: str = ""
    issued_by_us: bool = False
    credential: dict = field(default_factory=dict)
    valid_until: dt.datetime | None = None
    expired: bool = False
    withdrawn: bool = False
    withdrawn_reason: str = ""
    withdrawn_on: dt.date | None = None
    known: bool = False

    @property
    def valid(self):
        return (
            self.signature_ok
            and self.issued_by_us
            and self.known
            and not self.expired
            and not self.withdrawn
        )

    @property
    def last_day(self):
        """The last day it is current (it expires as the next day begins)."""
        if self.valid_until is None:
            return None
        return timezone.localdate(self.valid_until - dt.timedelta(seconds=1))

    @property
    def subject(self):
        return self.credential.get("credentialSubject", {})


def _token_from(text: str) -> tuple[str, dict | None]:
    """The compact JWS in what was pasted, and the readable credential beside it, if any."""
    text = text.strip()
    if not text.startswith("{"):
        return text, None
    try:
        document = json.loads(text)
    except ValueError:
        raise ValueError(
            "This is not a credential: it is neither a signed token nor JSON."
        ) from None
    if not isinstance(document, dict):
        raise ValueError("This is not a credential.")
    if str(document.get("id", "")).startswith(ENVELOPE_PREFIX):
        return document["id"][len(ENVELOPE_PREFIX) :], None
    for proof in document.get("proof") or []:
        if isinstance(proof, dict) and proof.get("jwt"):
            readable = {k: v for k, v in document.items() if k != "proof"}
            return proof["jwt"], readable
    raise ValueError(
        "This credential has no signature this page can check (it checks VC-JWT credentials)."
    )


def _our_key(header: dict) -> SigningKey | None:
    kid = str(header.get("kid", ""))
    thumbprint = kid.rstrip("/").rsplit("/", 1)[-1].removesuffix(".json")
    key = SigningKey.objects.filter(thumbprint=thumbprint).first()
    if key is None or keys.key_url(key) != kid:
        return None
    return key


def _claims_match(claims: dict) -> bool:
    """The JWT claims say what the credential says (Open Badges 3.0, 8.2.4.1)."""
    issuer = claims.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    subject_id = (claims.get("credentialSubject") or {}).get("id")
    try:
        valid_from = int(dt.datetime.fromisoformat(claims["validFrom"]).timestamp())
        valid_until = claims.get("validUntil")
        until = int(dt.datetime.fromisoformat(valid_until).timestamp()) if valid_until else None
    except (KeyError, TypeError, ValueError):
        return False
    return (
        claims.get("iss") == issuer_id
        and claims.get("jti") == claims.get("id")
        and claims.get("sub") == subject_id
        and claims.get("nbf") == valid_from
        and claims.get("exp") == until
    )


def credential_check(text: str, *, now=None) -> CheckReport:
    now = now or timezone.now()
    report = CheckReport()
    try:
        token, readable = _token_from(text)
        header = jws.extract_compact(token.encode("ascii")).headers()
    except (ValueError, UnicodeEncodeError, JoseError) as error:
        report.problem = (
            str(error) if isinstance(error, ValueError) else "This is not a credential."
        )
        return report
    key = _our_key(header)
    if key is None or header.get("alg") != keys.ALGORITHM:
        report.problem = "It was not signed with any key of this academy."
        return report
    try:
        verified = jws.deserialize_compact(
            token, keys.verification_key(key), algorithms=[keys.ALGORITHM]
        )
        claims = json.loads(verified.payload)
    except (JoseError, ValueError):
        report.problem = "Its signature does not match its contents: it was altered."
        return report
    if not isinstance(claims, dict) or not _claims_match(claims):
        report.problem = "Its signed claims do not agree with the credential."
        return report
    if readable is not None and readable != {
        k: v for k, v in claims.items() if k not in ("iss", "jti", "nbf", "sub", "exp")
    }:
        report.problem = "The readable part of the file differs from what was signed."
        return report
    report.signature_ok = True
    report.credential = claims
    issuer = claims.get("issuer")
    report.issuer = issuer.get("name", "") if isinstance(issuer, dict) else str(issuer)
    report.issued_by_us = claims.get("iss") == badges.issuer_id()
    if claims.get("validUntil"):
        report.valid_until = dt.datetime.fromisoformat(claims["validUntil"])
        report.expired = report.valid_until <= now
    _read_status(report, claims)
    return report


def _read_status(report: CheckReport, claims: dict) -> None:
    """Withdrawn or not, from the published status list's bit (the same list anyone may
    fetch), and why, from the certificate behind it."""
    urn = str(claims.get("id", ""))
    credential = (
        Credential.objects.filter(uuid=urn.removeprefix("urn:uuid:"))
        .select_related("certificate")
        .first()
        if urn.startswith("urn:uuid:")
        else None
    )
    if credential is None:
        return
    report.known = True
    bits = status.decode(status.encode(status.withdrawn_indexes(credential.status_list)))
    report.withdrawn = status.bit_is_set(bits, credential.status_index)
    certificate = credential.certificate
    if report.withdrawn and certificate.revoked_at:
        report.withdrawn_reason = "revoked"
        report.withdrawn_on = timezone.localdate(certificate.revoked_at)
    elif report.withdrawn:
        report.withdrawn_reason = "replaced"
        later = certificate.reissued_at or certificate.issued_at
        report.withdrawn_on = timezone.localdate(later)
