# The standing pages now belong to the site app (its 0001 took the table over).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("news", "0001_initial"), ("site", "0001_initial")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Page")],
            database_operations=[],
        ),
    ]
