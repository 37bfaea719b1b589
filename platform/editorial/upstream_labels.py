"""Labels Wagtail derives from a field's name in English instead of through gettext: the
sites listing's columns and the page field of the workflow and group permission forms.
Given here, once at start-up, the verbose names Wagtail's catalogue translates."""

from __future__ import annotations

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


def label_upstream_fields() -> None:
    from wagtail.admin.forms.workflows import WorkflowPageForm
    from wagtail.models import Site
    from wagtail.sites.views import IndexView as SiteIndexView
    from wagtail.users.forms import PagePermissionsForm

    for column in SiteIndexView.columns:
        if column.name in ("port", "site_name", "root_page"):
            column.label = capfirst(Site._meta.get_field(column.name).verbose_name)
    for form in (WorkflowPageForm, PagePermissionsForm):
        form.base_fields["page"].label = _("Page")
