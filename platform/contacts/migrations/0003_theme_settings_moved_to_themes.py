"""ThemeSettings now belongs to `themes` (themes 0001 takes over the table and its rows):
removed from this app's migration state only."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("contacts", "0002_english_contact_details"),
        ("themes", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ThemeSettings")],
            database_operations=[],
        ),
    ]
