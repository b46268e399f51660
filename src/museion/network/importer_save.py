"""Writing checked registry rows: create new museums, update known ones, in bulk."""

import hashlib
from collections.abc import Iterable, Sequence

from django.db import connections, router
from django.utils import timezone
from django.utils.translation import gettext as _

from museion.core.text import slug_for

from .models import Museum

BATCH_SIZE = 500
FIELDS = (
    "name",
    "kind",
    "country",
    "city",
    "address",
    "postcode",
    "latitude",
    "longitude",
    "timezone",
    "website",
)


def chunks(items: Sequence, size: int = BATCH_SIZE) -> Iterable[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def museum_slug(name: str, external_id: str, digits: int = 8) -> str:
    """Readable and stable: the name, then a short hash of the external id (unique enough)."""
    digest = hashlib.sha256(external_id.encode()).hexdigest()[:digits]
    base = slug_for(name, max_length=60)
    return f"{base or 'museum'}-{digest}"


def _new_slugs(rows: Sequence, db: str) -> dict[str, str]:
    slugs = {row.external_id: museum_slug(row.values["name"], row.external_id) for row in rows}
    taken: set[str] = set()
    for chunk in chunks(list(slugs.values())):
        taken.update(Museum.objects.using(db).filter(slug__in=chunk).values_list("slug", flat=True))
    for row in rows:
        digits = 8
        while slugs[row.external_id] in taken and digits < 64:
            # Same name and same hash prefix: rare enough to afford a query per clash.
            digits += 8
            slug = museum_slug(row.values["name"], row.external_id, digits)
            slugs[row.external_id] = slug
            if Museum.objects.using(db).filter(slug=slug).exists():
                taken.add(slug)
        taken.add(slugs[row.external_id])
    return slugs


def _update(museums: Sequence[Museum], names: Sequence[str], db: str) -> None:
    """Like bulk_update, which spends seconds per thousand rows building CASE expressions:
    one prepared UPDATE run over all rows (executemany) takes a fraction of a second."""
    connection = connections[db]
    fields = [Museum._meta.get_field(name) for name in names]
    quote = connection.ops.quote_name
    table, key = quote(Museum._meta.db_table), quote(Museum._meta.pk.column)
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in fields)
    # Table and column names come from the model; values travel as parameters.
    sql = f"UPDATE {table} SET {assignments} WHERE {key} = %s"  # noqa: S608
    rows = [
        [field.get_db_prep_save(getattr(museum, field.attname), connection) for field in fields]
        + [museum.pk]
        for museum in museums
    ]
    with connection.cursor() as cursor:
        for chunk in chunks(rows):
            cursor.executemany(sql, chunk)


def _current(museum: Museum, name: str):
    value = getattr(museum, name)
    return value.code if name == "country" else value


def save_museums(rows: Sequence) -> tuple[int, int, int]:
    """Create or update one museum per row, matched on external_id: (created, updated, same).

    Editors' additions (languages, committees, editors) and the slug of a known museum are
    left alone; the registry's own fields follow the file, and a museum it lists again is
    active again.
    """
    db = router.db_for_write(Museum)
    existing: dict[str, Museum] = {}
    ids = [row.external_id for row in rows]
    for chunk in chunks(ids):
        for museum in (
            Museum.objects.using(db)
            .filter(external_id__in=chunk)
            .only("external_id", "is_active", *FIELDS)
        ):
            existing[museum.external_id] = museum
    now = timezone.now()
    new_rows, changed = [], []
    for row in rows:
        museum = existing.get(row.external_id)
        if museum is None:
            new_rows.append(row)
            continue
        differences = [name for name in FIELDS if _current(museum, name) != row.values[name]]
        for name in differences:
            setattr(museum, name, row.values[name])
        if not museum.is_active:
            museum.is_active = True
            differences.append("is_active")
        if differences:
            museum.updated_at = now
            changed.append(museum)
    slugs = _new_slugs(new_rows, db)
    Museum.objects.using(db).bulk_create(
        [
            Museum(
                external_id=row.external_id,
                slug=slugs[row.external_id],
                languages=row.values["languages"],
                **{name: row.values[name] for name in FIELDS},
            )
            for row in new_rows
        ],
        batch_size=BATCH_SIZE,
    )
    _update(changed, [*FIELDS, "is_active", "updated_at"], db)
    return len(new_rows), len(changed), len(rows) - len(new_rows) - len(changed)


def apply_aliases(id_prefix: str, aliases: dict[str, str]) -> tuple[int, list[str]]:
    """A registry that retired an id for a new one: the museum keeps its page and history under
    the new id, instead of a second museum appearing. (renamed, warnings)"""
    db = router.db_for_write(Museum)
    renamed, warnings = 0, []
    for old, new in aliases.items():
        old_id, new_id = f"{id_prefix}:{old}", f"{id_prefix}:{new}"
        if old_id == new_id:
            continue
        museums = Museum.objects.using(db).filter(external_id__in=[old_id, new_id])
        found = {museum.external_id: museum for museum in museums}
        if old_id in found and new_id in found:
            warnings.append(
                _("%(old)s was replaced by %(new)s, but both are in the directory: merge them.")
                % {"old": old_id, "new": new_id}
            )
        elif old_id in found:
            Museum.objects.using(db).filter(pk=found[old_id].pk).update(
                external_id=new_id, updated_at=timezone.now()
            )
            renamed += 1
    return renamed, warnings


def mark_missing(id_prefix: str, seen: set[str], *, deactivate: bool) -> tuple[list[str], int]:
    """Museums of this registry that the file no longer lists: never deleted (their activities
    and pages stay); marked inactive when asked. (their "name (id)", how many deactivated)"""
    db = router.db_for_write(Museum)
    listed = Museum.objects.using(db).filter(external_id__startswith=f"{id_prefix}:")
    rows = listed.filter(is_active=True).values_list("pk", "name", "external_id")
    missing = [(pk, name, external_id) for pk, name, external_id in rows if external_id not in seen]
    deactivated = 0
    if deactivate:
        for chunk in chunks([pk for pk, _name, _id in missing]):
            deactivated += (
                Museum.objects.using(db)
                .filter(pk__in=chunk)
                .update(is_active=False, updated_at=timezone.now())
            )
    return [f"{name} ({external_id})" for _pk, name, external_id in missing], deactivated
