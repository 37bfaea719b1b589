"""Contacts (contacts): officials and spokespersons of the contacts page, statements, and the
portal's own contact details."""

from __future__ import annotations

import datetime

import factory

from contacts.models import (
    ContactOfficial,
    PortalContactSettings,
    Spokesperson,
    StatementPage,
)
from tests.support.factories import ModelFactory, SectionPageFactory, SiteSettingFactory


class ContactOfficialFactory(ModelFactory):
    """An official of the contacts page: `.build()` them into `page.officials`."""

    full_name = factory.Sequence(lambda n: f"Cán bộ số {n}")
    position = "Chánh Văn phòng"

    class Meta:
        model = ContactOfficial


class SpokespersonFactory(ModelFactory):
    """`.build()` them into `page.spokespersons`."""

    full_name = factory.Sequence(lambda n: f"Người phát ngôn số {n}")
    position = "Phó Giám đốc Sở"

    class Meta:
        model = Spokesperson


class StatementPageFactory(SectionPageFactory):
    """A spokesperson's statement, under the contacts page."""

    title = factory.Sequence(lambda n: f"Thông tin cho báo chí số {n}")
    statement_date = datetime.date(2026, 3, 2)

    class Meta:
        model = StatementPage


class PortalContactSettingsFactory(SiteSettingFactory):
    class Meta:
        model = PortalContactSettings
