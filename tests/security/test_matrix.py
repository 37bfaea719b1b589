"""The isolation matrix: every host × URL × role, each cell's expectation derived from the
rules, not written down.

Hosts: the province portal, portal A on its two domains, portal B, the console's domain and a
host no portal has. Roles: anonymous; an editor and a board head of A (local users in A's
role groups), the same of B; an operator and a province board member (platform accounts,
enrolled in two-step verification). URLs: content of A made for the test (a news article, a
legal document, a document and an image with their /documents/ and /media/ addresses, a
document of a login-restricted collection, a citizen question's tracking page), A's admin
(dashboard, the article's edit page, documents, images, users, the questions' register and
one question, settings, the posting deadlines), the console's pages, and what every portal
has (sitemap, search for A's word, autocomplete, the province-wide search, feeds, the open data API).

The rules (docs/architecture.md, "Accounts across portals" and "Cross-cutting rules"):
- a portal's content and admin answer only on that portal's own domains; elsewhere the path
  means nothing (404) or, for the admin, is the other portal's own admin, where the role is
  whatever it is there (no account: the sign-in page);
- an admin page opens only for a role holding the right in that portal: local users through
  their role group (accounts.roles, editorial.permissions, accounts.permissions), platform
  accounts as accounts.backends maps them (operator → superuser; province board → approver
  in the province, the oversight groups in a member portal);
- a restricted collection's files only to a request signed in to A;
- console pages only on the console's domain and only for platform roles;
- an unknown host answers the same plain 404 whatever is asked;
- no body on another portal's host holds A's markers, except the province's documented views
  of its members' public content (its home page's member news and the province-wide search,
  docs/search.md) and the console's oversight for platform roles; A's private markers (the
  asker's personal data, the restricted document) never leave A's admin and A's signed-in
  users; the units' applications never leave the console;
- no 500 anywhere, and every response carries the security headers.

How the roles are signed in: local users with `force_login` (their sign-in flow is tested in
tests/accounts); platform accounts through the real forms with their second step
(`tests.support.accounts.login` in each portal, `console_login` on the console), since the
mapping of a platform role into a portal happens at that sign-in.

The content, accounts and signed-in browsers are built once for the module, inside a
transaction rolled back at its end; each test runs in its own savepoint inside it, as every
other test does.
"""

from __future__ import annotations

import copy
import io
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from http.cookies import SimpleCookie

import pytest
from django_tenants.utils import schema_context
from PIL import Image as PILImage

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import connection, transaction

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Page,
    Site,
)

from accounts import roles
from accounts.permissions import BOARD_GROUPS, STAFF_GROUPS
from editorial.permissions import SETTINGS_ROLES
from tenants.models import PlatformRole, Portal, PortalApplication
from tests.legaldocs.factories import LegalDocumentPageFactory
from tests.news.factories import NewsArticlePageFactory
from tests.participation.factories import QuestionFactory
from tests.subscriptions.factories import SubscriptionFactory
from tests.support.accounts import CONSOLE, console_login, is_signed_in, local_user, login, platform_user
from tests.support.admin import signed_in
from tests.support.portals import PortalClient

# The word searched for, in A's article title; it is in the query string, so echoed by every
# search page, and never a marker itself.
SEARCH_WORD = "qztimkiem"

# Markers: lowercase ASCII, so that they are found in HTML, JSON, XML and files alike.
MARK_NEWS = "qzbaibao"
MARK_LAW = "qzvanban"
MARK_DOC = "qztailieu"
MARK_DOC_FILE = "qzteptin"
MARK_IMAGE = "qzhinhanh"
MARK_QUESTION = "qzcauhoi"
A_PUBLIC = frozenset({MARK_NEWS, MARK_LAW, MARK_DOC, MARK_DOC_FILE, MARK_IMAGE, MARK_QUESTION})
MARK_SECRET = "qzkinmat"
MARK_SECRET_FILE = "qzbienbankin"
MARK_ASKER = "qzhoten"
MARK_ASKER_ADDRESS = "qzdiachi"
MARK_SUBSCRIBER = "qzthunhantin"  # a subscriber's e-mail address
A_PRIVATE = frozenset({MARK_SECRET, MARK_SECRET_FILE, MARK_ASKER, MARK_ASKER_ADDRESS, MARK_SUBSCRIBER})
MARK_APPLICATION = "qzthutruong"
CONSOLE_PRIVATE = frozenset({MARK_APPLICATION})
MARKERS = A_PUBLIC | A_PRIVATE | CONSOLE_PRIVATE
NOTHING: frozenset[str] = frozenset()

