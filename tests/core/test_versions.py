"""Content versions: each kind changes on its own edits only, deletions included."""

import time

from django.core.cache import cache

from museion.core import versions
from museion.museumday.queries import public_read

from ..factories import ActivityFactory


def test_bumping_one_kind_leaves_the_others_as_they_were(db):
    before = versions.numbers("museumday", "news", "conference")
    versions.bump("museumday")
    after = versions.numbers("museumday", "news", "conference")
    assert after["museumday"] > before["museumday"]
    assert after["news"] == before["news"]
    assert after["conference"] == before["conference"]


def test_saving_and_deleting_an_activity_bump_museum_day_only(db):
    activity = ActivityFactory()
    before = versions.numbers("museumday", "news", "conference")
    activity.title = "Renamed"
    activity.save()
    saved = versions.numbers("museumday", "news", "conference")
    assert saved["museumday"] > before["museumday"]
    assert (saved["news"], saved["conference"]) == (before["news"], before["conference"])
    activity.delete()
    assert versions.numbers("museumday")["museumday"] > saved["museumday"]


def test_a_bump_inside_a_transaction_is_repeated_after_the_commit(
    db, django_capture_on_commit_callbacks
):
    start = versions.numbers("news")["news"]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        versions.bump("news")
        inside = versions.numbers("news")["news"]
    assert inside > start
    for callback in callbacks:
        callback()
    assert versions.numbers("news")["news"] > inside


def test_a_lost_version_restarts_above_every_earlier_number(db):
    versions.bump("museumday")
    earlier = versions.numbers("museumday")["museumday"]
    cache.delete(versions.KEY_PREFIX + "museumday")
    time.sleep(0.001)  # numbers restart from the clock, in microseconds
    assert versions.numbers("museumday")["museumday"] > earlier


def test_cached_answers_follow_their_kinds_only(db):
    built = []

    def build():
        built.append(1)
        return len(built)

    assert versions.cached(("conference",), "answer", build, 60) == 1
    versions.bump("museumday")
    assert versions.cached(("conference",), "answer", build, 60) == 1
    versions.bump("conference")
    assert versions.cached(("conference",), "answer", build, 60) == 2


def test_public_reads_of_museum_day_follow_a_renamed_museum(db):
    activity = ActivityFactory()
    assert public_read("name", lambda: activity.museum.name, 60) == activity.museum.name
    activity.museum.name = "Renamed museum"
    activity.museum.save()
    assert public_read("name", lambda: "rebuilt", 60) == "rebuilt"
