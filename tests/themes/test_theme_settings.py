"""The portal's look is a site setting of the themes app (it was in contacts until the move)."""

from __future__ import annotations

import re

import pytest
from django_tenants.utils import schema_context

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.support.portals import client_for

LAST_BEFORE_THE_MOVE = ("contacts", "0002_english_contact_details")
BEFORE_THE_MOVE = [LAST_BEFORE_THE_MOVE, ("themes", None)]


def _brand(portal) -> str:
    """The brand colour of the portal's stylesheet, which every page links to."""
    client = client_for(portal)
    html = client.get("/").content.decode()
    link = re.search(r'<link rel="stylesheet" href="(/giao-dien\.css\?v=[0-9a-f]+)">', html)
    assert link, "no link to the portal's colours in the page"
    return re.search(r"--brand:(#[0-9a-f]{6})", client.get(link.group(1)).content.decode()).group(1)


def test_theme_settings_are_per_portal_and_validate_the_colour(portal_a, portal_b):
    from django.template import engines
    from django.test import RequestFactory

    from wagtail.models import Site

    from themes.models import ThemeSettings

    with schema_context(portal_a.schema_name):
        theme = ThemeSettings.for_site(Site.objects.get(is_default_site=True))
        theme.primary_colour = "đỏ"
        with pytest.raises(ValidationError) as exc:
            theme.full_clean()
        assert "#RRGGBB" in exc.value.message_dict["primary_colour"][0]
        theme.primary_colour = "#0b4f9c"
        theme.save()

    template = engines["django"].from_string("{{ settings.themes.ThemeSettings.primary_colour }}")
    for portal, colour in [(portal_a, "#0b4f9c"), (portal_b, "#a50e0e")]:
        with schema_context(portal.schema_name):
            request = RequestFactory().get("/", HTTP_HOST=portal.primary_domain)
            assert template.render({}, request) == colour


@pytest.mark.slow
def test_a_portals_colour_and_its_board_heads_right_survive_the_move(portal_a):
    """Back to the schema as it was before the move, a colour chosen there, then migrated:
    the same row is read by the themes app, and the board head may still change it."""
    from django.contrib.auth.models import Group

    from accounts.roles import BOARD_HEAD
    from themes.models import ThemeSettings

    with schema_context(portal_a.schema_name):
        executor = MigrationExecutor(connection)
        executor.migrate(BEFORE_THE_MOVE)
        old = executor.loader.project_state(LAST_BEFORE_THE_MOVE).apps
        site = old.get_model("wagtailcore", "Site").objects.get(is_default_site=True)
        old.get_model("contacts", "ThemeSettings").objects.update_or_create(
            site_id=site.pk, defaults={"primary_colour": "#0b4f9c"}
        )
        head = Group.objects.get(name=BOARD_HEAD)
        assert head.permissions.filter(
            content_type__app_label="contacts", codename="change_themesettings"
        ).exists()

        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
        with connection.cursor() as cursor:
            tables = connection.introspection.table_names(cursor)
        assert "themes_themesettings" in tables and "contacts_themesettings" not in tables
        assert ThemeSettings.objects.get().primary_colour == "#0b4f9c"
        assert head.permissions.filter(
            content_type__app_label="themes", codename="change_themesettings"
        ).exists()
    assert _brand(portal_a) == "#0b4f9c"
