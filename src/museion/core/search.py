"""Full-text search behind one small interface: SQLite FTS5 or PostgreSQL full-text.

A model opts in with a migration that creates its index: `index_operations(table, fields)` gives
the statements, which the migration writes out literally (see museumday's 0002), so that the
migration keeps doing what it did whatever this module becomes. Queries go through
`search_filter(queryset, fields, text)`. The backend follows the database vendor. Both ignore
case and accents ("musee" finds "musée"): SQLite through FTS5's `remove_diacritics`, PostgreSQL
through the `unaccent` dictionary in a text search configuration of our own, queried with
`django.contrib.postgres.search.SearchQuery`.
"""

import re

from django.contrib.postgres.search import SearchQuery
from django.db import connections, migrations
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 12
PG_CONFIG = "museion_unaccent"
PG_DOCUMENT = "search_document"
# unaccent is a trusted extension (PostgreSQL 13+): the database owner may create it.
_PG_SETUP = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    f"""DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{PG_CONFIG}') THEN
        CREATE TEXT SEARCH CONFIGURATION {PG_CONFIG} (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION {PG_CONFIG}
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
    END IF;
    END $$""",
]


def terms(text: str) -> list[str]:
    return _WORD.findall(text or "")[:MAX_TERMS]


def _fts_table(table: str) -> str:
    return f"{table}_fts"


def _pg_document(fields: list[str], row: str = "") -> str:
    parts = " || ' ' || ".join(f"coalesce({row}\"{f}\", '')" for f in fields)
    return f"to_tsvector('{PG_CONFIG}'::regconfig, {parts})"


def _pg_index_statements(table: str, fields: list[str]) -> list[str]:
    """A tsvector column kept up to date by a trigger, and its GIN index.

    A stored document, not an index on the expression: filtering a row by it is then cheap, so
    PostgreSQL may walk the listing's order index and test each row, which with the expression
    meant re-running to_tsvector per row (50 ms to seconds at 100,000 rows). Idempotent, so it
    also upgrades a database built with the expression index.
    """
    function = f"{table}_search_document"
    columns = ", ".join(f'"{f}"' for f in fields)
    return [
        *_PG_SETUP,
        f"DROP INDEX IF EXISTS {table}_fts",
        f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {PG_DOCUMENT} tsvector",
        f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN NEW.{PG_DOCUMENT} := {_pg_document(fields, 'NEW.')}; RETURN NEW; END $$",
        f"DROP TRIGGER IF EXISTS {function} ON {table}",
        f"CREATE TRIGGER {function} BEFORE INSERT OR UPDATE OF {columns} ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {function}()",
        f"UPDATE {table} SET {PG_DOCUMENT} = {_pg_document(fields)}",
        f"CREATE INDEX {table}_fts ON {table} USING gin ({PG_DOCUMENT})",
    ]


def search_filter(queryset: QuerySet, fields: list[str], text: str) -> QuerySet:
    """Rows whose `fields` contain every word of `text` (prefix match on the last word)."""
    words = terms(text)
    if not words:
        return queryset
    table = queryset.model._meta.db_table
    vendor = connections[queryset.db].vendor
    if vendor == "sqlite":
        fts = _fts_table(table)
        match = " ".join(f'"{w}"' for w in words[:-1]) + f' "{words[-1]}"*'
        sql = f'"{table}"."id" IN (SELECT rowid FROM "{fts}" WHERE "{fts}" MATCH %s)'
        return queryset.filter(RawSQL(sql, [match.strip()], output_field=BooleanField()))
    if vendor == "postgresql":
        return _pg_search(queryset, table, words)
    query = None
    for word in words:
        word_q = Q()
        for field in fields:
            word_q |= Q(**{f"{field}__icontains": word})
        query = word_q if query is None else query & word_q
    return queryset.filter(query)


def _pg_search(queryset: QuerySet, table: str, words: list[str]) -> QuerySet:
    """Every word as typed, the last one also as the start of a word (search as you type).

    The document is a column that the migration's trigger keeps, outside the model's fields, so
    the query is compiled on its own and matched against it.
    """
    query = SearchQuery(f"{words[-1]}:*", search_type="raw", config=PG_CONFIG)
    for word in words[:-1]:
        query = SearchQuery(word, search_type="plain", config=PG_CONFIG) & query
    compiler = queryset.query.get_compiler(queryset.db)
    sql, params = query.resolve_expression(queryset.query).as_sql(compiler, compiler.connection)
    match = RawSQL(f'"{table}"."{PG_DOCUMENT}" @@ ({sql})', params, output_field=BooleanField())
    return queryset.filter(match)


def index_operations(table: str, fields: list[str]) -> list[migrations.RunPython]:
    """Migration operations that create (and drop) the full-text index of `table`."""

    def create(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        if vendor == "sqlite":
            fts = _fts_table(table)
            cols = ", ".join(fields)
            new = ", ".join(f"new.{f}" for f in fields)
            old = ", ".join(f"old.{f}" for f in fields)
            for sql in [
                f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', "
                f"content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
                f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
                f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END",
                f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
                f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); END",
                f"CREATE TRIGGER {fts}_au AFTER UPDATE ON {table} BEGIN "
                f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); "
                f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END",
                f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
            ]:
                schema_editor.execute(sql)
        elif vendor == "postgresql":
            for sql in _pg_index_statements(table, fields):
                schema_editor.execute(sql)

    def drop(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        if vendor == "sqlite":
            fts = _fts_table(table)
            for suffix in ("ai", "ad", "au"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
            schema_editor.execute(f"DROP TABLE IF EXISTS {fts}")
        elif vendor == "postgresql":
            schema_editor.execute(f"DROP INDEX IF EXISTS {table}_fts")
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_search_document ON {table}")
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {table}_search_document()")
            schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS {PG_DOCUMENT}")

    return [migrations.RunPython(create, drop)]
