"""What a publication sets off: only a job, after the publish commits (the publish request
never matches subscriptions nor sends mail)."""

from __future__ import annotations

import logging

from django.db import connection, transaction

from tenants.current import is_portal_schema

from .models import Subscription

log = logging.getLogger(__name__)


def _enqueue(source: str, object_id: int) -> None:
    schema = connection.schema_name
    # Most portals have no subscriber: then nothing is queued at all.
    if not is_portal_schema(schema) or not Subscription.objects.filter(
        status=Subscription.Status.CONFIRMED
    ).exists():
        return

    def enqueue() -> None:
        from .tasks import record_publication

        try:
            record_publication.enqueue(schema, source, object_id)
        except Exception:  # a queue that is down loses one digest line, never the publish
            log.exception("could not queue the digest entries of %s %s in %s", source, object_id, schema)

    transaction.on_commit(enqueue)


def page_was_published(sender, instance, revision=None, **kwargs) -> None:
    from .models import DigestEntry

    _enqueue(DigestEntry.Source.PAGE, instance.pk)


def question_was_saved(sender, instance, created=False, **kwargs) -> None:
    from participation.models import Question

    from .models import DigestEntry

    if instance.status == Question.Status.PUBLISHED and instance.is_public and instance.topic_id:
        _enqueue(DigestEntry.Source.QUESTION, instance.pk)
