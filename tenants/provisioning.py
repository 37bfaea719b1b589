"""Creating portals and moving them through their lifecycle.

New portals are cloned from the template schema `TENANT_BASE_SCHEMA`, which
`prepare_template()` keeps migrated and seeded with everything a portal starts with (what
the apps registered with `tenants.seeding`: locales, home page, Site, sections, English tree,
roles, workflow). After the clone only what is portal-specific is changed: the Site's
hostname and name, the home page's title, the sections its kind does not have.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass

from django_tenants.utils import schema_context, schema_exists

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.sections import registered_sections
from core.text import nfc
from tenants.clone import clone_schema
from tenants.current import public_schema, template_schema
from tenants.models import (
    DECISION_EXTENSIONS,
    DECISION_MAX_BYTES,
    BoardDecision,
    Domain,
    Portal,
    PortalEvent,
    validate_hostname,
    validate_portal_code,
)
from tenants.seeding import run_customisers, run_seeders

log = logging.getLogger(__name__)

TEMPLATE_SCHEMA: str = template_schema()
# The platform's registry row is named after its schema.
PLATFORM_CODE: str = public_schema()


class ProvisioningError(Exception):
    """A request the platform refuses, with a message for the operator."""


# --- The template schema --------------------------------------------------------------------


def prepare_template(verbosity: int = 0) -> None:
    """Create (first time) and migrate the template schema, then seed it."""
    if not schema_exists(TEMPLATE_SCHEMA):
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE SCHEMA "{TEMPLATE_SCHEMA}"')
    call_command(
        "migrate_schemas",
        tenant=True,
        schema_name=TEMPLATE_SCHEMA,
        interactive=False,
        verbosity=verbosity,
    )
    with schema_context(TEMPLATE_SCHEMA):
        seed_portal_schema()
    connection.set_schema_to_public()


def seed_portal_schema(kind: str | None = None) -> None:
    """Give the current schema what every portal starts with: what the apps registered with
    `tenants.seeding`, in their order. Idempotent.

    `kind` is the portal's kind; None (the template) means every section: sections that do
    not apply to a portal's kind are removed from it after cloning while still untouched.
    """
    run_seeders(kind)


def sync_portal_schemas() -> int:
    """Bring every existing portal up to what the template gives new ones."""
    count = 0
    for portal in Portal.objects.exclude(schema_name=public_schema()).order_by("pk"):
        with schema_context(portal.schema_name):
            seed_portal_schema(portal.kind)
        count += 1
    connection.set_schema_to_public()
    return count


# --- Creating a portal ----------------------------------------------------------------------


@dataclass
class PortalSpec:
    code: str
    name: str
    kind: str
    name_en: str = ""
    parent_code: str | None = None
    domains: tuple[str, ...] = ()
    # Active only with the province board's decision (create_portal's `decision`).
    status: str = Portal.Status.REQUESTED
    contact_email: str = ""


@dataclass
class DecisionSpec:
    """The province board's decision admitting a portal, as it is recorded."""

    number: str
    date: dt.date
    signer: str
    file: File  # the signed decision, a PDF


def _validate_decision(spec: DecisionSpec) -> None:
    if not nfc(spec.number).strip():
        raise ProvisioningError(_("Thiếu số quyết định của Ban Biên tập Cổng tỉnh."))
    if not nfc(spec.signer).strip():
        raise ProvisioningError(_("Thiếu người ký quyết định."))
    if not isinstance(spec.date, dt.date):
        raise ProvisioningError(_("Thiếu ngày quyết định."))
    if spec.date > timezone.localdate():
        raise ProvisioningError(_("Ngày quyết định không được sau hôm nay."))
    upload = spec.file
    if upload is None or not getattr(upload, "name", ""):
        raise ProvisioningError(_("Thiếu tệp quyết định (PDF) đã ký."))
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in DECISION_EXTENSIONS:
        raise ProvisioningError(_("Tệp quyết định phải là tệp PDF."))
    if upload.size is None or upload.size > DECISION_MAX_BYTES:
        raise ProvisioningError(_("Tệp quyết định không được lớn hơn 20 MB."))
    upload.seek(0)
    if not upload.read(5).startswith(b"%PDF-"):
        raise ProvisioningError(_("Tệp quyết định không phải tệp PDF hợp lệ."))
    upload.seek(0)


