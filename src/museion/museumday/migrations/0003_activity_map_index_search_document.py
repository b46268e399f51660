from django.conf import settings
from django.db import migrations, models

# PostgreSQL: a stored, trigger-maintained search document instead of an expression index.
# The SQL is written out here, as it was when this migration was made: a migration must keep
# doing what it did, whatever the search code (museion.core.search) later becomes.
UPGRADE = {
    "postgresql": [
        "CREATE EXTENSION IF NOT EXISTS unaccent",
        "DO $$ BEGIN\n    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'museion_unaccent') THEN\n        CREATE TEXT SEARCH CONFIGURATION museion_unaccent (COPY = simple);\n        ALTER TEXT SEARCH CONFIGURATION museion_unaccent\n            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;\n    END IF;\n    END $$",
        "DROP INDEX IF EXISTS museumday_activity_fts",
        "ALTER TABLE museumday_activity ADD COLUMN IF NOT EXISTS search_document tsvector",
        "CREATE OR REPLACE FUNCTION museumday_activity_search_document() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.search_document := to_tsvector('museion_unaccent'::regconfig, coalesce(NEW.\"title\", '') || ' ' || coalesce(NEW.\"description\", '')); RETURN NEW; END $$",
        "DROP TRIGGER IF EXISTS museumday_activity_search_document ON museumday_activity",
        "CREATE TRIGGER museumday_activity_search_document BEFORE INSERT OR UPDATE OF \"title\", \"description\" ON museumday_activity FOR EACH ROW EXECUTE FUNCTION museumday_activity_search_document()",
        "UPDATE museumday_activity SET search_document = to_tsvector('museion_unaccent'::regconfig, coalesce(\"title\", '') || ' ' || coalesce(\"description\", ''))",
        "CREATE INDEX museumday_activity_fts ON museumday_activity USING gin (search_document)",
    ],
}


def _run(statements: dict[str, list[str]]):
    def run(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run



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
        migrations.RunPython(_run(UPGRADE), migrations.RunPython.noop),
    ]
