"""Subscriptions: a subscription (confirmed unless told) and a digest entry."""

from __future__ import annotations

import factory

from django.utils import timezone

from subscriptions.models import DigestEntry, Subscription
from tests.support.factories import ModelFactory


class SubscriptionFactory(ModelFactory):
    email = factory.Sequence(lambda n: f"nguoinhan{n}@example.vn")
    kind = Subscription.Kind.DOC_TYPE
    target = "nghi-quyet"
    status = Subscription.Status.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Subscription


class DigestEntryFactory(ModelFactory):
    subscription = factory.SubFactory(SubscriptionFactory)
    source = DigestEntry.Source.PAGE
    object_id = factory.Sequence(lambda n: 100000 + n)
    title = factory.Sequence(lambda n: f"Tin chờ gửi {n}")
    url = "http://example.vn/tin/"
    published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = DigestEntry
