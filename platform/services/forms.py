"""The catalogue's filters: sector, field, level, a name or code, services for foreigners."""

from __future__ import annotations

from collections.abc import Sequence

from django import forms
from django.utils.translation import gettext_lazy as _

from core.keywords import keyword_filter

from .models import LEVEL_CHOICES, PublicServiceQuerySet, ServiceField, ServiceSector


class PublicServiceFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Tên hoặc mã thủ tục"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    nganh = forms.ModelChoiceField(
        label=_("Ngành"),
        required=False,
        queryset=ServiceSector.objects.all(),
        empty_label=_("Tất cả"),
        to_field_name="slug",
    )
    linh_vuc = forms.ModelChoiceField(
        label=_("Lĩnh vực"),
        required=False,
        queryset=ServiceField.objects.all(),
        empty_label=_("Tất cả"),
        to_field_name="slug",
    )
    muc_do = forms.ChoiceField(label=_("Mức độ"), required=False, choices=[("", _("Tất cả"))] + LEVEL_CHOICES)
    nuoc_ngoai = forms.BooleanField(label=_("Chỉ dịch vụ người nước ngoài sử dụng được"), required=False)

    def has_filters(self) -> bool:
        return self.is_bound and any(self.data.get(name) for name in self.fields)

    def province_items(self, request) -> Sequence:
        """The services of every portal of the province matching the words, sector, field
        and level, from the shared index: each a search hit linking to its portal's own
        domain (sectors and fields by their slugs, the same on every portal)."""
        from search.aggregation import province_items

        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        filters = {
            "sector": data["nganh"].slug if data.get("nganh") else "",
            "field": data["linh_vuc"].slug if data.get("linh_vuc") else "",
            "level": data.get("muc_do") or "",
        }
        return province_items(
            request,
            "services.publicservicepage",
            text=data.get("q") or "",
            filters={k: v for k, v in filters.items() if v},
        )

    def apply(self, services: PublicServiceQuerySet) -> PublicServiceQuerySet:
        """`services` narrowed by the valid filters; invalid ones are ignored."""
        if not self.is_bound:
            return services
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        if data.get("nganh"):
            services = services.filter(sector=data["nganh"])
        if data.get("linh_vuc"):
            services = services.filter(field=data["linh_vuc"])
        if data.get("muc_do"):
            services = services.filter(level=data["muc_do"])
        if data.get("nuoc_ngoai"):
            services = services.for_foreigners()
        if data.get("q"):
            # Accent-insensitive: “dang ky khai sinh” finds “Đăng ký khai sinh”.
            services = keyword_filter(services, data["q"], ("title", "code"))
        return services
