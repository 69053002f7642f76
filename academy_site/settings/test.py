"""Test settings: fast hashing, in-memory email, tasks run at once. DATABASE_URL picks the DB."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
DEMO_DATA_ALLOWED = True
_ = env
# Tests never run collectstatic: let WhiteNoise look files up as asked instead of warning that
# STATIC_ROOT is missing.
WHITENOISE_AUTOREFRESH = True
# Serve static files from the apps (as in dev), so tests never depend on a collectstatic run.
WHITENOISE_USE_FINDERS = True
# Multi-factor is switched on by the tests that check it (tests/security, tests/accounts), so
# every other test signs staff in with a password alone. Rate limits stay on; each test starts
# with an empty cache (conftest).
ACADEMY_REQUIRE_MFA = False
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