UNKNOWN_HOST = "cong-khong-co.laichau.test"
A, B, PROVINCE = "soa", "xab", "tinhthu"
SECURITY_HEADERS = ("Content-Security-Policy", "Permissions-Policy", "X-Content-Type-Options")


# ---------------------------------------------------------------- roles and their rights


@dataclass(frozen=True)
class Role:
    name: str
    portal: str | None = None  # the portal a local account lives in
    group: str | None = None  # its role group there
    platform: str | None = None  # a platform account's role

    def __str__(self) -> str:
        return self.name


ROLES = (
    Role("an-danh"),
    Role("bientap.soa", A, roles.EDITOR),
    Role("truongban.soa", A, roles.BOARD_HEAD),
    Role("bientap.xab", B, roles.EDITOR),
    Role("truongban.xab", B, roles.BOARD_HEAD),
    Role("vanhanh.thu", platform=PlatformRole.Role.OPERATOR),
    Role("bbt.thu", platform=PlatformRole.Role.PROVINCE_BOARD),
)


@dataclass(frozen=True)
class Rights:
    """What an account holds in one portal."""

    superuser: bool
    groups: frozenset[str]

    def any_of(self, groups) -> bool:
        return self.superuser or bool(self.groups & frozenset(groups))


def groups_granting(table: dict[str, list[str]], *wanted: str) -> list[str]:
    """The role groups whose entry in one of accounts.roles' tables has one of `wanted`."""
    return [group for group, granted in table.items() if set(granted) & set(wanted)]


# What each admin page asks for, from the tables the roles are made of.
def needs_admin(r: Rights) -> bool:
    return r.any_of(roles.ROLE_LABELS)  # every role group is given access_admin


def needs_page_change(r: Rights) -> bool:
    return r.any_of(groups_granting(roles.PAGE_PERMISSIONS, "change_page"))


def needs_media(r: Rights) -> bool:
    """Wagtail's media listings want add, change or delete."""
    return r.any_of(groups_granting(roles.MEDIA_PERMISSIONS, "add", "change", "delete"))


def needs_media_change(r: Rights) -> bool:
    return r.any_of(groups_granting(roles.MEDIA_PERMISSIONS, "change"))


def needs_users(r: Rights) -> bool:
    return r.any_of(groups_granting(roles.MODEL_PERMISSIONS, "auth.add_user", "auth.change_user"))


def needs_settings(r: Rights) -> bool:
    return r.any_of(SETTINGS_ROLES)


def needs_staff(r: Rights) -> bool:
    return r.any_of(STAFF_GROUPS)


def needs_board(r: Rights) -> bool:
    return r.any_of(BOARD_GROUPS)


def needs_board_head(r: Rights) -> bool:
    return r.any_of({roles.BOARD_HEAD})


# ---------------------------------------------------------------- hosts and URLs


@dataclass(frozen=True)
class Host:
    label: str
    name: str
    portal: str | None = None  # the portal's code; None: the console or an unknown host
    console: bool = False


