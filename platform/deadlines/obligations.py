"""Obligations from the province's documents (Lai Châu 43/2020 art. 12.1 c).

When the province portal publishes a legal document naming the member units it applies to
(kinds of portal — all departments, all communes — and/or chosen portals), each of those
portals gets an `Obligation` in its own schema: post or link the document within the
limit for agencies it applies to (8 working days in Lai Châu, 10 in Kiên Giang). The member
fulfils it with one click (`fulfil`: the page is created in its documents section, the
metadata and files copied, with a link back to the province's page) or records that it
does not apply (`decline`: who, when, why).
"""

from __future__ import annotations

from dataclasses import dataclass

from django_tenants.utils import schema_context

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Page

from tenants.current import current_portal
from tenants.models import Portal
from workdays.models import calendar_for_schema

from . import rules
from .clocks import due_date
from .models import Obligation


def applying_portals(document) -> list[Portal]:
    """The active member portals a province document applies to."""
    kinds = set(document.applies_to_kinds or ())
    codes = set(document.applies_to_portals or ())
    if not kinds and not codes:
        return []
    members = Portal.objects.filter(status=Portal.Status.ACTIVE).exclude(
        kind__in=[Portal.Kind.PROVINCE, Portal.Kind.PLATFORM]
    )
    return [p for p in members.order_by("code") if p.kind in kinds or p.code in codes]


def register_obligations(page: Page) -> int:
    """Called when a page is published in a portal: if it is a legal document of the
    province naming applying units, register (or refresh) their obligations. Returns how
    many portals it applies to."""
    from legaldocs.models import LegalDocumentPage

    if not isinstance(page, LegalDocumentPage) or not page.live or page.is_draft:
        return 0
    province = current_portal()
    if province is None or not province.is_province or page.issue_date is None:
        return 0
    targets = applying_portals(page)
    source_url = page.get_full_url() or ""
    for member in targets:
        with schema_context(member.schema_name):
            limit = rules.limits_for(member.schema_name)[rules.LEGAL_APPLYING]
            due = due_date(page.issue_date, limit, calendar_for_schema(member.schema_name))
            values = {
                "source_portal_name": province.name, "source_url": source_url,
                "title": page.title, "number": page.number, "issue_date": page.issue_date,
                "due_date": due,
            }
            obligation = Obligation.objects.filter(
                source_schema=province.schema_name, source_page_id=page.pk
            ).first()
            if obligation is None:
                Obligation.objects.create(
                    source_schema=province.schema_name, source_page_id=page.pk, **values
                )
            else:
                for name, value in values.items():
                    setattr(obligation, name, value)
                obligation.save()
    return len(targets)


# --- Fulfilling -----------------------------------------------------------------------------


@dataclass
class _SourceFile:
    title: str
    name: str
    content: bytes
    label: str


def _read_source(obligation: Obligation) -> tuple[dict, list[_SourceFile]]:
    """The province document's data and files, read in the province's schema."""
    from legaldocs.models import LegalDocumentPage

    with schema_context(obligation.source_schema):
        source = LegalDocumentPage.objects.filter(pk=obligation.source_page_id).select_related(
            "issuer", "legal_field"
        ).first()
        if source is None:
            raise ValidationError(_("Cổng tỉnh không còn văn bản này."))
        data = {
            "title": source.title, "doc_type": source.doc_type, "number": source.number,
            "summary": source.summary, "issue_date": source.issue_date,
            "effective_date": source.effective_date, "expiry_date": source.expiry_date,
            "signer": source.signer, "signer_title": source.signer_title, "body": source.body,
            "issuer": (source.issuer.name, source.issuer.short_name) if source.issuer else None,
            "legal_field": source.legal_field.name if source.legal_field else None,
        }
        files = []
        for attachment in source.attachments.select_related("document"):
            document = attachment.document
            with document.file.open("rb") as handle:
                content = handle.read()
            files.append(_SourceFile(
                document.title, document.file.name.rsplit("/", 1)[-1], content, attachment.label
            ))
    return data, files


@transaction.atomic
def fulfil(obligation: Obligation, user) -> Page:
    """Create the document's page in this portal's documents section (published when the
    user may publish, else a draft to submit), and mark the obligation done."""
    from wagtail.documents import get_document_model

    from legaldocs.models import (
        IssuingAuthority,
        LegalDocumentAttachment,
        LegalDocumentIndexPage,
        LegalDocumentPage,
        LegalField,
    )

    if obligation.status != Obligation.Status.OPEN:
        raise ValidationError(_("Văn bản này đã được xử lý."))
    index = LegalDocumentIndexPage.objects.filter(depth=3).first()
    if index is None:
        raise ValidationError(_("Cổng chưa có chuyên mục Văn bản."))
    data, files = _read_source(obligation)
    issuer = None
    issuer_data = data.pop("issuer")
    if issuer_data:
        issuer = IssuingAuthority.objects.get_or_create(
            name=issuer_data[0], defaults={"short_name": issuer_data[1]}
        )[0]
    field_name = data.pop("legal_field")
    legal_field = LegalField.objects.get_or_create(name=field_name)[0] if field_name else None
    page = LegalDocumentPage(
        **data, issuer=issuer, legal_field=legal_field, source_url=obligation.source_url,
        live=False, owner=user,
    )
    index.add_child(instance=page)
    Document = get_document_model()
    for order, source_file in enumerate(files):
        document = Document(title=source_file.title, uploaded_by_user=user)
        document.file.save(source_file.name, ContentFile(source_file.content), save=False)
        document.save()
        LegalDocumentAttachment.objects.create(
            page=page, document=document, label=source_file.label, sort_order=order
        )
    revision = page.save_revision(user=user)
    if page.permissions_for_user(user).can_publish():
        revision.publish(user=user)
    obligation.status = Obligation.Status.DONE
    obligation.page = page
    obligation.decided_by = user.get_username()
    obligation.decided_at = timezone.now()
    obligation.save()
    return page


def decline(obligation: Obligation, user, reason: str) -> None:
    """Record that the document does not apply to this unit: who, when and why."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Hãy ghi lý do văn bản không áp dụng cho đơn vị."))
    if obligation.status != Obligation.Status.OPEN:
        raise ValidationError(_("Văn bản này đã được xử lý."))
    obligation.status = Obligation.Status.NOT_APPLICABLE
    obligation.reason = reason
    obligation.decided_by = user.get_username()
    obligation.decided_at = timezone.now()
    obligation.save()
