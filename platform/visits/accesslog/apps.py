from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessLogConfig(AppConfig):
    """The public-schema half of `visits`: how far the import of nginx's visits log has read
    (the page views themselves go to each portal's schema)."""

    name = "visits.accesslog"
    label = "visits_accesslog"
    verbose_name = _("Nhật ký truy cập của máy chủ web")
    default_auto_field = "django.db.models.BigAutoField"
