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

        from core.caching import middleware as page_cache
        from core.caching import tokens

        from . import signals  # noqa: F401
        from .current import is_portal_schema

        # Only portals' pages are cached and purged, never the control plane or the template.
        tokens.register_portal_check(is_portal_schema)
        # The page cache finds a request's portal as the portal routing does.
        from .middleware import serving_portal

        page_cache.register_portal_resolver(serving_portal)
