from __future__ import annotations

from django.contrib import messages
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from compliance.completeness import current_portal_kind

from . import views
from .required import english_locale, is_required
from .status import State, page_status


@hooks.register("register_admin_urls")
def language_urls():
    return [
        path("ban-tieng-anh/", views.report, name="languages_report"),
        path("ban-tieng-anh/<int:page_id>/dich/", views.start, name="languages_start"),
        path("ban-tieng-anh/<int:page_id>/dong-bo/", views.sync, name="languages_sync"),
        path("ban-tieng-anh/<int:page_id>/gui-duyet/", views.submit, name="languages_submit"),
    ]


class PortalMenuItem(MenuItem):
    def is_shown(self, request):
        return current_portal_kind() is not None


@hooks.register("register_reports_menu_item")
def report_menu_item():
    return PortalMenuItem(_("Bản tiếng Anh"), reverse("languages_report"), icon_name="globe", order=900)


@hooks.register("register_page_listing_more_buttons")
def submit_english_button(page, user, next_url=None):
    """“Gửi duyệt bản tiếng Anh” on an English page whose draft is not yet with the board."""
    if page.locale.language_code != "en" or page.workflow_in_progress:
        return []
    if not page.has_unpublished_changes or not page.permissions_for_user(user).can_edit():
        return []
    return [
        Button(
            _("Gửi duyệt bản tiếng Anh"),
            reverse("languages_report") + f"#trang-{page.pk}",
            icon_name="tick",
            priority=5,
        )
    ]


@hooks.register("after_publish_page")
def warn_english_out_of_date(request, page):
    """Publishing a required Vietnamese page leaves its English behind: say so at once."""
    if page.locale.language_code == "en" or current_portal_kind() is None:
        return
    if not is_required(page):
        return
    status = page_status(page, english_locale())
    if status.state in (State.OUT_OF_DATE, State.MISSING):
        messages.warning(
            request,
            format_html(
                "{} <a href=\"{}\">{}</a>",
                _(
                    "Luật yêu cầu trang này có bản tiếng Anh, và bản tiếng Anh chưa theo kịp "
                    "nội dung vừa xuất bản."
                ),
                reverse("languages_report") + f"?trang-thai={status.state}",
                _("Xem báo cáo bản tiếng Anh"),
            ),
        )
