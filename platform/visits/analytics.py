"""The portal's external analytics (EMC, Matomo) and its counter setting, as every public
page needs them: read once per portal and process (core.caching.memo; saving the setting
renews it), injected by a static loader script reading data- attributes (no inline script),
and allowed by the page's Content-Security-Policy (`policy_sources`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.db import Error as DatabaseError
from django.http import HttpRequest

from core.caching.memo import memo
from core.security import is_admin_request
from tenants.current import is_portal_schema

from .validators import origin


@dataclass(frozen=True)
class Analytics:
    show_counter: bool = True
    emc_url: str = ""
    emc_site_id: str = ""
    matomo_url: str = ""
    matomo_site_id: str = ""

    @property
    def origins(self) -> list[str]:
        found = []
        if self.emc_site_id and self.emc_url:
            found.append(origin(self.emc_url))
        if self.matomo_site_id and self.matomo_url:
            found.append(origin(self.matomo_url))
        return list(dict.fromkeys(found))


def _build() -> Analytics:
    from wagtail.models import Site

    from .models import VisitSettings

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return Analytics()
    row = VisitSettings.for_site(site)
    return Analytics(
        show_counter=row.show_counter, emc_url=row.emc_url, emc_site_id=row.emc_site_id,
        matomo_url=row.matomo_url, matomo_site_id=row.matomo_site_id,
    )


def current() -> Analytics:
    """The connection's portal's settings (the defaults outside a portal)."""
    if not is_portal_schema():
        return Analytics()
    return memo("visits:analytics", _build)


def policy_sources(request: HttpRequest) -> Mapping[str, Sequence[str]]:
    """The trackers' origins for the CSP of a portal's public page: nothing for the admin,
    the console or a response given before the portal was known (or the database failed)."""
    if is_admin_request(request) or getattr(request, "tenant", None) is None:
        return {}
    try:
        origins = current().origins
    except DatabaseError:
        return {}
    if not origins:
        return {}
    return {"script-src": origins, "connect-src": origins, "img-src": origins}


def emc_missing(schema: str) -> bool:
    """Whether the portal of `schema` has no EMC code yet (Circular 22/2023 wants it before
    the portal goes live): the console warns, it does not block."""
    from django_tenants.utils import schema_context

    from .models import VisitSettings

    with schema_context(schema):
        row = VisitSettings.objects.filter(site__is_default_site=True).values(
            "emc_site_id", "emc_url"
        ).first()
    return not (row and row["emc_site_id"] and row["emc_url"])


def set_emc(schema: str, site_id: str, url: str = "") -> None:
    """Record the EMC code of the portal of `schema` (the console does it for a portal whose
    own admin is not open yet); validated as the setting's form does."""
    from django_tenants.utils import schema_context

    from wagtail.models import Site

    from .models import VisitSettings

    with schema_context(schema):
        setting = VisitSettings.for_site(Site.objects.get(is_default_site=True))
        setting.emc_site_id = site_id
        if url:
            setting.emc_url = url
        setting.full_clean()
        setting.save()
