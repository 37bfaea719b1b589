"""E-mail to citizens through an outbox (participation.Notification).

`queue_email` writes the row inside the caller's transaction and hands delivery to a task
only once that transaction commits: the submission is safe in the database before any mail
server is contacted, and a failed delivery is recorded on the row, never raised.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from .models import Notification, Question

log = logging.getLogger(__name__)

# Attempts within one delivery run; `retry_notifications` runs again later.
ATTEMPTS_PER_RUN = 3


def queue_email(
    to: str, template: str, context: dict, question: Question | None = None
) -> Notification | None:
    """Record an e-mail rendered from participation/email/<template>.txt and send it after
    the current transaction commits. Returns None when there is nobody to write to."""
    if not to:
        return None
    rendered = render_to_string(f"participation/email/{template}.txt", context).strip()
    subject, _sep, body = rendered.partition("\n")
    return queue_message(to, subject, body, question=question)


def queue_message(
    to: str,
    subject: str,
    body: str,
    *,
    question: Question | None = None,
    purpose: str = Notification.Purpose.QUESTION,
    headers: dict[str, str] | None = None,
) -> Notification:
    """Record an e-mail already written and send it after the current transaction commits
    (the subscriptions' mails come this way, with their List-Unsubscribe headers)."""
    notification = Notification.objects.create(
        question=question,
        purpose=purpose,
        to_email=to,
        subject=subject.strip()[:255],
        body=body.strip(),
        headers=headers or {},
    )
    schema = connection.schema_name
    transaction.on_commit(lambda: enqueue_delivery(schema, notification.pk))
    return notification


def enqueue_delivery(schema_name: str, notification_id: int) -> None:
    from .tasks import deliver_notification

    try:
        deliver_notification.enqueue(schema_name, notification_id)
    except Exception:  # a task backend that is down leaves the row pending for the retry command
        log.exception("could not enqueue notification %s in %s", notification_id, schema_name)


def deliver(notification: Notification, attempts: int = ATTEMPTS_PER_RUN) -> bool:
    """Try to send `notification`; record the outcome on the row. Never raises."""
    if notification.status == Notification.Status.SENT:
        return True
    for _attempt in range(max(1, attempts)):
        notification.attempts += 1
        notification.last_attempt_at = timezone.now()
        try:
            EmailMessage(
                subject=notification.subject,
                body=notification.body,
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[notification.to_email],
                headers=notification.headers or None,
            ).send(fail_silently=False)
        except Exception as exc:  # any mail-server or backend failure is recorded, not raised
            notification.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            continue
        notification.status = Notification.Status.SENT
        notification.sent_at = timezone.now()
        notification.last_error = ""
        if notification.purpose == Notification.Purpose.SUBSCRIPTION:
            # Its body and headers carry the subscriber's own links: once delivered, they are
            # not kept (the row keeps who, what subject, when).
            notification.body, notification.headers = "", {}
        break
    else:
        notification.status = Notification.Status.FAILED
        log.warning(
            "notification %s to %s failed: %s",
            notification.pk,
            notification.to_email,
            notification.last_error,
        )
    try:
        notification.save(
            update_fields=[
                "attempts", "last_attempt_at", "last_error", "status", "sent_at", "body", "headers",
            ]
        )
    except Exception:
        log.exception("could not record the outcome of notification %s", notification.pk)
    return notification.status == Notification.Status.SENT


def portal_context() -> dict:
    """What every e-mail names: the portal, and the Q&A section's address."""
    from wagtail.models import Site

    from .models import QuestionIndexPage

    site = Site.objects.filter(is_default_site=True).first()
    index = QuestionIndexPage.objects.live().first()
    return {
        "portal_name": site.site_name if site else "",
        "qa_url": index.get_full_url() if index else "",
    }
