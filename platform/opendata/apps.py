from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpenDataConfig(AppConfig):
    name = "opendata"
    verbose_name = _("Dữ liệu mở")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from participation.models import Question

        from .caching import questions_changed

        # Questions are not pages: a published answer, or one withdrawn, purges the API's
        # Q&A responses itself (pages purge the "sitemap" tag the API reads, on every change).
        post_save.connect(questions_changed, sender=Question, dispatch_uid="opendata_questions_saved")
        post_delete.connect(questions_changed, sender=Question, dispatch_uid="opendata_questions_deleted")
