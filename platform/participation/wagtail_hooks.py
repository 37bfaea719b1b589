"""The board's admin: the questions register with its handling page, comment moderation,
topics, the outbox, and the personal-data requests."""

from __future__ import annotations

import django_filters

from django.http import Http404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from accounts.permissions import BOARD_GROUPS, STAFF_GROUPS, RoleGroupPolicy, in_groups
from accounts.roles import BOARD_HEAD
from core.viewsets import LabelViewSet
from workdays.calendar import add_working_days
from workdays.models import calendar_for_schema

from .models import (
    ConsultationComment,
    ConsultationPage,
    Notification,
    Question,
    QuestionTopic,
)
from .views import admin as admin_views
from .workflow import current_settings

register_permission_policy(Question, RoleGroupPolicy(Question, {"view": STAFF_GROUPS}))
register_permission_policy(ConsultationComment, RoleGroupPolicy(ConsultationComment, {"view": STAFF_GROUPS}))
register_permission_policy(Notification, RoleGroupPolicy(Notification, {"view": BOARD_GROUPS}))
register_permission_policy(
    QuestionTopic,
    RoleGroupPolicy(
        QuestionTopic,
        {"view": STAFF_GROUPS, "add": BOARD_GROUPS, "change": BOARD_GROUPS, "delete": BOARD_GROUPS},
    ),
)


class DeadlineFilter(django_filters.ChoiceFilter):
    def __init__(self, *args, **kwargs):
        super().__init__(
            *args,
            label=_("Hạn trả lời"),
            method="filter_deadline",
            choices=[("overdue", _("Quá hạn")), ("soon", _("Sắp đến hạn")), ("open", _("Đang xử lý"))],
            **kwargs,
        )


class QuestionFilterSet(WagtailFilterSet):
    han = DeadlineFilter()

    class Meta:
        model = Question
        fields = ["status", "kind", "topic"]

    def filter_deadline(self, queryset, name, value):
        now = timezone.now()
        if value == "overdue":
            return queryset.overdue(now)
        if value == "soon":
            # Open questions whose deadline falls within the portal's warning window.
            limit = add_working_days(now, max(1, current_settings().due_soon_days), calendar_for_schema())
            return queryset.open().filter(deadline__gte=now, deadline__lte=limit)
        if value == "open":
            return queryset.open()
        return queryset


class DeadlineColumn(Column):
    def get_value(self, instance):
        if instance.deadline is None:
            return ""
        text = timezone.localtime(instance.deadline).strftime("%d/%m/%Y %H:%M")
        if instance.is_overdue:
            return format_html('{} <strong class="w-text-critical-200">{}</strong>', text, _("quá hạn"))
        return text


class QuestionIndexView(IndexView):
    filterset_class = QuestionFilterSet

    def get_edit_url(self, instance):
        # A question is handled through its own page of actions, not a model form.
        return reverse("participation_question:process", args=(instance.pk,))

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("topic")


class QuestionViewSet(ModelViewSet):
    model = Question
    name = "participation_question"
    url_prefix = "hoi-dap"
    icon = "help"
    menu_label = _("Câu hỏi, phản ánh")
    menu_order = 100
    index_view_class = QuestionIndexView
    list_display = [
        "title",
        "tracking_code",
        "kind",
        "status",
        "topic",
        "received_at",
        DeadlineColumn("deadline", label=_("Hạn trả lời"), sort_key="deadline"),
        "assigned_unit",
    ]
    search_fields = ["tracking_code", "title", "body", "assigned_unit"]
    form_fields = ["topic"]
    copy_view_enabled = False
    ordering = ["-received_at"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("xu-ly/<int:pk>/", admin_views.question_process, name="process"),
            path("xu-ly/<int:pk>/tep-dinh-kem/", admin_views.question_attachment, name="attachment"),
            path("xu-ly/<int:pk>/<slug:action>/", admin_views.question_action, name="action"),
            path("du-lieu-ca-nhan/", admin_views.personal_data, name="personal_data"),
        ]


