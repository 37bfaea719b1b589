"""A subscriber's address as personal data: found, exported and erased by the address."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from participation.models import Notification

from .models import Subscription, normalise_email
from .targets import label_of


def find(email: str):
    return Subscription.objects.filter(email__iexact=normalise_email(email)).order_by("created_at", "pk")


def rows(email: str) -> list[dict]:
    """Everything kept about the address: its subscriptions, and the mails sent to it."""
    found = [
        {
            "loai": "dang_ky_nhan_tin",
            "email": s.email,
            "muc": label_of(s.kind, s.target),
            "loai_muc": s.get_kind_display(),
            "ngon_ngu": s.language,
            "trang_thai": s.get_status_display(),
            "thoi_diem_dang_ky": timezone.localtime(s.created_at).isoformat(),
            "thoi_diem_xac_nhan": timezone.localtime(s.confirmed_at).isoformat() if s.confirmed_at else "",
            "lan_gui_gan_nhat": timezone.localtime(s.last_sent_at).isoformat() if s.last_sent_at else "",
        }
        for s in find(email)
    ]
    mails = Notification.objects.filter(
        purpose=Notification.Purpose.SUBSCRIPTION, to_email__iexact=normalise_email(email)
    ).order_by("created_at")
    found += [
        {
            "loai": "thu_da_gui",
            "email": n.to_email,
            "muc": n.subject,
            "trang_thai": n.get_status_display(),
            "thoi_diem_dang_ky": timezone.localtime(n.created_at).isoformat(),
        }
        for n in mails
    ]
    return found


def erase(email: str) -> int:
    """Delete every subscription of the address and the subscription mails kept for it;
    returns how many subscriptions there were."""
    email = normalise_email(email)
    with transaction.atomic():
        subscriptions = Subscription.objects.filter(email__iexact=email)
        count = subscriptions.count()
        subscriptions.delete()
        Notification.objects.filter(
            purpose=Notification.Purpose.SUBSCRIPTION, to_email__iexact=email
        ).delete()
    return count
