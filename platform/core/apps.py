from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Cổng: lõi dùng chung"

    def ready(self) -> None:
        from core import (
            checks,  # noqa: F401  (registers the system checks)
            serving,
        )
        from core.caching import signals
        from core.postgresql import contenttypes

        # Content types kept across schema switches; view restrictions from the per-portal
        # memo; purges of the page cache on every change (docs/scaling.md).
        contenttypes.install()
        serving.install()
        signals.connect()
