from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "portal_search"
    verbose_name = _("Tìm kiếm")

    def ready(self) -> None:
        from django.core import checks

        from core.caching.signals import register_page_rule

        from . import signals  # noqa: F401
        from .aggregation import province_pages_showing
        from .facets import check_declarations

        checks.register(check_declarations)
        register_page_rule(province_pages_showing)
