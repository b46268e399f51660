from django.db import migrations

from museion.core.search import index_operations


class Migration(migrations.Migration):
    dependencies = [("museumday", "0001_initial")]

    operations = index_operations("museumday_activity", ["title", "description"])
