"""Online public services: the section on every portal, the catalogue's filters, a service's
level, guide and statistics, services for foreigners, isolation and NFC storage."""

from __future__ import annotations

import datetime
import unicodedata

import pytest
from django_tenants.utils import schema_context

from django.core.exceptions import ValidationError
from django.utils import timezone

from services.models import PublicServiceIndexPage
from tests.services.factories import (
    PublicServicePageFactory,
    ServiceFieldFactory,
    ServiceRoadmapFactory,
    ServiceSectorFactory,
    ServiceStatisticFactory,
)
from tests.support.factories import section_index
from tests.support.portals import TEST_PORTALS, client_for

GUIDE = [
    {"type": "steps", "value": "<p>Nộp tờ khai trên Cổng Dịch vụ công quốc gia.</p>"},
    {"type": "dossier", "value": "<ul><li>Tờ khai đăng ký khai sinh.</li></ul>"},
    {"type": "legal_basis", "value": "<p>Luật Hộ tịch năm 2014.</p>"},
    {"type": "other", "value": {"heading": "Lưu ý", "body": "<p>Mang theo bản chính.</p>"}},
]


def html_of(portal, path: str) -> str:
    response = client_for(portal).get(path)
    assert response.status_code == 200, path
    return response.content.decode()


# --- The section --------------------------------------------------------------------------


def test_section_sits_between_projects_and_consultation_without_a_letter():
    from core.sections import registered_sections

    slugs = [s.slug for s in registered_sections()]
    assert slugs.index("du-an-dau-thau") < slugs.index("dich-vu-cong") < slugs.index("lay-y-kien")
    section = next(s for s in registered_sections() if s.slug == "dich-vu-cong")
    assert (section.order, section.title, section.title_en, section.letter, section.kinds) == (
        85,
        "Dịch vụ công trực tuyến",
        "Online public services",
        "",
        frozenset(),
    )


@pytest.mark.django_db
@pytest.mark.parametrize("code", list(TEST_PORTALS))
def test_every_portal_has_the_section_with_the_national_portal_link(code):
    from tenants.models import Portal

    html = html_of(Portal.objects.get(code=code), "/dich-vu-cong/")
    assert "<h1>Dịch vụ công trực tuyến</h1>" in html
    assert 'href="https://dichvucong.gov.vn"' in html
    assert "Cổng Dịch vụ công quốc gia" in html
    nav = html.split('class="main-nav"', 1)[1].split("</nav>", 1)[0]
    assert nav.index('href="/du-an-dau-thau/"') < nav.index('href="/dich-vu-cong/"')
    assert nav.index('href="/dich-vu-cong/"') < nav.index('href="/lay-y-kien/"')


def test_index_and_services_are_placed_like_the_other_sections():
    from home.models import HomePage
    from services.models import PublicServiceIndexPage, PublicServicePage

    assert PublicServiceIndexPage.max_count_per_parent == 1
    assert PublicServiceIndexPage.allowed_parent_page_models() == [HomePage]
    assert PublicServicePage.allowed_parent_page_models() == [PublicServiceIndexPage]
    assert PublicServicePage.allowed_subpage_models() == []


@pytest.mark.slow
def test_a_new_portal_is_born_with_the_section(db, province):
    from tenants.models import Portal
    from tenants.provisioning import PortalSpec
    from tests.support.portals import create_active_portal

    portal = create_active_portal(PortalSpec(code="xamoidvc", name="Xã Mới", kind=Portal.Kind.COMMUNE))
    html = html_of(portal, "/dich-vu-cong/")
    assert "<h1>Dịch vụ công trực tuyến</h1>" in html


def test_existing_portals_get_the_section_back_from_migrate_platform(portal_b):
    """A portal made before the section existed lacks it; `migrate_platform` re-seeds every
    portal (sync_portal_schemas), which adds it."""
    from services.models import PublicServiceIndexPage
    from tenants.provisioning import sync_portal_schemas

    with schema_context(portal_b.schema_name):
        PublicServiceIndexPage.objects.get(slug="dich-vu-cong").delete()
    assert client_for(portal_b).get("/dich-vu-cong/").status_code == 404
    sync_portal_schemas()
    with schema_context(portal_b.schema_name):
        index = PublicServiceIndexPage.objects.get(depth=3, locale__language_code="vi")
        assert (index.slug, index.live, index.show_in_menus) == ("dich-vu-cong", True, True)
    assert client_for(portal_b).get("/dich-vu-cong/").status_code == 200


