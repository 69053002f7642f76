"""Verification: finding a certificate by the code printed on it (typed any old how), the
address of its public verification page, and limiting how often one visitor may guess wrong."""

import re

from django.core.cache import cache

from links import absolute_reverse

from ..models import Certificate

CODE_LENGTH = 16
_BASE32 = re.compile(r"^[A-Z2-7]{16}$")
# Base 32 has no 0, 1 or 8: someone copying a code by hand means O, I and B.
_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "8": "B"})


def verification_code_parse(typed: str) -> str | None:
    """The code as stored, from one typed any old how ("abcd efgh-ijkl mnop"), or None when it
    cannot be a code at all."""
    code = re.sub(r"[\s\-‐-―_.]+", "", typed or "").upper().translate(_LOOKALIKES)
    return code if _BASE32.match(code) else None


def verify_url(certificate: Certificate) -> str:
    return absolute_reverse("certificates:verify", certificate.display_code)


# Failed look-ups per client address allowed in each window before answering 429.
VERIFY_FAILURES_ALLOWED = 10
VERIFY_WINDOW_SECONDS = 600


def _failures_key(client):
    return f"certificates:verify-failures:{client}"


def verification_blocked(*, client: str) -> bool:
    """Whether this client has guessed wrong too often lately."""
    return (cache.get(_failures_key(client)) or 0) >= VERIFY_FAILURES_ALLOWED


def verification_failed(*, client: str) -> None:
    """Count one failed look-up against this client, for the rest of the current window."""
    key = _failures_key(client)
    cache.add(key, 0, timeout=VERIFY_WINDOW_SECONDS)
    try:
        cache.incr(key)
    except ValueError:  # Expired between add and incr.
        cache.set(key, 1, timeout=VERIFY_WINDOW_SECONDS)


def certificate_lookup(*, typed: str) -> Certificate | None:
    """The certificate a verifier's code names (valid or revoked), or None."""
    code = verification_code_parse(typed)
    if code is None:
        return None
    return Certificate.objects.filter(verification_code=code).first()
