"""Units applying to join the system, and the province board deciding on them.

An application is only a record (with the unit's own decision forming its board) until the
board decides: approving it creates the portal, already active under the board's decision,
through `create_portal`; refusing it creates nothing. No schema is made for an application
that nobody has looked at, so the public form cannot be used to fill the database with
schemas. Every step is written to the registry's trail: on the platform's own row while no
portal exists, then on the new portal's.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.text import nfc
from tenants.current import public_schema
from tenants.models import Portal, PortalApplication, PortalEvent
from tenants.provisioning import (
    DecisionSpec,
    PortalSpec,
    ProvisioningError,
    create_portal,
    decision_text,
)

log = logging.getLogger(__name__)

# How many applications one address may send (counted in the database, so every worker
# and node agrees, and a restart forgets nothing).
LIMIT_PER_ADDRESS = 3
LIMIT_WINDOW = dt.timedelta(hours=24)


def platform_row() -> Portal:
    return Portal.objects.get(schema_name=public_schema())


def log_on_platform(action: str, actor: str, detail: str, ip: str | None = None) -> PortalEvent:
    return PortalEvent.objects.create(
        portal=platform_row(), action=action, actor=actor, detail=detail, ip_address=ip
    )


def over_limit(ip: str | None) -> bool:
    """Whether `ip` has sent as many applications as it may for now."""
    if not ip:
        return False
    since = timezone.now() - LIMIT_WINDOW
    sent = PortalApplication.objects.filter(ip_address=ip, submitted_at__gte=since).count()
    return sent >= LIMIT_PER_ADDRESS


def received(application: PortalApplication) -> None:
    log_on_platform(
        PortalEvent.Action.APPLICATION_RECEIVED,
        application.email,
        _("Đơn #%(id)s: %(name)s, mã đề nghị “%(code)s”, %(head)s (%(title)s)")
        % {"id": application.pk, "name": application.unit_name, "code": application.code,
           "head": application.head_name, "title": application.head_title},
        application.ip_address,
    )


def _notify(application: PortalApplication, subject: str, body: str) -> None:
    """Tell the unit, once the decision is committed; a mail server down loses no decision."""

    def send() -> None:
        try:
            send_mail(subject, body, None, [application.email])
        except Exception:  # noqa: BLE001 - the decision stands; the console shows it
            log.exception("could not notify application #%s", application.pk)

    transaction.on_commit(send)


def _pending(application: PortalApplication) -> None:
    if application.status != PortalApplication.Status.PENDING:
        raise ProvisioningError(
            _("Đơn #%(id)s đã được quyết định (%(status)s).")
            % {"id": application.pk, "status": application.get_status_display()}
        )


def approve_application(application: PortalApplication, decision: DecisionSpec, actor: str) -> Portal:
    """Create the unit's portal, active under the board's decision."""
    _pending(application)
    with transaction.atomic():
        portal = create_portal(
            PortalSpec(
                code=application.code,
                name=application.unit_name,
                name_en=application.unit_name_en,
                kind=application.kind,
                parent_code=application.parent.code if application.parent_id else None,
                domains=(application.domain,) if application.domain else (),
                contact_email=application.email,
            ),
            actor=actor,
            decision=decision,
        )
        application.status = PortalApplication.Status.APPROVED
        application.decided_by = actor
        application.decided_at = timezone.now()
        application.portal = portal
        application.save(update_fields=["status", "decided_by", "decided_at", "portal"])
        portal.refresh_from_db()
        log_on_platform(
            PortalEvent.Action.APPLICATION_APPROVED,
            actor,
            _("Đơn #%(id)s → cổng “%(code)s”. %(decision)s")
            % {"id": application.pk, "code": portal.code, "decision": decision_text(portal.approval)},
        )
        _notify(
            application,
            _("Cổng %(name)s đã được phê duyệt") % {"name": portal.name},
            _(
                "Ban Biên tập Cổng thông tin điện tử tỉnh đã phê duyệt đơn #%(id)s. %(decision)s.\n"
                "Cổng của đơn vị đã hoạt động tại %(url)s; trang quản trị: %(url)sadmin/."
            )
            % {"id": application.pk, "decision": decision_text(portal.approval), "url": portal.url()},
        )
    return portal


def reject_application(application: PortalApplication, reason: str, actor: str) -> None:
    _pending(application)
    reason = nfc(reason).strip()
    if not reason:
        raise ProvisioningError(_("Hãy ghi lý do không phê duyệt."))
    with transaction.atomic():
        application.status = PortalApplication.Status.REJECTED
        application.rejection_reason = reason
        application.decided_by = actor
        application.decided_at = timezone.now()
        application.save(update_fields=["status", "rejection_reason", "decided_by", "decided_at"])
        log_on_platform(
            PortalEvent.Action.APPLICATION_REJECTED,
            actor,
            _("Đơn #%(id)s (%(code)s): %(reason)s")
            % {"id": application.pk, "code": application.code, "reason": reason},
        )
        _notify(
            application,
            _("Đơn đăng ký #%(id)s chưa được phê duyệt") % {"id": application.pk},
            _(
                "Ban Biên tập Cổng thông tin điện tử tỉnh chưa phê duyệt đơn #%(id)s (%(name)s). "
                "Lý do: %(reason)s"
            )
            % {"id": application.pk, "name": application.unit_name, "reason": reason},
        )
