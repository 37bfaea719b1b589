"""Background work of citizen participation: e-mail delivery through the job queue."""

from __future__ import annotations

from django_tenants.utils import schema_context

from tenants.jobs import is_queued_in_database, portal_job


class DeliveryFailed(Exception):
    """The mail server refused or could not be reached: the job is tried again later."""


@portal_job(max_attempts=5, backoff=60, max_backoff=3600)
def deliver_notification(schema_name: str, notification_id: int) -> bool:
    """Send one outbox e-mail of the portal in `schema_name`; the outcome is recorded on the
    row (status, attempts, last_error).

    From the job queue one attempt is made per run and a failure raises, so the queue tries
    again with a growing delay and finally shows the job as failed; run at once (no queue),
    the attempts are made now and a failure is only recorded.
    """
    from .models import Notification
    from .notify import ATTEMPTS_PER_RUN, deliver

    queued = is_queued_in_database(deliver_notification)
    with schema_context(schema_name):
        notification = Notification.objects.filter(pk=notification_id).first()
        if notification is None:
            return False
        if deliver(notification, attempts=1 if queued else ATTEMPTS_PER_RUN):
            return True
        if queued:
            raise DeliveryFailed(notification.last_error)
        return False
