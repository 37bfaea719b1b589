"""One reminder e-mail a day per person, listing everything that needs them.

Sent on working days to the portal's board (approvers and the board head) and its focal
point (`DeadlineSettings.focal_point`): items due in exactly N working days (the portal's
`remind_days_before`) or today, items overdue, stale sections. A day with none of these
sends nothing. Each person's digest is recorded (`ReminderDigest`), so running the job
again the same day sends nothing new; a digest that failed is tried again.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from accounts.permissions import BOARD_GROUPS
from tenants.current import current_portal
from workdays.models import calendar_for_schema

from .models import DeadlineSettings, ReminderDigest
from .queues import queues


def recipients(portal_settings: DeadlineSettings) -> list:
    """The board and the focal point: active accounts of this portal with an e-mail address
    (mapped platform accounts, "@…", are reminded in their own portal)."""
    User = get_user_model()
    users = (
        User.objects.filter(is_active=True)
        .filter(Q(groups__name__in=BOARD_GROUPS) | Q(pk=portal_settings.focal_point_id))
        .exclude(email="").exclude(username__startswith="@").distinct().order_by("pk")
    )
    return list(users)


def digest_items(today: dt.date, remind_days: int):
    """The day's queues, keeping only what a reminder is for: due in exactly
    `remind_days` working days or today, overdue, stale."""
    calendar = calendar_for_schema()
    found = queues(remind_days, today, calendar)
    found.due_soon = [e for e in found.due_soon if e.days_left in (0, remind_days)]
    return found


def send_digests(today: dt.date | None = None) -> int:
    """Send today's digests in the current portal. Returns how many were sent now."""
    today = today or timezone.localdate()
    portal = current_portal()
    if portal is None or not calendar_for_schema().is_working_day(today):
        return 0
    portal_settings = DeadlineSettings.current()
    if not portal_settings.reminders_enabled:
        return 0
    items = digest_items(today, portal_settings.remind_days_before)
    if not items:
        return 0
    context = {"portal": portal, "items": items, "today": today, "admin_url": portal.url("/admin/")}
    rendered = render_to_string("deadlines/email/digest.txt", context).strip()
    subject, _sep, body = rendered.partition("\n")
    sent = 0
    for user in recipients(portal_settings):
        digest, _created = ReminderDigest.objects.get_or_create(
            user=user, day=today, defaults={"email": user.email, "item_count": items.count}
        )
        if digest.sent:
            continue
        try:
            EmailMessage(
                subject=subject.strip(), body=body.strip(), from_email=settings.DEFAULT_FROM_EMAIL,
                to=[user.email],
            ).send(fail_silently=False)
        except Exception as exc:  # recorded on the row; the next run tries again
            digest.error = f"{type(exc).__name__}: {exc}"[:2000]
            digest.save(update_fields=["error", "at"])
            continue
        digest.sent, digest.error, digest.item_count = True, "", items.count
        digest.save(update_fields=["sent", "error", "item_count", "at"])
        sent += 1
    return sent
