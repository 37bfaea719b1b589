"""ThemeSettings moves here from `contacts`: the model only, its table and rows stay.

The model is created in the migration state on the existing table (`contacts_themesettings`,
renamed in 0002), and its content type follows it, so the permissions a board head was given
on the portal's look are kept.
"""

import django.db.models.deletion
from django.db import migrations, models

import themes.models


def content_type_to_themes(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="contacts", model="themesettings").update(
        app_label="themes"
    )


def content_type_to_contacts(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="themes", model="themesettings").update(
        app_label="contacts"
    )


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contacts", "0002_english_contact_details"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ThemeSettings",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("primary_colour", models.CharField(default="#a50e0e", help_text="Mã màu dạng #RRGGBB.", max_length=7, validators=[themes.models.validate_hex_colour], verbose_name="màu chủ đạo")),
                        ("banner", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="wagtailimages.image", verbose_name="ảnh băng rôn đầu trang")),
                        ("emblem", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="wagtailimages.image", verbose_name="biểu trưng (quốc huy, logo)")),
                        ("site", models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to="wagtailcore.site")),
                    ],
                    options={
                        "verbose_name": "giao diện của Cổng",
                        "verbose_name_plural": "giao diện của Cổng",
                        "db_table": "contacts_themesettings",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_type_to_themes, content_type_to_contacts),
    ]
