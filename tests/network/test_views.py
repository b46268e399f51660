"""The public museum directory: the list (search, country filter, pages) and a museum's page."""

import re
from html import unescape

import pytest

from ..factories import ActivityFactory, CommitteeFactory, MuseumFactory

LIST = "/museums/"


def names(response) -> list[str]:
    return [museum.name for museum in response.context["page"].object_list]


def alert(response) -> str:
    return unescape(re.search(r'<p class="errors" role="alert">(.*?)</p>', response.text).group(1))


@pytest.fixture
def directory(db):
    MuseumFactory(name="Louvre Museum", city="Paris", country="FR")
    MuseumFactory(name="Musée des Confluences", city="Lyon", country="FR")
    MuseumFactory(name="Prado Museum", city="Madrid", country="ES", timezone="Europe/Madrid")
    MuseumFactory(name="Seattle Art Museum", city="Seattle", country="US")


def test_list_shows_museums_by_name(client, directory):
    response = client.get(LIST)
    assert response.status_code == 200
    assert names(response) == [
        "Louvre Museum",
        "Musée des Confluences",
        "Prado Museum",
        "Seattle Art Museum",
    ]
    assert "Madrid, Spain" in response.text


def test_list_searches_names(client, directory):
    assert names(client.get(LIST, {"q": "prado"})) == ["Prado Museum"]
    assert names(client.get(LIST, {"q": "musée confluences"})) == ["Musée des Confluences"]
    assert names(client.get(LIST, {"q": "museum paris"})) == ["Louvre Museum"]


def test_list_searches_cities(client, directory):
    assert names(client.get(LIST, {"q": "lyon"})) == ["Musée des Confluences"]
    assert names(client.get(LIST, {"q": "seattle"})) == ["Seattle Art Museum"]


def test_list_filters_by_country(client, directory):
    assert names(client.get(LIST, {"country": "FR"})) == ["Louvre Museum", "Musée des Confluences"]
    assert names(client.get(LIST, {"country": "FR", "q": "paris"})) == ["Louvre Museum"]
    assert names(client.get(LIST, {"country": "JP"})) == []
    assert "No museum matches." in client.get(LIST, {"country": "JP"}).text


def test_list_rejects_an_unknown_country(client, directory):
    response = client.get(LIST, {"country": "XX"})
    assert response.status_code == 400
    assert response.context["page"] is None
    assert "Select a valid choice. XX is not one of the available choices." in unescape(
        response.text
    )


@pytest.mark.parametrize(
    ("page", "message"),
    [
        ("-1", "The page must be 1 or more."),
        ("0", "The page must be 1 or more."),
        ("abc", "The page must be a whole number."),
        ("1.5", "The page must be a whole number."),
    ],
)
def test_list_rejects_a_page_that_is_not_a_whole_number(client, directory, page, message):
    response = client.get(LIST, {"page": page})
    assert response.status_code == 400
    assert alert(response) == message
    assert response.context["page"] is None


def test_list_page_beyond_the_results_is_not_found(client, directory):
    response = client.get(LIST, {"page": "2"})
    assert response.status_code == 404
    assert alert(response) == "There is no such page in these results."


def test_list_pages_keep_the_filters(client, db):
    for number in range(31):
        MuseumFactory(name=f"Museum {number:02d}", country="FR")
    first = client.get(LIST, {"country": "FR"})
    assert len(names(first)) == 30
    assert 'href="?country=FR&amp;page=2"' in first.text
    second = client.get(LIST, {"country": "FR", "page": "2"})
    assert names(second) == ["Museum 30"]


@pytest.mark.parametrize("count", [1, 5])
def test_list_query_count_does_not_grow_with_rows(client, db, django_assert_num_queries, count):
    for number in range(count):
        MuseumFactory(name=f"Museum {number}", country="FR")
    with django_assert_num_queries(2):  # count, page
        response = client.get(LIST, {"country": "FR"})
    assert len(names(response)) == count


def activity_titles(response) -> list[str]:
    """The titles listed under the page's Museum Day heading, in page order."""
    section = response.text.split('id="museum-activities"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'<a href="/museum-day/activities/[^"]+"[^>]*>([^<]+)</a>', section)


def test_museum_page_shows_only_published_activities(client, museum, edition):
    ActivityFactory(museum=museum, edition=edition, title="Open night", status="published")
    ActivityFactory(museum=museum, edition=edition, title="Secret plan", status="draft")
    ActivityFactory(museum=museum, edition=edition, title="Awaiting review", status="submitted")
    ActivityFactory(museum=museum, edition=edition, title="Turned down", status="rejected")
    ActivityFactory(edition=edition, title="Elsewhere", status="published")
    response = client.get(museum.get_absolute_url())
    assert response.status_code == 200
    assert activity_titles(response) == ["Open night"]
    for hidden in ("Secret plan", "Awaiting review", "Turned down", "Elsewhere"):
        assert hidden not in response.text


def test_museum_page_without_published_activities_says_so(client, museum, edition):
    ActivityFactory(museum=museum, edition=edition, title="Secret plan", status="draft")
    response = client.get(museum.get_absolute_url())
    assert "No published activities." in response.text
    assert "Secret plan" not in response.text


def test_unknown_museum_is_not_found(client, db):
    assert client.get("/museums/no-such-museum/").status_code == 404


@pytest.mark.parametrize("count", [1, 4])
def test_museum_page_query_count_does_not_grow_with_activities(
    client, museum, edition, django_assert_num_queries, count
):
    museum.committees.add(CommitteeFactory(name="ICOM France"))
    for number in range(count):
        ActivityFactory(museum=museum, edition=edition, title=f"Activity {number}")
    # museum, activities with their edition, their translations into the reader's language,
    # committees
    with django_assert_num_queries(4):
        response = client.get(museum.get_absolute_url())
    assert sorted(activity_titles(response)) == [f"Activity {n}" for n in range(count)]
    assert "ICOM France" in response.text
