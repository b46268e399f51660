"""Calendar feeds read their events from the database: never an old event, always the same bytes.

Each test clears the cache before reading a feed again, so the feed is built from its rows and
their stored events rather than served whole from the cache.
"""

import io
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import OperationalError
from icalendar import Calendar

from museion.museumday import services, translations
from museion.museumday.ical import store_events
from museion.museumday.models import ActivityTranslation, CalendarEvent

from ..factories import ActivityFactory

FEED = "/museum-day/activities.ics"


def feed(client, language: str = "en", **params) -> bytes:
    cache.clear()
    response = client.get(FEED, params, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content


def events(body: bytes) -> list:
    return Calendar.from_ical(body).walk("VEVENT")


def summaries(body: bytes) -> list[str]:
    return [str(event["SUMMARY"]) for event in events(body)]


@pytest.fixture
def english(edition, museum):
    """A published activity written in English, so French readers may get a translation."""
    return ActivityFactory(
        edition=edition, museum=museum, language="en", title="Night at the museum"
    )


def test_feed_keeps_each_event_once_per_language(client, published, english):
    feed(client)
    feed(client, "fr")
    stored = CalendarEvent.objects.values_list("activity_id", "language")
    assert sorted(stored) == sorted(
        [(published.pk, "en"), (english.pk, "en"), (published.pk, "fr"), (english.pk, "fr")]
    )


def test_feed_after_an_edit_shows_the_new_title(client, staff, editor, published):
    assert summaries(feed(client)) == ["Night of the Louvre"]
    services.update_activity(user=editor, activity=published, data={"title": "Louvre by night"})
    assert summaries(feed(client)) == ["Night of the Louvre"]  # the edit awaits moderation
    services.approve_revision(moderator=staff, revision=published.revisions.get())
    assert summaries(feed(client)) == ["Louvre by night"]


def test_french_readers_get_a_translation_once_it_is_approved(client, staff, editor, english):
    assert summaries(feed(client, "fr")) == ["Night at the museum"]
    text = {"title": "Nuit au musée", "description": "Une visite à la lanterne."}
    translation = translations.save_translation(
        user=editor, activity=english, language="fr", data=text
    )
    assert summaries(feed(client, "fr")) == ["Night at the museum"]  # awaiting moderation
    translations.approve_translation(moderator=staff, translation=translation)
    assert summaries(feed(client, "fr")) == ["Nuit au musée"]
    assert summaries(feed(client, "en")) == ["Night at the museum"]


def test_a_translation_saved_on_its_own_shows_in_the_feed(client, english):
    shown = ActivityTranslation.objects.create(
        activity=english, language="fr", status="approved", title="Nuit", description="Visite."
    )
    assert summaries(feed(client, "fr")) == ["Nuit"]
    shown.title = "Nuit au musée"
    shown.save()  # the activity itself untouched, as by an administrator
    assert summaries(feed(client, "fr")) == ["Nuit au musée"]


def test_renaming_the_museum_renames_the_place_of_events_without_a_venue(client, published):
    assert str(events(feed(client))[0]["LOCATION"]).startswith("Museum ")
    published.museum.name = "Musée du Louvre"
    published.museum.save()
    assert str(events(feed(client))[0]["LOCATION"]).startswith("Musée du Louvre, ")
    # Also at once where the feed was kept whole in the cache.
    published.museum.name = "Le Louvre"
    published.museum.save()
    assert str(events(client.get(FEED).content)[0]["LOCATION"]).startswith("Le Louvre, ")


def test_a_new_site_address_changes_the_links(client, settings, published):
    feed(client)
    settings.SITE_URL = "https://museum-day.example.org"
    (event,) = events(feed(client))
    assert (
        str(event["URL"]) == f"https://museum-day.example.org/museum-day/activities/{published.pk}/"
    )


def test_feed_is_the_same_bytes_built_fresh_read_from_the_database_or_the_cache(
    client, published, english, other_museum, edition
):
    ActivityFactory(museum=other_museum, edition=edition, title="Noche en el Prado", venue="")
    fresh = feed(client)
    assert CalendarEvent.objects.count() == 3
    stored = feed(client)
    cached = client.get(FEED).content
    CalendarEvent.objects.filter(activity=english).delete()
    mixed = feed(client)
    assert fresh == stored == cached == mixed
    assert len(events(fresh)) == 3


def test_deleting_an_activity_deletes_its_stored_events(client, published, english):
    feed(client)
    feed(client, "es")
    published.delete()
    assert list(CalendarEvent.objects.values_list("activity_id", flat=True)) == [english.pk] * 2
    assert summaries(feed(client)) == ["Night at the museum"]


def test_feed_is_served_when_its_events_cannot_be_stored(client, published):
    expected = feed(client)
    CalendarEvent.objects.all().delete()
    locked = OperationalError("database is locked")
    with mock.patch.object(CalendarEvent.objects, "bulk_create", side_effect=locked):
        assert feed(client) == expected
        assert feed(client) == expected
    assert not CalendarEvent.objects.exists()


def test_publication_stores_the_events_ahead_of_the_feeds(
    client, staff, published, django_capture_on_commit_callbacks, django_assert_num_queries
):
    submitted = ActivityFactory(museum=published.museum, title="Workshop", status="submitted")
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_activity(moderator=staff, activity=submitted)
    stored = CalendarEvent.objects.filter(activity=submitted)
    assert sorted(stored.values_list("language", flat=True)) == ["en", "es", "fr"]
    CalendarEvent.objects.filter(activity=published).delete()
    assert store_events([published.pk, submitted.pk]) == 3  # only those that were missing
    cache.clear()
    # rows with their stored events: nothing built
    with django_assert_num_queries(1):
        assert summaries(client.get(FEED).content) == ["Night of the Louvre", "Workshop"]


def test_command_stores_the_events_of_published_activities_once(published, english, edition):
    draft = ActivityFactory(edition=edition, museum=published.museum, status="draft")
    out = io.StringIO()
    call_command("store_calendar_events", stdout=out)
    assert "6 calendar events built for 2 published activities" in out.getvalue()
    assert not CalendarEvent.objects.filter(activity=draft).exists()
    call_command("store_calendar_events", stdout=out)
    assert "0 calendar events built" in out.getvalue()
