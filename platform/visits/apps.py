from __future__ import annotations

import datetime as dt

from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "visits"
    verbose_name = _("Thống kê truy cập")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from core.security import register_policy_sources
        from reports.sources import register_source
        from tenants.jobs import register_periodic
        from tenants.tasks import run_command

        from .analytics import policy_sources
        from .queries import report_figures

        # The origins of the portal's EMC and Matomo trackers, on its public pages only.
        register_policy_sources(policy_sources)
        # Yesterday's raw page views become daily figures, in every active portal, after
        # midnight (the day's salt is thrown away with them).
        register_periodic("visits_rollup", run_command, daily_at="00:15", per_portal=True,
                          args=("rollup_visits",))
        # Production counts from nginx's visits log (CONG_VISITS_SOURCE = "access_log"): what
        # was logged since the last run, every minute, once for the platform.
        if settings.CONG_VISITS_SOURCE == "access_log":
            register_periodic("visits_import", run_command, every=dt.timedelta(minutes=1),
                              args=("import_visits",))
        # The periodic reports' visits rows.
        register_source("visits", _("Lượt truy cập"), report_figures, labels={
            "views": _("Lượt xem trang"), "visitors": _("Lượt khách (ước tính theo ngày)"),
        })
