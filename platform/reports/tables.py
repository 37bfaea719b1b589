"""The report's tables, from its figures: the same rows for the page, DOCX and XLSX.

`sum_figures` adds up several reports' figures into one of the same shape (sections merged
by slug, percentages recomputed), so a consolidation renders with the same tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from .figures import percent


@dataclass
class Table:
    title: str
    header: list[str]
    rows: list[list[Any]]


METRICS = [
    ("questions", _("Hỏi – Đáp"), [
        ("received", _("Câu hỏi, phản ánh tiếp nhận")),
        ("answered", _("Đã trả lời")),
        ("answered_on_time", _("Trả lời đúng hạn")),
        ("overdue", _("Quá hạn chưa trả lời")),
        ("refused", _("Từ chối tiếp nhận")),
        ("forwarded", _("Chuyển cổng thành viên")),
    ]),
    ("consultations", _("Lấy ý kiến dự thảo văn bản"), [
        ("opened", _("Dự thảo đưa ra lấy ý kiến")),
        ("comments", _("Góp ý nhận được")),
        ("comments_approved", _("Góp ý được đăng công khai")),
    ]),
    ("services", _("Dịch vụ công trực tuyến"), [
        ("services", _("Thủ tục, dịch vụ công đăng tải")),
        ("online", _("Trong đó dịch vụ công trực tuyến")),
        ("usage", _("Lượt sử dụng")),
        ("received", _("Hồ sơ tiếp nhận")),
        ("received_online", _("Trong đó tiếp nhận trực tuyến")),
        ("resolved_on_time", _("Giải quyết đúng hạn")),
        ("resolved_late", _("Giải quyết quá hạn")),
        ("in_progress", _("Đang giải quyết")),
    ]),
    ("english", _("Thông tin bằng tiếng Anh"), [
        ("required", _("Trang phải có bản tiếng Anh")),
        ("up_to_date", _("Bản tiếng Anh đã cập nhật")),
    ]),
    ("security", _("An toàn thông tin"), [
        ("failed_signins", _("Lần đăng nhập sai")),
        ("lockouts", _("Tài khoản bị khoá")),
    ]),
]
SECTION_NUMBERS = ("published", "clocked_posted", "on_time", "late", "overdue")


def section_header() -> list[str]:
    return [str(h) for h in (
        _("Chuyên mục"), _("Tin bài đăng mới"), _("Có thời hạn: đã đăng"), _("Đúng hạn"),
        _("Trễ hạn"), _("Quá hạn chưa đăng"), _("Tỷ lệ đúng hạn (%)"),
    )]


def tables(figures: dict) -> list[Table]:
    result = [Table(
        str(_("Thông tin đăng tải theo chuyên mục")), section_header(),
        [[row["title"], *(row[n] for n in SECTION_NUMBERS), row["on_time_percent"]]
         for row in figures.get("sections", [])],
    )]
    header = [str(_("Chỉ tiêu")), str(_("Số lượng"))]
    for key, title, rows in METRICS:
        values = figures.get(key, {})
        result.append(Table(str(title), header, [[str(label), values.get(name, 0)] for name, label in rows]))
    for source in figures.get("sources", {}).values():
        result.append(Table(source["label"], header, [[r["label"], r["value"]] for r in source["rows"]]))
    return result


def sum_figures(all_figures: list[dict]) -> dict:
    sections: dict[str, dict] = {}
    total: dict[str, Any] = {"sections": [], "sources": {}}
    for figures in all_figures:
        for row in figures.get("sections", []):
            target = sections.setdefault(row["slug"], {"slug": row["slug"], "title": row["title"],
                                                       **dict.fromkeys(SECTION_NUMBERS, 0)})
            for name in SECTION_NUMBERS:
                target[name] += row.get(name, 0)
        for key, _title, rows in METRICS:
            into = total.setdefault(key, {})
            for name, _label in rows:
                into[name] = into.get(name, 0) + figures.get(key, {}).get(name, 0)
        for key, source in figures.get("sources", {}).items():
            into = total["sources"].setdefault(key, {"label": source["label"], "rows": []})
            for row in source["rows"]:
                found = next((r for r in into["rows"] if r["name"] == row["name"]), None)
                if found is None:
                    into["rows"].append(dict(row))
                else:
                    found["value"] += row["value"]
    for row in sections.values():
        row["on_time_percent"] = percent(row["on_time"], row["clocked_posted"] + row["overdue"])
    total["sections"] = list(sections.values())
    return total


def headline(figures: dict) -> dict:
    """The few numbers of a unit's line in the consolidation."""
    sections = figures.get("sections", [])
    on_time = sum(r["on_time"] for r in sections)
    counted = sum(r["clocked_posted"] + r["overdue"] for r in sections)
    questions = figures.get("questions", {})
    return {
        "published": sum(r["published"] for r in sections),
        "on_time_percent": percent(on_time, counted),
        "questions_received": questions.get("received", 0),
        "questions_answered": questions.get("answered", 0),
        "dossiers": figures.get("services", {}).get("received", 0),
    }


def unit_header() -> list[str]:
    return [str(h) for h in (
        _("Đơn vị"), _("Số báo cáo"), _("Ngày nộp"), _("Tin bài đăng mới"), _("Tỷ lệ đúng hạn (%)"),
        _("Câu hỏi tiếp nhận"), _("Đã trả lời"), _("Hồ sơ tiếp nhận"),
    )]