def record_decision(spec: DecisionSpec, actor: str = "") -> BoardDecision:
    """Check and keep a decision of the province board, its signed file included."""
    _validate_decision(spec)
    decision = BoardDecision(
        number=spec.number, date=spec.date, signer=spec.signer, recorded_by=actor
    )
    decision.file.save(spec.file.name.rsplit("/", 1)[-1], spec.file, save=False)
    decision.save()
    return decision


def _messages(error: ValidationError) -> str:
    return " ".join(error.messages)


def validate_spec(spec: PortalSpec) -> tuple[Portal | None, list[str]]:
    """Check a request for a new portal. Returns its parent and the domains it will have."""
    try:
        validate_portal_code(spec.code)
    except ValidationError as exc:
        raise ProvisioningError(_messages(exc)) from exc
    if Portal.objects.filter(code=spec.code).exists() or schema_exists(spec.code):
        raise ProvisioningError(_("Mã cổng “%(code)s” đã được dùng.") % {"code": spec.code})
    if not nfc(spec.name).strip():
        raise ProvisioningError(_("Tên cổng không được để trống."))
    kinds = {k for k in Portal.Kind.values if k != Portal.Kind.PLATFORM}
    if spec.kind not in kinds:
        raise ProvisioningError(
            _("Loại cổng “%(kind)s” không hợp lệ; chọn một trong: %(kinds)s.")
            % {"kind": spec.kind, "kinds": ", ".join(sorted(kinds))}
        )
    if spec.status not in Portal.Status.values:
        raise ProvisioningError(_("Trạng thái “%(s)s” không hợp lệ.") % {"s": spec.status})

    parent = None
    if spec.kind == Portal.Kind.PROVINCE:
        if spec.parent_code:
            raise ProvisioningError(_("Cổng tỉnh không có cổng cấp trên."))
        if Portal.objects.filter(kind=Portal.Kind.PROVINCE).exists():
            raise ProvisioningError(_("Hệ thống đã có cổng tỉnh."))
        default_domain = settings.CONG_PROVINCE_DOMAIN
    else:
        if spec.parent_code:
            parent = Portal.objects.filter(code=spec.parent_code).exclude(
                kind=Portal.Kind.PLATFORM
            ).first()
            if parent is None:
                raise ProvisioningError(
                    _("Không có cổng cấp trên mã “%(code)s”.") % {"code": spec.parent_code}
                )
        else:
            parent = Portal.objects.filter(kind=Portal.Kind.PROVINCE).first()
            if parent is None:
                raise ProvisioningError(_("Hãy tạo cổng tỉnh trước khi tạo cổng thành viên."))
        # Member portals live under the province portal's domain (4th-level domains).
        province = parent
        while province.parent_id is not None:
            province = province.parent
        default_domain = f"{spec.code}.{province.primary_domain or settings.CONG_PROVINCE_DOMAIN}"

    domains = [default_domain] + [d.strip().lower() for d in spec.domains if d.strip()]
    seen: set[str] = set()
    for host in domains:
        try:
            validate_hostname(host)
        except ValidationError as exc:
            raise ProvisioningError(_messages(exc)) from exc
        if host in seen:
            raise ProvisioningError(_("Tên miền “%(host)s” bị lặp.") % {"host": host})
        seen.add(host)
    taken = list(Domain.objects.filter(domain__in=domains).values_list("domain", flat=True))
    if taken:
        raise ProvisioningError(
            _("Tên miền đã thuộc cổng khác: %(hosts)s.") % {"hosts": ", ".join(taken)}
        )
    return parent, domains


