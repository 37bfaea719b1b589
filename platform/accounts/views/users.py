"""Wagtail's user management, with the regulation's rules: accounts are personal, so nobody
deletes an account; a user created or given a new password by the board head must change
it at first sign-in; only superusers grant superuser rights or touch superusers; mapped
platform accounts are managed by the platform, not here."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from wagtail.users.views import users as wagtail_users

from accounts.audit import Action, record
from accounts.forms import UserCreationForm, UserEditForm
from accounts.models import AccountState

User = get_user_model()


def _limit_form(form, request_user) -> None:
    if not request_user.is_superuser:
        form.fields.pop("is_superuser", None)


def _issued_password(user) -> None:
    """The password was chosen by someone else: the owner must replace it."""
    if user.has_usable_password():
        state = AccountState.for_user(user)
        state.must_change_password = True
        state.save(update_fields=["must_change_password"])


class IndexView(wagtail_users.IndexView):
    def get_delete_url(self, instance):
        return None


class CreateView(wagtail_users.CreateView):
    template_name = "accounts/users/create.html"

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        _limit_form(form, self.request.user)
        return form

    def save_instance(self):
        instance = super().save_instance()
        _issued_password(instance)
        return instance


class EditView(wagtail_users.EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.can_delete = False

    def get_delete_url(self):
        return None

    def dispatch(self, request, *args, **kwargs):
        target = self.object
        if not self.editing_self:
            mapped = target.get_username().startswith("@")
            if mapped or (target.is_superuser and not request.user.is_superuser):
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        _limit_form(form, self.request.user)
        return form

    def save_instance(self):
        instance = super().save_instance()
        if not self.editing_self and "password1" in self.form.changed_data:
            _issued_password(instance)
        return instance


class DeleteView(wagtail_users.DeleteView):
    """Refused for everyone, superusers included."""

    def dispatch(self, request, *args, **kwargs):
        target = User._default_manager.filter(pk=kwargs.get("pk")).first()
        record(
            Action.USER_DELETE_REFUSED,
            target=target.get_username() if target else str(kwargs.get("pk")),
            detail=_("xoá qua trang quản trị"),
        )
        raise PermissionDenied


class UserViewSet(wagtail_users.UserViewSet):
    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView

    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm

