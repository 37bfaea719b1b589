"""core.models.NFCTextMixin: text is stored as NFC whichever way it is written."""

from __future__ import annotations

import unicodedata

from django_tenants.utils import schema_context

from tests.planning.factories import PlanningItemPageFactory
from tests.projects.factories import ProcurementNoticeFactory, ProjectPageFactory
from tests.support.admin import (
    admin_client,
    inline_formset,
    publish_in_admin,
    rich_text,
    section_id,
    streamfield,
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


TITLE = "Đề án phát triển chè Shan tuyết"
SUMMARY = "Nâng giá trị sản phẩm chè của đồng bào vùng cao"


def test_a_page_made_in_code_is_stored_nfc_with_an_unaccented_slug(portal_a):
    from planning.models import PlanningItemPage

    with schema_context(portal_a.schema_name):
        page = PlanningItemPageFactory(
            title=nfd(TITLE), summary=nfd(SUMMARY) + "  ", seo_title=nfd("Chè Shan tuyết")
        )
        stored = PlanningItemPage.objects.get(pk=page.pk)
        assert stored.title == stored.draft_title == nfc(TITLE)
        assert stored.summary == nfc(SUMMARY)  # trimmed as well
        assert stored.seo_title == nfc("Chè Shan tuyết")
        assert stored.slug == "de-an-phat-trien-che-shan-tuyet"


def test_a_draft_made_in_code_also_gets_an_unaccented_slug(portal_a):
    # Wagtail cleans drafts through minimal_clean(), not full_clean().
    with schema_context(portal_a.schema_name):
        draft = PlanningItemPageFactory(title=nfd(TITLE), live=False)
        assert draft.slug == "de-an-phat-trien-che-shan-tuyet"
        twin = PlanningItemPageFactory(title=TITLE, live=False)
        assert twin.slug == "de-an-phat-trien-che-shan-tuyet-2"


def test_a_revision_saved_without_cleaning_is_nfc_and_so_is_its_publication(portal_a):
    from planning.models import PlanningItemPage

    with schema_context(portal_a.schema_name):
        page = PlanningItemPageFactory(title=TITLE, live=False)
        page.summary = nfd(SUMMARY)
        page.title = nfd("Đề án chè")
        revision = page.save_revision(clean=False)
        assert revision.content["summary"] == nfc(SUMMARY)
        assert revision.content["title"] == nfc("Đề án chè")
        revision.publish()
        stored = PlanningItemPage.objects.get(pk=page.pk)
        assert (stored.title, stored.summary, stored.live) == (nfc("Đề án chè"), nfc(SUMMARY), True)


def test_inline_children_are_nfc_in_the_revision_and_in_their_table(portal_a):
    from projects.models import ProcurementNotice

    with schema_context(portal_a.schema_name):
        project = ProjectPageFactory(title="Đường liên xã", live=False)
        project.procurement_notices.add(
            ProcurementNoticeFactory.build(title=nfd("Thông báo mời thầu gói số 1"))
        )
        revision = project.save_revision(clean=False)
        notice = revision.content["procurement_notices"][0]
        assert notice["title"] == nfc("Thông báo mời thầu gói số 1")
        revision.publish()
        assert ProcurementNotice.objects.get(page=project).title == nfc(
            "Thông báo mời thầu gói số 1"
        )


def test_text_typed_in_the_admin_is_stored_nfc(portal_a):
    from news.models import NewsArticlePage

    client = admin_client(portal_a)
    publish_in_admin(client, "news", "newsarticlepage", section_id(portal_a, "tin-tuc"), {
        "title": nfd("Hội nghị tổng kết công tác năm"), "slug": "hoi-nghi-tong-ket",
        "publish_date": "02/03/2026 08:00", "summary": nfd("Đánh giá kết quả đạt được"),
        "featured_image": "", "category": "",
        "body": streamfield([("paragraph", rich_text(nfd("<p>Vùng chè Tam Đường</p>")))]),
        "source_name": nfd("Báo Lai Châu"), "source_author": "",
        "source_date": "", "source_url": "",
    })
    with schema_context(portal_a.schema_name):
        article = NewsArticlePage.objects.get(slug="hoi-nghi-tong-ket")
        revision = article.latest_revision
    assert article.title == nfc("Hội nghị tổng kết công tác năm")
    assert article.summary == nfc("Đánh giá kết quả đạt được")
    assert article.source_name == nfc("Báo Lai Châu")
    assert revision.content["summary"] == nfc("Đánh giá kết quả đạt được")
    assert nfc("Vùng chè Tam Đường") in str(article.body)


def test_inline_rows_typed_in_the_admin_are_stored_nfc(province):
    from legaldocs.models import GazetteEntry

    client = admin_client(province)
    publish_in_admin(client, "legaldocs", "gazetteissuepage", section_id(province, "cong-bao"), {
        "title": "Công báo số 05", "slug": "so-05", "number": nfd("05"),
        "issue_date": "02/03/2026", "file": "",
        "entries": inline_formset([{"document": "", "title": nfd("Quyết định về giá đất"),
                                    "summary": nfd("Bảng giá đất năm 2026")}]),
    })
    with schema_context(province.schema_name):
        entry = GazetteEntry.objects.get(page__slug="so-05")
    assert entry.title == nfc("Quyết định về giá đất")
    assert entry.summary == nfc("Bảng giá đất năm 2026")


def test_site_settings_are_stored_nfc(portal_a):
    from wagtail.models import Site

    from contacts.models import PortalContactSettings

    with schema_context(portal_a.schema_name):
        contact = PortalContactSettings.for_site(Site.objects.get(is_default_site=True))
        contact.address = nfd("Phường Tân Phong, tỉnh Lai Châu")
        contact.save()
        assert PortalContactSettings.objects.get(pk=contact.pk).address == nfc(
            "Phường Tân Phong, tỉnh Lai Châu"
        )


def test_rich_text_is_stored_nfc(portal_a):
    from planning.models import PlanningItemPage

    with schema_context(portal_a.schema_name):
        page = PlanningItemPageFactory(title=TITLE, body=nfd("<p>Vùng chè Tam Đường</p>"))
        assert PlanningItemPage.objects.get(pk=page.pk).body == nfc("<p>Vùng chè Tam Đường</p>")