def clone_template(schema_name: str) -> None:
    """Copy the template schema, tables and rows, into a new schema.

    The copy includes django_migrations, so the new schema is exactly as migrated as the
    template; no migration command needs to run.
    """
    if not schema_exists(TEMPLATE_SCHEMA):
        raise ProvisioningError(
            _("Chưa có lược đồ mẫu; hãy chạy “python manage.py migrate_platform” trước.")
        )
    clone_schema(TEMPLATE_SCHEMA, schema_name)


def customise_portal_schema(portal: Portal) -> None:
    """Make the cloned schema this portal's: what the apps registered (the home page's
    title), the sections its kind does not have, the Site's hostname and name."""
    from wagtail.models import Page, Site

    with schema_context(portal.schema_name):
        site = Site.objects.get(is_default_site=True)
        home = Page.objects.get(pk=site.root_page_id)
        run_customisers(portal, home)
        # The template holds every section; drop those this kind of portal does not have.
        foreign = {s.slug for s in registered_sections()} - {
            s.slug for s in registered_sections(portal.kind)
        }
        for page in home.get_children().filter(slug__in=foreign, has_unpublished_changes=False):
            page.delete()
        site.hostname = portal.primary_domain
        # Wagtail builds absolute links (sitemap, feeds, e-mails) from the Site: its scheme
        # follows the port (443 → https).
        site.port = settings.CONG_PUBLIC_PORT or (443 if settings.CONG_PUBLIC_SCHEME == "https" else 80)
        site.site_name = portal.name
        site.save()


def create_portal(spec: PortalSpec, actor: str = "", decision: DecisionSpec | None = None) -> Portal:
    """Create a portal: registry row, schema (cloned), domains, Site and home page.

    A new portal waits as `requested` until the province board decides; given the board's
    `decision`, it is approved at once, through the same path (`approve_portal`).
    Everything happens in one transaction: a failure leaves no half-made portal behind.
    """
    if spec.status not in (Portal.Status.REQUESTED, Portal.Status.ACTIVE):
        raise ProvisioningError(_("Trạng thái “%(s)s” không hợp lệ.") % {"s": spec.status})
    if spec.status == Portal.Status.ACTIVE and decision is None:
        raise ProvisioningError(NEEDS_DECISION)
    spec.name = nfc(spec.name).strip()
    spec.name_en = nfc(spec.name_en).strip()
    started = time.perf_counter()
    with transaction.atomic():
        parent, domains = validate_spec(spec)
        if decision is not None:
            _validate_decision(decision)
        portal = Portal(
            schema_name=spec.code,
            code=spec.code,
            name=spec.name,
            name_en=spec.name_en,
            kind=spec.kind,
            parent=parent,
            status=Portal.Status.REQUESTED,
            contact_email=spec.contact_email,
            status_changed_at=timezone.now(),
        )
        portal.save()
        for index, host in enumerate(domains):
            Domain.objects.create(domain=host, tenant=portal, is_primary=index == 0)
        clone_template(portal.schema_name)
        customise_portal_schema(portal)
        PortalEvent.objects.create(
            portal=portal, action=PortalEvent.Action.REQUESTED, actor=actor, detail=", ".join(domains)
        )
        connection.set_schema_to_public()
        if decision is not None:
            approve_portal(portal, decision, actor)
    connection.set_schema_to_public()
    log.info("portal %s created in %.2fs", portal.code, time.perf_counter() - started)
    end_session_after_clone()
    return portal


def end_session_after_clone(conn=connection) -> None:
    """Close the database session that cloned a schema, unless a transaction still needs it.

    PostgreSQL keeps, per session, a cache of every catalog entry the session has touched, and
    a clone touches a few hundred. A session that creates portal after portal (a bulk import,
    `create_portal` in a loop, a worker) grows past 500 MB and each CREATE TABLE slows with it:
    from about 1 s to 20 s per portal past the 280th. A new session starts clean; Django opens
    it on the next query.
    """
    if not conn.in_atomic_block:
        conn.close()


