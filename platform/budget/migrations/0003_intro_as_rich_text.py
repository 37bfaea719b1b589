"""The budget section's intro is rich text like every section's: the plain text stored so
far becomes paragraphs (a blank line between paragraphs, line breaks kept), in the page
and in its revisions."""

from html import unescape

from django.db import migrations
from django.utils.html import linebreaks, strip_tags


def _to_html(text: str) -> str:
    return linebreaks(text, autoescape=True) if text and not text.lstrip().startswith("<") else text


def _to_text(html: str) -> str:
    return unescape(strip_tags(html.replace("<br>", "\n").replace("</p>", "\n\n"))).strip()


def _convert(apps, convert) -> None:
    BudgetIndexPage = apps.get_model("budget", "BudgetIndexPage")
    for page in BudgetIndexPage.objects.exclude(intro=""):
        BudgetIndexPage.objects.filter(pk=page.pk).update(intro=convert(page.intro))
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(app_label="budget", model="budgetindexpage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        intro = revision.content.get("intro")
        if intro:
            revision.content["intro"] = convert(intro)
            revision.save(update_fields=["content"])


def forwards(apps, schema_editor):
    _convert(apps, _to_html)


def backwards(apps, schema_editor):
    _convert(apps, _to_text)


class Migration(migrations.Migration):

    dependencies = [
        ("budget", "0002_core_blocks_and_rich_text_intro"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
