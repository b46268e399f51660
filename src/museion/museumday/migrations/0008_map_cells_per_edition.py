from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("museumday", "0007_impact_aggregates"),
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
