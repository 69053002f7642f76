"""Local development: works with no environment at all."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
# A fixed key is acceptable only here: dev data is throwaway and never served publicly.
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-insecure-key-not-for-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
DEMO_DATA_ALLOWED = True

# The demo logins work without a phone; production and the tests that check it keep MFA on.
ACADEMY_REQUIRE_MFA = env.bool("ACADEMY_REQUIRE_MFA", default=False)
# Passkeys on http://127.0.0.1 (browsers allow WebAuthn on localhost; allauth must be told).
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = env.bool("MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN", default=True)
