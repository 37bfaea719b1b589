"""A portal's own days off and make-up working days, edited by its board.

Each portal keeps its exceptions in its own schema; a portal's calendar adds those of every
portal above it (the province), so a day off the province decides reaches all its members
without being copied, while a department can still record a day only it has.
"""

from __future__ import annotations

import datetime as dt

from django_tenants.utils import schema_context

from django.db import connection, models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from core.text import nfc

from .calendar import WorkingCalendar


class CalendarException(models.Model):
    class Kind(models.TextChoices):
        DAY_OFF = "day_off", _("Ngày nghỉ")
        WORKING_DAY = "working_day", _("Ngày làm việc bù")

    date = models.DateField(_("ngày"), unique=True)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    note = models.CharField(
        _("ghi chú"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: “Nghỉ bù ngày 2/9 theo Thông báo số …”."),
    )

    panels = [FieldPanel("date"), FieldPanel("kind"), FieldPanel("note")]

    class Meta:
        verbose_name = _("ngày nghỉ, ngày làm bù")
        verbose_name_plural = _("ngày nghỉ, ngày làm bù")
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} – {self.get_kind_display()}"

    def save(self, *args, **kwargs) -> None:
        self.note = nfc(self.note).strip()
        super().save(*args, **kwargs)


def _exceptions_here() -> dict[dt.date, str]:
    return dict(CalendarException.objects.values_list("date", "kind"))


def _ancestor_schemas(schema_name: str) -> list[str]:
    """Schemas of the portals above `schema_name`, the farthest (province) first."""
    from tenants.models import Portal

    portal = Portal.objects.filter(schema_name=schema_name).select_related("parent").first()
    chain: list[str] = []
    seen = {schema_name}
    parent = portal.parent if portal else None
    while parent is not None and parent.schema_name not in seen and not parent.is_platform:
        chain.append(parent.schema_name)
        seen.add(parent.schema_name)
        parent = parent.parent
    return list(reversed(chain))


def calendar_for_schema(schema_name: str | None = None) -> WorkingCalendar:
    """The working calendar of a portal (default: the current schema's portal)."""
    schema_name = schema_name or connection.schema_name
    merged: dict[dt.date, str] = {}
    for schema in [*_ancestor_schemas(schema_name), schema_name]:
        # The nearest portal's decision about a day wins.
        with schema_context(schema):
            merged.update(_exceptions_here())
    return WorkingCalendar.with_exceptions(
        days_off=[d for d, k in merged.items() if k == CalendarException.Kind.DAY_OFF],
        working_days=[d for d, k in merged.items() if k == CalendarException.Kind.WORKING_DAY],
    )
