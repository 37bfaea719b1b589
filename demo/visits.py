"""Three months of plausible visits for a demo portal, written as daily counts directly (the
raw table is only ever today's), so the footer, the admin's statistics page and the
console's comparison show something on first run."""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from tenants.models import Portal

DAYS = 92
# A typical weekday's page views by kind of portal.
BASE_VIEWS = {Portal.Kind.PROVINCE: 1800, Portal.Kind.DEPARTMENT: 320}
REFERRERS = [("www.google.com", 0.22), ("coccoc.com", 0.06), ("www.facebook.com", 0.05),
             ("baochinhphu.vn", 0.02), ("laichau.gov.vn", 0.03)]


def load_demo_content(portal: Portal) -> None:
    from wagtail.models import Page

    from visits.models import DailyCount
    from visits.rollup import section_of

    if DailyCount.objects.exists():
        return
    rng = random.Random(portal.code)
    base = BASE_VIEWS.get(portal.kind, 90)
    pages = []
    live = Page.objects.live().filter(depth__gte=2, locale__language_code="vi")
    for page in live.order_by("depth", "pk")[:20]:
        pages.append((page.pk, "/" + page.url_path.split("/", 2)[2] if page.depth > 2 else "/"))
    weights = [1 / (rank + 1) for rank in range(len(pages))]
    today = timezone.localdate()
    rows = []
    for n in range(DAYS, 0, -1):
        day = today - dt.timedelta(days=n)
        weekend = day.weekday() >= 5
        views = int(base * (0.45 if weekend else 1.0) * (0.8 + 0.4 * rng.random()) * (1 + (DAYS - n) / 400))
        visitors = int(views * rng.uniform(0.38, 0.5))
        rows.append(DailyCount(day=day, dimension="total", views=views, visitors=visitors))
        english = int(views * rng.uniform(0.03, 0.08))
        rows.append(DailyCount(day=day, dimension="language", key="vi", views=views - english,
                               visitors=visitors - english // 2))
        if english:
            rows.append(DailyCount(day=day, dimension="language", key="en", views=english,
                                   visitors=english // 2))
        for domain, share in REFERRERS:
            count = int(views * share * rng.uniform(0.7, 1.3))
            if count:
                rows.append(DailyCount(day=day, dimension="referrer", key=domain, views=count,
                                       visitors=int(count * 0.8)))
        if pages:
            per_page = {}
            for index in rng.choices(range(len(pages)), weights=weights, k=min(views, 400)):
                per_page[index] = per_page.get(index, 0) + 1
            scale = views / max(min(views, 400), 1)
            sections: dict[str, int] = {}
            for index, hits in per_page.items():
                page_id, path = pages[index]
                count = max(1, int(hits * scale))
                rows.append(DailyCount(day=day, dimension="page", key=path[:255], page_id=page_id,
                                       views=count, visitors=int(count * 0.6)))
                sections[section_of(path)] = sections.get(section_of(path), 0) + count
            rows.extend(DailyCount(day=day, dimension="section", key=key, views=count)
                        for key, count in sections.items())
    DailyCount.objects.bulk_create(rows, ignore_conflicts=True)
