from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Ban Biên tập")

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from wagtail.images import get_image_model

        from tenants import seeding

        from .images import record_decorative_choice
        from .seeding import seed_content_permissions, seed_workflow
        from .upstream_labels import label_upstream_fields

        # After the roles (accounts): both hand rights to the role groups.
        seeding.register_seeder("workflow", seed_workflow, seeding.WORKFLOW)
        seeding.register_seeder("content_permissions", seed_content_permissions, seeding.CONTENT_PERMISSIONS)
        post_save.connect(record_decorative_choice, sender=get_image_model(), dispatch_uid="decorative-image")
        label_upstream_fields()
