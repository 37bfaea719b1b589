"""Private means private: files of restricted collections and of restricted pages —
documents, images and their renditions — go only through the checks. `/media/<schema>/…`
answers 404 to a client that does not pass them, and hands a file to nginx only after."""

from __future__ import annotations

import io

import pytest
from django_tenants.utils import schema_context
from PIL import Image as PILImage

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Locale,
    PageViewRestriction,
    ReferenceIndex,
)

from introduction.models import IntroductionIndexPage, OrganisationPage
from tests.support.accounts import login
from tests.support.portals import client_for

BODY = b"%PDF-1.4 bien ban hop kin"


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def private_collection(name: str = "Nội bộ") -> Collection:
    collection = Collection.get_first_root_node().add_child(name=name)
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=BaseViewRestriction.LOGIN
    )
    return collection


def add_document(collection: Collection | None = None) -> Document:
    doc = Document(title="Biên bản họp", collection=collection or Collection.get_first_root_node())
    doc.file.save("bien-ban.pdf", ContentFile(BODY), save=False)
    doc.save()
    return doc


def add_image(collection: Collection | None = None) -> Image:
    image = Image(title="Sơ đồ", collection=collection or Collection.get_first_root_node())
    image.file.save("so-do.png", ImageFile(io.BytesIO(png_bytes()), name="so-do.png"), save=False)
    image.save()
    return image


@pytest.fixture
def editor(portal_a, make_local_user):
    return make_local_user(portal_a, "bientap", "Biên tập viên")


def body_of(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


@pytest.fixture
def restricted_files(portal_a):
    """A document and an image in a login-restricted collection, with a rendition."""
    with schema_context(portal_a.schema_name):
        collection = private_collection()
        doc = add_document(collection)
        image = add_image(collection)
        rendition = image.get_rendition("fill-20x20")
        return {
            "document": f"/media/{portal_a.schema_name}/{doc.file.name}",
            "document_view": f"/documents/{doc.pk}/{doc.filename}",
            "image": f"/media/{portal_a.schema_name}/{image.file.name}",
            "rendition": f"/media/{portal_a.schema_name}/{rendition.file.name}",
        }


def test_restricted_collection_files_are_404_to_anonymous_clients(portal_a, restricted_files, editor):
    anonymous = client_for(portal_a)
    for key in ("document", "image", "rendition"):
        response = anonymous.get(restricted_files[key])
        assert response.status_code == 404, key
        assert BODY not in body_of(response)
    # Wagtail's own document view asks to sign in.
    response = anonymous.get(restricted_files["document_view"])
    assert response.status_code == 302 and "login" in response["Location"]

    # A signed-in user of the portal passes the restriction: both ways serve the file.
    browser, _ = login(portal_a, "bientap")
    for key in ("document", "image", "rendition"):
        response = browser.get(restricted_files[key])
        assert response.status_code == 200, key
        assert response["Cache-Control"] == "private, no-store"
    assert BODY in body_of(browser.get(restricted_files["document"]))
    assert BODY in body_of(browser.get(restricted_files["document_view"]))


def test_x_accel_redirect_only_after_the_check(portal_a, restricted_files, editor, settings):
    settings.MEDIA_ACCEL_REDIRECT_PREFIX = "/_media"
    anonymous = client_for(portal_a)
    for key in ("document", "image", "rendition"):
        response = anonymous.get(restricted_files[key])
        assert response.status_code == 404
        assert "X-Accel-Redirect" not in response
    browser, _ = login(portal_a, "bientap")
    response = browser.get(restricted_files["rendition"])
    assert response.status_code == 200
    assert response["X-Accel-Redirect"].startswith(f"/_media/{portal_a.schema_name}/images/")


def test_files_used_only_by_a_restricted_page_are_private(portal_a, editor):
    with schema_context(portal_a.schema_name):
        doc = add_document()
        image = add_image()
        rendition = image.get_rendition("width-20")
        index = IntroductionIndexPage.objects.filter(depth=3, locale=Locale.get_default()).first()
        page = OrganisationPage.objects.first()
        if page is None:
            page = index.add_child(instance=OrganisationPage(title="Cơ cấu tổ chức", summary="Tóm tắt"))
        page.org_chart = image
        page.org_chart_document = doc
        page.save_revision().publish()
        ReferenceIndex.create_or_update_for_object(page.specific)
        paths = [
            f"/media/{portal_a.schema_name}/{doc.file.name}",
            f"/media/{portal_a.schema_name}/{image.file.name}",
            f"/media/{portal_a.schema_name}/{rendition.file.name}",
        ]
        document_view = f"/documents/{doc.pk}/{doc.filename}"
    anonymous = client_for(portal_a)
    # Used by a public page: public.
    assert all(anonymous.get(path).status_code == 200 for path in paths)
    assert anonymous.get(document_view).status_code == 200

    with schema_context(portal_a.schema_name):
        PageViewRestriction.objects.create(page=page, restriction_type=BaseViewRestriction.LOGIN)
    for path in [*paths, document_view]:
        assert anonymous.get(path).status_code == 404, path
    browser, _ = login(portal_a, "bientap")
    for path in [*paths, document_view]:
        assert browser.get(path).status_code == 200, path


def test_public_files_stay_public(portal_a):
    with schema_context(portal_a.schema_name):
        doc = add_document()
        path = f"/media/{portal_a.schema_name}/{doc.file.name}"
    response = client_for(portal_a).get(path)
    assert response.status_code == 200
    assert BODY in body_of(response)
    assert "Cache-Control" not in response or "no-store" not in response["Cache-Control"]
