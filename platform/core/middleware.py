"""Middleware every schema shares."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse


class LanguageMiddleware:
    """The language of a request comes from its address alone: `/en/…` is English,
    everything else Vietnamese (the admin then follows each user's own preference).

    Django's LocaleMiddleware would also read the browser's Accept-Language header, giving a
    Vietnamese editor with an English browser an English admin and console, and making every
    page vary by that header (which defeats a shared page cache).
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from django.conf import settings
        from django.utils import translation

        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)
