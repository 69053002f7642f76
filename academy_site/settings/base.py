"""Settings shared by every environment.

Everything deployment-specific is read from the environment here, through one reader (`env`),
so `.env.example` lists every knob. dev/test/production only change defaults and strictness.
"""

import datetime as dt
from pathlib import Path

from environs import Env

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "academy_site"

env = Env()
# A local .env fills in what the real environment leaves unset; READ_DOT_ENV=false skips it (the
# settings tests do, so a developer's .env cannot change what they check).
if env.bool("READ_DOT_ENV", default=True):
    env.read_env(BASE_DIR / ".env", recurse=False)

# Overridden per environment; production insists on a real one.
SECRET_KEY = env.str("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "academy_site",
    "accounts",
    "content",
    "personal_data",
    "notifications",
    "modules",
    "cohorts",
    "backups",
    "scheduler",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.AccountsUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    # The database task backend's tables; production's workers take tasks from them.
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Security (issue 9): sign-in lock-out, two-factor codes for staff, Content Security Policy.
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "accounts.middleware.AcademyCSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a lock-out into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "academy_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "academy_site.context_processors.navigation",
            ],
            # GOV.UK Frontend form markup (includes/field.html) in every template.
            "builtins": ["academy_site.templatetags.govuk"],
        },
    },
]

WSGI_APPLICATION = "academy_site.wsgi.application"

# SQLite is the embedded default; production uses PostgreSQL through DATABASE_URL.
DATABASES = {
    "default": env.dj_db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}


def postgres_options(database):
    """On PostgreSQL, bind parameters on the server and let psycopg prepare a statement once a
    connection has run it DATABASE_PREPARE_THRESHOLD times (default 5): the server then stops
    re-planning the pages' many-join queries on every request. Set the threshold to "off"
    behind a PgBouncer in transaction mode that does not keep prepared statements.

    Each connection also tells the planner that a random read costs DATABASE_RANDOM_PAGE_COST
    (default 1.1, PostgreSQL's own advice for solid-state storage, against its spinning-disk
    default of 4): with 4 it scans every person in the academy to list one organisation's
    few hundred officers. Set it to "server" to keep the server's setting (or where a pooler
    refuses connection options)."""
    if "postgresql" not in database["ENGINE"]:
        return database
    threshold = env.str("DATABASE_PREPARE_THRESHOLD", default="5").strip().lower()
    options = database.setdefault("OPTIONS", {})
    options.update(
        {
            "server_side_binding": True,
            "prepare_threshold": None if threshold in ("", "off", "none") else int(threshold),
        }
    )
    random_page_cost = env.str("DATABASE_RANDOM_PAGE_COST", default="1.1").strip().lower()
    if random_page_cost not in ("", "server"):
        setting = f"-c random_page_cost={float(random_page_cost)}"
        options["options"] = f"{options.get('options', '')} {setting}".strip()
    return database


postgres_options(DATABASES["default"])
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # First, so a locked-out person is refused before their password is even checked.
    "accounts.backends.LockoutBackend",
    "accounts.backends.EmailOrUsernameBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "/"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
# Every session time is stored in UTC and shown in Europe/London, across the clock changes.
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "static_collected")
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

email = env.dj_email_url("EMAIL_URL", default="console://")
EMAIL_BACKEND = email["EMAIL_BACKEND"]
EMAIL_HOST = email.get("EMAIL_HOST", "")
EMAIL_PORT = email.get("EMAIL_PORT", 25)
EMAIL_HOST_USER = email.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = email.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = email.get("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Academy <academy@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work (emails, bulk certificates) goes through django-tasks. Dev and test run tasks
# immediately; production points this at a worker-backed backend.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# One process's memory by default; production shares a Redis cache between its processes when
# REDIS_URL is set (see production.py).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# `manage.py load_demo_data` replaces the demo programmes, cohorts and people: only dev.py and
# test.py allow it, never production.
DEMO_DATA_ALLOWED = False

WAGTAIL_SITE_NAME = "Academy"
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# Always serve documents through Wagtail's view, never by redirecting to the storage URL, so
# documents used in restricted content are checked on every download (modules.wagtail_hooks).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Uploads: small enough that one request cannot exhaust memory, and only the file types people
# actually share (no HTML or SVG documents, which a browser would run).
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

# --- Security (issue 9) ------------------------------------------------------------------------

# Sign-in throttling (django-axes): five wrong passwords for one email address from one IP
# address lock that pair out for fifteen minutes. The email is matched without case or spaces so
# "Alex@X" and "alex@x " count as one.
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = dt.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "accounts.lockout.username_from_request"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
# Behind a proxy, set AXES_IPWARE_META_PRECEDENCE_ORDER to trust its X-Forwarded-For header.
AXES_IPWARE_META_PRECEDENCE_ORDER = env.list(
    "AXES_IPWARE_META_PRECEDENCE_ORDER", default=["REMOTE_ADDR"]
)

# Two-factor authentication: programme managers and facilitators see everyone's personal data, so
# they confirm a code from an authenticator app (TOTP) after their password. dev.py turns this
# off so the demo logins work without a phone.
ACADEMY_REQUIRE_2FA = env.bool("ACADEMY_REQUIRE_2FA", default=True)
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME

# Content Security Policy (django-csp 4). The site runs no inline script; Wagtail's admin needs
# inline scripts and styles, so /admin/ gets its own, looser policy (accounts.middleware).
_VIDEO_FRAMES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        # Inline style attributes (chart bar widths) are harmless without script.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *_VIDEO_FRAMES],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}
ACADEMY_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", "https:"],
        "font-src": ["'self'", "data:"],
        # The admin previews pages in a frame of the site itself.
        "frame-ancestors": ["'self'"],
    }
}

# Personal data: participants are anonymised this many years after their latest cohort closes
# (`manage.py anonymise_expired`, run daily).
ACADEMY_RETENTION_YEARS = env.int("ACADEMY_RETENTION_YEARS", default=6)
# Nominators whose organisation still has seats on a cohort open for enrolment are emailed this
# many weeks before it starts (once per cohort).
ACADEMY_SEATS_UNFILLED_WEEKS = env.int("ACADEMY_SEATS_UNFILLED_WEEKS", default=4)