def test_completeness_counts_published_services(portal_a):
    from compliance.completeness import Status, section_completeness
    from home.models import HomePage

    def rows() -> dict:
        home = HomePage.objects.get(depth=2, locale__language_code="vi")
        return {row.section.slug: row for row in section_completeness(home)}

    with schema_context(portal_a.schema_name):
        assert rows()["dich-vu-cong"].status == Status.EMPTY
        PublicServicePageFactory(title="Đăng ký khai sinh", code="1.001193")
        after = rows()
    assert after["dich-vu-cong"].status == Status.OK
    assert after["dich-vu-cong"].item_count == 1


# --- The catalogue ------------------------------------------------------------------------


@pytest.fixture
def catalogue(portal_a):
    """Three services of portal A in two sectors, one for foreigners, and a draft."""

    with schema_context(portal_a.schema_name):
        civil = ServiceFieldFactory(name="Hộ tịch", sector__name="Tư pháp")
        labour = ServiceFieldFactory(name="Việc làm", sector__name="Nội vụ")
        made = {
            "birth": PublicServicePageFactory(title="Đăng ký khai sinh", code="1.001193", field=civil),
            "permit": PublicServicePageFactory(
                title="Cấp giấy phép lao động cho người lao động nước ngoài",
                code="1.000459",
                field=labour,
                agency="Sở Nội vụ",
                level="mot-phan",
                for_foreigners=True,
            ),
            "legacy": PublicServicePageFactory(
                title="Xác nhận tình trạng hôn nhân",
                code="1.004873",
                field=civil,
                level="muc-2",
            ),
        }
        PublicServicePageFactory(
            title="Đăng ký kết hôn có yếu tố nước ngoài",
            agency="UBND xã",
            level="mot-phan",
            field=civil,
            for_foreigners=True,
            live=False,
        )
    return made


def test_index_lists_services_grouped_by_sector(portal_a, catalogue):
    html = html_of(portal_a, "/dich-vu-cong/")
    assert "Tìm thấy 3 dịch vụ" in html
    assert "Đăng ký kết hôn có yếu tố nước ngoài" not in html  # a draft
    for text in [
        "1.001193",
        "Hộ tịch",
        "Việc làm",
        "Sở Nội vụ",
        "Toàn trình",
        "Một phần",
        "Mức độ 2",
        "Người nước ngoài sử dụng được",
    ]:
        assert text in html, text
    # Nội vụ and Tư pháp are both at sort order 0: by name, Nội vụ first.
    assert html.index("Cấp giấy phép lao động") < html.index("Đăng ký khai sinh")


@pytest.mark.parametrize(
    "query, expected",
    [
        ("nganh=tu-phap", {"birth", "legacy"}),
        ("linh_vuc=viec-lam", {"permit"}),
        ("muc_do=toan-trinh", {"birth"}),
        ("muc_do=muc-2", {"legacy"}),
        ("nuoc_ngoai=on", {"permit"}),
        ("q=dang+ky+khai+sinh", {"birth"}),  # without accents
        ("q=1.000459", {"permit"}),
        ("nganh=tu-phap&muc_do=mot-phan", set()),
        ("nganh=khong-co&muc_do=khong-co", {"birth", "permit", "legacy"}),  # ignored
    ],
)
def test_index_filters(portal_a, catalogue, query, expected):
    response = client_for(portal_a).get(f"/dich-vu-cong/?{query}")
    listed = {page.pk for page in response.context["items"]}
    assert listed == {catalogue[key].pk for key in expected}, query


def test_level_filter_groups_levels_by_decree(portal_a):
    html = html_of(portal_a, "/dich-vu-cong/")
    form = html.split('id="id_muc_do"', 1)[1].split("</select>", 1)[0]
    assert '<optgroup label="Nghị định 42/2022/NĐ-CP">' in form
    assert '<optgroup label="Nghị định 43/2011/NĐ-CP">' in form
    assert form.index("Toàn trình") < form.index("Mức độ 4")


