"""Lists, feeds and maps cost the same number of queries for one row as for several."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.cache import cache

from museion.museumday.models import ActivityRevision, ActivityTranslation

from ..factories import ActivityFactory, EditionFactory, MuseumFactory

ROWS = [1, 6]


@pytest.fixture
def rows(request, editor, museum):
    """`n` published activities in different museums, editions and places, all editable.

    Each has approved translations into English and Spanish and a pending one into German.
    """
    made = []
    for i in range(request.param):
        owner = museum if i == 0 else MuseumFactory(latitude=40 + i, longitude=i * 3)
        owner.editors.add(editor)
        made.append(
            ActivityFactory(
                museum=owner,
                edition=EditionFactory(year=2022 - i % 2),
                starts_at=datetime(2022, 5, 18, tzinfo=UTC) + timedelta(hours=i),
                latitude=owner.latitude,
                longitude=owner.longitude,
            )
        )
        ActivityRevision.objects.create(activity=made[-1], data={}, status="rejected", reason="?")
        for language, status in (("en", "approved"), ("es", "approved"), ("de", "pending")):
            ActivityTranslation.objects.create(
                activity=made[-1],
                language=language,
                title=f"{made[-1].title} [{language}]",
                description="…",
                status=status,
            )
    return made


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return response


@pytest.mark.parametrize("rows", ROWS, indirect=True)
@pytest.mark.parametrize(
    "url,queries",
    [
        # the coming edition and the editions' ids (both cached; no edition asked for), count
        # (versions live in the cache), page of rows (museum and edition joined), their
        # translations (into the reader's language; all approved ones for the API)
        ("/museum-day/activities/?country=FR", 5),
        ("/api/v1/activities?country=FR", 3),
        # rows (capped, not paginated) with their stored events; none stored yet: the rows
        # whole, their translations, the events stored (savepoint, one upsert, release)
        ("/museum-day/activities.ics?country=FR", 6),
        # the editions' ids (cached), cells (per edition, cached), the single activities,
        # their translations
        ("/museum-day/map.geojson?zoom=18", 4),
        # the same, plus the bounds of the results the map zooms to (cached)
        ("/museum-day/embed/?country=FR&view=both", 6),
    ],
)
def test_public_lists_do_not_grow_with_rows(client, django_assert_num_queries, rows, url, queries):
    with django_assert_num_queries(queries):
        response = get(client, url)
    if "geojson" in url:
        assert len(response.json()["features"]) == len(rows)


@pytest.mark.parametrize("rows", ROWS, indirect=True)
def test_feed_of_stored_events_does_not_grow_with_rows(client, django_assert_num_queries, rows):
    url = "/museum-day/activities.ics?country=FR"
    first = get(client, url).content
    cache.clear()
    # rows with their stored events (and the stamps of their museum and translation)
    with django_assert_num_queries(1):
        assert get(client, url).content == first


@pytest.mark.parametrize("rows", ROWS, indirect=True)
def test_museum_page_does_not_grow_with_rows(client, django_assert_num_queries, rows, museum):
    # museum, its committees, its activities (with their edition), their English titles
    with django_assert_num_queries(4):
        response = get(client, museum.get_absolute_url())
    assert f"{rows[0].title} [en]" in response.text


@pytest.mark.parametrize("rows", ROWS, indirect=True)
def test_dashboard_does_not_grow_with_rows(client, django_assert_num_queries, rows, editor):
    client.force_login(editor)
    # session, user, coordinated committees, museums, activities, their revisions, the edition
    # museums report on
    with django_assert_num_queries(7):
        response = get(client, "/museum-day/my/")
    assert len(response.context["activities"]) == len(rows)


@pytest.mark.parametrize("rows", ROWS, indirect=True)
def test_moderation_queue_does_not_grow_with_rows(client, django_assert_num_queries, rows, staff):
    for activity in rows:
        activity.status = "submitted"
        activity.save()
    client.force_login(staff)
    # session, user, submitted activities, pending edits, pending translations
    with django_assert_num_queries(5):
        response = get(client, "/museum-day/moderation/")
    assert len(response.context["submitted"]) == len(rows)
    assert len(response.context["translations"]) == len(rows)
