"""Settings shared by every environment.

Safe for production: everything secret or host-specific comes from the environment, and
nothing here turns on debugging. `dev.py` and `test.py` add conveniences on top;
`production.py` only insists that the secrets are present.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent  # platform/cong
BASE_DIR = PROJECT_DIR.parent.parent  # the checkout
VAR_DIR = Path(os.environ.get("CONG_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False

# Which hosts exist is decided by the portal registry (tenants.Domain): the tenant middleware
# answers a plain 404 to every other host. ALLOWED_HOSTS can narrow it further
# (e.g. ".laichau.gov.vn").
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "*")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# --- Tenancy --------------------------------------------------------------------------------
# The public schema is the control plane: the portal registry, platform operators and the
# province board's own accounts, and the platform console. Every portal is one schema.
SHARED_APPS = [
    "django_tenants",
    "tenants",
    "core",
    # The shared search index (public.search_document) every portal writes to.
    "search",
    # The platform console (operators, the province board) on its own domain.
    "console",
    # The demo province (`manage.py load_demo`); no models.
    "demo",
    # Sign-in shared by the console and every portal: failures and lockouts counted once,
    # platform accounts' password history and two-factor secrets.
    "signin",
    # The province's posting rules and the ledger of every portal's clocks (issue #13).
    "deadlines.province",
    # Where the import of nginx's visits log has got to (visits.accesslog), per node and file.
    "visits.accesslog",
    # Periodic reports of every portal, keyed by portal, and their reminders (issue #14).
    "reports",
    # Background jobs: one queue table in the public schema for every portal (tenants.jobs).
    "django_tasks",
    "django_tasks_db",
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

# auth and sessions are in both lists: each portal has its own users and sessions, so an
# editor of one portal does not exist in any other.
TENANT_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.sitemaps",
    "accounts",
    "editorial",
    # The base theme's tags, and each portal's look (a site setting: needs the portal's Site).
    "themes",
    "home",
    "news",
    "legaldocs",
    "direction",
    "introduction",
    "planning",
    "projects",
    "contacts",
    "science",
    "stats",
    "budget",
    "services",
    # The list of information to be disclosed (Access to Information Law art. 17).
    "disclosure",
    "compliance",
    "workdays",
    "participation",
    # Posting deadlines, obligations, reminders (its province half is a shared app).
    "deadlines",
    # Visitor statistics (counted without cookies), the EMC and Matomo codes (issue #14).
    "visits",
    # The read-only open data API and the statistics' DCAT metadata (/api/v1/).
    "opendata",
    # E-mail subscriptions to sections, document types and issuers, Q&A topics (issue #18).
    "subscriptions",
    "languages",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    # Wagtail's user management with the portal's account rules (no deletion, issued
    # passwords must be changed, names "@…" reserved for platform accounts).
    "accounts.apps.UsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
]

INSTALLED_APPS = SHARED_APPS + [app for app in TENANT_APPS if app not in SHARED_APPS]

TENANT_MODEL = "tenants.Portal"
TENANT_DOMAIN_MODEL = "tenants.Domain"
PUBLIC_SCHEMA_URLCONF = "cong.urls_public"
ROOT_URLCONF = "cong.urls"

# New portals are cloned from a migrated template schema (about a second) instead of being
# migrated from scratch (about twelve). `migrate_platform` keeps the template migrated.
TENANT_BASE_SCHEMA = "portal_template"
TENANT_CREATION_FAKES_MIGRATIONS = True
# Fewer `SET search_path` round trips per request.
TENANT_LIMIT_SET_CALLS = True

DATABASE_ROUTERS = ["django_tenants.routers.TenantSyncRouter"]


def database_config(url: str) -> dict:
    config = dj_database_url.parse(url, conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")))
    config["ENGINE"] = "core.postgresql"  # django-tenants, with schema-aware commit hooks
    config["CONN_HEALTH_CHECKS"] = True
    return config


# A connection that has worked in more portals' schemas than this is closed after its request
# (core.postgresql): a PostgreSQL session's catalog cache grows with every schema it opens.
CONG_DB_SCHEMAS_PER_CONNECTION = int(os.environ.get("CONG_DB_SCHEMAS_PER_CONNECTION", "50"))

DATABASE_URL = os.environ.get("DATABASE_URL", "")
DATABASES = {"default": database_config(DATABASE_URL)} if DATABASE_URL else {}

MIDDLEWARE = [
    # Every request gets an id (X-Request-ID, in every log line) and is counted and timed
    # per portal for /metrics, the 404 of an unknown host and the 503 of an outage included.
    "core.logs.RequestIdMiddleware",
    "core.metrics.MetricsMiddleware",
    # Outside the portal routing, so that every response carries them, the plain 404 for an
    # unknown host included. Before anything asks request.scheme: a peer that is not our
    # proxy does not get to say the request came over HTTPS (core.clientip).
    "core.clientip.ProxyHeadersMiddleware",
    # Anonymous visitors' pages, answered before anything else runs (see CONG_PAGE_CACHE
    # below): a kept page carries the headers the middleware below added when it rendered.
    # After the proxy headers: the scheme is part of the key.
    "core.caching.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy and Permissions-Policy.
    "core.security.SecurityHeadersMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # 400 for an address with a NUL byte, before anything queries the database with it.
    "core.errors.RequestGuardMiddleware",
    # Static files are the same for every portal: served before any portal lookup.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # /healthz, /readyz, /metrics on any host, before the portal lookup needs the database.
    "core.monitoring.MonitoringMiddleware",
    "tenants.middleware.PortalMiddleware",
    # The page views' beacon (visits), answered here: it needs nothing below.
    "visits.middleware.BeaconMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Idle timeout, second sign-in step, forced password change, mandatory two-factor.
    "accounts.middleware.AccountSecurityMiddleware",
    # The same for the platform console (public schema): platform accounts' rules.
    "console.middleware.ConsoleSecurityMiddleware",
    "tenants.middleware.PortalRedirectMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # Refuses every sign-in (even the right password) while the account name or the IP
    # address is locked out after repeated failures.
    "accounts.lockout.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Platform operators and province board members sign in to a portal with their
    # public-schema account, mapped to an audited account inside that portal.
    "accounts.backends.PlatformAccountBackend",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "themes" / "base" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "tenants.context_processors.portal",
            ],
        },
    },
]

WSGI_APPLICATION = "cong.wsgi.application"

# The same rules for portal users and platform accounts (the console's password change).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "accounts.validators.LettersAndDigitsValidator", "OPTIONS": {"min_length": 12}},
    # `matkhau…`, province names with a year, `P@ssw0rd!!`.
    {"NAME": "accounts.validators.VietnamesePatternValidator"},
    # A bundled list of passwords leaked in public breaches (accounts/data/README.md).
    {"NAME": "accounts.validators.BreachedPasswordValidator"},
    # Not the last N passwords (N from the portal's AccountPolicy).
    {"NAME": "accounts.validators.PasswordHistoryValidator"},
]
# The admin's sign-in form says until when an account is locked.
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.LoginForm"
# Images need a description (their alt text) unless marked decorative.
WAGTAILIMAGES_IMAGE_FORM_BASE = "editorial.images.ImageForm"

# --- Language and time: Vietnamese first ---------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Our own strings (Vietnamese source, English translation), then the Vietnamese for Wagtail's
# and wagtail-localize's admin, whose own catalogues are far from complete.
LOCALE_PATHS = [BASE_DIR / "locale", PROJECT_DIR / "locale_upstream"]
# Submitting a page for translation saves an English draft; publishing is the board's.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
FORMAT_MODULE_PATH = ["cong.formats"]
# The admin's date and time pickers write and read dd/mm/yyyy too (strftime formats; the
# listings' dates come from the formats above).
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"

# --- Static files and media -----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "themes" / "base" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", VAR_DIR / "media"))
# Files of each portal live under MEDIA_ROOT/<schema>/ and are served only on that portal's
# domains (tenants.views.serve_media).
MULTITENANT_RELATIVE_MEDIA_ROOT = "%s"
STORAGES = {
    "default": {"BACKEND": "django_tenants.files.storage.TenantFileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Set when nginx serves media: Django then only checks the portal and answers with
# X-Accel-Redirect to this internal location.
MEDIA_ACCEL_REDIRECT_PREFIX = os.environ.get("MEDIA_ACCEL_REDIRECT_PREFIX", "")

# --- Cache: keys carry the schema, or Wagtail's cached site roots leak between portals ------
# "default" (Django's, Wagtail's renditions, rate limits) and "pages" (the page cache and the
# freshness tokens every worker checks: core.caching) must be shared by every worker and node.
# Development: files under var/cache, which `make run` needs nothing for and all gunicorn
# workers share (a per-process memory cache would keep serving a page another worker purged);
# production: Redis (production.py). DJANGO_CACHE_BACKEND/LOCATION and
# CONG_PAGE_CACHE_BACKEND/LOCATION choose others.
def cache_config(backend: str, location: str, **extra) -> dict:
    config = {"BACKEND": backend, "LOCATION": location, **extra}
    if backend in (FILE_CACHE, PAGES_FILE_CACHE):
        # Files are culled when there are more than this (a third at random).
        config.setdefault("OPTIONS", {"MAX_ENTRIES": 20_000})
    return config


FILE_CACHE = "django.core.cache.backends.filebased.FileBasedCache"
# The same, with an entry format a page-cache hit reads at a quarter of the cost.
PAGES_FILE_CACHE = "core.caching.filecache.FileCache"
_cache_backend = os.environ.get("DJANGO_CACHE_BACKEND", FILE_CACHE)
_pages_backend = os.environ.get(
    "CONG_PAGE_CACHE_BACKEND", PAGES_FILE_CACHE if _cache_backend == FILE_CACHE else _cache_backend
)
CACHES = {
    "default": cache_config(
        _cache_backend,
        os.environ.get("DJANGO_CACHE_LOCATION", str(VAR_DIR / "cache" / "default")),
        KEY_FUNCTION="django_tenants.cache.make_key",
        REVERSE_KEY_FUNCTION="django_tenants.cache.reverse_key",
    ),
    # Keys written with their schema by core.caching itself.
    "pages": cache_config(
        _pages_backend,
        os.environ.get("CONG_PAGE_CACHE_LOCATION")
        or (str(VAR_DIR / "cache" / "pages") if _pages_backend in (FILE_CACHE, PAGES_FILE_CACHE)
            else os.environ.get("DJANGO_CACHE_LOCATION", "")),
        KEY_PREFIX="cong",
    ),
}

# --- Background jobs (tenants.jobs, docs/architecture.md) ----------------------------------
# Stored in the database and run by `manage.py run_worker` in the schema they were enqueued
# in; `make run` starts a worker beside gunicorn. CONG_TASKS_IMMEDIATE=1 runs every job at
# once in the process that enqueues it instead (no worker needed).
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if env_bool("CONG_TASKS_IMMEDIATE")
        else "tenants.jobs.PortalDatabaseBackend",
    }
}
# A job still running this many seconds after it started lost its worker: queued again.
CONG_JOB_STALE_AFTER = int(os.environ.get("CONG_JOB_STALE_AFTER", str(30 * 60)))
# /readyz answers 503 when more jobs than this are waiting to run.
CONG_READY_MAX_QUEUE = int(os.environ.get("CONG_READY_MAX_QUEUE", "5000"))
# Where `manage.py backup_portal` writes its archives.
CONG_BACKUP_DIR = Path(os.environ.get("CONG_BACKUP_DIR", VAR_DIR / "backups"))

# --- Page cache and per-portal memos (core.caching, docs/scaling.md) -----------------------
CONG_SHARED_CACHE = "pages"
# Anonymous GET/HEAD of pages, listings, feeds and the sitemap, purged exactly on change.
CONG_PAGE_CACHE = env_bool("CONG_PAGE_CACHE", True)
# How long a page is kept (seconds; never past the next local midnight), and a 404.
CONG_PAGE_CACHE_TTL = int(os.environ.get("CONG_PAGE_CACHE_TTL", "600"))
CONG_PAGE_CACHE_TTL_404 = int(os.environ.get("CONG_PAGE_CACHE_TTL_404", "60"))
# Never cached, whoever asks.
CONG_PAGE_CACHE_EXCLUDE = ["/admin/", "/documents/", "/media/", "/static/", "/_util/", "/_v"]
# Largest clock difference between the nodes that purge and render (seconds).
CONG_PAGE_CACHE_CLOCK_SKEW = float(os.environ.get("CONG_PAGE_CACHE_CLOCK_SKEW", "1"))
# Edge caches to purge with each change (Varnish with deploy/varnish/default.vcl), e.g.
# "http://127.0.0.1:6081"; none by default.
CONG_EDGE_PURGE_URLS = env_list("CONG_EDGE_PURGE_URLS")
# How many portals' Site, homes, menus and settings each process keeps.
CONG_PORTAL_MEMO_SIZE = int(os.environ.get("CONG_PORTAL_MEMO_SIZE", "200"))
# How often each process checks whether the portal registry changed (seconds): the longest a
# suspended portal is still served by another worker.
CONG_REGISTRY_RECHECK_SECONDS = float(os.environ.get("CONG_REGISTRY_RECHECK_SECONDS", "1"))

# --- Security -------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_AGE = 8 * 60 * 60
# No page of ours is shown in a frame, except Wagtail's preview inside its own admin
# (its preview views answer SAMEORIGIN themselves).
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Our own proxies (nginx): addresses or networks, comma-separated. Only a request whose peer
# is one of them has its X-Forwarded-For read (from the right, skipping these proxies) for
# the client's address, which every rate limit, lockout and audit record counts
# (core.clientip). Only nginx on the same host by default; any other peer's own address is
# used, so a client cannot choose its address.
CONG_TRUSTED_PROXIES = env_list("CONG_TRUSTED_PROXIES", "127.0.0.1,::1")
# DJANGO_BEHIND_TLS_PROXY: requests reach Django through a proxy in CONG_TRUSTED_PROXIES that
# terminates TLS and sets X-Forwarded-Proto (deploy/nginx/cong.conf): believe that header (from
# those proxies only) for request.is_secure(). It has nothing to do with client addresses.
# On by default in production (production.py).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool(
    "DJANGO_BEHIND_TLS_PROXY"
) else None

# Content-Security-Policy (core.security). Public pages and the console: nothing inline, no
# other origin but embedded videos and maps an editor placed in a page (frame-src).
CONG_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "media-src": ["'self'"],
    "frame-src": ["'self'", "https:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# The Wagtail admin still needs inline scripts and styles (inline panels, date pickers,
# style attributes); images of embeds come from their providers. No 'unsafe-eval': the
# browser tests open the page editor, its preview and its content checks under this policy.
CONG_CSP_ADMIN = {
    **CONG_CSP,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", "https:"],
    "font-src": ["'self'", "data:"],
    "media-src": ["'self'", "blob:"],
    "worker-src": ["'self'", "blob:"],
    # Wagtail's preview shows the page in a frame of the admin itself.
    "frame-ancestors": ["'self'"],
}
# Browser features no page of ours uses: refused to our pages and to anything they embed.
CONG_PERMISSIONS_POLICY_DENY = [
    "accelerometer", "camera", "display-capture", "geolocation", "gyroscope", "magnetometer",
    "microphone", "midi", "payment", "usb",
]
# Who to tell about a vulnerability in the platform (comma-separated URIs, e.g.
# "mailto:antt@laichau.gov.vn"), listed after each portal's own contacts in
# /.well-known/security.txt.
CONG_SECURITY_CONTACT = env_list("CONG_SECURITY_CONTACT")

EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "congthongtin@localhost")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Cổng thông tin điện tử"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = [
    "pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "rtf", "txt", "csv", "zip", "rar",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# No avatars from gravatar.com: editors' e-mail hashes stay here, and the admin loads nothing
# from other origins.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Page slugs typed or filled in from a Vietnamese title are plain ASCII ("thong-bao", đ → d):
# an accented slug copies as %E1%BB… into messages and documents.
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# --- The platform ---------------------------------------------------------------------------
# Domain of the province portal; member portals default to <code>.<CONG_PROVINCE_DOMAIN>.
CONG_PROVINCE_DOMAIN = os.environ.get("CONG_PROVINCE_DOMAIN", "laichau.gov.vn")
# Domain of the platform console (public schema).
CONG_CONSOLE_DOMAIN = os.environ.get("CONG_CONSOLE_DOMAIN", f"quantri.{CONG_PROVINCE_DOMAIN}")
# Two-factor secrets are encrypted at rest with this Fernet key (signin.crypto); unset, it
# is derived from DJANGO_SECRET_KEY. Old keys stay readable during a rotation
# (`manage.py rotate_totp_key`, docs/operations.md).
CONG_TOTP_KEY = os.environ.get("CONG_TOTP_KEY", "")
CONG_TOTP_OLD_KEYS = env_list("CONG_TOTP_OLD_KEYS")
# The account rules of operators and the province board (signin.policy.PlatformPolicy);
# empty: the portals' defaults from the provincial regulation, two-factor required.
CONG_PLATFORM_ACCOUNT_POLICY: dict = {}
# `load_demo` fills the database with the demo province and its accounts, all with one
# published password: only where a setting says so (dev and test), never in production.
CONG_ALLOW_DEMO = False
# Scheme and port used when printing or linking a portal's address.
CONG_PUBLIC_SCHEME = os.environ.get("CONG_PUBLIC_SCHEME", "https")
CONG_PUBLIC_PORT = int(os.environ.get("CONG_PUBLIC_PORT", "0")) or None

# Who may read /metrics and the details of /readyz (addresses or networks; the client's
# address as core.clientip sees it, so behind nginx the visitor's, not nginx's).
CONG_MONITORING_ADDRESSES = env_list("CONG_MONITORING_ADDRESSES", "127.0.0.1,::1")

# Logs: one JSON object a line with the request id and the portal (DJANGO_LOG_FORMAT=json,
# the production default), or plain lines with the same fields.
LOG_FORMAT = os.environ.get("DJANGO_LOG_FORMAT", "plain")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"context": {"()": "core.logs.ContextFilter"}},
    "formatters": {
        "json": {"()": "core.logs.JsonFormatter"},
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(portal)s %(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["context"],
            "formatter": "json" if LOG_FORMAT == "json" else "plain",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Wagtail logs every page action and django-tasks every task at INFO: the audit
        # trail keeps those, the console does not need them.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

# --- Periodic reports (reports.periods; docs/architecture.md "Periodic reports") -----------
# The periods the province requires: Lai Châu art. 26 quarterly, Decree 43 art. 30 yearly
# (Kiên Giang art. 24: "half" and "year").
CONG_REPORT_KINDS = env_list("CONG_REPORT_KINDS", "quarter,year")
# Quarterly and half-yearly reports by this day of the month after the period.
CONG_REPORT_DUE_DAY = int(os.environ.get("CONG_REPORT_DUE_DAY", "15"))
# (month, day) of the yearly reports: members first, so the province reports to the Ministry
# before 1 December.
CONG_REPORT_YEAR_DUE = (11, 15)
CONG_REPORT_YEAR_DUE_PROVINCE = (11, 30)
# Reminders to the board head start this many days before a due date.
CONG_REPORT_REMIND_DAYS = int(os.environ.get("CONG_REPORT_REMIND_DAYS", "5"))
# The place name of reports ("Lai Châu, ngày … tháng … năm …").
CONG_REPORT_PLACE = os.environ.get("CONG_REPORT_PLACE", "Lai Châu")

# How page views are counted (docs/visits.md): "beacon" (each public page sends /_v to the
# application; for a setup without nginx, e.g. `make run`) or "access_log" (production:
# nginx writes one line per request to CONG_VISITS_LOG, imported every minute by
# `import_visits`; no request of the application per view).
CONG_VISITS_SOURCE = os.environ.get("CONG_VISITS_SOURCE", "beacon")
if CONG_VISITS_SOURCE not in ("beacon", "access_log"):
    raise ValueError("CONG_VISITS_SOURCE must be 'beacon' or 'access_log'")
CONG_VISITS_LOG = os.environ.get("CONG_VISITS_LOG", "/var/log/nginx/cong-visits.log")
