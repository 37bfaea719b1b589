"""Links keyed with the site's secret: the subscriptions already made keep accepting the
link their mails carry (`token` itself), the new ones do not."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("subscriptions", "0001_initial")]

    operations = [
        # Every row there is now is a legacy one; every later row is not.
        migrations.AddField(
            model_name="subscription",
            name="legacy_link",
            field=models.BooleanField(default=True, editable=False),
        ),
        migrations.AlterField(
            model_name="subscription",
            name="legacy_link",
            field=models.BooleanField(default=False, editable=False),
        ),
    ]
