"""Full-text search behind one small interface: SQLite FTS5 or PostgreSQL full-text.

A model opts in with a migration built by `index_operations(table, fields)`; queries go through
`search_filter(queryset, fields, text)`. The backend follows the database vendor.
"""

import re

from django.db import connections, migrations
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 12


def terms(text: str) -> list[str]:
    return _WORD.findall(text or "")[:MAX_TERMS]


def _fts_table(table: str) -> str:
    return f"{table}_fts"


def _pg_document(table: str, fields: list[str], qualified: bool) -> str:
    prefix = f'"{table}".' if qualified else ""
    parts = " || ' ' || ".join(f"coalesce({prefix}\"{f}\", '')" for f in fields)
    return f"to_tsvector('simple'::regconfig, {parts})"


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
        tsquery = " & ".join(w.replace("'", "") for w in words[:-1])
        tsquery = (tsquery + " & " if tsquery else "") + words[-1] + ":*"
        sql = f"{_pg_document(table, fields, qualified=True)} @@ to_tsquery('simple', %s)"
        return queryset.filter(RawSQL(sql, [tsquery], output_field=BooleanField()))
    query = None
    for word in words:
        word_q = Q()
        for field in fields:
            word_q |= Q(**{f"{field}__icontains": word})
        query = word_q if query is None else query & word_q
    return queryset.filter(query)


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
            schema_editor.execute(
                f"CREATE INDEX {table}_fts ON {table} USING gin "
                f"({_pg_document(table, fields, qualified=False)})"
            )

    def drop(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        if vendor == "sqlite":
            fts = _fts_table(table)
            for suffix in ("ai", "ad", "au"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
            schema_editor.execute(f"DROP TABLE IF EXISTS {fts}")
        elif vendor == "postgresql":
            schema_editor.execute(f"DROP INDEX IF EXISTS {table}_fts")

    return [migrations.RunPython(create, drop)]
