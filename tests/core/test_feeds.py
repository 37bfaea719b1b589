"""Every listing links its RSS feed, and each feed is RSS 2.0 of that portal's items only."""

from __future__ import annotations

import re

import pytest

from tests.support.portals import client_for, feed_titles

LISTINGS = [
    "/tin-tuc/", "/van-ban/", "/chi-dao-dieu-hanh/", "/pho-bien-phap-luat/",
    "/quy-hoach-ke-hoach/", "/du-an-dau-thau/", "/khoa-hoc-cong-nghe/", "/thong-ke/",
    "/cong-khai-ngan-sach/", "/dich-vu-cong/",
]


@pytest.mark.parametrize("listing", LISTINGS)
def test_listing_links_its_feed_and_the_feed_is_valid(portal_a, listing):
    html = client_for(portal_a).get(listing).content.decode()
    link = re.search(r'<link rel="alternate" type="application/rss\+xml"[^>]*href="([^"]+)"', html)
    assert link, listing
    assert link.group(1) == f"{listing}rss/"
    assert feed_titles(portal_a, link.group(1)) == []  # a new portal has nothing yet


def test_feeds_list_only_their_own_portal_items(portal_a, portal_b):
    from django_tenants.utils import schema_context

    from demo.planning import load_demo_content as load_planning
    from demo.projects import load_demo_content as load_projects
    from demo.stats import load_demo_content as load_stats

    with schema_context(portal_a.schema_name):
        for load in (load_planning, load_projects, load_stats):
            load(portal_a)
    for listing in ["/quy-hoach-ke-hoach/", "/du-an-dau-thau/", "/thong-ke/"]:
        assert feed_titles(portal_a, f"{listing}rss/"), listing
        assert feed_titles(portal_b, f"{listing}rss/") == [], listing
    titles = feed_titles(portal_a, "/du-an-dau-thau/rss/?trang-thai=hoan-thanh")
    assert titles == ["Trường Phổ thông dân tộc bán trú Tiểu học"]
