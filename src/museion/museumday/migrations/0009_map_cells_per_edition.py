from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("museumday", "0008_calendar_events"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="activity",
            index=models.Index(
                fields=["status", "edition", "latitude", "longitude", "id"],
                name="activity_edition_geo",
            ),
        ),
    ]
