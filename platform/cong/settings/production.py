"""Production: base settings, and refuse to start without the secrets."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import CACHES, DATABASES, SECRET_KEY

if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production.")
if not DATABASES:
    raise ImproperlyConfigured("DATABASE_URL must be set in production.")

SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True

# The caches every worker and node shares: Redis unless another cache is configured
# (rate limits, used form tokens, the page cache and its freshness tokens).
REDIS = "django.core.cache.backends.redis.RedisCache"
if "DJANGO_CACHE_BACKEND" not in os.environ:
    CACHES["default"]["BACKEND"] = REDIS
    CACHES["default"]["LOCATION"] = os.environ.get("DJANGO_CACHE_LOCATION", "redis://127.0.0.1:6379/0")
    CACHES["default"].pop("OPTIONS", None)
if "CONG_PAGE_CACHE_BACKEND" not in os.environ and "DJANGO_CACHE_BACKEND" not in os.environ:
    CACHES["pages"]["BACKEND"] = REDIS
    CACHES["pages"]["LOCATION"] = os.environ.get("CONG_PAGE_CACHE_LOCATION", "redis://127.0.0.1:6379/1")
    CACHES["pages"].pop("OPTIONS", None)
