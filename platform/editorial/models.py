"""Per-portal editorial settings."""

from __future__ import annotations

from django import forms
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import GroupApprovalTask

from accounts import roles


def _grantable_groups() -> models.Q:
    return models.Q(name__in=[roles.CONTRIBUTOR, roles.EDITOR, roles.APPROVER])


@register_setting(icon="group")
class ProvinceBoardAccess(BaseSiteSetting):
    """What province board members may do in this member portal besides looking.

    By default they only look ("Giám sát của Cổng tỉnh"); the portal's board head may grant
    more here. The grant applies at their next sign-in and is in the portal's own hands:
    the province cannot give itself rights in a member portal.
    """

    extra_groups = models.ManyToManyField(
        Group,
        verbose_name=_("quyền bổ sung cho thành viên Ban Biên tập Cổng tỉnh"),
        blank=True,
        limit_choices_to=_grantable_groups,
        help_text=_(
            "Mặc định thành viên Ban Biên tập Cổng tỉnh chỉ được xem. Chọn vai trò để giao "
            "thêm quyền trên cổng này; có hiệu lực từ lần đăng nhập sau."
        ),
    )

    panels = [FieldPanel("extra_groups", widget=forms.CheckboxSelectMultiple)]

    class Meta:
        verbose_name = _("quyền của Ban Biên tập Cổng tỉnh")


def province_board_groups() -> list[str]:
    """The group names a province board member gets in the current member portal."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    names = [roles.PROVINCE_OVERSIGHT]
    if site is not None:
        access = ProvinceBoardAccess.for_site(site)
        names += list(access.extra_groups.filter(_grantable_groups()).values_list("name", flat=True))
    return names


class DecorativeImage(models.Model):
    """An image its editor declared decorative: pages give it an empty alt text.

    Any other image must have a description, which pages use as its alt text
    (`editorial.images`).
    """

    image = models.OneToOneField(
        "wagtailimages.Image", on_delete=models.CASCADE, primary_key=True,
        related_name="decorative_mark", verbose_name=_("ảnh"),
    )
    marked_at = models.DateTimeField(_("đánh dấu lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("ảnh trang trí")
        verbose_name_plural = _("ảnh trang trí")

    def __str__(self) -> str:
        return str(self.image)


class ApprovalForm(forms.Form):
    """Approving publishes to citizens: the approver ticks that they have read what goes live."""

    comment = forms.CharField(
        label=_("Ý kiến"), required=False, widget=forms.Textarea({"rows": 2})
    )
    confirmed = forms.BooleanField(
        label=_("Tôi đã đọc nội dung và đồng ý cho đăng công khai"),
        required=True,
        error_messages={"required": _("Hãy đánh dấu xác nhận trước khi duyệt.")},
    )


class BoardApprovalTask(GroupApprovalTask):
    """The board's approval task: Wagtail's group approval, except that approving always asks
    for confirmation (a dialog with the confirmation box) instead of a one-click "Approve".

    A proxy, so the task rows of every portal stay where they are; `ensure_board_workflow`
    points the board's task at it.
    """

    class Meta:
        proxy = True
        verbose_name = _("duyệt của Ban Biên tập")
        verbose_name_plural = _("duyệt của Ban Biên tập")

    def get_actions(self, obj, user) -> list[tuple[str, str, bool]]:
        if not (user.is_superuser or self._user_in_groups(user)):
            return []
        return [("reject", _("Yêu cầu sửa"), True), ("approve", _("Duyệt"), True)]

    def get_form_for_action(self, action: str) -> type[forms.Form]:
        return ApprovalForm if action == "approve" else super().get_form_for_action(action)

    def on_action(self, task_state, user, action_name: str, **kwargs):
        confirmed = kwargs.pop("confirmed", False)
        if action_name == "approve" and not confirmed:
            # Only a form that skipped the dialog gets here (e.g. a crafted editor POST).
            raise PermissionDenied(_("Duyệt cần được xác nhận."))
        return super().on_action(task_state, user, action_name, **kwargs)
