"""What one can subscribe to, and which subscriptions an item published concerns.

A target is written `kind:key` in forms and links (`chuyen-muc:12`, `loai-van-ban:nghi-quyet`,
`co-quan:3`, `linh-vuc:5`): a listing section's index page (every page published below it),
a type or an issuer of legal documents, or a Q&A topic (its questions when answered in
public).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.db.models import QuerySet

from wagtail.models import Locale, Page

from core.listing import SectionIndexPage

from .models import Subscription

Kind = Subscription.Kind


@dataclass(frozen=True)
class Target:
    kind: str
    key: str
    label: str

    @property
    def value(self) -> str:
        return f"{self.kind}:{self.key}"


def _section_models() -> list[type[Page]]:
    """Index pages of listing sections whose items are child pages."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, SectionIndexPage) and model.allowed_subpage_models()
    ]


def section_pages(language_only: bool = True) -> QuerySet:
    pages = Page.objects.live().public().type(*_section_models())
    if language_only:
        pages = pages.filter(locale=Locale.get_active())
    return pages.order_by("path")


def _doc_types() -> list[Target]:
    from legaldocs.models import DocumentType

    return [Target(Kind.DOC_TYPE, value, str(label)) for value, label in DocumentType.choices]


def _issuers() -> list[Target]:
    from legaldocs.models import IssuingAuthority

    return [Target(Kind.ISSUER, str(i.pk), i.name) for i in IssuingAuthority.objects.all()]


def _topics() -> list[Target]:
    from participation.models import QuestionTopic

    return [Target(Kind.TOPIC, str(t.pk), t.name) for t in QuestionTopic.objects.all()]


def grouped_targets() -> list[tuple[str, list[Target]]]:
    """Every target of the portal, grouped as the form shows them."""
    groups = [
        (Kind.SECTION.label, [Target(Kind.SECTION, str(p.pk), p.title) for p in section_pages()]),
        (Kind.DOC_TYPE.label, _doc_types()),
        (Kind.ISSUER.label, _issuers()),
        (Kind.TOPIC.label, _topics()),
    ]
    return [(str(label), targets) for label, targets in groups if targets]


def find_target(value: str | None) -> Target | None:
    """The target `value` names, if this portal has it."""
    kind, _sep, key = (value or "").partition(":")
    if kind not in Kind.values or not key or len(key) > 64:
        return None
    if kind == Kind.DOC_TYPE:
        return next((t for t in _doc_types() if t.key == key), None)
    if not key.isdigit() or len(key) > 9:
        return None
    if kind == Kind.SECTION:
        page = section_pages(language_only=False).filter(pk=int(key)).first()
        return Target(kind, key, page.title) if page else None
    if kind == Kind.ISSUER:
        return next((t for t in _issuers() if t.key == key), None)
    return next((t for t in _topics() if t.key == key), None)


def label_of(kind: str, key: str) -> str:
    """What a subscription is to, in words (the target may have gone since)."""
    target = find_target(f"{kind}:{key}")
    return target.label if target else f"{Kind(kind).label} {key}"


def targets_of_page(page: Page) -> list[tuple[str, str]]:
    """The targets a published page concerns: each section above it, and for a legal
    document its type and issuer."""
    found = [(Kind.SECTION, str(pk)) for pk in page.get_ancestors().values_list("pk", flat=True)]
    from legaldocs.models import LegalDocumentPage

    specific = page.specific
    if isinstance(specific, LegalDocumentPage):
        found.append((Kind.DOC_TYPE, specific.doc_type))
        if specific.issuer_id:
            found.append((Kind.ISSUER, str(specific.issuer_id)))
    return found
