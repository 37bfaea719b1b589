"""The list of information to be disclosed (disclosure): the editors' rows."""

from __future__ import annotations

import factory

from disclosure.law import Method
from disclosure.models import DisclosureItem, RelatedPortal
from tests.support.factories import ModelFactory


class DisclosureItemFactory(ModelFactory):
    """A row for fees and charges (art. 17.1.o) on another site; built and given to the page
    (`page.items = [DisclosureItemFactory.build(...)]`)."""

    law_item = "o"
    title = factory.Sequence(lambda n: f"Thông tin công khai số {n}")
    link_url = "https://dichvucong.gov.vn/"
    method = Method.PORTAL

    class Meta:
        model = DisclosureItem


class RelatedPortalFactory(ModelFactory):
    name = factory.Sequence(lambda n: f"Cổng thông tin liên quan {n}")
    url = factory.Sequence(lambda n: f"https://cong{n}.gov.vn/")
    group = RelatedPortal.Group.RELATED

    class Meta:
        model = RelatedPortal
