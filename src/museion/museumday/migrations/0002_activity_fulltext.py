# The SQL is written out here, as it was when this migration was made: a migration must keep
# doing what it did, whatever the search code (museion.core.search) later becomes.
from django.db import migrations

CREATE = {
    "sqlite": [
        "CREATE VIRTUAL TABLE museumday_activity_fts USING fts5(title, description, content='museumday_activity', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
        "CREATE TRIGGER museumday_activity_fts_ai AFTER INSERT ON museumday_activity BEGIN INSERT INTO museumday_activity_fts(rowid, title, description) VALUES (new.id, new.title, new.description); END",
        "CREATE TRIGGER museumday_activity_fts_ad AFTER DELETE ON museumday_activity BEGIN INSERT INTO museumday_activity_fts(museumday_activity_fts, rowid, title, description) VALUES ('delete', old.id, old.title, old.description); END",
        "CREATE TRIGGER museumday_activity_fts_au AFTER UPDATE ON museumday_activity BEGIN INSERT INTO museumday_activity_fts(museumday_activity_fts, rowid, title, description) VALUES ('delete', old.id, old.title, old.description); INSERT INTO museumday_activity_fts(rowid, title, description) VALUES (new.id, new.title, new.description); END",
        "INSERT INTO museumday_activity_fts(museumday_activity_fts) VALUES ('rebuild')",
    ],
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

DROP = {
    "sqlite": [
        "DROP TRIGGER IF EXISTS museumday_activity_fts_ai",
        "DROP TRIGGER IF EXISTS museumday_activity_fts_ad",
        "DROP TRIGGER IF EXISTS museumday_activity_fts_au",
        "DROP TABLE IF EXISTS museumday_activity_fts",
    ],
    "postgresql": [
        "DROP INDEX IF EXISTS museumday_activity_fts",
        "DROP TRIGGER IF EXISTS museumday_activity_search_document ON museumday_activity",
        "DROP FUNCTION IF EXISTS museumday_activity_search_document()",
        "ALTER TABLE museumday_activity DROP COLUMN IF EXISTS search_document",
    ],
}


def _run(statements: dict[str, list[str]]):
    def run(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("museumday", "0001_initial")]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP))]
