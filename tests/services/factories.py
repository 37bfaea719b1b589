"""Small helpers creating services inside the current portal schema."""

from __future__ import annotations

import datetime


def services_index():
    from services.models import PublicServiceIndexPage

    return PublicServiceIndexPage.objects.get(slug="dich-vu-cong")


def sector(name: str = "Tư pháp"):
    from services.models import ServiceSector

    return ServiceSector.objects.get_or_create(name=name)[0]


def service_field(name: str = "Hộ tịch", sector_name: str = "Tư pháp"):
    from services.models import ServiceField

    return ServiceField.objects.get_or_create(name=name, defaults={"sector": sector(sector_name)})[0]


def statistic(year: int = 2026, period: str = "quy-1", **counts):
    from services.models import ServiceStatistic

    values = {
        "usage_count": 5000,
        "received": 1234,
        "received_online": 1100,
        "resolved_on_time": 1140,
        "resolved_late": 60,
        "in_progress": 34,
    }
    values.update(counts)
    return ServiceStatistic(year=year, period=period, **values)


def make_service(title: str, **fields):
    """A published service under the portal's catalogue (a live page, first published now)."""
    from services.models import PublicServicePage

    fields.setdefault("field", service_field())
    if fields["field"] is not None:
        fields.setdefault("sector", fields["field"].sector)
    fields.setdefault("agency", "Ủy ban nhân dân cấp xã")
    fields.setdefault("level", "toan-trinh")
    fields.setdefault("decision_date", datetime.date(2025, 9, 12))
    page = PublicServicePage(title=title, **fields)
    services_index().add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page
