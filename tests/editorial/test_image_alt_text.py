"""Every image is described for those who cannot see it: the admin's upload forms (single,
batch, edit) require a description unless the editor marks the image decorative, and pages
give the description as alt text, `alt=""` for a decorative image, never the file name."""

from __future__ import annotations

import io

import pytest
from django_tenants.utils import schema_context
from PIL import Image as PILImage

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.news.factories import NewsArticlePageFactory
from tests.support.admin import admin_client
from tests.support.factories import ImageFactory, root_collection
from tests.support.portals import client_for

pytestmark = pytest.mark.django_db

FILE_NAME = "IMG_20260301_0815.png"


def png(name: str = FILE_NAME) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (24, 16), "#a33").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def images(portal):
    from wagtail.images import get_image_model

    with schema_context(portal.schema_name):
        return list(get_image_model().objects.all())


def upload(browser, portal, **fields):
    with schema_context(portal.schema_name):
        collection = root_collection().pk
    return browser.post("/admin/images/add/", {
        "title": "Hội nghị tổng kết", "file": png(), "collection": collection, **fields,
    })


def test_upload_without_description_is_refused_with_a_message(portal_a):
    browser = admin_client(portal_a)
    form = browser.get("/admin/images/add/").content.decode()
    assert "Ảnh trang trí (không cần mô tả)" in form
    assert "Mô tả ảnh (văn bản thay thế)" in form

    response = upload(browser, portal_a, description="   ")
    assert response.status_code == 200
    assert "Hãy mô tả ảnh cho người không nhìn được ảnh" in response.content.decode()
    assert images(portal_a) == []


def test_described_image_gives_its_description_as_alt_text(portal_a):
    browser = admin_client(portal_a)
    response = upload(browser, portal_a, description="Toàn cảnh hội nghị tổng kết năm")
    assert response.status_code == 302
    (image,) = images(portal_a)
    assert image.description == "Toàn cảnh hội nghị tổng kết năm"
    with schema_context(portal_a.schema_name):
        url = NewsArticlePageFactory(title="Tổng kết", featured_image=image).url
    html = client_for(portal_a).get(url).content.decode()
    assert 'alt="Toàn cảnh hội nghị tổng kết năm"' in html
    assert FILE_NAME not in html.replace(f"/{FILE_NAME}", "")


def test_decorative_image_is_accepted_and_rendered_with_empty_alt(portal_a):
    browser = admin_client(portal_a)
    response = upload(browser, portal_a, title=FILE_NAME, description="", decorative="on")
    assert response.status_code == 302
    (image,) = images(portal_a)
    with schema_context(portal_a.schema_name):
        assert image.decorative_mark is not None
        url = NewsArticlePageFactory(
            title="Hoa văn", featured_image=image,
            body=[("image", {"image": image, "caption": "", "alt": ""})],
        ).url
    html = client_for(portal_a).get(url).content.decode()
    assert html.count('alt=""') >= 2
    assert f'alt="{FILE_NAME}"' not in html

    # The edit form shows the choice, and unticking it asks for a description again.
    edit = browser.get(f"/admin/images/{image.pk}/").content.decode()
    (checkbox,) = [tag for tag in edit.split("<input")[1:] if 'name="decorative"' in tag]
    assert "checked" in checkbox.split(">")[0]
    with schema_context(portal_a.schema_name):
        collection = root_collection().pk
    refused = browser.post(f"/admin/images/{image.pk}/", {
        "title": "Hoa văn", "description": "", "collection": collection,
    })
    assert "Hãy mô tả ảnh cho người không nhìn được ảnh" in refused.content.decode()
    accepted = browser.post(f"/admin/images/{image.pk}/", {
        "title": "Hoa văn", "description": "Hoa văn trống đồng", "collection": collection,
    })
    assert accepted.status_code == 302
    with schema_context(portal_a.schema_name):
        image.refresh_from_db()
        from editorial.models import DecorativeImage

        assert not DecorativeImage.objects.filter(image=image).exists()
        assert image.description == "Hoa văn trống đồng"


def test_batch_upload_holds_each_image_until_it_is_described(portal_a):
    browser = admin_client(portal_a)
    with schema_context(portal_a.schema_name):
        collection = root_collection().pk
    answer = browser.post(
        "/admin/images/multiple/add/", {"files[]": png(), "collection": collection},
    ).json()
    # Not an image yet: an upload waiting for its form, which asks for the description.
    assert images(portal_a) == []
    upload_id = answer["uploaded_file_id"]
    assert "Ảnh trang trí (không cần mô tả)" in answer["form"]
    prefix = f"uploaded-image-{upload_id}"
    url = f"/admin/images/multiple/create_from_uploaded_image/{upload_id}/"

    refused = browser.post(url, {f"{prefix}-title": FILE_NAME, f"{prefix}-collection": collection})
    assert refused.json()["success"] is False
    assert images(portal_a) == []

    created = browser.post(url, {
        f"{prefix}-title": "Lễ ra quân", f"{prefix}-collection": collection,
        f"{prefix}-description": "Lực lượng thanh niên tình nguyện ra quân",
    })
    assert created.json()["success"] is True
    (image,) = images(portal_a)
    assert image.description == "Lực lượng thanh niên tình nguyện ra quân"


def test_images_without_alt_text_are_listed(portal_a):
    from editorial.images import images_missing_alt_text

    with schema_context(portal_a.schema_name):
        bare = ImageFactory(description="")
        ImageFactory(description="Trụ sở UBND")
        decorative = ImageFactory(description="")
        from editorial.models import DecorativeImage

        DecorativeImage.objects.create(image=decorative)
        assert list(images_missing_alt_text()) == [bare]


def test_dashboard_lists_images_without_alt_text(portal_a):
    with schema_context(portal_a.schema_name):
        bare = ImageFactory(title="Ảnh cũ chưa mô tả", description="")
        ImageFactory(title="Ảnh đã mô tả", description="Trụ sở UBND")
    dashboard = admin_client(portal_a).get("/admin/").content.decode()
    assert "Ảnh chưa có mô tả (văn bản thay thế)" in dashboard
    assert f"/admin/images/{bare.pk}/" in dashboard and "Ảnh cũ chưa mô tả" in dashboard
    assert "Ảnh đã mô tả" not in dashboard
