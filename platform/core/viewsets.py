"""The admin of the labels editors choose from (core.models.Label)."""

from __future__ import annotations

from wagtail.snippets.views.snippets import SnippetViewSet


class LabelViewSet(SnippetViewSet):
    """A label snippet's admin: listed by name and order, searched by name. A copy of a
    label would only clash with its unique name, so there is none."""

    icon = "tag"
    list_display = ["name", "sort_order"]
    search_fields = ["name"]
    copy_view_enabled = False
