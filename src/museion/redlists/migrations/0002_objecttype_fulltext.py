from django.db import migrations

from museion.core.search import index_operations

SEARCH_FIELDS = [
    "title",
    "object_name",
    "object_subtype",
    "materials",
    "techniques",
    "subject",
    "period_name",
    "place_of_origin",
    "culture",
    "maker",
    "inscriptions",
    "distinguishing_features",
    "description",
]


class Migration(migrations.Migration):
    dependencies = [("redlists", "0001_initial")]

    operations = index_operations("redlists_objecttype", SEARCH_FIELDS)
