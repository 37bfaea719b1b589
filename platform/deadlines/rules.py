"""The posting limits of the province's portal regulation, as configuration.

Each rule is a key the clocks name (`PostingClock(rule=...)`), with its label and the
figures of the two regulations the province can start from (Lai Châu 43/2020/QĐ-UBND
art. 12–13; Kiên Giang 641/QĐ-UBND art. 16). The province board keeps the figures in force
in the console (`deadlines_province.PostingRule`, public schema); a portal may only tighten
them (`deadlines.DeadlineSettings`). `limits_for()` is the one way to read them.

Limits are working days (`workdays`), counted from the day after the source event (Civil
Code 2015 art. 147: a period in days starts the day after the event). The staleness of
"kept current" sections is counted in calendar days since the section last changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from django_tenants.utils import schema_context

from django.db import connection
from django.utils.translation import gettext_lazy as _

from tenants.current import is_portal_schema

LAW_DISSEMINATION = "law_dissemination"
LEGAL_ISSUER = "legal_issuer"
LEGAL_APPLYING = "legal_applying"
PLANNING = "planning"
SCIENCE = "science"
STATISTICS = "statistics"
QUESTIONS = "questions"
KEPT_CURRENT = "kept_current"


@dataclass(frozen=True)
class RuleSpec:
    key: str
    label: str
    letter: str  # Decree 43 art. 10 letters the rule covers
    event: str  # what the limit runs from
    lai_chau: int
    kien_giang: int
    # "working" days of the calendar, or "calendar" days (staleness).
    unit: str = "working"


RULES: tuple[RuleSpec, ...] = (
    RuleSpec(LAW_DISSEMINATION, _("Phổ biến, hướng dẫn thực hiện pháp luật, chế độ, chính sách"),
             "d", _("kể từ khi văn bản được ban hành"), 12, 15),
    RuleSpec(LEGAL_ISSUER, _("Văn bản quy phạm pháp luật, văn bản quản lý – cơ quan ban hành"),
             "e", _("kể từ ngày ban hành"), 2, 2),
    RuleSpec(LEGAL_APPLYING,
             _("Văn bản quy phạm pháp luật, văn bản quản lý – cơ quan thuộc phạm vi điều chỉnh"),
             "e", _("kể từ ngày ban hành"), 8, 10),
    RuleSpec(PLANNING, _("Chiến lược, quy hoạch, kế hoạch; dự án, đấu thầu"),
             "đ, h", _("kể từ khi được phê duyệt"), 8, 10),
    RuleSpec(SCIENCE, _("Chương trình, đề tài khoa học"),
             "m", _("kể từ khi được phê duyệt hoặc nghiệm thu"), 18, 20),
    RuleSpec(STATISTICS, _("Thông tin, báo cáo thống kê"),
             "n", _("kể từ khi thủ trưởng cơ quan quyết định công bố"), 8, 10),
    RuleSpec(QUESTIONS, _("Trả lời câu hỏi trên chuyên mục Hỏi – Đáp"),
             "", _("kể từ khi tiếp nhận câu hỏi"), 15, 15),
    RuleSpec(KEPT_CURRENT, _("Chuyên mục cập nhật thường xuyên: cảnh báo khi không cập nhật"),
             "a, b, c, k", _("kể từ lần cập nhật gần nhất"), 90, 90, unit="calendar"),
)
RULES_BY_KEY = {rule.key: rule for rule in RULES}

PRESETS = {
    "lai-chau": (_("Lai Châu – Quyết định 43/2020/QĐ-UBND, Điều 12–13"), "lai_chau"),
    "kien-giang": (_("Kiên Giang – Quyết định 641/QĐ-UBND, Điều 16"), "kien_giang"),
}
DEFAULT_PRESET = "lai-chau"


def preset_limits(preset: str) -> dict[str, int]:
    attribute = PRESETS[preset][1]
    return {rule.key: getattr(rule, attribute) for rule in RULES}


def province_limits() -> dict[str, int]:
    """The figures in force for the whole province (the default preset where the board
    has not recorded a rule)."""
    from .province.models import PostingRule

    limits = preset_limits(DEFAULT_PRESET)
    limits.update(dict(PostingRule.objects.values_list("key", "days")))
    return limits


def limits_for(schema_name: str | None = None) -> dict[str, int]:
    """The limits a portal works to: the province's, tightened where the portal's own
    settings say so. Read in the portal's schema (default: the current one).

    Read on write paths only (publishing, the daily job, the admin), never by a public page,
    so nothing here needs a cache.
    """
    limits = province_limits()
    schema_name = schema_name or connection.schema_name
    if not is_portal_schema(schema_name):
        return limits
    from .models import DeadlineSettings

    with schema_context(schema_name):
        own = DeadlineSettings.current().own_limits()
    for key, days in own.items():
        if days and key in limits:
            limits[key] = min(limits[key], days)
    return limits
