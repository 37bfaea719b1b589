"""How a portal's request finds its page, with what every page needs read once per portal.

Wagtail, for every page, looks up the Site (a query), the active locale (a query), the home
page, then each level of the path (two queries a level), every view restriction of the page
and its ancestors (two queries), and every `.public()` listing reads all view restrictions
again. Here:

- the Site, the locales, the home pages of each language and the view restrictions of the
  portal come from the per-portal memo (`core.caching.memo`, kept until the portal's token
  changes: a saved Site, locale, restriction, or a change of a home or section page);
- `serve` finds the page in two queries whatever its depth (every page along the path in one,
  then the page itself), with Wagtail's own routing rules (a routable page's routes before
  its children; a non-live page along the path routes through; a page with its own `route`
  routes itself), keeps the pages along the path for the breadcrumbs, runs Wagtail's serve
  hooks (its view-restriction check only where the portal has restrictions at all), and tells
  the page cache what the response shows;
- `PageQuerySet.private_q` (what `.public()` excludes) is built from the memo instead of a
  query per call: the one method of Wagtail replaced (`install()`), with the same result.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.utils.translation import get_language

from wagtail import hooks
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from core.caching.memo import memo
from core.caching.pages import depends_on, page_tag, tree_tag

# Set on the request by `serve`: the pages from the home page down to the one served.
PAGE_CHAIN = "cong_page_chain"


# --- What every page needs, per portal ----------------------------------------------------


def _sites() -> list[Site]:
    return memo("sites", lambda: list(Site.objects.select_related("root_page").order_by("pk")))


def _copy_site(site: Site) -> Site:
    copied = copy.copy(site)
    copied.root_page = copy.copy(site.root_page)  # never share a Page between requests
    return copied


def find_site(request: HttpRequest) -> Site | None:
    """`Site.find_for_request`, from the memo; Wagtail then finds it on the request."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    by_host = [s for s in _sites() if s.hostname == hostname]
    default = [s for s in _sites() if s.is_default_site]
    # Wagtail's order: host and port, host of the default site, the default site (unless
    # exactly one other site has the host), the only site with the host.
    exact = [s for s in by_host if str(s.port) == str(port)]
    site = None
    if exact:
        site = exact[0]
    elif any(s.is_default_site for s in by_host):
        site = next(s for s in by_host if s.is_default_site)
    elif default:
        site = by_host[0] if len(by_host) == 1 else default[0]
    elif len(by_host) == 1:
        site = by_host[0]
    request._wagtail_site = _copy_site(site) if site is not None else None
    return request._wagtail_site


def locales() -> dict[str, Locale]:
    """The portal's content languages, by language code."""
    return memo("locales", lambda: {locale.language_code: locale for locale in Locale.objects.all()})


def active_locale() -> Locale | None:
    """`Locale.get_active()` from the memo: the active language's locale, else the default."""
    from django.conf import settings

    found = locales()
    return found.get(get_language() or "") or found.get(settings.LANGUAGE_CODE)


@dataclass(frozen=True)
class HomePageRef:
    """A home page as routing and links need it (never the page's content)."""

    id: int
    path: str
    depth: int
    numchild: int
    live: bool
    url_path: str
    locale_id: int
    translation_key: object

    def page(self) -> Page:
        return Page(
            id=self.id, path=self.path, depth=self.depth, numchild=self.numchild, live=self.live,
            url_path=self.url_path, locale_id=self.locale_id, translation_key=self.translation_key,
        )


def home_pages(site: Site) -> dict[str, HomePageRef]:
    """The site's home page and its translations, by language code."""

    def build() -> dict[str, HomePageRef]:
        codes = {locale.pk: code for code, locale in locales().items()}
        root = site.root_page
        pages = Page.objects.filter(translation_key=root.translation_key).values(
            "id", "path", "depth", "numchild", "live", "url_path", "locale_id", "translation_key",
        )
        return {codes[row["locale_id"]]: HomePageRef(**row) for row in pages if row["locale_id"] in codes}

    return memo(f"homes:{site.pk}", build)


def localized_home(site: Site, language: str | None = None) -> HomePageRef | None:
    """The home page in `language` (default: the active one), as `Page.localized` gives it:
    the translation if it is live, else the site's own home page."""
    homes = home_pages(site)
    own = next((ref for ref in homes.values() if ref.id == site.root_page_id), None)
    translated = homes.get(language or get_language() or "")
    if translated is not None and translated.live:
        return translated
    return own


def view_restrictions() -> tuple[tuple[str, int], ...]:
    """(path, depth) of every page of the portal with a view restriction."""
    return memo(
        "view_restrictions",
        lambda: tuple(
            PageViewRestriction.objects.order_by("page__path").values_list("page__path", "page__depth")
        ),
    )