@dataclass(frozen=True)
class Url:
    path: str
    # content: A's own content; admin: a portal's /admin/; console: a page of the console;
    # console-open: the console's page for everyone; everywhere: a route every portal has.
    kind: str
    needs: Callable[[Rights], bool] | None = None  # admin pages
    obj: tuple[type, int] | None = None  # the object of A the URL names by id
    shows: frozenset[str] = NOTHING  # markers it must show where it opens on A
    restricted: bool = False  # a file of A's login-restricted collection
    also_portal_route: bool = False  # a console path that is also a route of every portal
    province_view: bool = False  # the province shows its members' public content here
    platform_roles: frozenset[str] = frozenset(PlatformRole.Role)  # console pages: who may

    def __str__(self) -> str:
        return self.path


@dataclass
class World:
    hosts: list[Host]
    urls: list[Url]
    clients: dict[str, dict[str | None, PortalClient]]
    board_groups: dict[str, frozenset[str]]  # what the province board gets in each portal
    cookies: dict[int, SimpleCookie] = field(default_factory=dict)
    existing: dict[tuple[str, type, int], bool] = field(default_factory=dict)
    plain_404: bytes = b""

    def rights(self, role: Role, portal: str) -> Rights | None:
        """What `role` holds in `portal` (None: no account there), as the code maps it."""
        if role.platform == PlatformRole.Role.OPERATOR:
            return Rights(True, frozenset())
        if role.platform == PlatformRole.Role.PROVINCE_BOARD:
            return Rights(False, self.board_groups[portal])
        if role.portal == portal:
            return Rights(False, frozenset({role.group}))
        return None

    def exists(self, portal: str, obj: tuple[type, int]) -> bool:
        """Ids repeat across schemas: whether `portal` has an object of that model and id."""
        key = (portal, *obj)
        if key not in self.existing:
            with schema_context(Portal.objects.get(code=portal).schema_name):
                self.existing[key] = obj[0].objects.filter(pk=obj[1]).exists()
            connection.set_schema_to_public()
        return self.existing[key]

    def client(self, role: Role, host: Host) -> PortalClient:
        """The role's browser on `host`: a platform account signed in there (console's
        session on the console and the unknown host); a local user's one session wherever
        it goes, so that on another portal it replays a cookie that portal never issued.

        The test client keeps one cookie jar for every host, and a portal that does not
        know a session cookie answers by deleting it: the cookies the role signed in with
        are put back before every request, as a browser keeps one jar per domain."""
        browser = self.clients[role.name][host.portal if role.platform else None]
        browser.cookies = copy.deepcopy(self.cookies[id(browser)])
        return browser


# ---------------------------------------------------------------- what each cell expects


@dataclass(frozen=True)
class Expect:
    statuses: frozenset[int]
    allowed: frozenset[str] = NOTHING  # markers this body may hold
    required: frozenset[str] = NOTHING  # markers it must hold
    location: str | None = None  # a redirect's target starts with this
    refusal: bool = False  # 403, or Wagtail's redirect to the dashboard
    plain_404: bool = False


OK = frozenset({200})
NOT_FOUND = frozenset({404})
REDIRECT = frozenset({302})


def expect(world: World, host: Host, role: Role, url: Url) -> Expect:
    if host.portal is None and not host.console:
        return Expect(NOT_FOUND, plain_404=True)
    if host.console:
        return _on_console(role, url)
    return _on_portal(world, host, role, url)


def _on_console(role: Role, url: Url) -> Expect:
    if url.kind == "console-open":
        return Expect(OK)
    if url.kind != "console":
        return Expect(NOT_FOUND)
    if role.platform in url.platform_roles:
        # Platform roles oversee every portal: its public titles may be shown to them.
        return Expect(OK, allowed=A_PUBLIC | CONSOLE_PRIVATE)
    if role.platform:
        return Expect(frozenset({403}))
    return Expect(REDIRECT, location="/dang-nhap/")


