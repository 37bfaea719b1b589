"""Per-portal editorial settings."""

from __future__ import annotations

from django import forms
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

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
