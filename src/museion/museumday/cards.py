"""Activity cards (lists, embeds) and activity pages, kept in the cache under what they show.

A list page after an edit, or for a logged-in reader, renders only the cards whose content
changed, and an activity's page only when the activity, its translations, its museum or its
edition changed: the key holds every value shown (so an edited activity, an approved
translation or a renamed museum makes a new key by itself), the interface language and the
build (see museion.core.fragments).
"""

from django.template.loader import get_template
from django.utils.safestring import mark_safe

from museion.core import fragments

TEMPLATE = "museumday/activity_card.html"


def card_parts(activity, *, heading: str, embed: bool) -> tuple:
    """Everything activity_card.html shows, besides the code and the language."""
    shown = activity.for_reader
    return (
        "activity-card",
        activity.pk,
        shown.language,
        shown.title,
        activity.category,
        activity.attendance_mode,
        activity.starts_at.isoformat(),
        activity.timezone,
        activity.city,
        activity.country.code,
        activity.museum.name,
        heading,
        embed,
    )


def activity_cards(activities, *, heading: str = "", embed: bool = False) -> str:
    """The <li> cards of `activities` (museum selected, reader's translation prefetched)."""
    heading, embed = heading or "h3", bool(embed)
    template = get_template(TEMPLATE)

    def render(activity) -> str:
        return template.render({"activity": activity, "heading": heading, "embed": embed})

    cards = fragments.cached_many(
        activities,
        key_of=lambda activity: card_parts(activity, heading=heading, embed=embed),
        render=render,
    )
    return mark_safe("".join(cards))  # noqa: S308 - rendered by the autoescaping template


def detail_parts(activity, shown, versions: list[dict]) -> tuple:
    """Everything the article of activity_detail.html shows: the activity's row, the version
    shown, the other versions, its museum and edition."""
    return (
        "activity-page",
        fragments.row_parts(activity),
        fragments.row_parts(shown) if shown is not activity else None,
        repr(versions),
        fragments.row_parts(activity.museum),
        fragments.row_parts(activity.edition),
    )
