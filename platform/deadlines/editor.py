"""The item's clock in the page editor.

Wagtail 8 builds the editor's side panels (status, preview, checks, comments) in the edit
and create views themselves: no hook adds one. So the clock is a read-only panel at the top
of the content tab, added to every model that declares a `posting_clock` (the declaration
is all a section writes). It is computed from the page being edited, draft dates included.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel


class PostingClockPanel(Panel):
    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("heading", _("Thời hạn đăng tin"))
        super().__init__(**kwargs)

    @property
    def clean_name(self) -> str:
        return "posting_clock"

    class BoundPanel(Panel.BoundPanel):
        template_name = "deadlines/admin/clock_panel.html"

        def get_context_data(self, parent_context=None) -> dict:
            from . import ledger
            from .clocks import clock_of

            context = super().get_context_data(parent_context)
            ctx = ledger.Context.here()
            clock = clock_of(self.instance)
            context["state"] = ledger.page_clock(self.instance, ctx) if ctx and clock else None
            context["has_clock"] = clock is not None and clock.applies_to(self.instance)
            return context


def add_clock_panels() -> None:
    """Put the clock panel after the title of every clocked page model's content tab."""
    from .registry import clocked_models

    for model in clocked_models():
        panels = list(model.content_panels)
        if any(isinstance(panel, PostingClockPanel) for panel in panels):
            continue
        model.content_panels = [*panels[:1], PostingClockPanel(), *panels[1:]]
