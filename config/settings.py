"""Ithaca's one settings module, read entirely from environment variables.

`.env.example` documents every variable. With nothing set, Ithaca runs on a
SQLite database under var/ with e-mail printed to the console.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import Env
from ithaca.sso.envconfig import SamlConfigError, saml_app

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"
env = Env()

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment (`make run` makes one in "
            "var/secret_key), or set DEBUG=true for a throwaway development key."
        )
    SECRET_KEY = "insecure-development-key-never-use-in-production"

# Earlier keys, so sessions and encrypted MFA secrets survive a key rotation.
SECRET_KEY_FALLBACKS = env.list("SECRET_KEY_FALLBACKS", default=[])

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
SITE_NAME = "Ithaca"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "config.apps.BackgroundTasksConfig",  # django_tasks_db, its name translated
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.socialaccount.providers.saml",
    "ithaca.core",
    "ithaca.audit",
    "ithaca.accounts",
    "ithaca.notifications",
    "ithaca.programs",
    "ithaca.intake",
    "ithaca.mentoring",
    "ithaca.coaching",
    "ithaca.matching",
    "ithaca.messaging",
    "ithaca.people",
    "ithaca.console",
    "ithaca.privacy",
    "ithaca.analytics",
    "ithaca.home",
    "ithaca.demo",
    "ithaca.sso",
    "ithaca.scim",
    "ithaca.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "ithaca.core.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The browser's language (cookie from the switcher, then Accept-Language), else
    # LANGUAGE_CODE; after sessions, before anything that renders text.
    # Django's LocaleMiddleware without matching the path for a language prefix, which
    # no URL of Ithaca's has (ithaca/core/lean_middleware.py; same language, same headers).
    "ithaca.core.lean_middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Django's, the session's person read with prepared SQL (accounts/sessions.py).
    "ithaca.accounts.sessions.AuthenticationMiddleware",
    # A signed-in person's chosen language beats the browser's (accounts/interface_language.py).
    "ithaca.accounts.interface_language.PersonLanguageMiddleware",
    # Django's, with the storage class imported once (ithaca/core/lean_middleware.py).
    "ithaca.core.lean_middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "ithaca.core.middleware.DatabaseUnavailableMiddleware",
    "ithaca.audit.middleware.AuditMiddleware",
    "ithaca.accounts.mfa.RequireMfaMiddleware",
    "ithaca.people.zone.TimeZoneMiddleware",
]

# Django's cookie-then-session storage, its two stores made only when a request reads or
# adds a message (ithaca/core/lean_middleware.py).
MESSAGE_STORAGE = "ithaca.core.lean_middleware.LazyFallbackStorage"

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ithaca.core.context_processors.site",
                "ithaca.console.context_processors.console",
            ],
        },
    }
]

# --- Database -------------------------------------------------------------
DATABASES = {
    "default": env.database("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'ithaca.sqlite3'}")
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while the task worker writes; IMMEDIATE
    # transactions avoid "database is locked" on lock upgrades. Connections are
    # kept for 60 s as on PostgreSQL: closing the last one checkpoints and removes
    # the WAL, so a fresh connection per request cost more than most requests.
    DATABASES["default"]["CONN_MAX_AGE"] = 60
    # Django's backend, rewriting each distinct SQL text's placeholders once
    # (ithaca/core/db/sqlite3/base.py).
    DATABASES["default"]["ENGINE"] = "ithaca.core.db.sqlite3"
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # Covering indexes (INCLUDE) serve PostgreSQL at scale; SQLite builds them as
    # plain indexes on their key columns, which is all it needs at its sizes.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        ),
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # JIT compilation cost more than it saved on every query measured (the console's
    # stuck list: 892 ms with it, 290 ms without): docs/decisions/0003-postgresql-jit-off.md.
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    # Nor parallel workers: starting them cost more than the small queries they split
    # (the console's stuck proposals: 20 ms with, 0.4 ms without):
    # docs/decisions/0011-postgresql-no-parallel-workers.md.
    _options["options"] = (
        f"{_options.get('options', '')} -c jit=off -c max_parallel_workers_per_gather=0".strip()
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ---
# Sign-in lockout, API throttling and used one-time codes live in the cache, and every
# worker must count together: the database cache (table ithaca_cache, created by
# `manage.py migrate`) by default, Redis when REDIS_URL is set, or CACHE_URL to choose.
CACHES = {"default": env.shared_cache("CACHE_URL", "REDIS_URL")}
# API throttling counts in the same shared place (a per-process cache would let each
# worker grant the full rate). In the database it writes with one upsert instead of
# Django's count, select and update or insert on every request (ithaca/core/cache.py).
CACHES["throttle"] = env.throttle_cache(CACHES["default"])

# --- Accounts -------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
# Argon2id at OWASP's recommended cost (docs/decisions/0002); stored hashes made
# with other parameters or PBKDF2 still verify and are upgraded at sign-in.
PASSWORD_HASHERS = [
    "ithaca.accounts.hashers.Argon2idPasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_ADAPTER = "ithaca.accounts.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = env.str("ACCOUNT_EMAIL_VERIFICATION", default="mandatory")
if ACCOUNT_EMAIL_VERIFICATION not in {"mandatory", "optional", "none"}:
    raise ImproperlyConfigured(
        f"ACCOUNT_EMAIL_VERIFICATION={ACCOUNT_EMAIL_VERIFICATION!r}: "
        "use mandatory, optional or none."
    )
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# One lockout for every way in with a password (the sign-in page, also beside single
# sign-on, and POST /api/v1/auth/token/): failures per client address and per account.
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key"}
# Who may create an account themselves: closed (invitations and single sign-on only),
# domains (addresses at SIGNUP_DOMAINS only) or open. SIGNUP_OPEN=true, the older
# switch, still means open.
ITHACA_SIGNUP_MODE = env.str("SIGNUP_MODE") or (
    "open" if env.bool("SIGNUP_OPEN", default=False) else "closed"
)
if ITHACA_SIGNUP_MODE not in {"closed", "domains", "open"}:
    raise ImproperlyConfigured(f"SIGNUP_MODE={ITHACA_SIGNUP_MODE!r}: use closed, domains or open.")
ITHACA_SIGNUP_DOMAINS = [d.lower().lstrip("@") for d in env.list("SIGNUP_DOMAINS", default=[])]
if ITHACA_SIGNUP_MODE == "domains" and not ITHACA_SIGNUP_DOMAINS:
    raise ImproperlyConfigured("SIGNUP_MODE=domains: list them in SIGNUP_DOMAINS (a,b).")
# An invited person is signed in as soon as they choose their password, then welcomed.
ACCOUNT_LOGIN_ON_PASSWORD_RESET = True
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_ADAPTER = "ithaca.accounts.mfa.MfaAdapter"
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_ADAPTER = "ithaca.sso.adapter.SocialAccountAdapter"
# Behind a load balancer every request comes from its address: count the proxies that
# append to X-Forwarded-For so the lockout, API throttling and the audit log see the
# client's. 0 (the default) takes REMOTE_ADDR and never reads a header the client sends.
ITHACA_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
if ITHACA_TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured(f"TRUSTED_PROXY_COUNT={ITHACA_TRUSTED_PROXY_COUNT}: 0 or more.")
ALLAUTH_TRUSTED_PROXY_COUNT = ITHACA_TRUSTED_PROXY_COUNT

# Single sign-on through one OpenID Connect provider, off unless OIDC_SERVER_URL is set.
OIDC_SERVER_URL = env.str("OIDC_SERVER_URL")
SOCIALACCOUNT_PROVIDERS: dict[str, Any] = {}
if OIDC_SERVER_URL:
    _oidc_id, _oidc_secret = env.str("OIDC_CLIENT_ID"), env.str("OIDC_CLIENT_SECRET")
    if not (_oidc_id and _oidc_secret):
        raise ImproperlyConfigured(
            "OIDC_SERVER_URL is set: set OIDC_CLIENT_ID and OIDC_CLIENT_SECRET too."
        )
    SOCIALACCOUNT_PROVIDERS["openid_connect"] = {
        "OAUTH_PKCE_ENABLED": True,
        "APPS": [
            {
                "provider_id": env.str("OIDC_PROVIDER_ID", default="sso"),
                "name": env.str("OIDC_NAME", default="Single sign-on"),
                "client_id": _oidc_id,
                "secret": _oidc_secret,
                "settings": {"server_url": OIDC_SERVER_URL},
            }
        ],
    }
# Single sign-on through a SAML 2.0 identity provider, off unless SAML_IDP_ENTITY_ID or
# SAML_IDP_METADATA_FILE is set (ithaca/sso/envconfig.py; or add one in the admin).
try:
    _saml_app = saml_app(env.source)
except SamlConfigError as error:
    raise ImproperlyConfigured(str(error)) from None
if _saml_app:
    SOCIALACCOUNT_PROVIDERS["saml"] = {"APPS": [_saml_app]}
# The organization's identity provider vouches for its people: they get an account on
# their first sign-in (SSO_SIGNUP=false keeps SSO to people already invited), and an
# invited person signing in through SSO lands in the account made for their address.
ITHACA_SSO_SIGNUP = env.bool("SSO_SIGNUP", default=True)
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_STORE_TOKENS = False

# --- Internationalisation -------------------------------------------------
# The interface's languages (English is the source); each app's catalogue is in
# ithaca/<app>/locale/, the project's templates' and settings' in locale/.
# docs/translation.md says how to add a string or a language.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("de", _("German")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# English dates stay day-month-year with a 24-hour clock (config/formats/en/);
# the other languages use Django's formats for their locale.
FORMAT_MODULE_PATH = ["config.formats"]
# The language everyone is assumed to share when their profile lists none.
ITHACA_DEFAULT_LANGUAGE = env.str("DEFAULT_LANGUAGE", default="en")
TIME_ZONE = env.time_zone("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

# --- Static files ---------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded files (profile photos) go through Django's storage API: FileSystemStorage
# under MEDIA_ROOT by default; point STORAGE_BACKEND at an S3-compatible backend
# (e.g. storages.backends.s3.S3Storage, configured by its own settings) to keep them
# there instead. Photos are never served from MEDIA_URL: /people/<id>/photo/ checks access.
MEDIA_ROOT = env.str("MEDIA_ROOT") or str(VAR_DIR / "media")
MEDIA_URL = "/media/"
STORAGES = {
    "default": {
        "BACKEND": env.str("STORAGE_BACKEND") or "django.core.files.storage.FileSystemStorage"
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MANIFEST_STRICT = False

# --- E-mail ---------------------------------------------------------------
# Meetings and sessions starting within this many hours get a reminder notification.
ITHACA_REMINDER_HOURS = env.int("REMINDER_HOURS", default=24)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Ithaca <ithaca@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = env.str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env.int("EMAIL_PORT", default=587)
    EMAIL_HOST_USER = env.str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=True)
    EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
    if EMAIL_USE_TLS and EMAIL_USE_SSL:
        raise ImproperlyConfigured("EMAIL_USE_TLS and EMAIL_USE_SSL cannot both be true.")
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# --- Background tasks -----------------------------------------------------
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "dummy": "django_tasks.backends.dummy.DummyBackend",
}
_task_backend = env.str("TASKS_BACKEND", default="database")
if _task_backend not in TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND={_task_backend!r}: use one of {', '.join(sorted(TASK_BACKENDS))}."
    )
TASKS = {"default": {"BACKEND": TASK_BACKENDS[_task_backend], "QUEUES": ["default"]}}
# A task still RUNNING after this long lost its worker; `manage.py periodic` re-queues it.
ITHACA_TASK_STALE_MINUTES = env.int("TASK_STALE_MINUTES", default=30)

# --- API ------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first, so an anonymous request is told 401 with WWW-Authenticate.
        "ithaca.api.auth.HashedTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "ithaca.api.parsers.StorableQuery",
        # A program's MFA requirement holds on every endpoint, whatever the credential.
        "ithaca.api.auth.MfaSatisfied",
    ],
    "DEFAULT_PAGINATION_CLASS": "ithaca.api.pagination.Pagination",
    # NUL and lone surrogates in any string of a body answer 400, not a 500 from the database.
    "DEFAULT_PARSER_CLASSES": [
        "ithaca.api.parsers.TextJSONParser",
        "ithaca.api.parsers.TextFormParser",
        "ithaca.api.parsers.TextMultiPartParser",
    ],
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "ithaca.api.schema_auth.AutoSchema",
    "EXCEPTION_HANDLER": "ithaca.api.errors.exception_handler",
    # Every endpoint: per signed-in person, and per client address for anonymous calls.
    "DEFAULT_THROTTLE_CLASSES": [
        "ithaca.api.throttling.UserThrottle",
        "ithaca.api.throttling.AnonThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "user": env.rate("API_THROTTLE_USER", default="600/minute"),
        "anon": env.rate("API_THROTTLE_ANON", default="60/minute"),
        "token": env.rate("API_THROTTLE_TOKEN", default="10/minute"),
    },
    # DRF's, answering a client with no stated preference without parsing (api/negotiation.py).
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "ithaca.api.negotiation.Negotiation",
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
}
# API tokens expire this many days after they are issued (1 to 365).
ITHACA_API_TOKEN_DAYS = env.int("API_TOKEN_DAYS", default=30)
if not 1 <= ITHACA_API_TOKEN_DAYS <= 365:
    raise ImproperlyConfigured(f"API_TOKEN_DAYS={ITHACA_API_TOKEN_DAYS}: 1 to 365 days.")
SPECTACULAR_SETTINGS = {
    "TITLE": "Ithaca API",
    "DESCRIPTION": "Mentoring and coaching programs: people, programs, relationships.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Several models have a "kind", "mode" or "status"; name each choice set once.
    "ENUM_NAME_OVERRIDES": {
        "EmailModeEnum": "ithaca.notifications.kinds.Mode",
        "HelpKindEnum": "ithaca.programs.modes.KINDS",
        "ProgramModeEnum": "ithaca.programs.modes.ALL_MODES",
        "RelationshipStatusEnum": "ithaca.programs.lifecycle.Status",
        "MentoringGoalStatusEnum": "ithaca.mentoring.models.Goal.Status",
        "MentoringEventKindEnum": "ithaca.mentoring.models.MentoringEvent.Kind",
        "CoachingSessionKindEnum": "ithaca.coaching.models.CoachingSession.Kind",
        "ProposalKindEnum": [("mentoring", "mentoring"), ("coaching", "coaching")],
    },
}

# --- Security -------------------------------------------------------------
# HTTPS=true turns on everything `manage.py check --deploy` asks of a site
# served over TLS; leave it off for http://127.0.0.1.
HTTPS = env.bool("HTTPS", default=False)
SECURE_SSL_REDIRECT = HTTPS
# Django's database sessions, their lookup prepared once per process (accounts/sessions.py).
SESSION_ENGINE = "ithaca.accounts.sessions"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Set by ithaca.core.security.SecurityHeadersMiddleware on every response.
ITHACA_CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
# Swagger UI needs its own <style> block and inline styles: that one page gets these.
ITHACA_CSP_RELAXED_VIEWS = {
    "api-docs": {"style-src": "'self' 'unsafe-inline'"},
}
ITHACA_PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

# --- Provisioning (SCIM 2.0 at /scim/v2/) ----------------------------------
# What a SCIM group is in Ithaca: "departments" (a member's department), "programs"
# (enrolment as a seeker in the program of that name) or "none" (kept, not applied).
ITHACA_SCIM_GROUPS = env.str("SCIM_GROUPS", default="departments")
if ITHACA_SCIM_GROUPS not in {"departments", "programs", "none"}:
    raise ImproperlyConfigured(
        f"SCIM_GROUPS={ITHACA_SCIM_GROUPS!r}: use departments, programs or none."
    )

# --- Privacy --------------------------------------------------------------
# Notes and journals of relationships concluded longer ago than this are deleted.
ITHACA_RETENTION_YEARS = env.int("RETENTION_YEARS", default=6)
if ITHACA_RETENTION_YEARS < 1:
    raise ImproperlyConfigured(f"RETENTION_YEARS={ITHACA_RETENTION_YEARS}: at least 1 year.")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # An expected refusal (403, 404, ...) is one line with its reason, not a traceback.
    "filters": {"one_line_client_errors": {"()": "ithaca.core.logging.OneLineClientErrors"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "django.request": {"filters": ["one_line_client_errors"]},
        "django.security": {"filters": ["one_line_client_errors"]},
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}
