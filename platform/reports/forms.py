from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import PeriodicReport


class PeriodForm(forms.Form):
    period = forms.ChoiceField(label=_("Kỳ báo cáo"))

    def __init__(self, *args, periods=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.periods = {p.key: p for p in periods}
        self.fields["period"].choices = [(p.key, p.label) for p in periods]

    @property
    def chosen(self):
        return self.periods[self.cleaned_data["period"]]


class NarrativeForm(forms.ModelForm):
    report_date = forms.DateField(
        label=_("Ngày báo cáo"), required=False, input_formats=["%d/%m/%Y"],
        widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"}),
    )

    class Meta:
        model = PeriodicReport
        fields = [
            "number", "place", "report_date", "achievements", "difficulties", "proposals",
            "recipients", "signer_name", "signer_title",
        ]
        widgets = {name: forms.Textarea(attrs={"rows": 5}) for name in
                   ("achievements", "difficulties", "proposals", "recipients")}
