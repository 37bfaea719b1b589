"""One block library: every StreamField of every section is built from blocks whose
templates live in one tree (themes/base/templates/blocks/)."""

from __future__ import annotations

import pytest

from django.apps import apps
from django.template.loader import get_template

from wagtail import blocks
from wagtail.fields import StreamField

PROJECT_BLOCK_MODULES = ("core.", "introduction.", "services.")


def _walk(block):
    yield block
    children = getattr(block, "child_blocks", None)
    if children:
        for child in children.values():
            yield from _walk(child)
    child = getattr(block, "child_block", None)
    if child is not None:
        yield from _walk(child)


def _stream_fields():
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                yield f"{model._meta.label}.{field.name}", field.stream_block


STREAM_FIELDS = dict(_stream_fields())


def test_the_sections_have_stream_fields():
    assert {"news.NewsArticlePage.body", "introduction.OrganisationPage.body",
            "planning.PlanningItemPage.attachments", "services.PublicServicePage.guide"} <= set(
        STREAM_FIELDS
    )


@pytest.mark.parametrize("name", sorted(STREAM_FIELDS))
def test_every_block_of_ours_has_its_template_in_the_one_tree(name):
    for block in _walk(STREAM_FIELDS[name]):
        if not type(block).__module__.startswith(PROJECT_BLOCK_MODULES):
            continue
        template = getattr(block.meta, "template", None)
        if isinstance(block, blocks.StreamBlock) and template is None:
            continue  # rendered block by block (a service's guide)
        assert template and template.startswith("blocks/"), (name, type(block), template)
        get_template(template)
        if not isinstance(block, blocks.StreamBlock):
            assert block.meta.icon and block.label and block.meta.description, (name, type(block))


def test_articles_and_introduction_pages_share_one_body_and_items_one_attachments_block():
    from core.blocks import AttachmentsBlock, BodyBlock

    for name in ["news.NewsArticlePage.body", "direction.LawDisseminationPage.body",
                 "introduction.OrganisationPage.body", "introduction.HistoryCulturePage.body"]:
        assert isinstance(STREAM_FIELDS[name], BodyBlock), name
    for name in ["planning.PlanningItemPage.attachments", "budget.BudgetDisclosurePage.attachments",
                 "portal_statistics.StatisticsReleasePage.data_files",
                 "contacts.StatementPage.attachments", "science.ScienceProgrammePage.attachments",
                 "projects.ProjectPage.attachments"]:
        assert isinstance(STREAM_FIELDS[name], AttachmentsBlock), name
