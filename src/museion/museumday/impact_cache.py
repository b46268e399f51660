"""The versions an edition's impact figures are cached under (core.versions).

Each edition's reports are their own kind of content ("museumday-impact-<edition id>"): the
services bump it when a report changes, so the cached aggregates and charts of that edition go
stale at once while other editions' stay warm. The figures also depend on the activities
("museumday") and on the museums ("network"), which core.versions tracks already.
"""

from museion.core import versions

# Any edition's reports: what whole public pages (core.page_cache) are kept under.
ANY_IMPACT = "museumday-impact"
PUBLIC_IMPACT_KINDS = ("museumday", "network", ANY_IMPACT)


def impact_kind(edition_id: int) -> str:
    return f"museumday-impact-{edition_id}"


def impact_stamp(edition_id: int) -> str:
    return versions.stamp("museumday", "network", impact_kind(edition_id))


def bump_impact_version(edition_id: int) -> None:
    """A report of the edition changed: now, and again after the commit (core.versions.bump)."""
    versions.bump(impact_kind(edition_id), ANY_IMPACT)
