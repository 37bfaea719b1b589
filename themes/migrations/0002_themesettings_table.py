"""The moved ThemeSettings table takes the themes app's name (`themes_themesettings`)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("contacts", "0003_theme_settings_moved_to_themes"),
        ("themes", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelTable(name="themesettings", table=None),
    ]