def _on_portal(world: World, host: Host, role: Role, url: Url) -> Expect:
    code = host.portal
    on_a = code == A
    public = A_PUBLIC if on_a or (code == PROVINCE and url.province_view) else NOTHING
    rights = world.rights(role, code)
    if url.kind in ("console", "console-open"):
        return Expect(OK, allowed=public) if url.also_portal_route else Expect(NOT_FOUND)
    if url.kind == "everywhere":
        return Expect(OK, allowed=public, required=url.shows if on_a else NOTHING)
    if url.kind == "content":
        if not on_a:
            if url.also_portal_route:
                return Expect(OK)
            if url.obj and world.exists(code, url.obj):  # that portal's own object
                return Expect(frozenset({200, 302, 404}))
            return Expect(NOT_FOUND)
        if not url.restricted:
            return Expect(OK, allowed=A_PUBLIC, required=url.shows)
        if rights is not None:  # signed in to A
            return Expect(OK, allowed=A_PUBLIC | A_PRIVATE, required=url.shows)
        if url.path.startswith("/media/"):
            return Expect(NOT_FOUND)
        return Expect(REDIRECT, location="/_util/login/")
    # the admin
    if rights is None:
        return Expect(REDIRECT, location="/admin/login/")
    granted = url.needs(rights)
    allowed = (A_PUBLIC | (A_PRIVATE if granted else NOTHING)) if on_a else NOTHING
    if url.obj and not world.exists(code, url.obj):
        if granted:
            return Expect(NOT_FOUND)
        return Expect(NOT_FOUND | {403, 302}, refusal=True)
    if granted:
        return Expect(OK, allowed=allowed, required=url.shows if on_a else NOTHING)
    return Expect(frozenset({403, 302}), allowed=allowed, refusal=True)


def check(world: World, host: Host, role: Role, url: Url, response) -> list[str]:
    """What is wrong with one cell's response (nothing: the cell holds)."""
    wanted = expect(world, host, role, url)
    status = response.status_code
    problems = []
    if status >= 500:
        problems.append(f"server error {status}")
    elif status not in wanted.statuses:
        problems.append(f"status {status}, expected {sorted(wanted.statuses)}")
    location = response.get("Location", "")
    if status == 302:
        if wanted.refusal and 302 in wanted.statuses and location != "/admin/":
            problems.append(f"redirected to {location}, not refused")
        elif wanted.location and not location.startswith(wanted.location):
            problems.append(f"redirected to {location}, expected {wanted.location}…")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode("utf-8", "replace").lower()
    leaked = sorted(marker for marker in MARKERS - wanted.allowed if marker in text)
    if leaked:
        problems.append(f"shows {leaked}")
    if status == 200:
        missing = sorted(marker for marker in wanted.required if marker not in text)
        if missing:
            problems.append(f"does not show {missing}")
    if wanted.plain_404 and body != world.plain_404:
        problems.append("not the plain 404")
    absent = [name for name in SECURITY_HEADERS if not response.has_header(name)]
    if absent:
        problems.append(f"no {absent}")
    return problems


# ---------------------------------------------------------------- building the world


def _png() -> ImageFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (30, 120, 200)).save(buffer, "PNG")
    return ImageFile(io.BytesIO(buffer.getvalue()), name="anh-so-a.png")


