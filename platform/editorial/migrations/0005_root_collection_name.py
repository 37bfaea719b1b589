"""The root collection is shown to editors by its name (upload forms, permissions, the
collection list): "Bộ sưu tập gốc", not Wagtail's "Root"."""

from django.db import migrations

VIETNAMESE = "Bộ sưu tập gốc"


def rename_root(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    Collection.objects.filter(depth=1, name="Root").update(name=VIETNAMESE)


def restore_root(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    Collection.objects.filter(depth=1, name=VIETNAMESE).update(name="Root")


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0004_boardapprovaltask"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(rename_root, restore_root)]