def test_index_paginates(portal_a):
    with schema_context(portal_a.schema_name):
        for number in range(23):
            PublicServicePageFactory(title=f"Thủ tục thử số {number:02d}", code=f"2.{number:06d}")
    first = client_for(portal_a).get("/dich-vu-cong/").context["items"]
    assert len(first) == 20 and first.paginator.num_pages == 2
    html = html_of(portal_a, "/dich-vu-cong/?q=thu+tuc&trang=2")
    assert "Thủ tục thử số 22" in html
    assert 'href="?q=thu+tuc&amp;trang=1"' in html


def test_index_shows_the_province_portal_and_the_roadmap(portal_a):
    with schema_context(portal_a.schema_name):
        index = section_index(PublicServiceIndexPage)
        index.province_portal_name = "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Thử"
        index.province_portal_url = "https://dichvucong.tinhthu.example.vn"
        index.roadmap = [
            ServiceRoadmapFactory.build(year=2025, planned_services="Đăng ký khai sinh", note="Đã xong."),
            ServiceRoadmapFactory.build(
                year=2026,
                plan_document="98/KH-UBND",
                planned_services="Cấp giấy phép xây dựng\n\nĐăng ký kết hôn",
            ),
        ]
        index.save_revision().publish()
    html = html_of(portal_a, "/dich-vu-cong/")
    assert 'href="https://dichvucong.tinhthu.example.vn"' in html
    assert "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Thử" in html
    roadmap = html.split('id="lo-trinh"', 1)[1]
    assert roadmap.index("2026") < roadmap.index("2025")  # newest year first
    assert "<li>Cấp giấy phép xây dựng</li><li>Đăng ký kết hôn</li>" in roadmap
    assert "Kế hoạch 98/KH-UBND" in roadmap


# --- One service --------------------------------------------------------------------------


def test_service_page_shows_level_guide_and_statistics(portal_a):
    with schema_context(portal_a.schema_name):
        PublicServicePageFactory(
            title="Đăng ký khai sinh",
            slug="dang-ky-khai-sinh",
            code="1.001193",
            field=ServiceFieldFactory(name="Hộ tịch", sector__name="Tư pháp"),
            agency="Ủy ban nhân dân cấp xã",
            level="toan-trinh",
            decision_date=datetime.date(2025, 9, 12),
            online_url="https://dichvucong.gov.vn/p/home/dvc-dich-vu-cong-truc-tuyen.html",
            processing_time="Trong ngày làm việc",
            fees="Miễn lệ phí",
            decision_number="1536/QĐ-UBND",
            guide=GUIDE,
            statistics=[
                ServiceStatisticFactory.build(
                    year=2025, period="ca-nam", received=4000, resolved_on_time=3900,
                    resolved_late=100,
                ),
                ServiceStatisticFactory.build(
                    year=2026, period="quy-2", received=900, resolved_on_time=0, resolved_late=0
                ),
                ServiceStatisticFactory.build(
                    year=2026, period="quy-1", usage_count=5000, received=1234,
                    resolved_on_time=1140, resolved_late=60,
                ),
            ],
        )
    html = html_of(portal_a, "/dich-vu-cong/dang-ky-khai-sinh/")
    for text in [
        "1.001193",
        "Tư pháp",
        "Hộ tịch",
        "Ủy ban nhân dân cấp xã",
        "Toàn trình (theo Nghị định 42/2022/NĐ-CP)",
        "Trong ngày làm việc",
        "Miễn lệ phí",
        "1536/QĐ-UBND ngày 12/09/2025",
        'Ngày công bố: <time datetime="2025-09-12">12/09/2025</time>',
        '<a href="https://dichvucong.gov.vn/p/home/dvc-dich-vu-cong-truc-tuyen.html" '
        'rel="noopener">Thực hiện trực tuyến</a>',
        "<h2>Trình tự thực hiện</h2>",
        "<h2>Thành phần, số lượng hồ sơ</h2>",
        "<h2>Căn cứ pháp lý</h2>",
        "Luật Hộ tịch năm 2014",
        "<h2>Lưu ý</h2>",
    ]:
        assert text in html, text
    table = html.split('id="tinh-hinh-giai-quyet"', 1)[1].split("</table>", 1)[0]
    assert "<caption" in table and '<th scope="col">Hồ sơ tiếp nhận</th>' in table
    # Newest period first; thousands grouped the Vietnamese way.
    assert table.index("Quý II/2026") < table.index("Quý I/2026") < table.index("Năm 2025")
    assert '<th scope="row">Quý I/2026</th>' in table
    assert ">1.234</td>" in table and ">5.000</td>" in table
    assert ">95,0%</td>" in table  # 1140 of 1200 on time
    assert ">97,5%</td>" in table
    assert ">—</td>" in table  # nothing resolved yet in the second quarter