def _content_of_a(portal_a: Portal) -> list[Url]:
    article = NewsArticlePageFactory(
        portal=portal_a, title=f"Tin {SEARCH_WORD} {MARK_NEWS}", slug="bai-rieng-so-a",
    )
    law = LegalDocumentPageFactory(
        portal=portal_a, summary=f"Quy định riêng {MARK_LAW}", slug="van-ban-rieng-so-a",
    )
    question = QuestionFactory(
        portal=portal_a, title=f"Hỏi về {MARK_QUESTION}", full_name=f"Lò Văn {MARK_ASKER.title()}",
        address=f"Bản {MARK_ASKER_ADDRESS.title()}",
    )
    subscription = SubscriptionFactory(portal=portal_a, email=f"{MARK_SUBSCRIBER}@example.vn")
    with schema_context(portal_a.schema_name):
        root = Collection.get_first_root_node()
        doc = Document(title=f"Tài liệu {MARK_DOC}", collection=root)
        doc.file.save("tai-lieu-so-a.pdf", ContentFile(f"%PDF-1.4 {MARK_DOC_FILE}".encode()), save=False)
        doc.save()
        image = Image(title=f"Ảnh {MARK_IMAGE}", collection=root)
        image.file.save("anh-so-a.png", _png(), save=False)
        image.save()
        rendition = image.get_rendition("fill-20x20")
        private = root.add_child(name="Nội bộ Sở A")
        CollectionViewRestriction.objects.create(
            collection=private, restriction_type=BaseViewRestriction.LOGIN
        )
        secret = Document(title=f"Biên bản {MARK_SECRET}", collection=private)
        secret.file.save(
            "bien-ban-so-a.pdf", ContentFile(f"%PDF-1.4 {MARK_SECRET_FILE}".encode()), save=False
        )
        secret.save()
        site = Site.objects.get(is_default_site=True)
        urls = [
            Url(f"/tin-tuc/{article.slug}/", "content", shows=frozenset({MARK_NEWS})),
            Url(f"/van-ban/{law.slug}/", "content", shows=frozenset({MARK_LAW})),
            Url(f"/documents/{doc.pk}/{doc.filename}", "content", obj=(Document, doc.pk),
                shows=frozenset({MARK_DOC_FILE})),
            Url(doc.file.url, "content", shows=frozenset({MARK_DOC_FILE})),
            Url(image.file.url, "content"),
            Url(rendition.url, "content"),
            Url(f"/documents/{secret.pk}/{secret.filename}", "content", obj=(Document, secret.pk),
                restricted=True, shows=frozenset({MARK_SECRET_FILE})),
            Url(secret.file.url, "content", restricted=True, shows=frozenset({MARK_SECRET_FILE})),
            Url(f"/hoi-dap/tra-cuu/?ma={question.tracking_code}", "content", also_portal_route=True,
                shows=frozenset({MARK_QUESTION})),
            # a subscriber's own links (subscriptions): their page never shows the address
            Url(f"/dang-ky-nhan-tin/xac-nhan/{subscription.link_token}/", "content"),
            Url(f"/dang-ky-nhan-tin/huy/{subscription.link_token}/", "content"),
            # the admin
            Url("/admin/", "admin", needs_admin),
            Url(f"/admin/pages/{article.pk}/edit/", "admin", needs_page_change, obj=(Page, article.pk),
                shows=frozenset({MARK_NEWS})),
            Url("/admin/documents/", "admin", needs_media, shows=frozenset({MARK_DOC})),
            Url(f"/admin/documents/edit/{secret.pk}/", "admin", needs_media_change,
                obj=(Document, secret.pk), shows=frozenset({MARK_SECRET})),
            Url("/admin/images/", "admin", needs_media, shows=frozenset({MARK_IMAGE})),
            Url("/admin/users/", "admin", needs_users),
            Url("/admin/hoi-dap/", "admin", needs_staff, shows=frozenset({MARK_QUESTION})),
            Url(f"/admin/hoi-dap/xu-ly/{question.pk}/", "admin", needs_staff,
                obj=(type(question), question.pk), shows=frozenset({MARK_ASKER})),
            Url(f"/admin/settings/themes/themesettings/{site.pk}/", "admin", needs_settings,
                obj=(Site, site.pk)),
            Url("/admin/thoi-han/", "admin", needs_staff),
            Url("/admin/bao-cao/", "admin", needs_board),
            Url("/admin/dang-ky-nhan-tin/", "admin", needs_board),
            Url("/admin/dang-ky-nhan-tin/du-lieu-ca-nhan/", "admin", needs_board_head),
        ]
    connection.set_schema_to_public()
    return urls


