"""The stories of the news demo (`manage.py load_news_demo`), kept as data in
data/news_stories.json: the English original first, then its translations.

Outlets and their addresses are invented, on reserved example domains.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).parent / "data" / "news_stories.json"


@dataclass(frozen=True)
class Story:
    """One story: the English original first, then its translations (title, summary, body)."""

    days: int  # from today: negative in the past, positive for a scheduled post
    versions: dict[str, tuple[str, str, str]]
    sources: list[tuple[str, str, str]]  # outlet, title, URL
    edition: int | None = None  # Museum Day year whose demo activities the story is about
    countries: tuple[str, ...] = ()  # one activity of that edition from each of these countries
    sessions: tuple[str, ...] = field(default_factory=tuple)  # demo conference session titles


def _story(entry: dict) -> Story:
    return Story(
        days=entry["days"],
        versions={
            language: (version["title"], version["summary"], version["body"])
            for language, version in entry["versions"].items()
        },
        sources=[(s["outlet"], s["title"], s["url"]) for s in entry["sources"]],
        edition=entry["edition"],
        countries=tuple(entry["countries"]),
        sessions=tuple(entry["sessions"]),
    )


with DATA.open(encoding="utf-8") as source:
    STORIES = [_story(entry) for entry in json.load(source)]