def test_services_below_level_3_show_no_statistics(portal_a):
    PublicServicePageFactory(
        portal=portal_a, title="Xác nhận tình trạng hôn nhân", slug="xac-nhan-hon-nhan", level="muc-2"
    )
    html = html_of(portal_a, "/dich-vu-cong/xac-nhan-hon-nhan/")
    assert "Mức độ 2 (theo Nghị định 43/2011/NĐ-CP)" in html
    assert "tinh-hinh-giai-quyet" not in html
    assert "Thực hiện trực tuyến" not in html
    assert 'href="https://dichvucong.gov.vn"' in html


def test_level_3_service_without_figures_says_so(portal_a):
    with schema_context(portal_a.schema_name):
        PublicServicePageFactory(title="Cấp bản sao trích lục hộ tịch", slug="trich-luc", level="muc-3")
    html = html_of(portal_a, "/dich-vu-cong/trich-luc/")
    assert "Tình hình tiếp nhận, giải quyết hồ sơ" in html and "Chưa có số liệu." in html


def test_services_for_foreigners(portal_a, catalogue):
    from services.models import PublicServicePage

    with schema_context(portal_a.schema_name):
        index = section_index(PublicServiceIndexPage)
        # Live and public only: the draft for foreigners is left out.
        assert list(index.services_for_foreigners()) == [catalogue["permit"]]
        assert list(PublicServicePage.objects.live().filter(for_foreigners=True)) == [catalogue["permit"]]
        assert list(PublicServicePage.objects.live().for_foreigners()) == [catalogue["permit"]]
        assert PublicServicePage.objects.for_foreigners().count() == 2  # drafts included
        # The English tree asks for an English version of these only.
        assert catalogue["permit"].english_required and not catalogue["birth"].english_required
        assert PublicServicePage._meta.get_field("for_foreigners").verbose_name == (
            "dịch vụ dành cho người nước ngoài sử dụng được"
        )


def test_a_service_of_one_portal_is_not_reachable_on_another(portal_a, portal_b, province):
    with schema_context(portal_a.schema_name):
        PublicServicePageFactory(title="Cấp giấy phép bưu chính", slug="giay-phep-buu-chinh")
    assert client_for(portal_a).get("/dich-vu-cong/giay-phep-buu-chinh/").status_code == 200
    for other in (portal_b, province):
        assert client_for(other).get("/dich-vu-cong/giay-phep-buu-chinh/").status_code == 404
        assert "Cấp giấy phép bưu chính" not in html_of(other, "/dich-vu-cong/")
        with schema_context(other.schema_name):
            from services.models import PublicServicePage

            assert not PublicServicePage.objects.filter(slug="giay-phep-buu-chinh").exists()


def test_the_shared_search_finds_a_service(portal_a, portal_b):
    with schema_context(portal_a.schema_name):
        PublicServicePageFactory(
            title="Đăng ký khai sinh có yếu tố nước ngoài", code="1.001695",
            decision_date=datetime.date(2025, 9, 12),
        )
    response = client_for(portal_a).get("/tim-kiem/", {"q": "khai sinh yeu to nuoc ngoai"})
    hits = response.context["hits"]
    assert [hit.title for hit in hits] == ["Đăng ký khai sinh có yếu tố nước ngoài"]
    assert hits[0].type_label == "Dịch vụ công trực tuyến"
    # Dated by the decision publishing the procedure.
    assert timezone.localtime(hits[0].date).date() == datetime.date(2025, 9, 12)
    empty = client_for(portal_b).get("/tim-kiem/", {"q": "khai sinh yeu to nuoc ngoai"})
    assert not empty.context["hits"]


