from __future__ import annotations

from django import template
from django.db.models import F

register = template.Library()


@register.simple_tag
def latest_documents(count: int = 5) -> list:
    """The portal's most recently issued documents (drafts excluded), for the home page."""
    from legaldocs.models import LegalDocumentPage

    return list(
        LegalDocumentPage.objects.live().public().filter(is_draft=False)
        .select_related("issuer")
        .order_by(F("issue_date").desc(nulls_last=True), "-pk")[:count]
    )


@register.simple_tag
def open_drafts(count: int = 5) -> list:
    """Draft documents currently open for comment."""
    from django.utils import timezone

    from legaldocs.models import LegalDocumentPage

    today = timezone.localdate()
    return list(
        LegalDocumentPage.objects.live().public()
        .filter(is_draft=True, comment_start__lte=today, comment_end__gte=today)
        .order_by("comment_end")[:count]
    )
