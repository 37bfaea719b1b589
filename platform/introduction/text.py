"""NFC normalisation of what editors type (TCVN 6909:2011).

Text pasted from Word or PDF files often arrives decomposed (NFD); stored that way it breaks
search and exact matches, so every text column is normalised before it is written.
"""

from __future__ import annotations

from typing import Any

from django.db import models

from core.text import nfc


def normalise_text_fields(instance: models.Model) -> None:
    """NFC-normalise every character and text column of `instance` in place."""
    for field in instance._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField):
            value = getattr(instance, field.attname)
            if isinstance(value, str):
                setattr(instance, field.attname, nfc(value))


class NFCTextMixin:
    """Put first in the bases of a model: its text columns are saved as NFC."""

    def save(self, *args: Any, **kwargs: Any) -> Any:
        normalise_text_fields(self)  # type: ignore[arg-type]
        return super().save(*args, **kwargs)  # type: ignore[misc]
