"""The QR code an authenticator app scans, drawn on the server as inline SVG: no script,
no request to anyone else, no inline style (the pages' Content-Security-Policy holds)."""

from __future__ import annotations

import segno

from django.utils.safestring import SafeString, mark_safe


def qr_svg(uri: str, title: str) -> SafeString:
    code = segno.make(uri, error="m")
    # segno escapes the title; the URI is only drawn, never written out as text.
    svg = code.svg_inline(scale=4, border=2, title=title, svgclass="totp-qr", lineclass=None, dark="#000")
    return mark_safe(svg)  # noqa: S308 - generated above from our own data
