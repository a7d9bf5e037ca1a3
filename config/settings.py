"""Stadtlabor settings, driven by environment variables.

Every external engine has an embedded default so that `make run` works on a bare
machine; setting its variable switches the real engine on (see README, "Konfiguration").
"""

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("STADTLABOR_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# --- Core -----------------------------------------------------------------------------

DEBUG = env_bool("DJANGO_DEBUG", default=True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY muss gesetzt sein, wenn DJANGO_DEBUG aus ist."
        )
    SECRET_KEY = "dev-only-insecure-key-stadtlabor-never-use-in-production-0123456789"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Public origin used in e-mails, feeds and Wagtail admin notifications. Unset, it follows
# the port `make run` serves on (PORT=9000 make run → http://127.0.0.1:9000).
PORT = os.environ.get("PORT", "").strip() or "8000"
SITE_URL = (os.environ.get("SITE_URL") or f"http://127.0.0.1:{PORT}").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL

INSTALLED_APPS = [
    "daphne",
    "network",
    "bestpractice",
    "webtalks",
    "matchmaking",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "channels",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.csp.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # German unprefixed, English under /en/ (config/urls.py: i18n_patterns).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "config.middleware.RejectNulBytesMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

if not DEBUG:
    # Static files from the application server itself (gunicorn workers), cached forever
    # by their hashed names; DEBUG keeps Django's own static view.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------

DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=0)}
    # PostgreSQL through psycopg's connection pool (docs/operations.md, "Topologie"): each
    # server process holds at most DATABASE_POOL_MAX_SIZE connections and hands them back
    # after every request, so workers × pool stays below max_connections. On by default
    # in production (DJANGO_DEBUG=0); persistent connections are off with the pool.
    if "postgresql" in DATABASES["default"]["ENGINE"] and env_bool(
        "DATABASE_POOL", default=not DEBUG
    ):
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": int(os.environ.get("DATABASE_POOL_MIN_SIZE", 1)),
            "max_size": int(os.environ.get("DATABASE_POOL_MAX_SIZE", 8)),
            # Waiting for a free connection beats failing with "too many clients".
            "timeout": float(os.environ.get("DATABASE_POOL_TIMEOUT", 20)),
        }
    else:
        DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", 0))
else:
    # SQLite cannot create the folder of its file; a fresh clone has no var/ yet.
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", str(VAR_DIR / "stadtlabor.sqlite3")),
            "OPTIONS": {
                # WAL and IMMEDIATE transactions let the dev server, the websocket
                # consumers and the test live server write concurrently without
                # "database is locked" errors.
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
            "TEST": {"NAME": os.environ.get("SQLITE_TEST_PATH") or None},
        }
    }
DATABASE_ENGINE = "postgresql" if "postgresql" in DATABASES["default"]["ENGINE"] else "sqlite"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis: channel layer and cache ---------------------------------------------------

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # redis-py 8 reads with a 5 s socket timeout by default; channels_redis' receive
    # blocks in BZPOPMIN for up to 5 s, so an idle consumer raised TimeoutError and was
    # closed with 1011. The socket timeout must outlast the blocking pop (docs/decisions.md).
    _redis_host = {
        "address": REDIS_URL,
        "socket_timeout": float(os.environ.get("REDIS_SOCKET_TIMEOUT", 30)),
        "socket_connect_timeout": 5,
        "health_check_interval": 15,
    }
    CHANNEL_LAYERS = {
        "default": {
            # channels_redis' layer with one reader task per process: upstream, a consumer
            # that left could take a group message for its whole process with it.
            "BACKEND": "config.channel_layer.RedisChannelLayer",
            # Capacity: a burst in a full live room must not drop messages to slow clients.
            "CONFIG": {"hosts": [_redis_host], "prefix": "stadtlabor", "capacity": 1000,
                       "expiry": 30},
        }
    }
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "stadtlabor",
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "stadtlabor",
        }
    }

# --- Search ---------------------------------------------------------------------------

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
SEARCH_ENGINE = {
    "BACKEND": (
        "search.engines.elasticsearch.ElasticsearchEngine"
        if ELASTICSEARCH_URL
        else "search.engines.database.DatabaseEngine"
    ),
    "URL": ELASTICSEARCH_URL,
    "INDEX_PREFIX": os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "stadtlabor"),
}
# The Wagtail admin keeps its own search on the database backend; the site-wide
# search lives in the `search` app (docs/decisions.md).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# --- E-mail ---------------------------------------------------------------------------

