from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactsConfig(AppConfig):
    name = "contacts"
    verbose_name = _("Liên hệ và thông tin của Cổng")

    def ready(self) -> None:
        from core.sections import Section, register_section
        from core.securitytxt import register_contact_source

        from .security import security_contacts

        # /.well-known/security.txt names the portal's own contacts.
        register_contact_source(security_contacts)

        # One section holds k (officials) and the spokesperson; l lives in site settings.
        register_section(
            Section(
                order=100, slug="lien-he", title="Liên hệ", title_en="Contacts",
                page_model="contacts.ContactsPage", letter="k", in_english=True,
            )
        )