def _console_urls(application: PortalApplication) -> list[Url]:
    console = [
        "/nhat-ky/", "/giam-sat/", "/giam-sat/tieng-anh/", "/thoi-han/", "/thoi-han/quy-dinh/",
        f"/thoi-han/cong/{A}/", f"/cong/{A}/", "/cong/dang-ky/", "/don-dang-ky/",
        f"/don-dang-ky/{application.pk}/", "/tai-khoan/", "/bao-cao/",
    ]
    return [
        Url("/", "console", also_portal_route=True, province_view=True),
        *(Url(path, "console") for path in console),
        # Lifting a sign-in lockout is the operator's (console.account.lockouts).
        Url("/khoa-dang-nhap/", "console", platform_roles=frozenset({PlatformRole.Role.OPERATOR})),
        Url("/dang-ky-tham-gia/", "console-open"),
    ]


def _everywhere() -> list[Url]:
    news = frozenset({MARK_NEWS})
    return [
        Url("/sitemap.xml", "everywhere"),
        Url(f"/tim-kiem/?q={SEARCH_WORD}", "everywhere", shows=news),
        Url(f"/tim-kiem/goi-y/?q={SEARCH_WORD}", "everywhere", shows=news),
        Url(f"/tim-kiem/?q={SEARCH_WORD}&pham-vi=tinh", "everywhere", shows=news, province_view=True),
        Url("/tin-tuc/rss/", "everywhere", shows=news),
        Url("/van-ban/rss/", "everywhere", shows=frozenset({MARK_LAW})),
        Url("/en/", "everywhere"),
        # The open data API (opendata): each portal's published content, on its own domains.
        Url("/api/v1/news/?limit=100", "everywhere", shows=news),
        Url("/api/v1/legal-documents/?limit=100", "everywhere", shows=frozenset({MARK_LAW})),
        Url("/api/v1/services/", "everywhere"),
        Url("/api/v1/questions/?limit=100", "everywhere"),
        Url("/api/v1/dcat.jsonld", "everywhere"),
        Url("/api/v1/openapi.json", "everywhere"),
        Url("/api/v1/", "everywhere"),
        # The subscribe form (subscriptions), in both languages.
        Url("/dang-ky-nhan-tin/", "everywhere"),
        Url("/en/dang-ky-nhan-tin/", "everywhere"),
    ]


def _sections_of_every_portal(portals: dict[str, Portal]) -> list[Url]:
    """The wide matrix (benchmarks/isolation_matrix.py): every section page that all the
    portals have, in both languages, and the feeds of the listing sections, as routes every
    portal answers with its own content."""
    from urllib.parse import urlsplit

    from core.listing import SectionIndexPage

    found: list[set[str]] = []
    for portal in portals.values():
        with schema_context(portal.schema_name):
            paths = set()
            for page in Page.objects.live().public().filter(depth__in=(3, 4)).specific():
                path = urlsplit(page.get_url() or "").path
                if path:
                    paths.add(path)
                    if isinstance(page, SectionIndexPage):
                        paths.add(f"{path}rss/")
            found.append(paths)
    connection.set_schema_to_public()
    already = {url.path for url in _everywhere()}
    return [Url(path, "everywhere") for path in sorted(set.intersection(*found) - already)]


def _application() -> PortalApplication:
    return PortalApplication.objects.create(
        unit_name="Ủy ban nhân dân xã Mường Thử", kind=Portal.Kind.COMMUNE, code="xamuongthu",
        head_name=f"Lò Văn {MARK_APPLICATION.title()}", head_title="Chủ tịch",
        email="ubnd@muongthu.example.vn",
        board_members="Lò Văn Sơn – Trưởng ban",
        board_decision_file=ContentFile(b"%PDF-1.4 quyet dinh", name="qd-bbt.pdf"),
    )


