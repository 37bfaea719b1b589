from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProvinceDeadlinesConfig(AppConfig):
    """The province-wide half of `deadlines`, in the public schema: the rules table the
    province board edits, and the ledger of every portal's clocks the league table reads."""

    name = "deadlines.province"
    label = "deadlines_province"
    verbose_name = _("Thời hạn cung cấp thông tin của tỉnh")
