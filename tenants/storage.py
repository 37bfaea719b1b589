"""Where the control plane keeps its own files (the province board's decisions, units'
applications): under MEDIA_ROOT/<control plane's schema>/private/, whichever schema the
connection is in when a file is saved. The media view serves portal schemas only and
refuses every `private/` path, so these files have no public address: the console's views
check the account and stream them."""

from __future__ import annotations

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property

from tenants.current import public_schema


@deconstructible
class PlatformFileStorage(FileSystemStorage):
    @cached_property
    def base_location(self) -> str:
        return os.path.join(settings.MEDIA_ROOT, public_schema(), "private")

    @cached_property
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    def url(self, name: str | None) -> str:
        raise ValueError("Tệp của hệ thống không có địa chỉ công khai.")


platform_files = PlatformFileStorage()