# --- Lifecycle ------------------------------------------------------------------------------

# What `change_status` may do. From requested a portal becomes active only by the province
# board's decision (`approve_portal`), or is refused (`reject_portal`); a refusal is final
# (the unit applies again).
ALLOWED_TRANSITIONS: dict[str, set[str]] = {
    Portal.Status.REQUESTED: {Portal.Status.ARCHIVED},
    Portal.Status.ACTIVE: {Portal.Status.SUSPENDED, Portal.Status.ARCHIVED},
    Portal.Status.SUSPENDED: {Portal.Status.ACTIVE, Portal.Status.ARCHIVED},
    Portal.Status.ARCHIVED: {Portal.Status.ACTIVE},
    Portal.Status.REJECTED: set(),
}

NEEDS_DECISION = _(
    "Cổng chỉ được đưa vào hoạt động theo quyết định phê duyệt của Ban Biên tập Cổng tỉnh "
    "(số, ngày, người ký và tệp quyết định)."
)

EVENT_FOR_STATUS = {
    Portal.Status.ACTIVE: PortalEvent.Action.ACTIVATED,
    Portal.Status.SUSPENDED: PortalEvent.Action.SUSPENDED,
    Portal.Status.ARCHIVED: PortalEvent.Action.ARCHIVED,
}


def get_portal(code: str) -> Portal:
    portal = Portal.objects.exclude(kind=Portal.Kind.PLATFORM).filter(code=code).first()
    if portal is None:
        raise ProvisioningError(_("Không có cổng mã “%(code)s”.") % {"code": code})
    return portal


def change_status(
    portal: Portal, status: str, actor: str = "", reason: str = "", action: str | None = None
) -> Portal:
    """Move a portal to `status`, recording who did it and why."""
    if status == portal.status:
        raise ProvisioningError(
            _("Cổng “%(code)s” đã ở trạng thái “%(status)s”.")
            % {"code": portal.code, "status": portal.get_status_display()}
        )
    if portal.status == Portal.Status.REQUESTED and status == Portal.Status.ACTIVE:
        raise ProvisioningError(
            _("Cổng “%(code)s” đang chờ phê duyệt. ") % {"code": portal.code} + str(NEEDS_DECISION)
        )
    if status == Portal.Status.ACTIVE and not was_admitted(portal):
        raise ProvisioningError(
            _("Cổng “%(code)s” chưa từng được phê duyệt. ") % {"code": portal.code} + str(NEEDS_DECISION)
        )
    if status not in ALLOWED_TRANSITIONS.get(portal.status, set()):
        raise ProvisioningError(
            _("Không thể chuyển cổng “%(code)s” từ “%(old)s” sang “%(new)s”.")
            % {
                "code": portal.code,
                "old": portal.get_status_display(),
                "new": Portal.Status(status).label,
            }
        )
    if portal.is_province and status != Portal.Status.ACTIVE:
        if portal.members.filter(status=Portal.Status.ACTIVE).exists():
            log.warning("province portal %s leaves active while members are active", portal.code)
    with transaction.atomic():
        portal.status = status
        portal.status_changed_at = timezone.now()
        portal.save(update_fields=["status", "status_changed_at"])
        PortalEvent.objects.create(
            portal=portal, action=action or EVENT_FOR_STATUS[status], actor=actor, detail=reason
        )
    return portal


def was_admitted(portal: Portal) -> bool:
    """Whether the province board admitted the portal: its recorded decision, or, for
    portals created before decisions were recorded, their creation as active."""
    return portal.approval_id is not None or portal.events.filter(
        action__in=[PortalEvent.Action.CREATED, PortalEvent.Action.APPROVED]
    ).exists()


