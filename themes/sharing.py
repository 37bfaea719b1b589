"""What a page tells the apps it is shared to, and the links that share it.

Open Graph and Twitter card tags (title, description, address, image, locale, portal) let a
link pasted into Zalo or Facebook show a card. The share links are plain addresses of each
network's share page: no script of theirs is loaded on a portal page (the Content-Security-
Policy allows none, and a visitor is not tracked for reading a page). Nothing here queries
the database: the page and the portal are already loaded, and the card's image is an address
of this portal (`themes.views.share_image`) that finds the image only when an app asks.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.db import models
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator

# Fields of a page that may say what it is about when it has no search description.
SUMMARY_FIELDS = ("summary", "intro", "excerpt", "description", "abstract", "body_text")
DESCRIPTION_LENGTH = 200
OG_LOCALES = {"vi": "vi_VN", "en": "en_GB"}


def page_image_field(page) -> str | None:
    """The name of the page's first image field that holds an image (its `_id` column is on
    the page already, so no query), or None."""
    from wagtail.images import get_image_model

    image_model = get_image_model()
    for field in page._meta.concrete_fields:
        if (
            isinstance(field, models.ForeignKey)
            and field.related_model is image_model
            and getattr(page, field.attname, None)
        ):
            return field.name
    return None


def page_description(page, fallback: str = "") -> str:
    """The page's search description, else the first summary-like text it has, else the
    fallback (the portal's name): every page type has a meta description."""
    text = getattr(page, "search_description", "") or ""
    if not text:
        for name in SUMMARY_FIELDS:
            value = getattr(page, name, None)
            if isinstance(value, str) and value.strip():
                text = value
                break
    text = " ".join(strip_tags(text).split())
    return Truncator(text or fallback).chars(DESCRIPTION_LENGTH)


def absolute_url(request: HttpRequest, path: str) -> str:
    """`path` on the host the visitor addressed (a portal answers on several domains)."""
    return f"{request.scheme}://{request.get_host()}{path}"


@dataclass(frozen=True)
class ShareLink:
    key: str  # facebook, zalo, email
    label: str
    url: str


def zalo_share_url(url: str, title: str) -> str:
    # Zalo's share page takes its parameters as base64 JSON in `d` (what its button sends).
    payload = json.dumps({"url": url, "title": title}, ensure_ascii=False).encode()
    return "https://sp.zalo.me/share_inline?" + urlencode({"d": base64.b64encode(payload).decode()})


def share_links(url: str, title: str) -> list[ShareLink]:
    """Facebook, Zalo and e-mail: plain links that open the network's own share page (or the
    visitor's mail program) in a new tab; the copy-link button is in the template."""
    from django.utils.translation import gettext

    return [
        ShareLink("facebook", "Facebook", "https://www.facebook.com/sharer/sharer.php?"
                  + urlencode({"u": url})),
        ShareLink("zalo", "Zalo", zalo_share_url(url, title)),
        ShareLink("email", gettext("Thư điện tử"),
                  f"mailto:?subject={quote(title)}&body={quote(title + chr(10) + url)}"),
    ]


def share_image_url(request: HttpRequest, page) -> str:
    return absolute_url(request, reverse("share_image", args=[page.pk]))


def pdf_url(page) -> str:
    return reverse("page_pdf", args=[page.pk])
