# The SQL is written out here, as it was when this migration was made: a migration must keep
# doing what it did, whatever the search code (museion.core.search) later becomes.
from django.db import migrations

CREATE = {
    "sqlite": [
        "CREATE VIRTUAL TABLE redlists_objecttype_fts USING fts5(title, object_name, object_subtype, materials, techniques, subject, period_name, place_of_origin, culture, maker, inscriptions, distinguishing_features, description, content='redlists_objecttype', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
        "CREATE TRIGGER redlists_objecttype_fts_ai AFTER INSERT ON redlists_objecttype BEGIN INSERT INTO redlists_objecttype_fts(rowid, title, object_name, object_subtype, materials, techniques, subject, period_name, place_of_origin, culture, maker, inscriptions, distinguishing_features, description) VALUES (new.id, new.title, new.object_name, new.object_subtype, new.materials, new.techniques, new.subject, new.period_name, new.place_of_origin, new.culture, new.maker, new.inscriptions, new.distinguishing_features, new.description); END",
        "CREATE TRIGGER redlists_objecttype_fts_ad AFTER DELETE ON redlists_objecttype BEGIN INSERT INTO redlists_objecttype_fts(redlists_objecttype_fts, rowid, title, object_name, object_subtype, materials, techniques, subject, period_name, place_of_origin, culture, maker, inscriptions, distinguishing_features, description) VALUES ('delete', old.id, old.title, old.object_name, old.object_subtype, old.materials, old.techniques, old.subject, old.period_name, old.place_of_origin, old.culture, old.maker, old.inscriptions, old.distinguishing_features, old.description); END",
        "CREATE TRIGGER redlists_objecttype_fts_au AFTER UPDATE ON redlists_objecttype BEGIN INSERT INTO redlists_objecttype_fts(redlists_objecttype_fts, rowid, title, object_name, object_subtype, materials, techniques, subject, period_name, place_of_origin, culture, maker, inscriptions, distinguishing_features, description) VALUES ('delete', old.id, old.title, old.object_name, old.object_subtype, old.materials, old.techniques, old.subject, old.period_name, old.place_of_origin, old.culture, old.maker, old.inscriptions, old.distinguishing_features, old.description); INSERT INTO redlists_objecttype_fts(rowid, title, object_name, object_subtype, materials, techniques, subject, period_name, place_of_origin, culture, maker, inscriptions, distinguishing_features, description) VALUES (new.id, new.title, new.object_name, new.object_subtype, new.materials, new.techniques, new.subject, new.period_name, new.place_of_origin, new.culture, new.maker, new.inscriptions, new.distinguishing_features, new.description); END",
        "INSERT INTO redlists_objecttype_fts(redlists_objecttype_fts) VALUES ('rebuild')",
    ],
    "postgresql": [
        "CREATE EXTENSION IF NOT EXISTS unaccent",
        "DO $$ BEGIN\n    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'museion_unaccent') THEN\n        CREATE TEXT SEARCH CONFIGURATION museion_unaccent (COPY = simple);\n        ALTER TEXT SEARCH CONFIGURATION museion_unaccent\n            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;\n    END IF;\n    END $$",
        "DROP INDEX IF EXISTS redlists_objecttype_fts",
        "ALTER TABLE redlists_objecttype ADD COLUMN IF NOT EXISTS search_document tsvector",
        "CREATE OR REPLACE FUNCTION redlists_objecttype_search_document() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.search_document := to_tsvector('museion_unaccent'::regconfig, coalesce(NEW.\"title\", '') || ' ' || coalesce(NEW.\"object_name\", '') || ' ' || coalesce(NEW.\"object_subtype\", '') || ' ' || coalesce(NEW.\"materials\", '') || ' ' || coalesce(NEW.\"techniques\", '') || ' ' || coalesce(NEW.\"subject\", '') || ' ' || coalesce(NEW.\"period_name\", '') || ' ' || coalesce(NEW.\"place_of_origin\", '') || ' ' || coalesce(NEW.\"culture\", '') || ' ' || coalesce(NEW.\"maker\", '') || ' ' || coalesce(NEW.\"inscriptions\", '') || ' ' || coalesce(NEW.\"distinguishing_features\", '') || ' ' || coalesce(NEW.\"description\", '')); RETURN NEW; END $$",
        "DROP TRIGGER IF EXISTS redlists_objecttype_search_document ON redlists_objecttype",
        "CREATE TRIGGER redlists_objecttype_search_document BEFORE INSERT OR UPDATE OF \"title\", \"object_name\", \"object_subtype\", \"materials\", \"techniques\", \"subject\", \"period_name\", \"place_of_origin\", \"culture\", \"maker\", \"inscriptions\", \"distinguishing_features\", \"description\" ON redlists_objecttype FOR EACH ROW EXECUTE FUNCTION redlists_objecttype_search_document()",
        "UPDATE redlists_objecttype SET search_document = to_tsvector('museion_unaccent'::regconfig, coalesce(\"title\", '') || ' ' || coalesce(\"object_name\", '') || ' ' || coalesce(\"object_subtype\", '') || ' ' || coalesce(\"materials\", '') || ' ' || coalesce(\"techniques\", '') || ' ' || coalesce(\"subject\", '') || ' ' || coalesce(\"period_name\", '') || ' ' || coalesce(\"place_of_origin\", '') || ' ' || coalesce(\"culture\", '') || ' ' || coalesce(\"maker\", '') || ' ' || coalesce(\"inscriptions\", '') || ' ' || coalesce(\"distinguishing_features\", '') || ' ' || coalesce(\"description\", ''))",
        "CREATE INDEX redlists_objecttype_fts ON redlists_objecttype USING gin (search_document)",
    ],
}

DROP = {
    "sqlite": [
        "DROP TRIGGER IF EXISTS redlists_objecttype_fts_ai",
        "DROP TRIGGER IF EXISTS redlists_objecttype_fts_ad",
        "DROP TRIGGER IF EXISTS redlists_objecttype_fts_au",
        "DROP TABLE IF EXISTS redlists_objecttype_fts",
    ],
    "postgresql": [
        "DROP INDEX IF EXISTS redlists_objecttype_fts",
        "DROP TRIGGER IF EXISTS redlists_objecttype_search_document ON redlists_objecttype",
        "DROP FUNCTION IF EXISTS redlists_objecttype_search_document()",
        "ALTER TABLE redlists_objecttype DROP COLUMN IF EXISTS search_document",
    ],
}


def _run(statements: dict[str, list[str]]):
    def run(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("redlists", "0001_initial")]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP))]
