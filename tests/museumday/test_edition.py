"""An edition's page and the home page: participation counters, published activities only."""

from datetime import UTC, datetime

import pytest
from django.test import Client

from museion.museumday import services

from ..factories import ActivityFactory, EditionFactory, UserFactory
from ..pages import visible_text
from ..places import museum_in

EDITION = "/museum-day/2022/"


def numbers(client, url=EDITION) -> dict:
    response = client.get(url)
    assert response.status_code == 200
    return dict(response.context["numbers"])


@pytest.fixture
def taking_part(edition):
    paris, lyon, madrid = museum_in("paris"), museum_in("paris", city="Lyon"), museum_in("madrid")
    ActivityFactory(museum=paris, edition=edition)
    ActivityFactory(museum=paris, edition=edition)
    ActivityFactory(museum=lyon, edition=edition)
    ActivityFactory(museum=madrid, edition=edition)
    tokyo = museum_in("tokyo")
    for status in ("draft", "submitted", "rejected"):
        ActivityFactory(museum=tokyo, edition=edition, status=status)
    ActivityFactory(museum=museum_in("new_york"), edition=EditionFactory(year=2023))
    return {"paris": paris, "tokyo": tokyo}


def test_edition_counts_only_its_published_activities(client, taking_part):
    assert numbers(client) == {"activities": 4, "museums": 3, "countries": 2}
    text = visible_text(client.get(EDITION))
    assert "Museums 3 Activities 4 Countries 2" in text


def test_home_shows_the_latest_editions_numbers(client, taking_part):
    assert numbers(client, "/museum-day/") == {"activities": 1, "museums": 1, "countries": 1}


def test_counters_follow_a_publication_at_once(client, coordinator, taking_part, edition):
    page = client.get(EDITION)
    assert dict(page.context["numbers"])["countries"] == 2
    submitted = ActivityFactory(museum=taking_part["paris"], edition=edition, status="submitted")
    assert client.get(EDITION).content == page.content  # not public yet: the same page
    client.force_login(coordinator)
    client.post(f"/museum-day/moderation/activities/{submitted.pk}/", {"action": "publish"})
    assert numbers(client) == {"activities": 5, "museums": 3, "countries": 2}


def test_counters_follow_a_publication_in_a_new_country(client, staff, taking_part, edition):
    assert numbers(client)["countries"] == 2
    tokyo_submitted = taking_part["tokyo"].activities.get(status="submitted")
    services.publish_activity(moderator=staff, activity=tokyo_submitted)
    assert numbers(client) == {"activities": 5, "museums": 4, "countries": 3}


def test_counters_follow_a_deletion(client, taking_part, edition):
    assert numbers(client)["activities"] == 4
    oldest = edition.activities.filter(status="published").order_by("updated_at").first()
    oldest.delete()
    assert numbers(client)["activities"] == 3


def test_counters_follow_an_activity_moving_to_another_edition(
    client, staff, editor, museum, edition
):
    other = EditionFactory(year=2023)
    moving = ActivityFactory(museum=museum, edition=edition)
    ActivityFactory(museum=museum, edition=edition)
    assert numbers(client)["activities"] == 2
    services.update_activity(
        user=editor,
        activity=moving,
        data={
            "edition": other,
            "starts_at": moving.starts_at.replace(year=2023),
            "ends_at": moving.ends_at.replace(year=2023),
        },
    )
    services.approve_revision(moderator=staff, revision=moving.revisions.get())
    assert numbers(client)["activities"] == 1
    assert numbers(client, "/museum-day/2023/")["activities"] == 1


def test_unknown_edition_is_not_found(client, db):
    assert client.get("/museum-day/1999/").status_code == 404


def test_home_without_an_edition_says_so(client, db):
    response = client.get("/museum-day/")
    assert "No edition has been announced yet." in visible_text(response)
    assert response.context["numbers"] is None


def test_edition_theme_follows_the_language(client, db):
    EditionFactory(year=2022, date=datetime(2022, 5, 18, tzinfo=UTC).date())
    response = client.get(EDITION, HTTP_ACCEPT_LANGUAGE="fr")
    assert "Le pouvoir des musées" in visible_text(response)


def test_counters_are_counted_once_while_nothing_changes(
    client, taking_part, django_assert_num_queries
):
    # edition, the counting itself (versions live in the cache)
    with django_assert_num_queries(2):
        response = client.get(EDITION)
    assert response.context["numbers"] == {"activities": 4, "museums": 3, "countries": 2}
    with django_assert_num_queries(0):  # the whole page, kept for anonymous readers
        assert client.get(EDITION).content == response.content
    editor = Client()
    editor.force_login(UserFactory())
    with django_assert_num_queries(3):  # edition, the reader (session, user); numbers cached
        assert editor.get(EDITION).context["numbers"]["activities"] == 4
