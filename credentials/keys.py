"""The academy's signing keys: ES256 (ECDSA on P-256) key pairs made here, the private half kept
in the database encrypted with a key derived from `ACADEMY_CREDENTIAL_KEYS_SECRET` (else
`SECRET_KEY`), never written to a page, a log or the repository.

One key signs at a time (the first is made when the first credential is signed). Rotating
(`manage.py rotate_credential_key`) retires it and makes a new one; every key's public half stays
in the published key set (`/credentials/jwks.json`), and each key has its own address (the
`kid` of what it signed), so a credential signed years ago still verifies.
"""

import base64
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from joserfc.jwk import ECKey

from links import absolute_reverse

from .models import SigningKey

ALGORITHM = "ES256"


def _encryption_secret() -> str:
    return getattr(settings, "ACADEMY_CREDENTIAL_KEYS_SECRET", "") or settings.SECRET_KEY


@lru_cache(maxsize=4)
def _fernet(secret: str) -> Fernet:
    derived = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=b"academy-credentials", info=b"signing-keys"
    ).derive(secret.encode())
    return Fernet(base64.urlsafe_b64encode(derived))


def key_url(signing_key: SigningKey) -> str:
    """The key's own address: the `kid` of everything it signs, answering its public JWK."""
    return absolute_reverse("credentials:key", signing_key.thumbprint)


def public_jwk(signing_key: SigningKey) -> dict:
    """The key's public half as a JWK (never "d")."""
    jwk = {k: v for k, v in signing_key.public_jwk.items() if k in ("kty", "crv", "x", "y")}
    return {**jwk, "kid": key_url(signing_key), "use": "sig", "alg": signing_key.algorithm}


def public_jwks() -> dict:
    """Every key the academy has signed with, newest first: the published key set."""
    return {"keys": [public_jwk(k) for k in SigningKey.objects.all()]}


def _create(now) -> SigningKey:
    key = ECKey.generate_key("P-256", private=True)
    return SigningKey.objects.create(
        thumbprint=key.thumbprint(),
        algorithm=ALGORITHM,
        public_jwk=key.as_dict(private=False),
        private_key=_fernet(_encryption_secret()).encrypt(key.as_pem(private=True)).decode("ascii"),
        created_at=now,
    )


def signing_key() -> SigningKey:
    """The key in use, made on first need."""
    current = SigningKey.objects.filter(retired_at__isnull=True).first()
    if current is not None:
        return current
    try:
        with transaction.atomic():
            return _create(timezone.now())
    except IntegrityError:  # Made by another process meanwhile.
        return SigningKey.objects.get(retired_at__isnull=True)


def key_rotate(*, now=None) -> SigningKey:
    """Retire the key in use and make a new one; the old one's public half stays published."""
    now = now or timezone.now()
    with transaction.atomic():
        SigningKey.objects.select_for_update().filter(retired_at__isnull=True).update(
            retired_at=now
        )
        return _create(now)


class KeyUnreadable(Exception):
    """The stored private key cannot be decrypted: the secret it was encrypted with changed."""


def private_key(signing_key: SigningKey) -> ECKey:
    try:
        pem = _fernet(_encryption_secret()).decrypt(signing_key.private_key.encode("ascii"))
    except InvalidToken:
        raise KeyUnreadable(
            "The credential signing key cannot be decrypted: ACADEMY_CREDENTIAL_KEYS_SECRET (or "
            "SECRET_KEY) is not the one it was stored with. Restore it, or rotate the key."
        ) from None
    return ECKey.import_key(pem)


def verification_key(signing_key: SigningKey) -> ECKey:
    """The key's public half, for checking a signature."""
    return ECKey.import_key(signing_key.public_jwk)
