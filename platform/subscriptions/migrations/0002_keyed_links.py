"""Links keyed with the site's secret: the subscriptions already made keep accepting the
link their mails carry (`token` itself), the new ones do not. The subscription mails already
delivered lose their body and headers, which hold those links (as delivery now does)."""

from django.db import migrations, models


def forget_delivered_links(apps, schema_editor) -> None:
    Notification = apps.get_model("participation", "Notification")
    Notification.objects.filter(purpose="subscription", status="sent").update(body="", headers={})


class Migration(migrations.Migration):
    dependencies = [
        ("subscriptions", "0001_initial"),
        ("participation", "0003_notification_headers_notification_purpose"),
    ]

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
        migrations.RunPython(forget_delivered_links, migrations.RunPython.noop),
    ]
