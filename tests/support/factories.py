"""The bases of the per-app factories (`tests/<app>/factories.py`), on factory_boy and
wagtail_factories.

Every factory makes its object in the current portal schema (inside `schema_context`), or in
the schema of the portal it is given: `NewsArticlePageFactory(portal=portal_a)`.

- `SectionPageFactory`: a page of a mandated section, added under that section's index page
  (every portal is born with them) and live. It is dated as a published page is
  (`first_published_at`, `last_published_at`) without a revision, which costs a third of
  publishing one; `publish=True` publishes it through a revision, as the admin's “Publish”
  does, for tests that need the revision (translations, workflows, the publication log).
  `live=False` leaves a draft that was never published. The slug comes from the title, as
  the admin gives it (unaccented for the section models).
- `LabelFactory`: a `core.models.Label` snippet; asking twice for the same name gives the
  same label, as names are unique.
- `SiteSettingFactory`: the portal's one row of a site setting, given values, validated as
  the settings form validates them.
- `DocumentFactory`, `ImageFactory`: files in the root collection of the portal's library.
"""

from __future__ import annotations

from typing import Any

import factory
import wagtail_factories
from django_tenants.utils import schema_context

from django.conf import settings
from django.utils import timezone

from wagtail.models import Collection, Page, Site

from tenants.models import Portal


class InPortal:
    """`portal=`: make the object in that portal's schema rather than the current one."""

    @classmethod
    def create(cls, portal: Portal | None = None, **kwargs: Any):
        if portal is None:
            return super().create(**kwargs)
        with schema_context(portal.schema_name):
            return super().create(**kwargs)


def section_index(index_model: type[Page]) -> Page:
    """The section's index page of this type in the current schema's Vietnamese tree."""
    return index_model.objects.get(depth=3, locale__language_code=settings.LANGUAGE_CODE)


class SectionPageFactory(InPortal, wagtail_factories.PageFactory):
    """A live page under its section's index page (see the module's docstring)."""

    # The one page type the model allows above it (`parent_page_types`), found when the
    # page is made, so that `.build()` touches no database.
    parent = None
    slug = ""  # made from the title by the page model, as in the admin
    live = True
    first_published_at = factory.LazyAttribute(lambda page: timezone.now() if page.live else None)
    last_published_at = factory.SelfAttribute("first_published_at")

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @classmethod
    def _create(cls, model_class: type[Page], *args: Any, **kwargs: Any) -> Page:
        if kwargs.get("parent") is None:
            (index_model,) = model_class.allowed_parent_page_models()
            kwargs["parent"] = section_index(index_model)
        return super()._create(model_class, *args, **kwargs)

    @factory.post_generation
    def publish(page, create: bool, extracted: bool | None, **kwargs: Any) -> None:
        if create and extracted:
            page.save_revision().publish()
            page.refresh_from_db()  # publishing saves a copy made from the revision


class ModelFactory(InPortal, factory.django.DjangoModelFactory):
    """A snippet, a row of a section's own table, or an inline child (`.build()` for the
    children given to a page factory)."""

    class Meta:
        abstract = True


class LabelFactory(ModelFactory):
    class Meta:
        abstract = True
        django_get_or_create = ("name",)


class SiteSettingFactory(InPortal, factory.django.DjangoModelFactory):
    """The portal's row of a site setting, with the given values."""

    site = factory.LazyFunction(lambda: Site.objects.get(is_default_site=True))

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, site: Site, **values: Any):
        setting = model_class.for_site(site)
        for name, value in values.items():
            setattr(setting, name, value)
        setting.full_clean()
        setting.save()
        return setting


def root_collection() -> Collection:
    return Collection.get_first_root_node()


class DocumentFactory(InPortal, wagtail_factories.DocumentFactory):
    """A document of the portal's library: `file__data=b"..."`, `file__filename="x.pdf"`."""

    title = factory.Sequence(lambda n: f"Tài liệu {n}")
    collection = factory.LazyFunction(root_collection)


class ImageFactory(InPortal, wagtail_factories.ImageFactory):
    """An image of the portal's library: `file__width`, `file__height`, `file__color`."""

    title = factory.Sequence(lambda n: f"Ảnh {n}")
    collection = factory.LazyFunction(root_collection)
