"""What editors write sits under each page's one h1: the heading block is an h2, rich text
offers h2 and h3, and no page of the demo content skips a heading level."""

from __future__ import annotations

import re

import pytest
from django_tenants.utils import schema_context

from tests.support.portals import client_for

HEADING = re.compile(r"<h([1-6])[\s>]")


def test_the_one_feature_list_offers_h2_and_h3_only():
    from core.blocks import RICH_TEXT_FEATURES, HeadingBlock

    assert [f for f in RICH_TEXT_FEATURES if re.fullmatch(r"h\d", f)] == ["h2", "h3"]
    assert HeadingBlock().render("Chức năng").strip() == "<h2>Chức năng</h2>"


@pytest.mark.slow
def test_no_page_of_the_demo_skips_a_heading_level(province):
    from importlib import import_module

    from wagtail.models import Page

    apps = ["introduction", "news", "legaldocs", "direction", "planning", "projects", "contacts",
            "science", "stats", "budget", "services"]
    with schema_context(province.schema_name):
        for app in apps:
            import_module(f"demo.{app}").load_demo_content(province)
        urls = {
            page.content_type.model: page.url
            for page in Page.objects.live().filter(depth__gte=3, locale__language_code="vi")
            .select_related("content_type").order_by("-path")
        }
    client = client_for(province)
    for model, url in sorted(urls.items()):
        html = client.get(url).content.decode()
        main = html[html.index("<main"):html.index("</main>")]
        levels = [int(level) for level in HEADING.findall(main)]
        assert levels[0] == 1 and levels.count(1) == 1, (model, levels)
        skips = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
        assert not skips, (model, url, levels)
