"""Production: PostgreSQL, secrets from the environment, HTTPS only.

Refuses to start without SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env, postgres_options

DEBUG = False


def _required(name):
    value = env.str(name, default="").strip()
    if not value:
        raise ImproperlyConfigured(f"{name} must be set in the environment for production.")
    return value


SECRET_KEY = _required("SECRET_KEY")
ALLOWED_HOSTS = [host.strip() for host in _required("ALLOWED_HOSTS").split(",") if host.strip()]
_required("DATABASE_URL")
DATABASES = {"default": postgres_options(env.dj_db_url("DATABASE_URL", conn_max_age=600))}

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploads on S3-compatible storage when the servers share no disk (several hosts or containers).
if env.bool("USE_S3_MEDIA", default=False):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": _required("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            # Empty keys let boto3 use the host's role or its own environment variables.
            "access_key": env.str("AWS_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("AWS_SECRET_ACCESS_KEY", default="") or None,
            "default_acl": None,
            # Private bucket: every link is signed and expires, and nothing is overwritten.
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }

# Several web processes must agree on cached values, so they share Redis when it is there.
_redis_url = env.str("REDIS_URL", default="")
# Without Redis each process has its own memory: a change made by one would not reach the copies
# kept by the others, so results worked out per cohort are not kept at all.
CACHES = {**CACHES, "records": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}  # noqa: F405
if _redis_url:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _redis_url,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="academy"),
        }
    }
    # A version of each cohort's record and the results kept under it
    # (`cohorts.record_versions`): shared by every web process and task worker, so a change
    # made by any of them is seen by all.
    CACHES["records"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": _redis_url,
        "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="academy") + "-records",
    }
    # Signed-in pages read the session from the shared cache (written through to the database,
    # so a Redis restart signs nobody out).
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Background work runs in separate `manage.py db_worker` processes that take tasks from the
# database; workers claim each task with SELECT ... FOR UPDATE SKIP LOCKED, so any number of them
# can run beside any number of web processes and no task runs twice.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
if env.bool("SECURE_PROXY_SSL_HEADER", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
