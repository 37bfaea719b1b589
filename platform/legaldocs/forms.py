"""The search form of the documents database (filters, keyword, sorting)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django import forms
from django.db.models import F, QuerySet
from django.utils.translation import gettext_lazy as _

from core.keywords import keyword_filter

from .models import DocumentType, IssuingAuthority, LegalField, ValidityStatus

# Drafts have no issue date: keep them after the issued documents either way.
SORTS = {
    "moi-nhat": (F("issue_date").desc(nulls_last=True), "-pk"),
    "cu-nhat": (F("issue_date").asc(nulls_last=True), "pk"),
    "so-ky-hieu": ("number", "pk"),
    "moi-dang": (F("first_published_at").desc(nulls_last=True), "-pk"),
}


class LegalDocumentFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Từ khóa (số ký hiệu, trích yếu)"), required=False, max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    loai = forms.ChoiceField(
        label=_("Hình thức"), required=False,
        choices=[("", _("Tất cả"))] + DocumentType.choices,
    )
    co_quan = forms.ModelChoiceField(
        label=_("Cơ quan ban hành"), required=False, queryset=IssuingAuthority.objects.all(),
        empty_label=_("Tất cả"), to_field_name="slug",
    )
    linh_vuc = forms.ModelChoiceField(
        label=_("Lĩnh vực"), required=False, queryset=LegalField.objects.all(),
        empty_label=_("Tất cả"), to_field_name="slug",
    )
    nam = forms.TypedChoiceField(
        label=_("Năm ban hành"), required=False, coerce=int, empty_value=None
    )
    hieu_luc = forms.ChoiceField(
        label=_("Tình trạng hiệu lực"), required=False,
        choices=[("", _("Tất cả"))] + ValidityStatus.choices,
    )
    du_thao = forms.BooleanField(label=_("Chỉ dự thảo lấy ý kiến"), required=False)
    sap_xep = forms.ChoiceField(
        label=_("Sắp xếp"), required=False,
        choices=[
            ("moi-nhat", _("Ngày ban hành mới nhất")),
            ("cu-nhat", _("Ngày ban hành cũ nhất")),
            ("so-ky-hieu", _("Số ký hiệu")),
            ("moi-dang", _("Mới đăng")),
        ],
    )

    def __init__(self, *args, documents: QuerySet | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        years: list[int] = []
        if documents is not None:
            years = sorted(
                {d.year for d in documents.exclude(issue_date=None).dates("issue_date", "year")},
                reverse=True,
            )
        self.fields["nam"].choices = [("", _("Tất cả"))] + [(y, str(y)) for y in years]

    def province_items(self, request) -> Sequence:
        """The documents of every portal of the province matching the filters that mean the
        same on every portal (words, type, year, validity), from the shared index: each a
        search hit linking to its portal's own domain. Issuers and fields are each portal's
        own labels, and drafts are not told apart there: those filters are not applied."""
        from search.aggregation import province_items

        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        filters = {"doc_type": data.get("loai") or "", "status": data.get("hieu_luc") or ""}
        year = data.get("nam")
        return province_items(
            request,
            "legaldocs.legaldocumentpage",
            text=data.get("q") or "",
            filters={k: v for k, v in filters.items() if v},
            date_from=datetime.date(year, 1, 1) if year else None,
            date_to=datetime.date(year, 12, 31) if year else None,
        )

    def apply(self, documents: QuerySet) -> QuerySet:
        """`documents` narrowed by the valid filters, sorted; invalid filters are ignored."""
        if not self.is_bound:
            return documents.order_by(*SORTS["moi-nhat"])
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        if data.get("loai"):
            documents = documents.filter(doc_type=data["loai"])
        if data.get("co_quan"):
            documents = documents.filter(issuer=data["co_quan"])
        if data.get("linh_vuc"):
            documents = documents.filter(legal_field=data["linh_vuc"])
        if data.get("nam"):
            documents = documents.filter(issue_date__year=data["nam"])
        if data.get("hieu_luc"):
            documents = documents.filter(status=data["hieu_luc"])
        if data.get("du_thao"):
            documents = documents.filter(is_draft=True)
        if data.get("q"):
            documents = keyword_filter(documents, data["q"], ("number", "summary", "title"))
        return documents.order_by(*SORTS.get(data.get("sap_xep") or "moi-nhat", SORTS["moi-nhat"]))
