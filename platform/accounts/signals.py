"""Signal receivers: password bookkeeping, failed sign-ins and lockouts, the audit trail of
accounts and roles, and the editorial events of Wagtail (publishing and workflows).

Every receiver does nothing in the public schema (the control plane has no accounts
tables; platform accounts are audited by `tenants.PortalEvent`).
"""

from __future__ import annotations

import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.core.exceptions import PermissionDenied
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save
from django.dispatch import receiver
from django.utils import timezone

from wagtail.models import Page
from wagtail.signals import (
    page_published,
    page_unpublished,
    published,
    task_submitted,
    unpublished,
    workflow_approved,
    workflow_cancelled,
    workflow_rejected,
    workflow_submitted,
)

from accounts import lockout, names, security
from accounts.audit import Action, actor_name, client_ip, current_request, in_portal, record
from accounts.models import AccountPolicy, AccountState, PasswordHistory

User = get_user_model()

TRACKED_FIELDS = ("username", "first_name", "last_name", "email", "is_superuser", "is_active")


# --- Sign-in ------------------------------------------------------------------------------


@receiver(user_logged_in)
def on_logged_in(sender, request, user, **kwargs):
    if not in_portal():
        return
    # A platform account's earlier failures are counted under its own name, everywhere.
    lockout.forget_failures(security.signin_name(user))
    record(Action.LOGIN, actor=user.get_username(), target=user.get_username(), request=request)
    session = getattr(request, "session", None)
    if session is None:
        return
    session[security.LAST_SEEN] = time.time()
    if security.is_local_password_user(user) or security.is_mapped(user):
        if security.two_factor_state(user).totp_enabled:
            session[security.OTP_PENDING] = True


@receiver(user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs):
    if not in_portal():
        return
    username = credentials.get("username") or ""
    ip = client_ip(request)
    policy = AccountPolicy.current(request)
    locked_before = lockout.active_lockouts(username, ip)
    caused = lockout.register_failure(username, ip, policy)
    record(
        Action.LOGIN_FAILED,
        actor=username,
        target=username,
        detail="đăng nhập khi đang bị khoá" if locked_before else "",
        request=request,
    )
    for lock in caused:
        record(
            Action.LOCKOUT,
            actor=username,
            target=lock.key,
            detail=f"{lock.get_scope_display()}, đến {timezone.localtime(lock.locked_until):%H:%M %d/%m/%Y}",
            request=request,
        )


@receiver(user_logged_out)
def on_logged_out(sender, request, user, **kwargs):
    if not in_portal() or user is None or getattr(request, "_cong_idle_logout", False):
        return
    record(Action.LOGOUT, actor=user.get_username(), target=user.get_username(), request=request)


# --- Accounts -----------------------------------------------------------------------------


