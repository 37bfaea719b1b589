"""Who may receive an uploaded file of a portal.

Private means private: a document or image in a collection with a view restriction, or one
that only restricted pages use, is sent only to a request that passes those restrictions —
by Wagtail's document view and by the media view (`/media/<schema>/…`) alike, renditions of
a private image included. Everything else is public.

"Only restricted pages use it" is read from Wagtail's reference index: a file referenced by
at least one page, every one of them behind a view restriction (its own or an ancestor's).
A file no page references yet follows its collection alone.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest

from wagtail.models import Page, ReferenceIndex

DOCUMENTS = "documents/"
ORIGINAL_IMAGES = "original_images/"
RENDITIONS = "images/"


def _collection_allows(obj, request: HttpRequest) -> bool:
    return all(r.accept_request(request) for r in obj.collection.get_view_restrictions())


def _pages_using(obj) -> list[Page]:
    page_type = ContentType.objects.get_for_model(Page)
    ids = {
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
        if str(object_id).isdigit()
    }
    return list(Page.objects.filter(pk__in=ids)) if ids else []


def pages_allow(obj, request: HttpRequest) -> bool:
    """False when only restricted pages use `obj` and the request passes none of them."""
    pages = _pages_using(obj)
    if not pages:
        return True
    for page in pages:
        if all(r.accept_request(request) for r in page.get_view_restrictions()):
            return True
    return False


def is_restricted(obj) -> bool:
    """Whether `obj` (a document or an image) is private at all, whoever asks."""
    if obj.collection.get_view_restrictions().exists():
        return True
    pages = _pages_using(obj)
    return bool(pages) and all(page.get_view_restrictions().exists() for page in pages)


def may_receive(obj, request: HttpRequest) -> bool:
    return _collection_allows(obj, request) and pages_allow(obj, request)


def owner_of(path: str):
    """The document or image a file of the current portal's media belongs to (a rendition's
    file belongs to its image), or None for files no library knows."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    if path.startswith(DOCUMENTS):
        return get_document_model().objects.filter(file=path).select_related("collection").first()
    image_model = get_image_model()
    if path.startswith(ORIGINAL_IMAGES):
        return image_model.objects.filter(file=path).select_related("collection").first()
    if path.startswith(RENDITIONS):
        rendition = (
            image_model.get_rendition_model().objects.filter(file=path)
            .select_related("image__collection").first()
        )
        return rendition.image if rendition is not None else None
    return None