def decision_text(decision: BoardDecision) -> str:
    return _("Quyết định số %(number)s ngày %(date)s, người ký: %(signer)s") % {
        "number": decision.number, "date": decision.date.strftime("%d/%m/%Y"), "signer": decision.signer,
    }


def approve_portal(portal: Portal, decision: DecisionSpec | BoardDecision, actor: str = "") -> Portal:
    """The province board admits a requested portal into the system by its decision."""
    if portal.status != Portal.Status.REQUESTED:
        raise ProvisioningError(
            _("Chỉ phê duyệt được cổng đang chờ phê duyệt; cổng “%(code)s” đang “%(status)s”.")
            % {"code": portal.code, "status": portal.get_status_display()}
        )
    with transaction.atomic():
        if isinstance(decision, DecisionSpec):
            decision = record_decision(decision, actor)
        portal.approval = decision
        portal.status = Portal.Status.ACTIVE
        portal.status_changed_at = timezone.now()
        portal.save(update_fields=["approval", "status", "status_changed_at"])
        PortalEvent.objects.create(
            portal=portal, action=PortalEvent.Action.APPROVED, actor=actor, detail=decision_text(decision)
        )
    return portal


def reject_portal(portal: Portal, reason: str, actor: str = "") -> Portal:
    """The province board refuses a requested portal, saying why."""
    reason = nfc(reason).strip()
    if not reason:
        raise ProvisioningError(_("Hãy ghi lý do không phê duyệt."))
    if portal.status != Portal.Status.REQUESTED:
        raise ProvisioningError(
            _("Chỉ từ chối được cổng đang chờ phê duyệt; cổng “%(code)s” đang “%(status)s”.")
            % {"code": portal.code, "status": portal.get_status_display()}
        )
    with transaction.atomic():
        portal.status = Portal.Status.REJECTED
        portal.status_changed_at = timezone.now()
        portal.save(update_fields=["status", "status_changed_at"])
        PortalEvent.objects.create(
            portal=portal, action=PortalEvent.Action.REJECTED, actor=actor, detail=reason
        )
    return portal


def add_domain(portal: Portal, host: str, actor: str = "") -> Domain:
    """Add an extra domain (e.g. the unit's legacy domain) to a portal."""
    host = host.strip().lower()
    try:
        validate_hostname(host)
    except ValidationError as exc:
        raise ProvisioningError(_messages(exc)) from exc
    existing = Domain.objects.filter(domain=host).select_related("tenant").first()
    if existing is not None:
        raise ProvisioningError(
            _("Tên miền “%(host)s” đã thuộc cổng “%(code)s”.")
            % {"host": host, "code": existing.tenant.code}
        )
    with transaction.atomic():
        domain = Domain.objects.create(domain=host, tenant=portal, is_primary=False)
        PortalEvent.objects.create(
            portal=portal, action=PortalEvent.Action.DOMAIN_ADDED, actor=actor, detail=host
        )
    return domain


def ensure_platform_portal(console_domain: str | None = None) -> Portal:
    """The registry row of the public schema, so the console has a domain."""
    portal, _created = Portal.objects.get_or_create(
        schema_name=public_schema(),
        defaults={
            "code": PLATFORM_CODE,
            "name": "Quản trị hệ thống Cổng thông tin",
            "name_en": "Portal system administration",
            "kind": Portal.Kind.PLATFORM,
            "status": Portal.Status.ACTIVE,
        },
    )
    host = (console_domain or settings.CONG_CONSOLE_DOMAIN).lower()
    if not Domain.objects.filter(domain=host).exists():
        Domain.objects.create(domain=host, tenant=portal, is_primary=not portal.domains.exists())
    return portal


def portal_schemas() -> Iterable[str]:
    return (
        Portal.objects.exclude(schema_name=public_schema()).order_by("pk")
        .values_list("schema_name", flat=True)
    )