class CommentFilterSet(WagtailFilterSet):
    class Meta:
        model = ConsultationComment
        fields = ["status", "page"]


class CommentActionsColumn(Column):
    cell_template_name = "participation/admin/comment_actions_cell.html"

    def get_value(self, instance):
        return instance

    def get_cell_context_data(self, instance, parent_context):
        from django.middleware.csrf import get_token

        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        # The cell's forms post back to the admin: they need the CSRF token.
        context["csrf_token"] = get_token(request) if request is not None else ""
        return context


class CommentIndexView(IndexView):
    filterset_class = CommentFilterSet

    def get_edit_url(self, instance):
        return None

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("page")


class CommentViewSet(ModelViewSet):
    model = ConsultationComment
    name = "participation_comment"
    url_prefix = "gop-y"
    icon = "comment"
    menu_label = _("Ý kiến góp ý dự thảo")
    menu_order = 110
    index_view_class = CommentIndexView
    list_display = [
        "body",
        "page",
        "section",
        "submitted_at",
        "status",
        CommentActionsColumn("actions", label=_("Kiểm duyệt")),
    ]
    search_fields = ["body", "section"]
    form_fields = ["status"]
    copy_view_enabled = False

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("kiem-duyet/<int:pk>/<slug:decision>/", admin_views.moderate_comment, name="moderate"),
            path("tong-hop/<int:page_id>/", admin_views.consultation_summary_csv, name="summary"),
        ]


class QuestionMailIndexView(IndexView):
    def get_base_queryset(self):
        # Only the askers' mails: subscribers' addresses are never listed (subscriptions).
        return super().get_base_queryset().filter(purpose=Notification.Purpose.QUESTION)


class QuestionMailEditView(EditView):
    def get_object(self, queryset=None):
        notification = super().get_object(queryset)
        if notification.purpose != Notification.Purpose.QUESTION:
            raise Http404
        return notification


class NotificationViewSet(ModelViewSet):
    model = Notification
    name = "participation_notification"
    url_prefix = "thu-thong-bao"
    icon = "mail"
    menu_label = _("Thư gửi người hỏi")
    menu_order = 130
    index_view_class = QuestionMailIndexView
    edit_view_class = QuestionMailEditView
    list_display = ["subject", "to_email", "status", "attempts", "last_error", "created_at"]
    list_filter = ["status"]
    form_fields = ["status"]
    copy_view_enabled = False


class ParticipationGroup(ModelViewSetGroup):
    items = (QuestionViewSet, CommentViewSet, NotificationViewSet)
    menu_icon = "help"
    menu_label = _("Hỏi – Đáp, góp ý")
    menu_name = "hoi-dap-gop-y"
    menu_order = 250


@hooks.register("register_admin_viewset")
def register_participation_viewsets():
    return ParticipationGroup()


class QuestionTopicViewSet(LabelViewSet):
    model = QuestionTopic
    menu_label = _("Lĩnh vực hỏi đáp")


register_snippet(QuestionTopicViewSet)


class PersonalDataMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return in_groups(request.user, {BOARD_HEAD})


@hooks.register("register_admin_menu_item")
def register_personal_data_menu_item():
    return PersonalDataMenuItem(
        _("Dữ liệu cá nhân người hỏi"),
        reverse("participation_question:personal_data"),
        icon_name="user",
        order=260,
    )


@hooks.register("register_page_header_buttons")
def consultation_summary_button(page, user, view_name=None, next_url=None):
    from wagtail.admin.widgets import ListingButton

    if page.specific_class is ConsultationPage and in_groups(user, BOARD_GROUPS):
        yield ListingButton(
            _("Tổng hợp ý kiến (CSV)"),
            reverse("participation_comment:summary", args=(page.pk,)),
            icon_name="download",
            priority=90,
        )
