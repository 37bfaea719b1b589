"""Digests: what was published for each subscription since its last mail, in one mail."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from wagtail.models import Page

from .mail import queue_digest
from .models import DigestEntry, Subscription
from .targets import targets_of_page

# Unconfirmed subscriptions are removed after this (the nightly prune).
PENDING_DAYS = 7
# Entries already mailed are kept this long, so an item republished soon after is not sent
# again.
KEEP_SENT_DAYS = 90


def _item(source: str, object_id: int) -> tuple[list[tuple[str, str]], str, str, dt.datetime] | None:
    """The targets, title, address and date of a published item; None if it is not public."""
    if source == DigestEntry.Source.PAGE:
        page = Page.objects.live().public().filter(pk=object_id).first()
        if page is None:
            return None
        published = page.last_published_at or timezone.now()
        return targets_of_page(page), page.title, page.full_url or "", published
    from participation.models import Question, QuestionIndexPage

    question = Question.objects.published().filter(pk=object_id).first()
    index = QuestionIndexPage.objects.live().public().first()
    if question is None or index is None or not question.topic_id:
        return None
    url = f"{index.get_full_url()}{question.pk}/"
    published = question.published_at or timezone.now()
    return [(Subscription.Kind.TOPIC, str(question.topic_id))], question.display_title, url, published


def record(source: str, object_id: int) -> int:
    """Add a published item to the next digest of each confirmed subscription it concerns
    (once per subscription, however often it is republished)."""
    item = _item(source, object_id)
    if item is None:
        return 0
    targets, title, url, published_at = item
    match = Q(pk__in=[])
    for kind, key in targets:
        match |= Q(kind=kind, target=key)
    count = 0
    for subscription in Subscription.objects.filter(match, status=Subscription.Status.CONFIRMED):
        _entry, created = DigestEntry.objects.get_or_create(
            subscription=subscription,
            source=source,
            object_id=object_id,
            defaults={"title": title[:255], "url": url[:500], "published_at": published_at},
        )
        count += created
    return count


def send_digests(now: dt.datetime | None = None) -> int:
    """One mail per confirmed subscription with unsent entries; returns how many mails."""
    now = now or timezone.now()
    waiting = (
        Subscription.objects.filter(status=Subscription.Status.CONFIRMED, entries__sent_at__isnull=True)
        .distinct()
        .values_list("pk", flat=True)
    )
    sent = 0
    for pk in list(waiting):
        with transaction.atomic():
            subscription = Subscription.objects.select_for_update().filter(pk=pk).first()
            if subscription is None or subscription.status != Subscription.Status.CONFIRMED:
                continue
            entries = list(subscription.entries.filter(sent_at__isnull=True))
            if not entries:
                continue
            queue_digest(subscription, entries)
            DigestEntry.objects.filter(pk__in=[e.pk for e in entries]).update(sent_at=now)
            subscription.last_sent_at = now
            subscription.save(update_fields=["last_sent_at"])
            sent += 1
    return sent


def prune(now: dt.datetime | None = None) -> tuple[int, int]:
    """Remove subscriptions never confirmed within PENDING_DAYS and entries mailed long
    ago; returns (subscriptions, entries) removed."""
    now = now or timezone.now()
    pending, _detail = Subscription.objects.filter(
        status=Subscription.Status.PENDING, created_at__lt=now - dt.timedelta(days=PENDING_DAYS)
    ).delete()
    old = now - dt.timedelta(days=KEEP_SENT_DAYS)
    entries, _detail = DigestEntry.objects.filter(sent_at__lt=old).delete()
    return pending, entries
