"""Production: base settings, refuse to start without the secrets, HTTPS only."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import CACHES, DATABASES, LOGGING, SECRET_KEY, env_bool

if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production.")
if not DATABASES:
    raise ImproperlyConfigured("DATABASE_URL must be set in production.")

# Behind nginx, which terminates TLS (deploy/nginx/cong.conf): X-Forwarded-Proto from our trusted
# proxies tells Django the request came over HTTPS. DJANGO_BEHIND_TLS_PROXY=0 when Django
# itself is reached over HTTPS without a proxy.
if env_bool("DJANGO_BEHIND_TLS_PROXY", True):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
# Probes and the metrics scraper may talk to gunicorn directly over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Ready for the browsers' preload list (hstspreload.org): every subdomain of the province
# domain is then HTTPS-only, forever in practice. Submitting the domain is a separate step.
SECURE_HSTS_PRELOAD = True

# The caches every worker and node shares: Redis unless another cache is configured
# (rate limits, used form tokens, the page cache and its freshness tokens).
REDIS = "django.core.cache.backends.redis.RedisCache"
if "DJANGO_CACHE_BACKEND" not in os.environ:
    CACHES["default"]["BACKEND"] = REDIS
    CACHES["default"]["LOCATION"] = os.environ.get("DJANGO_CACHE_LOCATION", "redis://127.0.0.1:6379/0")
    CACHES["default"].pop("OPTIONS", None)
if "CONG_PAGE_CACHE_BACKEND" not in os.environ and "DJANGO_CACHE_BACKEND" not in os.environ:
    # The same Redis as the default cache unless told otherwise (its keys carry their own
    # prefix and the schema).
    CACHES["pages"]["BACKEND"] = REDIS
    CACHES["pages"]["LOCATION"] = os.environ.get(
        "CONG_PAGE_CACHE_LOCATION", CACHES["default"]["LOCATION"]
    )
    CACHES["pages"].pop("OPTIONS", None)

# Sessions stay in each portal's own table (every node reads the same database) and are
# read through the shared cache, whose keys carry the schema (django_tenants.cache.make_key).
SESSION_ENGINE = os.environ.get("DJANGO_SESSION_ENGINE", "django.contrib.sessions.backends.cached_db")

# One JSON object a line, with the request id and the portal, unless told otherwise.
if os.environ.get("DJANGO_LOG_FORMAT", "json") == "json":
    LOGGING["handlers"]["console"]["formatter"] = "json"
