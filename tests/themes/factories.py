"""The portal's look (themes)."""

from __future__ import annotations

from tests.support.factories import SiteSettingFactory
from themes.models import ThemeSettings


class ThemeSettingsFactory(SiteSettingFactory):
    class Meta:
        model = ThemeSettings
