"""Carry over what analytics held: a weekly-digest preference becomes the weekly digest
for every category that can wait, and notices held for a digest stay held."""

from django.db import migrations

CATEGORIES = ("requests", "meetings", "mentoring", "coaching", "messages", "programs", "surveys")


def forwards(apps, schema_editor):
    OldPreference = apps.get_model("analytics", "NotificationPreference")
    PendingNotice = apps.get_model("analytics", "PendingNotice")
    Preference = apps.get_model("notifications", "Preference")
    Notification = apps.get_model("notifications", "Notification")
    weekly = OldPreference.objects.filter(mode="weekly_digest").values_list("user_id", flat=True)
    Preference.objects.bulk_create(
        [
            Preference(user_id=user_id, category=category, mode="weekly")
            for user_id in weekly.iterator()
            for category in CATEGORIES
        ],
        ignore_conflicts=True,
        batch_size=1000,
    )
    held = PendingNotice.objects.filter(digest__isnull=True)
    Notification.objects.bulk_create(
        [
            Notification(
                recipient_id=notice.user_id,
                kind="legacy.notice",
                category="programs",
                key=f"legacy.notice:analytics.pendingnotice:{notice.pk}:",
                text=notice.subject[:300],
                email="weekly",
            )
            for notice in held.iterator()
        ],
        ignore_conflicts=True,
        batch_size=1000,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_notifications"),
        ("analytics", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
