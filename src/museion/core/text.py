"""Text that must work in every Latin script: slugs and accent- and case-blind matching.

`slug_for("Weißenburg")` is "weissenburg", `slug_for("Bundsbæk Mølle")` "bundsbaek-molle": letters
that Unicode does not decompose into a base letter and an accent are transliterated the way
their languages write them in ASCII; the name itself is never changed. A name in another script
keeps its letters (a Unicode slug), so no name ends up as an empty slug.

`fold("AMÜSEUM")` is "amuseum": what SQLite compares with the `museion_fold` SQL function
(registered on every connection), since its LIKE folds ASCII letters only.
"""

import unicodedata

from django.db.backends.signals import connection_created
from django.db.models import CharField, Transform
from django.utils.text import slugify

# Letters with no Unicode decomposition, as their languages spell them without them.
TRANSLITERATION = str.maketrans(
    {
        "ß": "ss",
        "ẞ": "SS",
        "æ": "ae",
        "Æ": "AE",
        "ø": "o",
        "Ø": "O",
        "å": "aa",
        "Å": "AA",
        "œ": "oe",
        "Œ": "OE",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "TH",
        "ł": "l",
        "Ł": "L",
        "ı": "i",
        "ħ": "h",
        "Ħ": "H",
        "ŋ": "ng",
        "Ŋ": "NG",
        "ĸ": "q",
    }
)


# For matching, "å" is an "a" with a ring (as PostgreSQL's unaccent reads it), not "aa".
FOLDING = {k: v for k, v in TRANSLITERATION.items() if chr(k) not in "åÅ"}


def transliterate(text: str) -> str:
    return text.translate(TRANSLITERATION)


def slug_for(name: str, max_length: int = 60) -> str:
    """An ASCII slug for a Latin-script name, a Unicode one for a name in another script."""
    slug = slugify(transliterate(name)) or slugify(name, allow_unicode=True)
    if len(slug) > max_length:
        slug = slug[: max_length + 1].rsplit("-", 1)[0][:max_length]
    return slug.strip("-")


def fold(text: str | None) -> str | None:
    """Lower case without accents, for comparisons: "Ishøj" and "ISHOJ" both give "ishoj"."""
    if text is None:
        return None
    decomposed = unicodedata.normalize("NFKD", text.translate(FOLDING).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class Folded(Transform):
    """`name__folded__contains=fold(word)`: accent- and case-blind on every database."""

    lookup_name = "folded"
    output_field = CharField()

    def as_sql(self, compiler, connection):
        sql, params = compiler.compile(self.lhs)
        return f"LOWER({sql})", params

    def as_sqlite(self, compiler, connection):
        sql, params = compiler.compile(self.lhs)
        return f"museion_fold({sql})", params

    def as_postgresql(self, compiler, connection):
        # unaccent is installed by the search migrations (museion.core.search).
        sql, params = compiler.compile(self.lhs)
        return f"LOWER(unaccent({sql}))", params


CharField.register_lookup(Folded)


def register_sqlite_fold(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function("museion_fold", 1, fold, deterministic=True)


connection_created.connect(register_sqlite_fold, dispatch_uid="museion_fold")
