"""Background work (django-tasks; the immediate backend runs it in-process after commit)."""

from __future__ import annotations

from django_tasks import task
from django_tenants.utils import schema_context


@task()
def deliver_notification(schema_name: str, notification_id: int) -> bool:
    """Send one outbox e-mail of the portal in `schema_name`. Failures are recorded on the
    row (status, attempts, last_error), never raised."""
    from .models import Notification
    from .notify import deliver

    with schema_context(schema_name):
        notification = Notification.objects.filter(pk=notification_id).first()
        if notification is None:
            return False
        return deliver(notification)
