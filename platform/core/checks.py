"""System checks for what the platform's security rests on."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

# Cache backends whose content lives in one process only.
PROCESS_LOCAL_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register(Tags.security)
def check_trusted_proxies(app_configs, **kwargs) -> list:
    errors = []
    for entry in getattr(settings, "CONG_TRUSTED_PROXIES", ()):
        try:
            ipaddress.ip_network(entry.strip(), strict=False)
        except ValueError:
            errors.append(Error(
                f"CONG_TRUSTED_PROXIES: {entry!r} is not an IP address or network.",
                hint="Comma-separated addresses or networks, e.g. 127.0.0.1,::1,10.0.0.0/24.",
                id="core.E001",
            ))
    return errors


@register(Tags.security, Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs) -> list:
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend in PROCESS_LOCAL_CACHES:
        return [Warning(
            f"The default cache ({backend}) lives in one process: every worker counts its own "
            "rate limits and remembers its own used form tokens.",
            hint="Use a shared cache (Redis) in production; see docs/operations.md.",
            id="core.W001",
        )]
    return []
