"""Wagtail's document view also refuses documents only restricted pages use
(`core.media_access`); restricted collections it checks itself."""

from __future__ import annotations

from django.http import Http404

from wagtail import hooks

from core.media_access import pages_allow


@hooks.register("before_serve_document")
def refuse_documents_of_restricted_pages(document, request):
    if not pages_allow(document, request):
        raise Http404
