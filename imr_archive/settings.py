"""IMR Archive settings: one module, configured by environment variables.

Every variable is listed in .env.example. The defaults give the embedded
set-up (SQLite and a Whoosh index under var/), fit for one machine.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


VAR_DIR = Path(os.environ.get("IMR_VAR_DIR", BASE_DIR / "var"))

PRODUCTION = env_bool("IMR_PRODUCTION", False)
DEBUG = env_bool("DJANGO_DEBUG", not PRODUCTION)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-insecure-key")
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
                 if h.strip()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "imr_archive.letters",
    "imr_archive.search",
    "imr_archive.web",
    "imr_archive.uploads",
    "imr_archive.api",
    "imr_archive.analytics",
]

MIDDLEWARE = [
    "imr_archive.body_limits.BodyLimitMiddleware",  # first: refuses an oversized body before anything reads it
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

if PRODUCTION:
    # Static files from the app servers themselves; runserver serves them in development.
    MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
                      "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "imr_archive.urls"
WSGI_APPLICATION = "imr_archive.wsgi.application"

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
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        # A kept connection is checked before a request reuses it: a restarted server costs no failed page.
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0), conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default needs no set-up: its folder is made on first use.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets the search pages read while an ingest writes.
    DATABASES["default"]["OPTIONS"] = {
        # NORMAL: a commit survives a crash of the app, not of the machine; far fewer fsyncs.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",  # writers queue for the lock instead of failing
        "timeout": 30,
    }

if os.environ.get("DATABASE_REPLICA_URL"):
    # A read replica for the public pages (see imr_archive/routers.py). In tests it mirrors the primary.
    DATABASES["replica"] = dj_database_url.parse(os.environ["DATABASE_REPLICA_URL"],
                                                 conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
                                                 conn_health_checks=True)
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["imr_archive.routers.PrimaryReplicaRouter"]
    MIDDLEWARE.append("imr_archive.routers.ReplicaReadsMiddleware")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "America/Los_Angeles"
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Production serves hashed, compressed copies made by collectstatic.
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

LOGIN_URL = "admin:login"

# Ingest limits.
IMR_MAX_FILE_BYTES = env_int("IMR_MAX_FILE_BYTES", 20 * 1024 * 1024)

# The upload page (imr_archive.uploads): limits, and how its files are processed.
IMR_UPLOAD_MAX_FILE_BYTES = env_int("IMR_UPLOAD_MAX_FILE_BYTES", IMR_MAX_FILE_BYTES)
IMR_UPLOAD_MAX_TOTAL_BYTES = env_int("IMR_UPLOAD_MAX_TOTAL_BYTES", 200 * 1024 * 1024)
IMR_UPLOAD_MAX_ZIP_MEMBERS = env_int("IMR_UPLOAD_MAX_ZIP_MEMBERS", 1000)
# A zip declaring more than this many times its own size of files is refused as a zip bomb.
IMR_UPLOAD_MAX_ZIP_RATIO = env_int("IMR_UPLOAD_MAX_ZIP_RATIO", 100)
# True: process an upload inside its request (tests); False: in a background thread.
IMR_UPLOAD_PROCESS_INLINE = env_bool("IMR_UPLOAD_PROCESS_INLINE", False)
# Files above 2.5 MB stream to temporary files, never whole into memory; the first handler refuses a request
# larger than the per-upload limit before its files reach the disk.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # the form's fields other than files
DATA_UPLOAD_MAX_NUMBER_FILES = env_int("IMR_UPLOAD_MAX_FILES", 1000)
FILE_UPLOAD_HANDLERS = [
    "imr_archive.uploads.nameless_parts.KeepNamelessParts",  # parses the upload: every file part gets its row
    "imr_archive.uploads.handlers.UploadSizeLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# Search.
IMR_SEARCH_BACKEND = os.environ.get("IMR_SEARCH_BACKEND", "whoosh")
IMR_INDEX_DIR = Path(os.environ.get("IMR_INDEX_DIR", VAR_DIR / "index"))
IMR_INDEX_LOCK_TIMEOUT = float(os.environ.get("IMR_INDEX_LOCK_TIMEOUT", "60"))

# The REST API (imr_archive/api; docs/api.md): JSON only, every error JSON, reads throttled per client.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",  # scripts: "Authorization: Token <key>"
        "rest_framework.authentication.SessionAuthentication",  # a signed-in staff member trying the docs
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_CLASSES": ["imr_archive.api.throttles.AnonymousRate", "imr_archive.api.throttles.SignedInRate"],
    "EXCEPTION_HANDLER": "imr_archive.api.errors.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # Proxies in front of the app servers: the client is the address this many hops back in X-Forwarded-For.
    "NUM_PROXIES": env_int("IMR_API_PROXIES", 0),
}
IMR_API_ANON_RATE = os.environ.get("IMR_API_ANON_RATE", "60/minute")
IMR_API_USER_RATE = os.environ.get("IMR_API_USER_RATE", "600/minute")
# Exports of a search (CSV, JSON) stop at this many items; a larger search is paged through the API.
IMR_EXPORT_MAX_ITEMS = env_int("IMR_EXPORT_MAX_ITEMS", 100_000)
SPECTACULAR_SETTINGS = {
    "TITLE": "IMR Archive API",
    "DESCRIPTION": "California Independent Medical Review final determinations, item by item: search with the "
                   "search page's parameters, letters by permalink, guideline citation counts, staff uploads.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",  # served from this site, no CDN
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",  # tags by the first part after it: search, letters, guidelines ...
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums",
                             "imr_archive.api.schema.document_errors"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("IMR_LOG_LEVEL", "WARNING")},
}

# The search engine's name is checked when the apps are ready (imr_archive/search/apps.py): the names
# are the search service's.
MIN_SECRET_KEY_LENGTH = 50  # as Django's deployment check (security.W009) asks

if PRODUCTION:
    if DEBUG:
        raise ImproperlyConfigured("IMR_PRODUCTION is set: DJANGO_DEBUG must be off.")
    if SECRET_KEY == "dev-only-insecure-key":
        raise ImproperlyConfigured("IMR_PRODUCTION is set: DJANGO_SECRET_KEY must be set.")
    if len(SECRET_KEY) < MIN_SECRET_KEY_LENGTH or len(set(SECRET_KEY)) < 5:
        raise ImproperlyConfigured(f"IMR_PRODUCTION is set: DJANGO_SECRET_KEY must be a random string of at least "
                                   f"{MIN_SECRET_KEY_LENGTH} characters (it has {len(SECRET_KEY)}).")
    if not os.environ.get("DJANGO_ALLOWED_HOSTS"):
        raise ImproperlyConfigured("IMR_PRODUCTION is set: DJANGO_ALLOWED_HOSTS must be set.")
    if not ALLOWED_HOSTS:
        hosts = os.environ["DJANGO_ALLOWED_HOSTS"]
        raise ImproperlyConfigured(f"IMR_PRODUCTION is set: DJANGO_ALLOWED_HOSTS={hosts!r} names no host: list the "
                                   "site's host names, separated by commas.")
    if "*" in ALLOWED_HOSTS:
        raise ImproperlyConfigured("IMR_PRODUCTION is set: DJANGO_ALLOWED_HOSTS must name the site's hosts, not '*' "
                                   "(which accepts any Host header).")
    # Behind a TLS-terminating load balancer that sets X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