def _browsers(portals: dict[str, Portal]) -> dict[str, dict[str | None, PortalClient]]:
    clients: dict[str, dict[str | None, PortalClient]] = {}
    for index, role in enumerate(ROLES):
        ip = f"10.77.0.{index + 1}"
        if role.platform:
            platform_user(role.name, role.platform, first_name="Thử", last_name=role.name)
            mine: dict[str | None, PortalClient] = {}
            for code, portal in portals.items():
                browser, _response = login(portal, role.name, ip=ip)
                assert is_signed_in(browser, portal), (role, code)
                mine[code] = browser
            browser, response = console_login(role.name, ip=ip)
            assert response.status_code == 302 and "/dang-nhap/" not in response["Location"], role
            mine[None] = browser
        elif role.portal:
            portal = portals[role.portal]
            user = local_user(portal, role.name, role.group)
            mine = {None: signed_in(portal, user)}
        else:
            mine = {None: PortalClient()}
        for browser in mine.values():
            browser.raise_request_exception = False  # a 500 is a cell that fails, not the end
            browser.defaults["REMOTE_ADDR"] = ip
        clients[role.name] = mine
    return clients


def build_world() -> World:
    portals = {code: Portal.objects.get(code=code) for code in (PROVINCE, A, B)}
    urls = _content_of_a(portals[A]) + _console_urls(_application()) + _everywhere()
    if os.environ.get("CONG_MATRIX_WIDE"):
        urls += _sections_of_every_portal(portals)
    clients = _browsers(portals)
    board_groups = {}
    for code, portal in portals.items():
        with schema_context(portal.schema_name):
            mapped = User.objects.get(username="@bbt.thu")
            board_groups[code] = frozenset(mapped.groups.values_list("name", flat=True))
    connection.set_schema_to_public()
    # The mapping as the docs state it, so that a change in the code shows here.
    assert board_groups[PROVINCE] == {roles.APPROVER}
    assert roles.PROVINCE_OVERSIGHT in board_groups[A] and roles.PROVINCE_OVERSIGHT in board_groups[B]
    hosts = [
        Host("tinh", portals[PROVINCE].primary_domain, PROVINCE),
        Host("A", portals[A].primary_domain, A),
        Host("A-rieng", "cu-soa.example.vn", A),
        Host("B", portals[B].primary_domain, B),
        Host("quantri", CONSOLE, console=True),
        Host("la", UNKNOWN_HOST),
    ]
    assert len({host.name for host in hosts}) == len(hosts)
    world = World(hosts=hosts, urls=urls, clients=clients, board_groups=board_groups)
    for mine in clients.values():
        for browser in mine.values():
            world.cookies[id(browser)] = copy.deepcopy(browser.cookies)
    world.plain_404 = PortalClient().get("/", HTTP_HOST=UNKNOWN_HOST).content
    return world


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once inside a transaction of the module's own, rolled back after its last test;
    each test's savepoint sits inside it."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            built = build_world()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield built
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)
        connection.set_schema_to_public()


# ---------------------------------------------------------------- the tests


@pytest.mark.parametrize("role", ROLES, ids=str)
def test_every_host_and_url_for_one_role(world, role, db, matrix_tally):
    failures, cells = [], 0
    for host in world.hosts:
        for url in world.urls:
            response = world.client(role, host).get(url.path, HTTP_HOST=host.name)
            cells += 1
            for problem in check(world, host, role, url, response):
                failures.append(f"{host.label} {host.name} {url.path}: {problem}")
    matrix_tally(role.name, cells)
    assert cells >= len(world.hosts) * len(world.urls) > 0
    assert not failures, f"{len(failures)} of {cells} cells for {role}:\n" + "\n".join(failures[:80])


def test_the_matrix_covers_what_the_issue_names(world):
    """The matrix is as wide as the rules need: every kind of URL, every host, every role."""
    kinds = {url.kind for url in world.urls}
    assert kinds == {"content", "admin", "console", "console-open", "everywhere"}
    assert {url.path.split("/")[1] for url in world.urls if url.kind == "content"} >= {
        "tin-tuc", "van-ban", "documents", "media", "hoi-dap",
    }
    assert len(world.hosts) == 6 and len(ROLES) == 7
    assert len(world.hosts) * len(world.urls) * len(ROLES) >= 1500