# --- Storage and validation ---------------------------------------------------------------


def test_text_is_stored_as_nfc(portal_a):
    from services.models import PublicServicePage, ServiceRoadmap

    nfd = lambda text: unicodedata.normalize("NFD", text)  # noqa: E731
    with schema_context(portal_a.schema_name):
        label = ServiceSectorFactory(name=nfd("Khoa học và Công nghệ"))
        page = PublicServicePageFactory(
            title=nfd("Cấp giấy phép tiến hành công việc bức xạ"),
            slug="buc-xa",
            agency=nfd("Sở Khoa học và Công nghệ"),
            fees=nfd("Theo quy định"),
            field=None,
            sector=label,
            publish=True,  # through a revision, as the admin publishes
        )
        index = section_index(PublicServiceIndexPage)
        index.roadmap = [ServiceRoadmapFactory.build(planned_services=nfd("Đăng ký khai sinh"))]
        index.save_revision().publish()
        page = PublicServicePage.objects.get(pk=page.pk)
        roadmap = ServiceRoadmap.objects.get(page=index)
        label.refresh_from_db()
    for value in (page.title, page.agency, page.fees, roadmap.planned_services, label.name):
        assert unicodedata.is_normalized("NFC", value), value
    assert label.slug == "khoa-hoc-va-cong-nghe"


def test_sector_follows_the_field_and_must_match_it(portal_a):
    with schema_context(portal_a.schema_name):
        civil = ServiceFieldFactory(name="Hộ tịch", sector__name="Tư pháp")
        page = PublicServicePageFactory.build(title="Đăng ký khai tử", field=civil)
        assert page.sector is None
        page.clean()
        assert page.sector == civil.sector
        page.sector = ServiceSectorFactory(name="Công an")
        with pytest.raises(ValidationError) as exc:
            page.clean()
        assert exc.value.message_dict["field"] == ["Lĩnh vực này thuộc ngành “Tư pháp”."]
        unlabelled = PublicServicePageFactory.build(title="Thủ tục", level="muc-1", field=None)
        with pytest.raises(ValidationError) as exc:
            unlabelled.clean()
        assert "sector" in exc.value.message_dict


@pytest.mark.parametrize(
    "code, valid",
    [
        ("1.001193", True),
        ("2.000889", True),
        ("1.001193.000.00.00.H34", True),
        ("1001193", False),
        ("1.00119", False),
        ("QĐ-1.001193", False),
    ],
)
def test_procedure_code_format(code, valid):
    from services.models import validate_procedure_code

    if valid:
        validate_procedure_code(code)
    else:
        with pytest.raises(ValidationError):
            validate_procedure_code(code)


def test_online_dossiers_cannot_exceed_dossiers_received():
    row = ServiceStatisticFactory.build(received=10, received_online=11)
    with pytest.raises(ValidationError) as exc:
        row.clean()
    assert "received_online" in exc.value.message_dict


# --- Demo content -------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["province", "department", "commune"])
def test_demo_content_renders_with_services_for_foreigners(portal_b, kind):
    import copy

    from demo.services import load_demo_content
    from services.models import PublicServicePage

    as_kind = copy.copy(portal_b)
    as_kind.kind = kind
    with schema_context(portal_b.schema_name):
        load_demo_content(as_kind)
        load_demo_content(as_kind)  # a second run adds nothing
        services = list(PublicServicePage.objects.live())
        index = section_index(PublicServiceIndexPage)
        assert index.services_for_foreigners().exists()
        assert index.roadmap.count() == 3
        with_figures = [s for s in services if s.reports_statistics]
        assert with_figures and all(s.statistics.exists() for s in with_figures)
        assert all(not s.statistics.exists() for s in services if not s.reports_statistics)
        urls = [s.url for s in services]
    assert len(urls) == len(set(urls))
    html_of(portal_b, "/dich-vu-cong/")
    for url in urls:
        html_of(portal_b, url)
