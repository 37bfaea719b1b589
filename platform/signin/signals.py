"""Password bookkeeping of platform accounts (the control plane's users): each new
password is remembered (history, age), wherever it was set."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from signin.models import PlatformAccountState, PlatformPasswordHistory
from tenants.current import is_public

User = get_user_model()


@receiver(post_save, sender=User)
def remember_platform_password(sender, instance, created, raw=False, **kwargs):
    if raw or not is_public():
        return
    changed = getattr(instance, "_password", None) is not None or (created and bool(instance.password))
    if not changed or not instance.has_usable_password():
        return
    PlatformPasswordHistory.objects.create(user=instance, password=instance.password)
    state = PlatformAccountState.for_user(instance)
    state.password_changed_at = timezone.now()
    state.must_change_password = False
    state.save(update_fields=["password_changed_at", "must_change_password"])
