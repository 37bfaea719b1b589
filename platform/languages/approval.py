"""English pages go through the board's workflow like Vietnamese ones.

wagtail-localize's translation editor lets an approver publish directly (as the Vietnamese
editor does) but offers editors no way to ask for approval; `submit_for_approval` is that
way: it saves the English draft from the current translations and starts the workflow that
applies to the page ("Ban Biên tập duyệt"), whose approval publishes it.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from wagtail.models import Locale, Page, WorkflowState

from .sync import save_draft, translation_for


class ApprovalError(Exception):
    """Why an English page cannot be sent to the board, for the editor."""


def submit_for_approval(english: Page, user) -> WorkflowState:
    english = english.specific
    if not english.permissions_for_user(user).can_edit():
        raise ApprovalError(_("Bạn không có quyền sửa trang này."))
    if english.workflow_in_progress:
        raise ApprovalError(_("Bản tiếng Anh này đang chờ Ban Biên tập duyệt."))
    workflow = english.get_workflow()
    if workflow is None:
        raise ApprovalError(_("Trang này chưa có quy trình duyệt."))
    source_page = english.get_translation_or_none(Locale.get_default())
    translation = translation_for(source_page) if source_page is not None else None
    if translation is not None:
        english = save_draft(translation, user).specific
    elif english.latest_revision is None:
        english.save_revision(user=user)
    english.refresh_from_db()
    return workflow.start(english, user)
