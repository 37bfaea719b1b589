from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TenantsConfig(AppConfig):
    name = "tenants"
    verbose_name = _("Cổng thành viên")

    def ready(self) -> None:
        from tenants import monitoring
        from tenants.tasks import register_platform_jobs

        register_platform_jobs()
        monitoring.register()
