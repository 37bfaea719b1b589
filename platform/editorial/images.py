"""Alt text for every image: the upload and edit forms require a description (what pages
give as alt text) unless the editor ticks that the image is decorative; pages then give
`alt=""`. Never the file name, which Wagtail would otherwise take as the title and alt text.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from wagtail.images.forms import BaseImageForm

DECORATIVE_LABEL = _("Ảnh trang trí (không cần mô tả)")


class ImageForm(BaseImageForm):
    """Wagtail's image form (upload, edit, the chooser's upload and the batch upload's
    per-image form) with the description required unless the image is decorative.

    In the batch upload an image without a description is held back as an upload until its
    own form is completed: Wagtail does so for any required field the file alone cannot fill.
    """

    decorative = forms.BooleanField(
        label=DECORATIVE_LABEL, required=False,
        help_text=_(
            "Chỉ chọn khi ảnh không mang thông tin (hoa văn, đường viền): trình đọc màn hình "
            "sẽ bỏ qua ảnh."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            field = self.fields["description"]
            field.label = _("Mô tả ảnh (văn bản thay thế)")
            field.help_text = _(
                "Bắt buộc: điều người xem thấy trong ảnh, cho người không nhìn được ảnh "
                "(ví dụ “Đồng chí Chủ tịch UBND tỉnh phát biểu tại hội nghị”), không phải tên tệp."
            )
            field.widget.attrs["aria-required"] = "true"
        if self.instance.pk:
            self.initial.setdefault("decorative", is_decorative(self.instance))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if "description" in self.fields:
            description = (cleaned.get("description") or "").strip()
            cleaned["description"] = description
            if not description and not cleaned.get("decorative"):
                self.add_error("description", _(
                    "Hãy mô tả ảnh cho người không nhìn được ảnh, hoặc chọn “Ảnh trang trí”."
                ))
        return cleaned

    def save(self, commit: bool = True):
        # Recorded when the image itself is saved (editorial.apps), so that views saving
        # with commit=False record it too.
        self.instance._decorative_choice = bool(self.cleaned_data.get("decorative"))
        return super().save(commit=commit)


def record_decorative_choice(sender: type, instance: Any, **kwargs: Any) -> None:
    """post_save of the image model: keep the editor's decorative choice."""
    from .models import DecorativeImage

    choice = getattr(instance, "_decorative_choice", None)
    if choice is None:
        return
    del instance._decorative_choice
    if choice:
        DecorativeImage.objects.get_or_create(image=instance)
    else:
        DecorativeImage.objects.filter(image=instance).delete()
    # The reverse one-to-one may be cached from before the change.
    instance._state.fields_cache.pop("decorative_mark", None)


def is_decorative(image: Any) -> bool:
    from .models import DecorativeImage

    try:
        return image.decorative_mark is not None
    except DecorativeImage.DoesNotExist:
        return False


def alt_text(image: Any) -> str:
    """The alt text of `image` on a page: empty when decorative, else its description
    (empty too when an older image has none: better silent than its file name)."""
    if image is None or is_decorative(image):
        return ""
    return (getattr(image, "description", "") or "").strip()


def images_missing_alt_text() -> QuerySet:
    """The images of the current portal with neither a description nor the decorative mark."""
    from wagtail.images import get_image_model

    return get_image_model().objects.filter(description__regex=r"^\s*$", decorative_mark__isnull=True)
