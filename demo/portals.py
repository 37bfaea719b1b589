"""The demo province: Lai Châu with departments and communes, their accounts and a little
content of their own, so each portal visibly serves something different."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django_tenants.utils import schema_context

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction

from demo import (
    budget,
    contacts,
    deadlines,
    direction,
    disclosure,
    introduction,
    languages,
    legaldocs,
    news,
    participation,
    planning,
    projects,
    reports,
    science,
    services,
    stats,
    visits,
)
from demo.pdf import make_pdf
from home.models import HomePage
from tenants.models import PlatformRole, Portal
from tenants.provisioning import DecisionSpec, PortalSpec, create_portal

DEMO_PASSWORD = "CongDemo@2026"


@dataclass(frozen=True)
class DemoPortal:
    code: str
    name: str
    name_en: str
    kind: str
    intro: str
    extra_domains: tuple[str, ...] = ()


PROVINCE = DemoPortal(
    "laichau",
    "Cổng thông tin điện tử tỉnh Lai Châu",
    "Lai Chau Province Portal",
    Portal.Kind.PROVINCE,
    "<p>Lai Châu là tỉnh miền núi biên giới phía Tây Bắc của Tổ quốc, có đường biên giới "
    "dài 265 km giáp Trung Quốc. Cổng thông tin điện tử tỉnh là kênh thông tin chính thức "
    "của Ủy ban nhân dân tỉnh trên Internet.</p>",
)

MEMBERS = [
    DemoPortal(
        "sokhcn",
        "Sở Khoa học và Công nghệ tỉnh Lai Châu",
        "Lai Chau Department of Science and Technology",
        Portal.Kind.DEPARTMENT,
        "<p>Sở Khoa học và Công nghệ tham mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước về "
        "khoa học, công nghệ, chuyển đổi số, bưu chính và viễn thông.</p>",
        ("skhcn-laichau.localhost",),
    ),
    DemoPortal(
        "sotc",
        "Sở Tài chính tỉnh Lai Châu",
        "Lai Chau Department of Finance",
        Portal.Kind.DEPARTMENT,
        "<p>Sở Tài chính tham mưu về tài chính, ngân sách nhà nước, kế hoạch và đầu tư; công "
        "khai ngân sách theo quy định.</p>",
    ),
    DemoPortal(
        "xaphongtho",
        "Ủy ban nhân dân xã Phong Thổ",
        "Phong Tho Commune People's Committee",
        Portal.Kind.COMMUNE,
        "<p>Xã Phong Thổ nằm ở phía Tây Bắc tỉnh Lai Châu, nổi tiếng với ruộng bậc thang và "
        "các bản người Dao, người Hà Nhì.</p>",
    ),
    DemoPortal(
        "phuongtanphong",
        "Ủy ban nhân dân phường Tân Phong",
        "Tan Phong Ward People's Committee",
        Portal.Kind.COMMUNE,
        "<p>Phường Tân Phong là trung tâm hành chính của tỉnh Lai Châu.</p>",
    ),
]

# (username suffix, role group, full name) of the demo accounts each portal gets.
PORTAL_ACCOUNTS = [
    ("bientap", "Biên tập viên", "Nguyễn Văn Biên"),
    ("pheduyet", "Thành viên Ban Biên tập", "Trần Thị Duyệt"),
    ("truongban", "Trưởng Ban Biên tập", "Lê Văn Trưởng"),
]

PLATFORM_ACCOUNTS = [
    ("quantri", PlatformRole.Role.OPERATOR, "Phạm Quản Trị"),
    ("bbt.tinh", PlatformRole.Role.PROVINCE_BOARD, "Hoàng Thị Tỉnh"),
]


def _make_user(username: str, full_name: str, password: str):
    User = get_user_model()
    first, _sep, last = full_name.rpartition(" ")
    user = User(username=username, first_name=first, last_name=last, email=f"{username}@example.vn")
    user.set_password(password)
    user.save()
    return user


# Each section's demo content (run inside the portal's schema), in the order they depend on
# each other (the direction demo links to the legal documents demo).
DEMO_CONTENT: list[Callable[[Portal], None]] = [
    introduction.load_demo_content,
    news.load_demo_content,
    legaldocs.load_demo_content,
    direction.load_demo_content,
    planning.load_demo_content,
    projects.load_demo_content,
    contacts.load_demo_content,
    science.load_demo_content,
    stats.load_demo_content,
    budget.load_demo_content,
    services.load_demo_content,
    participation.load_demo_content,
    # Three months of visits, over the pages the sections made.
    visits.load_demo_content,
    disclosure.load_demo_content,
    # Last: the English versions of what the others created.
    languages.load_demo_content,
]


def _fill_portal(portal: Portal, demo: DemoPortal, password: str) -> None:
    with schema_context(portal.schema_name):
        home = HomePage.objects.get(depth=2, locale__language_code=settings.LANGUAGE_CODE)
        home.intro = demo.intro
        home.save_revision().publish()
        for load_demo_content in DEMO_CONTENT:
            load_demo_content(portal)
        for suffix, group_name, full_name in PORTAL_ACCOUNTS:
            user = _make_user(f"{suffix}.{portal.code}", full_name, password)
            user.groups.add(Group.objects.get(name=group_name))


def demo_decision(demo: DemoPortal, number: int) -> DecisionSpec:
    """The province board's decision admitting a demo portal (its signed PDF, in miniature)."""
    label = f"{number:02d}/QĐ-BBT"
    pdf = make_pdf(
        f"Quyết định số {label} của Ban Biên tập Cổng thông tin điện tử tỉnh Lai Châu",
        [f"Phê duyệt {demo.name} tham gia hệ thống Cổng thông tin điện tử tỉnh Lai Châu.",
         "Người ký: Hoàng Thị Tỉnh, Trưởng Ban Biên tập Cổng tỉnh."],
        title=label,
    )
    return DecisionSpec(
        number=label, date=dt.date(2026, 1, 5), signer="Hoàng Thị Tỉnh",
        file=ContentFile(pdf, name=f"quyet-dinh-{demo.code}.pdf"),
    )


@transaction.atomic
def load_demo(password: str = DEMO_PASSWORD) -> list[Portal]:
    """Create the demo province. Does nothing if a province portal already exists."""
    if Portal.objects.filter(kind=Portal.Kind.PROVINCE).exists():
        return []
    User = get_user_model()
    for username, role, full_name in PLATFORM_ACCOUNTS:
        if not User.objects.filter(username=username).exists():
            user = _make_user(username, full_name, password)
            PlatformRole.objects.create(user=user, role=role)
    created = []
    for number, demo in enumerate([PROVINCE, *MEMBERS], start=1):
        # Admitted by the province board's decision, like every portal.
        portal = create_portal(
            PortalSpec(
                code=demo.code, name=demo.name, name_en=demo.name_en, kind=demo.kind,
                domains=demo.extra_domains, contact_email=f"bbt@{demo.code}.example.vn",
            ),
            actor="demo",
            decision=demo_decision(demo, number),
        )
        _fill_portal(portal, demo, password)
        created.append(portal)
    # Once every portal exists: the province's documents reach the members' queues.
    deadlines.load_demo_deadlines(created[0], created[1:])
    # A submitted quarterly report each, for the portals' reports and the console.
    reports.load_demo_reports(created)
    return created
