"""A Vietnamese page withdrawn from the public takes its translations with it: an English
page must not go on showing what the portal no longer publishes (a leader who has left, a
service no longer offered)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.dispatch import receiver

from wagtail.signals import page_unpublished

log = logging.getLogger(__name__)


@receiver(page_unpublished)
def unpublish_translations(sender, instance, **kwargs) -> None:
    if instance.locale.language_code != settings.LANGUAGE_CODE:
        return
    for translation in instance.get_translations().live():
        translation.specific.unpublish()
        log.info("%s unpublished with its source page %s", translation.url_path, instance.pk)
