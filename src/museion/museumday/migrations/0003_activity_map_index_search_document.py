from django.conf import settings
from django.db import migrations, models

from museion.core.search import upgrade_operations


class Migration(migrations.Migration):
    dependencies = [
        ("museumday", "0002_activity_fulltext"),
        ("network", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(model_name="activity", name="activity_geo"),
        migrations.AddIndex(
            model_name="activity",
            index=models.Index(
                fields=["status", "latitude", "longitude", "id"], name="activity_geo"
            ),
        ),
        migrations.AddIndex(
            model_name="activity",
            index=models.Index(fields=["updated_at"], name="activity_updated"),
        ),
        # PostgreSQL: a stored, trigger-maintained search document instead of an expression index.
        *upgrade_operations("museumday_activity", ["title", "description"]),
    ]