class KeptSiteSetting:
    """For a site setting every page reads (the portal's look, its contact details): kept in
    the per-portal memo (a saved setting renews it, core.caching.signals); each caller gets its
    own copy. Put it first in the setting's bases."""

    @classmethod
    def for_site(cls, site):
        if site is None:
            return super().for_site(site)

        def build():
            instance = super(KeptSiteSetting, cls).for_site(site)
            for field in instance._meta.concrete_fields:
                if field.is_relation and field.name != "site":
                    getattr(instance, field.name)  # the images of the theme, read once too
            return instance

        return copy.copy(memo(f"setting:{cls._meta.label_lower}:{site.pk}", build))


def is_public_path(path: str) -> bool:
    """Whether the page at tree `path` is outside every restricted part of the portal."""
    return not any(path.startswith(restricted) for restricted, _depth in view_restrictions())


def private_q(self) -> Q:
    """`PageQuerySet.private_q` from the memo (see `install`)."""
    q = Q()
    for path, depth in view_restrictions():
        q |= Q(path__startswith=path) & Q(depth__gte=depth)
    # Matches no page when no page is private, as Wagtail's.
    return q if q else Q(pk__in=[])


def install() -> None:
    from wagtail.query import PageQuerySet

    PageQuerySet.private_q = private_q


# --- Routing -------------------------------------------------------------------------------


def _routes_itself(cls) -> bool:
    return cls.route not in (Page.route, RoutablePageMixin.route)


def _sub_path(components: list[str]) -> str:
    return "/" + "".join(f"{c}/" for c in components)


def route(request: HttpRequest, path: str) -> RouteResult | None:
    """The page (and its arguments) for `path` in the request's portal, as Wagtail's
    `Page.route_for_request` finds it; None for a 404."""
    site = find_site(request)
    if site is None:
        return None
    home = localized_home(site)
    if home is None:
        return None
    components = [c for c in path.split("/") if c]
    # The home page and every page along the path, in one query.
    rows = list(
        Page.objects.filter(
            Q(pk=home.id)
            | Q(path__startswith=home.path, depth__gt=home.depth,
                depth__lte=home.depth + len(components), slug__in=components)
        ).order_by("path")
    )
    by_parent: dict[tuple[str, str], Page] = {}
    root = None
    for row in rows:
        if row.pk == home.id:
            root = row
        else:
            by_parent[(row.path[: -Page.steplen], row.slug)] = row
    if root is None:
        return None
    chain = [root]
    current = root
    for index in range(len(components) + 1):
        remaining = components[index:]
        cls = current.specific_class or Page
        if _routes_itself(cls):
            request.cong_page_chain = chain
            return current.specific.route(request, remaining)
        if issubclass(cls, RoutablePageMixin) and current.live:
            try:
                cls.get_resolver().resolve(_sub_path(remaining))
            except Http404:
                pass
            else:
                specific = _specific(current, chain)
                match = specific.resolve_subpage(_sub_path(remaining))
                request.routable_resolver_match = match
                view, args, kwargs = match
                request.cong_page_chain = chain
                return RouteResult(specific, args=(view, args, kwargs))
        if not remaining:
            if not current.live:
                return None
            request.cong_page_chain = chain
            return RouteResult(_specific(current, chain))
        child = by_parent.get((current.path, remaining[0]))
        if child is None:
            return None
        chain.append(child)
        current = child
    return None  # not reached: the loop returns once the path is used up


def _specific(page: Page, chain: list[Page]) -> Page:
    specific = page.specific
    if len(chain) > 1:
        specific._cached_parent_obj = chain[-2]  # as Wagtail's routing does
    chain[-1] = specific
    return specific


def serve(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's `serve` view with the routing above."""
    from wagtail.wagtail_hooks import check_view_restrictions

    result = route(request, path)
    if result is None:
        depends_on(request, "404")  # a page published at this address purges it
        raise Http404
    page, args, kwargs = result
    chain = getattr(request, PAGE_CHAIN, [page])
    tags = [page_tag(page.pk), *(tree_tag(p.pk) for p in chain)]
    if page.depth == 2:
        tags.append("home")
    depends_on(request, *tags)

    on_serve_chain = _serve_chain
    restricted = bool(view_restrictions())
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        if fn is check_view_restrictions and not restricted:
            continue  # no page of this portal has a view restriction
        on_serve_chain = fn(on_serve_chain)
    for fn in hooks.get_hooks("before_serve_page"):
        response = fn(page, request, args, kwargs)
        if isinstance(response, HttpResponse):
            return response
    return on_serve_chain(page, request, args, kwargs)


def _serve_chain(page: Page, request: HttpRequest, args, kwargs) -> HttpResponse:
    return page.serve(request, *args, **kwargs)


def ancestors_shown(request: HttpRequest, page: Page) -> list[Page] | None:
    """The live ancestors of `page` from the home page down, from the routing of this
    request (no query); None when `page` is not the page the request routed to."""
    chain = getattr(request, PAGE_CHAIN, None) if request is not None else None
    if not chain or chain[-1].pk != page.pk:
        return None
    return [p for p in chain[:-1] if p.live and p.depth >= 2]