EMAIL_URL = os.environ.get("EMAIL_URL", "")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Stadtlabor <noreply@stadtlabor.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if EMAIL_URL:
    _email = urlparse(EMAIL_URL)
    if _email.scheme not in {"smtp", "smtps", "submission"}:
        raise ImproperlyConfigured(
            "EMAIL_URL muss mit smtp://, smtps:// oder submission:// beginnen."
        )
    _email_options = parse_qs(_email.query)
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _email.hostname or "localhost"
    EMAIL_PORT = _email.port or {"smtp": 25, "smtps": 465, "submission": 587}[_email.scheme]
    EMAIL_HOST_USER = unquote(_email.username or "")
    EMAIL_HOST_PASSWORD = unquote(_email.password or "")
    EMAIL_USE_SSL = _email.scheme == "smtps"
    EMAIL_USE_TLS = _email.scheme == "submission" or "tls" in _email_options
    EMAIL_TIMEOUT = 20
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = str(VAR_DIR / "mail")

# --- Background tasks -----------------------------------------------------------------

TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate").strip().lower()
_TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
if TASKS_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured("TASKS_BACKEND muss 'immediate' oder 'database' sein.")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[TASKS_BACKEND]}}
# After this many seconds a digest delivery claimed by a worker that died may be claimed
# again (network.digest.sending).
DIGEST_CLAIM_LEASE_SECONDS = int(os.environ.get("DIGEST_CLAIM_LEASE_SECONDS", "600"))
# Processes a full matching recompute uses (matchmaking.recompute.workers): one unless the
# worker has cores of its own (docs/operations.md).
MATCHING_RECOMPUTE_WORKERS = int(os.environ.get("MATCHING_RECOMPUTE_WORKERS", "1"))

# --- Authentication (django-allauth, e-mail as login) ---------------------------------

AUTH_USER_MODEL = "network.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "network:my_account"
ACCOUNT_ADAPTER = "network.adapters.AccountAdapter"
ACCOUNT_SIGNUP_REDIRECT_URL = "network:choose_organisation"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
# Ask for the name at sign-up; people appear by name, never by their address's local part.
ACCOUNT_SIGNUP_FORM_CLASS = "network.forms.SignupNameForm"
ACCOUNT_USER_DISPLAY = "network.models.users.user_display"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Stadtlabor] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
if env_bool("DISABLE_RATE_LIMITS"):
    ACCOUNT_RATE_LIMITS = False
# Our own limits (network/ratelimit.py: reports, contact requests, event registrations).
STADTLABOR_RATE_LIMITS = not env_bool("DISABLE_RATE_LIMITS")

# --- Internationalisation -------------------------------------------------------------

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch")), ("en", _("Englisch"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
# Named date formats per language (config/formats): German output as Django's "de", English
# pages get "Tuesday 1 December 2026, 18:00" instead of German patterns with English words.
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
USE_TZ = True
# Editors can translate pages with Wagtail's own i18n ("Übersetzen" in the page menu,
# wagtail.contrib.simple_translation; locales under Einstellungen → Gebietsschemata). German is
# the default locale; the English locale comes from network/migrations/0011_english_locale.py.
# Pages without an English translation are served in German under /en/ too.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# --- Static and media files -----------------------------------------------------------

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
        )
    },
}
# Files only their owner may fetch (members' data exports): outside MEDIA_ROOT, served
# by a view that checks the owner, never by the web server.
PRIVATE_STORAGE_ROOT = Path(os.environ.get("PRIVATE_STORAGE_ROOT", VAR_DIR / "private"))
DATA_EXPORT_LIFETIME_HOURS = int(os.environ.get("DATA_EXPORT_LIFETIME_HOURS", 48))
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Text fields carry their own max_length (a German error, the text kept); only a body
# far beyond any field's limit (e.g. a 10 MB paste is still answered with the form)
# gets the 400 page. Files do not count here (FILE_UPLOAD_MAX_MEMORY_SIZE, field limits).
DATA_UPLOAD_MAX_MEMORY_SIZE = 32 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Wagtail --------------------------------------------------------------------------

WAGTAIL_SITE_NAME = "Stadtlabor"
# No avatars from gravatar.com in the admin: the privacy page promises no third-party requests.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
TAGGIT_CASE_INSENSITIVE = True

# --- Security -------------------------------------------------------------------------

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
# Wagtail marks its preview views SAMEORIGIN itself; everything else may not be framed.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# --- Open-data API (/api/v1/, config/api.py) -------------------------------------------

API_VERSION = "1"
# (requests, seconds) per client IP, counted in the cache (Redis when REDIS_URL is set).
API_RATE_LIMIT = (
    int(os.environ.get("API_RATE_LIMIT_REQUESTS", 120)),
    int(os.environ.get("API_RATE_LIMIT_SECONDS", 60)),
)

# --- Logging --------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Per-task and per-page lines drown the useful output of commands like seed_demo.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
