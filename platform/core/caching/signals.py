"""What a change purges (`core.caching.purge`), decided where the change is saved.

A page published, unpublished, moved or deleted, or a live page saved:
- the page itself and its translations (their language switcher links to it);
- its ancestors (the listings that show it, up to the home page with its latest items);
- the pages that link to it (Wagtail's reference index);
- the sitemap and the feeds (a feed is a route of its listing page, purged with it);
- when its title, slug, menu flag or live state changed, or it moved or went away: every page
  below it (their breadcrumbs and addresses), and cached 404s (a page may now exist there);
- when it is a home or section page changing so: the whole portal (every page has the menu
  and the language links), which also renews the per-portal memo;
- whatever an app registered with `register_page_rule` (the province home page's news from
  its member portals: `search`).
Drafts purge nothing: visitors never see them.

A setting, a snippet, the Site, a locale, a view restriction, a changed image or document:
the whole portal. A redirect: cached 404s. Other models an app shows on public pages say what
they purge with `purge_on_change`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

from django.db import connection
from django.db.models import Model
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

from wagtail.models import Page
from wagtail.signals import page_unpublished, post_page_move

from . import purge, tokens
from .pages import page_tag, tree_tag

# Fields a draft save writes: the public page does not change.
DRAFT_ONLY_FIELDS = frozenset({
    "latest_revision", "latest_revision_created_at", "has_unpublished_changes", "draft_title",
    "locked", "locked_at", "locked_by", "owner", "expire_at", "expired", "go_live_at",
})
# A change of these is seen below the page (breadcrumbs, addresses) and, for home and
# section pages, in every page's menu.
STRUCTURE_FIELDS = ("title", "slug", "show_in_menus", "live", "path")
# What Wagtail records of an image or document file the first time it is shown.
FILE_FACTS = frozenset({"file_size", "file_hash"})

PageRule = Callable[[Page], Iterable[tuple[str, Iterable[str]]]]
_page_rules: list[PageRule] = []
# model → function giving the page ids an instance is shown on (None: the whole portal).
_model_rules: dict[type[Model], Callable[[Model], Iterable[int]] | None] = {}
_tag_rules: dict[type[Model], tuple[str, ...]] = {}


def register_page_rule(rule: PageRule) -> None:
    """`rule(page)` gives (schema, tags) to purge elsewhere when `page` changes."""
    if rule not in _page_rules:
        _page_rules.append(rule)


def purge_on_change(model: type[Model], pages: Callable[[Model], Iterable[int]] | None = None) -> None:
    """Saving or deleting an instance of `model` purges the pages `pages(instance)` gives (page
    ids of the same portal), or the whole portal when `pages` is None."""
    _model_rules[model] = pages


def _portal_schema() -> str | None:
    schema = connection.schema_name
    return schema if tokens.is_portal(schema) else None


def _is_page(sender) -> bool:
    return isinstance(sender, type) and issubclass(sender, Page)


# --- Pages ----------------------------------------------------------------------------------


def page_tags(page: Page, structural: bool) -> tuple[set[str], bool]:
    """The tags a change of `page` makes stale, and whether the whole portal is."""
    from wagtail.models import ReferenceIndex

    tags = {page_tag(page.pk), "sitemap"}
    ancestors = Page.objects.ancestor_of(page).filter(depth__gte=2).values_list("pk", flat=True)
    tags.update(page_tag(pk) for pk in ancestors)
    translations = (
        Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
        .values_list("pk", flat=True)
    )
    tags.update(page_tag(pk) for pk in translations)
    linking = ReferenceIndex.get_references_to(page).filter(
        base_content_type_id=ReferenceIndex._get_base_content_type(Page).pk
    ).values_list("object_id", flat=True)
    tags.update(page_tag(int(pk)) for pk in linking if str(pk).isdigit())
    whole_portal = False
    if structural:
        tags.update({tree_tag(page.pk), "404"})
        whole_portal = page.depth <= 3
    return tags, whole_portal


def purge_page(page: Page, structural: bool) -> None:
    schema = _portal_schema()
    if schema is None:
        return
    tags, whole_portal = page_tags(page, structural)
    purge.purge(schema, tags | ({tokens.PORTAL} if whole_portal else set()))
    for rule in _page_rules:
        for other_schema, other_tags in rule(page):
            purge.purge(other_schema, other_tags)


def page_before_save(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    if raw or not _is_page(sender) or instance.pk is None or _portal_schema() is None:
        return
    if update_fields is not None and set(update_fields) <= DRAFT_ONLY_FIELDS:
        return
    instance._cong_before = Page.objects.filter(pk=instance.pk).values(*STRUCTURE_FIELDS).first()


def page_saved(sender, instance, created=False, raw=False, update_fields=None, **kwargs) -> None:
    if raw or not _is_page(sender) or _portal_schema() is None:
        return
    if update_fields is not None and set(update_fields) <= DRAFT_ONLY_FIELDS:
        return
    before = getattr(instance, "_cong_before", None)
    if not instance.live and not (before and before["live"]):
        return  # a draft: nothing public changed
    structural = created or before is None or any(
        before[name] != getattr(instance, name) for name in STRUCTURE_FIELDS
    )
    purge_page(instance, structural)


def page_was_unpublished(sender, instance, **kwargs) -> None:
    purge_page(instance, structural=True)


def page_deleting(sender, instance, **kwargs) -> None:
    if _is_page(sender) and instance.path:
        purge_page(instance, structural=True)


def page_moved(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs) -> None:
    schema = _portal_schema()
    if schema is None:
        return
    purge_page(instance, structural=True)
    for parent in (parent_page_before, parent_page_after):
        if parent is not None:
            tags, whole_portal = page_tags(parent, structural=False)
            purge.purge(schema, tags | ({tokens.PORTAL} if parent.depth <= 2 else set()))


# --- Everything else --------------------------------------------------------------------------


@functools.cache
def _whole_portal_models() -> tuple[frozenset[type], frozenset[type]]:
    """(models whose every change purges the portal, models whose changes of existing rows
    do: images and documents, uploaded freely before any page uses them)."""
    from wagtail.contrib.settings.registry import registry as settings_registry
    from wagtail.documents import get_document_model
    from wagtail.hooks import search_for_hooks
    from wagtail.images import get_image_model
    from wagtail.models import Locale, PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    search_for_hooks()  # snippets register themselves in the apps' wagtail_hooks
    always = {Site, Locale, PageViewRestriction, *get_snippet_models(), *settings_registry}
    return frozenset(always), frozenset({get_image_model(), get_document_model()})


def model_changed(sender, instance, created=False, raw=False, update_fields=None, **kwargs) -> None:
    if raw or _is_page(sender):
        return
    if update_fields is not None and set(update_fields) <= FILE_FACTS:
        return  # nothing a visitor sees changed
    rule_pages = _model_rules.get(sender, ...)
    redirect_tags = _tag_rules.get(sender)
    always, existing = _whole_portal_models()
    if rule_pages is ... and redirect_tags is None and sender not in always and sender not in existing:
        return
    schema = _portal_schema()
    if schema is None:
        return
    from wagtail.contrib.settings.models import BaseSiteSetting

    if redirect_tags is not None:
        purge.purge(schema, redirect_tags)
    elif rule_pages is not ...:
        if rule_pages is None:
            purge.purge_portal(schema)
        else:
            purge.purge(schema, {page_tag(pk) for pk in rule_pages(instance)})
    elif sender in existing:
        if not created:
            purge.purge_portal(schema)
    elif created and issubclass(sender, BaseSiteSetting):
        return  # made with its defaults on first use: nothing shown changed
    else:
        purge.purge_portal(schema)


def connect() -> None:
    from wagtail.contrib.redirects.models import Redirect

    _tag_rules[Redirect] = ("404",)
    pre_save.connect(page_before_save, dispatch_uid="cong_cache_page_before_save")
    post_save.connect(page_saved, dispatch_uid="cong_cache_page_saved")
    pre_delete.connect(page_deleting, dispatch_uid="cong_cache_page_deleting")
    page_unpublished.connect(page_was_unpublished, dispatch_uid="cong_cache_page_unpublished")
    post_page_move.connect(page_moved, dispatch_uid="cong_cache_page_moved")
    post_save.connect(model_changed, dispatch_uid="cong_cache_model_saved")
    post_delete.connect(model_changed, dispatch_uid="cong_cache_model_deleted")
