"""The page tree's root is shown to editors by its title: "Trang gốc", not Wagtail's "Root"."""

from django.db import migrations


def rename_root(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title="Root").update(title="Trang gốc", draft_title="Trang gốc")


def restore_root(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title="Trang gốc").update(title="Root", draft_title="Root")


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_decorativeimage"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(rename_root, restore_root)]
