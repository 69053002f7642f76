"""Settings shared by every environment.

Everything deployment-specific is read from the environment here, through one reader (`env`),
so `.env.example` lists every knob. dev/test/production only change defaults and strictness.
"""

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
    # Portable credentials (issue 21): Open Badges 3.0, LinkedIn, expiry; depends on cohorts.
    "credentials",
    # Sign in with your organisation (OpenID Connect); depends on accounts, cohorts and allauth.
    "single_sign_on",
    "impact",
    "practice",
    # The champions' network and chief executive round tables (issue 20).
    "network",
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
    # Accounts (issue 17): sign-in, password reset and change, email change, rate limits,
    # multi-factor authentication, OpenID Connect providers and active sessions (django-allauth).
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.usersessions",
    # Content Security Policy.
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Signs out a session left idle too long (ACADEMY_SESSION_IDLE_MINUTES[_STAFF]).
    "accounts.middleware.SessionIdleTimeoutMiddleware",
    # Staff confirm a second factor before any page or the admin (ACADEMY_REQUIRE_MFA).
    "accounts.middleware.RequireSecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Permissions-Policy everywhere; Cache-Control: no-store on account pages.
    "accounts.middleware.SecurityHeadersMiddleware",
    "accounts.middleware.AcademyCSPMiddleware",
    # After the CSP middleware, so its additions reach the policy: lets the sign-in pages'
    # forms lead on to an organisation's identity provider, and explains one that is down.
    "single_sign_on.middleware.IdentityProviderMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
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
    # The email address (User.email, any case) is the one login name.
    "accounts.backends.EmailBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "/"
# Wagtail's admin signs in through the site's own page; passwords and email addresses are
# changed and reset on My account (django-allauth), never by Wagtail's own forms.
WAGTAILADMIN_LOGIN_URL = "admin_login_redirect"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False

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
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Results worked out for a whole cohort, kept under the version of its record
    # (`cohorts.record_versions`). One process here; production.py shares it through Redis or
    # keeps nothing.
    "records": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "records",
    },
}

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
# Wagtail's database backend: SQLite's FTS5 in development, PostgreSQL full-text search (with
# English stemming) in production.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "english"}
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

# --- Security (issue 9) ------------------------------------------------------------------------

# --- Accounts (issue 17; django-allauth) -------------------------------------------------------

# People sign in with their email address and a password, a passkey, or their organisation's
# identity provider (single_sign_on). Nobody signs themselves up: places come by nomination or
# invitation (accounts.adapters refuses sign-up).
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
# Addresses are proven when they change (a link to the new address) and before a first second
# factor (a code, accounts.second_factor); signing in does not ask again.
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Academy: "
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_REAUTHENTICATION_TIMEOUT = 600
ACCOUNT_FORMS = {
    "login": "accounts.forms.SignInForm",
    "reset_password": "accounts.forms.PasswordResetRequestForm",
    "add_email": "accounts.forms.EmailChangeForm",
}
# Rate limits, counted per client address (accounts.client_ip, the one definition), per
# account (the email address, whatever its case) and per signed-in person. Five wrong
# passwords for one account pause it for fifteen minutes, from every address.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "20/m/ip,5/15m/key",
    "reset_password": "10/m/ip,3/15m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
    # Codes emailed to confirm a first second factor (accounts.second_factor).
    "second_factor_email_code": "3/15m/user,10/h/ip",
    # Check-in codes typed on a phone (cohorts.attendance.views.check_in): a room of 30 may
    # share the venue's one address.
    "check_in": "10/5m/user,300/m/ip",
}
# Password reset links last an hour and work once (the token changes with the password).
PASSWORD_RESET_TIMEOUT = 60 * 60
# Behind a reverse proxy, how many proxies of ours add themselves to X-Forwarded-For; the
# client's address is read from that header only then (accounts.client_ip).
ACADEMY_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# Multi-factor authentication: an authenticator app (TOTP), passkeys and security keys
# (WebAuthn) and recovery codes. Programme managers and facilitators must use one
# (ACADEMY_REQUIRE_MFA); dev.py turns that off so the demo logins work without a phone.
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = WAGTAIL_SITE_NAME
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = env.bool("MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN", default=False)
ACADEMY_REQUIRE_MFA = env.bool("ACADEMY_REQUIRE_MFA", default=True)

# Sign in with your organisation (single_sign_on): the providers come from the organisations
# linked to one in the admin, never from settings.
SOCIALACCOUNT_ADAPTER = "single_sign_on.adapters.OrganisationSignInAdapter"
SOCIALACCOUNT_AUTO_SIGNUP = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_REQUESTS_TIMEOUT = 10
SOCIALACCOUNT_OPENID_CONNECT_URL_PREFIX = "oidc"

# Sessions: signed out after this long without a request (staff sooner), and after
# SESSION_COOKIE_AGE whatever happens.
ACADEMY_SESSION_IDLE_MINUTES = env.int("ACADEMY_SESSION_IDLE_MINUTES", default=8 * 60)
ACADEMY_SESSION_IDLE_MINUTES_STAFF = env.int("ACADEMY_SESSION_IDLE_MINUTES_STAFF", default=120)
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=7 * 24 * 60 * 60)
# Active sessions are listed on My account from what was recorded at sign-in.
USERSESSIONS_TRACK_ACTIVITY = False

# Browser features the site never uses are switched off for it and anything it frames.
ACADEMY_PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), "
    "publickey-credentials-create=(self), publickey-credentials-get=(self)"
)

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

# Portable credentials (issue 21): the academy as the issuer of Open Badges credentials, the
# secret their signing keys are stored encrypted with (SECRET_KEY when unset: set it, so a new
# SECRET_KEY does not lock the keys), and the academy's LinkedIn page for "Add to LinkedIn".
ACADEMY_ISSUER_NAME = env.str("ACADEMY_ISSUER_NAME", default=WAGTAIL_SITE_NAME)
ACADEMY_ISSUER_URL = env.str("ACADEMY_ISSUER_URL", default="")
ACADEMY_ISSUER_EMAIL = env.str("ACADEMY_ISSUER_EMAIL", default="")
ACADEMY_CREDENTIAL_KEYS_SECRET = env.str("ACADEMY_CREDENTIAL_KEYS_SECRET", default="")
ACADEMY_LINKEDIN_ORGANIZATION_ID = env.str("ACADEMY_LINKEDIN_ORGANIZATION_ID", default="")
# Nominators whose organisation still has seats on a cohort open for enrolment are emailed this
# many weeks before it starts (once per cohort).
ACADEMY_SEATS_UNFILLED_WEEKS = env.int("ACADEMY_SEATS_UNFILLED_WEEKS", default=4)
