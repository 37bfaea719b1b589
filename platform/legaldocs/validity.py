"""A document's validity follows its dates and the documents that change it, every day.

- not yet in force before its effective date (a draft for comments never is);
- no longer in force from its expiry date, or once a live document replacing or repealing
  it is in force;
- partly expired once a live document amending it is in force (what the national legal
  database shows for an amended document);
- in force otherwise.

The board may keep a status by hand (`validity_locked`): the daily job then leaves it alone.
Every change, automatic or by hand, is logged (`ValidityChange`). The daily job writes the
status straight to the page's row and reindexes it, so the public page, the documents
filter and the search facet show it the same day, without anyone editing the page.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from search.indexing import index_page

from .models import (
    LegalDocumentPage,
    LegalDocumentRelation,
    RelationKind,
    ValidityChange,
    ValidityStatus,
)

ENDING = (RelationKind.REPLACES, RelationKind.REPEALS)


def computed_status(document: LegalDocumentPage, today: dt.date | None = None) -> tuple[str, str]:
    """(status, reason) from the document's dates and the live documents acting on it."""
    today = today or timezone.localdate()
    if document.is_draft:
        return ValidityStatus.NOT_YET, ValidityChange.Reason.DATES
    if document.effective_date and today < document.effective_date:
        return ValidityStatus.NOT_YET, ValidityChange.Reason.DATES
    if document.expiry_date and today >= document.expiry_date:
        return ValidityStatus.EXPIRED, ValidityChange.Reason.DATES
    if document.pk:
        kinds = set()
        incoming = LegalDocumentRelation.objects.filter(
            target_id=document.pk, page__live=True, kind__in=[*ENDING, RelationKind.AMENDS]
        ).values_list("kind", "page__effective_date", "page__issue_date")
        for kind, effective, issued in incoming:
            start = effective or issued
            if start is None or start <= today:
                kinds.add(kind)
        if kinds & set(ENDING):
            return ValidityStatus.EXPIRED, ValidityChange.Reason.RELATIONS
        if RelationKind.AMENDS in kinds:
            return ValidityStatus.PARTLY_EXPIRED, ValidityChange.Reason.RELATIONS
    return ValidityStatus.IN_FORCE, ValidityChange.Reason.DATES


def _actor() -> str:
    from accounts.audit import actor_name, current_request

    request = current_request()
    return actor_name(request.user) if request is not None else ""


def status_on_save(document: LegalDocumentPage) -> None:
    """Before a document's row is written: the status follows the dates unless the board
    keeps it; a change is logged once the row exists."""
    if not document.validity_locked:
        document.status = computed_status(document)[0]
    if not document.pk or not document.live:
        return
    before = LegalDocumentPage.objects.filter(pk=document.pk).values_list("status", flat=True).first()
    if before is not None and before != document.status:
        reason = (
            ValidityChange.Reason.MANUAL if document.validity_locked
            else computed_status(document)[1]
        )
        ValidityChange.objects.create(
            page_id=document.pk, old_status=before, new_status=document.status, reason=reason,
            actor=_actor(),
        )


def refresh(document: LegalDocumentPage, today: dt.date | None = None, actor: str = "") -> bool:
    """Bring one live document's stored status up to date. Returns True when it changed."""
    if document.validity_locked or not document.live:
        return False
    status, reason = computed_status(document, today)
    if status == document.status:
        return False
    ValidityChange.objects.create(
        page=document, old_status=document.status, new_status=status, reason=reason, actor=actor,
    )
    LegalDocumentPage.objects.filter(pk=document.pk).update(status=status)
    document.status = status
    index_page(document)
    return True


def update_validity(today: dt.date | None = None) -> int:
    """The daily pass over the current portal's documents. Returns how many changed."""
    changed = 0
    for document in LegalDocumentPage.objects.live().filter(validity_locked=False).iterator():
        changed += refresh(document, today, actor="run_daily")
    return changed
