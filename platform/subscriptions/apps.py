from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    name = "subscriptions"
    verbose_name = _("Đăng ký nhận tin qua thư điện tử")

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from wagtail.signals import page_published

        from participation.models import Question
        from tenants.jobs import register_periodic
        from tenants.tasks import run_command

        from .signals import page_was_published, question_was_saved

        page_published.connect(page_was_published, dispatch_uid="subscriptions_page_published")
        post_save.connect(question_was_saved, sender=Question, dispatch_uid="subscriptions_question_saved")
        # One digest a day per subscription with something new, in every active portal;
        # unconfirmed subscriptions past their week are removed each night.
        register_periodic(
            "subscription_digests", run_command, daily_at="16:30", per_portal=True,
            args=("send_subscription_digests",),
        )
        register_periodic(
            "subscription_prune", run_command, daily_at="01:10", per_portal=True,
            args=("prune_subscriptions",),
        )
