"""The subscribers' mails, through participation's outbox (a row per mail, delivered by a
job after commit, retried by `retry_notifications`), each with its one-click unsubscribe
link and the List-Unsubscribe headers (RFC 2369, RFC 8058)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from wagtail.models import Site

from participation.models import Notification
from participation.notify import queue_message

from .models import DigestEntry, Subscription


def _root_url() -> str:
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else ""


def _portal_name() -> str:
    site = Site.objects.filter(is_default_site=True).first()
    return site.site_name if site else ""


def absolute_url(name: str, subscription: Subscription) -> str:
    """A link of the subscription, in the language it was made in (/en/… for English)."""
    with translation.override(subscription.language):
        return _root_url() + reverse(name, args=(subscription.link_token,))


def list_headers(subscription: Subscription) -> dict[str, str]:
    return {
        "List-Unsubscribe": f"<{absolute_url('subscriptions:unsubscribe', subscription)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _queue(subscription: Subscription, template: str, context: dict) -> Notification:
    from .targets import label_of

    with translation.override(subscription.language):
        rendered = render_to_string(
            f"subscriptions/email/{template}.txt",
            {
                "portal_name": _portal_name(),
                "target": label_of(subscription.kind, subscription.target),
                "unsubscribe_url": absolute_url("subscriptions:unsubscribe", subscription),
                **context,
            },
        ).strip()
    subject, _sep, body = rendered.partition("\n")
    return queue_message(
        subscription.email,
        subject,
        body,
        purpose=Notification.Purpose.SUBSCRIPTION,
        headers=list_headers(subscription),
    )


def queue_confirmation(subscription: Subscription) -> Notification:
    return _queue(
        subscription, "confirm", {"confirm_url": absolute_url("subscriptions:confirm", subscription)}
    )


def queue_digest(subscription: Subscription, entries: list[DigestEntry]) -> Notification:
    return _queue(subscription, "digest", {"entries": entries})