@receiver(pre_save, sender=User)
def remember_previous(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not in_portal():
        instance._cong_previous = None
        return
    if instance.pk is None:
        instance._cong_previous = None
    else:
        instance._cong_previous = (
            sender.objects.filter(pk=instance.pk).values(*TRACKED_FIELDS).first()
        )
    check_name(instance)


def check_name(instance) -> None:
    """The naming rules hold on every path that saves a user (scripts, shells, commands),
    not only in the admin's forms: a new name, or a changed one, must pass them. Only the
    platform-account backend creates "@…" accounts."""
    previous = getattr(instance, "_cong_previous", None) or {}
    if previous.get("username") == instance.username or getattr(instance, "_cong_platform_mapping", False):
        return
    problem = names.problem_with(instance.get_username(), exclude_pk=instance.pk)
    if problem is not None:
        raise problem


@receiver(post_save, sender=User)
def after_user_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    if raw or not in_portal():
        return
    # set_password() keeps the raw password until save(); hash upgrades on sign-in do not.
    # create_user() sets the hash directly.
    password_changed = getattr(instance, "_password", None) is not None or (
        created and bool(instance.password)
    )
    instance._cong_password_changed = password_changed
    if password_changed and instance.has_usable_password():
        PasswordHistory.objects.create(user=instance, password=instance.password)
        state = AccountState.for_user(instance)
        state.password_changed_at = timezone.now()
        state.must_change_password = False
        state.save(update_fields=["password_changed_at", "must_change_password"])
    mapped = instance.get_username().startswith("@")
    if created:
        record(Action.USER_CREATED, target=instance.get_username())
        return
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    request = current_request()
    by_self = request is not None and getattr(request, "user", None) == instance
    if password_changed:
        record(
            Action.PASSWORD_CHANGED,
            target=instance.get_username(),
            detail="" if by_self else "mật khẩu do người quản lý cấp",
        )
    previous = getattr(instance, "_cong_previous", None) or {}
    changes = [
        f"{field}: {previous[field]!r} → {getattr(instance, field)!r}"
        for field in TRACKED_FIELDS
        if field in previous and previous[field] != getattr(instance, field)
    ]
    if mapped:
        return  # reset from the platform role at every sign-in: MAPPED_LOGIN says it all
    if previous.get("is_active") is True and instance.is_active is False:
        record(Action.USER_DEACTIVATED, target=instance.get_username())
    elif previous.get("is_active") is False and instance.is_active is True:
        record(Action.USER_ACTIVATED, target=instance.get_username())
    elif changes:
        record(Action.USER_CHANGED, target=instance.get_username(), detail="; ".join(changes))


@receiver(m2m_changed, sender=User.groups.through)
def on_groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not in_portal() or action not in ("post_add", "post_remove", "pre_clear"):
        return
    verb = "thêm vào nhóm" if action == "post_add" else "rút khỏi nhóm"
    if reverse:  # group.user_set.add(...)
        names = list(User.objects.filter(pk__in=pk_set or ()).values_list("username", flat=True))
        pairs = [(name, instance.name) for name in names]
    else:
        if action == "pre_clear":
            groups = list(instance.groups.values_list("name", flat=True))
        else:
            groups = list(Group.objects.filter(pk__in=pk_set or ()).values_list("name", flat=True))
        pairs = [(instance.get_username(), group) for group in groups]
    for username, group in pairs:
        record(Action.ROLE_CHANGED, target=username, detail=f"{verb} “{group}”")


@receiver(pre_delete, sender=User)
def refuse_user_deletion(sender, instance, **kwargs):
    """Accounts are personal and their history is kept: nobody deletes a portal's user.

    Raised inside the deletion's transaction, so the refusal itself is audited by the
    admin views that refuse first (`views.users.DeleteView`, the bulk-action hook)."""
    if not in_portal():
        return
    raise PermissionDenied("Không được xoá tài khoản người dùng của cổng.")


@receiver(post_save, sender=AccountPolicy)
def on_policy_saved(sender, instance, created, raw=False, **kwargs):
    if raw or not in_portal() or current_request() is None:
        return
    record(
        Action.POLICY_CHANGED,
        target=str(sender._meta.verbose_name),
        detail=(
            f"đổi mật khẩu sau {instance.password_max_age_days} ngày; không dùng lại "
            f"{instance.password_history} mật khẩu; khoá sau {instance.lockout_threshold} lần sai "
            f"(IP: {instance.ip_lockout_threshold}) trong {instance.lockout_window_minutes} phút, "
            f"khoá {instance.lockout_minutes} phút; hết phiên sau {instance.idle_timeout_minutes} "
            f"phút; bắt buộc hai bước với người duyệt: "
            f"{'có' if instance.require_2fa_for_approvers else 'không'}"
        ),
    )


# --- Editorial events ---------------------------------------------------------------------


def _describe(obj) -> str:
    title = str(getattr(obj, "specific_deferred", obj))
    if getattr(obj, "pk", None) is not None:
        return f"{obj._meta.verbose_name} #{obj.pk}: {title}"[:255]
    return title[:255]


def _editor(user=None, revision=None) -> str | None:
    request = current_request()
    if request is not None and getattr(request, "user", None) is not None and request.user.is_authenticated:
        return actor_name(request.user)
    if user is not None:
        return actor_name(user)
    if revision is not None and revision.user_id:
        return actor_name(revision.user)
    return None


@receiver(page_published)
def on_page_published(sender, instance, revision=None, **kwargs):
    record(Action.PUBLISHED, actor=_editor(revision=revision), target=_describe(instance))


@receiver(page_unpublished)
def on_page_unpublished(sender, instance, **kwargs):
    record(Action.UNPUBLISHED, actor=_editor(), target=_describe(instance))


@receiver(published)
def on_object_published(sender, instance, revision=None, **kwargs):
    if isinstance(instance, Page):
        return  # also sent as page_published
    record(Action.PUBLISHED, actor=_editor(revision=revision), target=_describe(instance))


@receiver(unpublished)
def on_object_unpublished(sender, instance, **kwargs):
    if isinstance(instance, Page):
        return  # also sent as page_unpublished
    record(Action.UNPUBLISHED, actor=_editor(), target=_describe(instance))


def _workflow_target(workflow_state) -> str:
    try:
        return _describe(workflow_state.content_object)
    except Exception:  # noqa: BLE001 - a vanished object must not stop the workflow
        return f"workflow #{workflow_state.pk}"


@receiver(workflow_submitted)
def on_workflow_submitted(sender, instance, user=None, **kwargs):
    record(
        Action.SUBMITTED,
        actor=_editor(user),
        target=_workflow_target(instance),
        detail=f"quy trình “{instance.workflow.name}”",
    )


@receiver(task_submitted)
def on_task_submitted(sender, instance, user=None, **kwargs):
    # A later task of a multi-step workflow; the first one is recorded as SUBMITTED.
    workflow_state = instance.workflow_state
    if workflow_state.current_task_state_id == instance.pk and workflow_state.task_states.count() > 1:
        record(
            Action.SUBMITTED,
            actor=_editor(user),
            target=_workflow_target(workflow_state),
            detail=f"bước “{instance.task.name}”",
        )


@receiver(workflow_approved)
def on_workflow_approved(sender, instance, user=None, **kwargs):
    record(Action.APPROVED, actor=_editor(user), target=_workflow_target(instance),
           detail=f"quy trình “{instance.workflow.name}”")


@receiver(workflow_rejected)
def on_workflow_rejected(sender, instance, user=None, **kwargs):
    comment = ""
    task_state = instance.current_task_state
    if task_state is not None and task_state.comment:
        comment = f": {task_state.comment}"
    record(Action.REJECTED, actor=_editor(user), target=_workflow_target(instance),
           detail=f"quy trình “{instance.workflow.name}”{comment}")


@receiver(workflow_cancelled)
def on_workflow_cancelled(sender, instance, user=None, **kwargs):
    record(Action.WORKFLOW_CANCELLED, actor=_editor(user), target=_workflow_target(instance))
