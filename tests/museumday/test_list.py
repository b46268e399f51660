"""The public list of activities: filters, pagination, bad input, alternate formats."""

import re
from datetime import UTC, datetime, timedelta
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone

from ..factories import ActivityFactory, EditionFactory
from ..places import activity_in

LIST = "/museum-day/activities/"


def titles(response) -> list[str]:
    return [activity.title for activity in response.context["page"].object_list]


def get_ok(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:500]
    return response


def test_list_without_filters_shows_published_activities_in_start_order(client, db):
    activity_in("paris", title="Late", starts_at=datetime(2022, 5, 18, 18, tzinfo=UTC))
    activity_in("madrid", title="Early", starts_at=datetime(2022, 5, 18, 7, tzinfo=UTC))
    response = get_ok(client, LIST)
    assert titles(response) == ["Early", "Late"]
    assert "2 activities" in response.text


def test_list_filters_by_edition(client, db):
    activity_in("paris", title="In 2022")
    activity_in("paris", title="In 2023", edition=EditionFactory(year=2023))
    assert titles(get_ok(client, LIST, edition="2023")) == ["In 2023"]
    assert titles(get_ok(client, LIST, edition="2021")) == []


def test_list_filters_by_country(client, db):
    activity_in("paris", title="Louvre night")
    activity_in("madrid", title="Prado night")
    assert titles(get_ok(client, LIST, country="ES")) == ["Prado night"]


def test_date_filter_uses_the_local_date_of_the_place(client, db):
    # 01:00 on 18 May in Tokyo is 16:00 UTC on 17 May: it belongs to 18 May.
    activity_in("tokyo", title="Tokyo dawn", starts_at=datetime(2022, 5, 17, 16, tzinfo=UTC))
    # 23:30 on 17 May in Paris is 21:30 UTC on 17 May.
    activity_in("paris", title="Paris late", starts_at=datetime(2022, 5, 17, 21, 30, tzinfo=UTC))
    assert titles(get_ok(client, LIST, date_from="2022-05-18", date_to="2022-05-18")) == [
        "Tokyo dawn"
    ]
    assert titles(get_ok(client, LIST, date_to="2022-05-17")) == ["Paris late"]
    assert titles(get_ok(client, LIST, date_from="2022-05-17", date_to="2022-05-17")) == [
        "Paris late"
    ]


def test_when_filter_splits_upcoming_and_past(client, db):
    now = timezone.now()
    activity_in("paris", title="Tomorrow", starts_at=now + timedelta(days=1))
    activity_in("paris", title="Last week", starts_at=now - timedelta(days=7))
    assert titles(get_ok(client, LIST, when="upcoming")) == ["Tomorrow"]
    assert titles(get_ok(client, LIST, when="past")) == ["Last week"]


def test_list_filters_by_category_mode_and_language(client, db):
    activity_in("paris", title="Tour", category="guided_tour", language="fr")
    activity_in(
        "paris",
        title="Webinar",
        category="talk",
        attendance_mode="online",
        online_url="https://example.org/live",
        language="en",
    )
    activity_in("madrid", title="Taller", category="workshop", language="es")
    assert titles(get_ok(client, LIST, category="talk")) == ["Webinar"]
    assert titles(get_ok(client, LIST, mode="online")) == ["Webinar"]
    assert titles(get_ok(client, LIST, mode="offline")) == ["Tour", "Taller"]
    assert titles(get_ok(client, LIST, language="es")) == ["Taller"]


def test_near_filter_keeps_activities_within_the_radius(client, db):
    activity_in("paris", title="Paris")
    activity_in("madrid", title="Madrid")
    # Versailles is about 17 km from the Louvre, Madrid about 1050 km.
    assert titles(get_ok(client, LIST, lat="48.8049", lng="2.1204", radius="25")) == ["Paris"]
    assert titles(get_ok(client, LIST, lat="48.8049", lng="2.1204", radius="1100")) == [
        "Paris",
        "Madrid",
    ]


def test_near_filter_reaches_across_the_antimeridian(client, db):
    activity_in("suva", title="Fiji")
    activity_in("apia", title="Samoa")
    activity_in("papeete", title="Tahiti")
    activity_in("tokyo", title="Tokyo")
    # A point in the sea at longitude 179.9: Suva is ~260 km west of it, Apia ~930 km east.
    assert titles(get_ok(client, LIST, lat="-16", lng="179.9", radius="1000")) == [
        "Fiji",
        "Samoa",
    ]
    assert titles(get_ok(client, LIST, lat="-16", lng="-179.9", radius="300")) == ["Fiji"]


def test_text_search_ignores_accents_and_case(client, db):
    activity_in("paris", title="Nuit au musée", description="Visite à la lanterne.")
    activity_in("paris", title="Atelier", description="Peinture.")
    assert titles(get_ok(client, LIST, q="musee")) == ["Nuit au musée"]
    assert titles(get_ok(client, LIST, q="MUSÉE")) == ["Nuit au musée"]
    assert titles(get_ok(client, LIST, q="lanterne")) == ["Nuit au musée"]


def test_text_search_matches_a_prefix_of_the_last_word_and_all_words(client, db):
    activity_in("paris", title="Nuit au musée")
    activity_in("paris", title="Nuit des étoiles")
    assert titles(get_ok(client, LIST, q="nuit mus")) == ["Nuit au musée"]
    assert titles(get_ok(client, LIST, q="nuit")) == ["Nuit au musée", "Nuit des étoiles"]


@pytest.mark.parametrize(
    "q,expected",
    [
        ('"nuit', ["Nuit au musée"]),
        ("nuit*", ["Nuit au musée"]),
        ("(musee)", ["Nuit au musée"]),
        ("-musee", ["Nuit au musée"]),
        ("nuit NEAR musee", []),
        ("NEAR(nuit musee)", []),
        ("nuit AND OR NOT", []),
        ("'; DROP TABLE x; --", []),
        ("musée:* & !x", []),
        ("foo_bar", []),
        ('"', ["Nuit au musée", "Workshop"]),
        ("*", ["Nuit au musée", "Workshop"]),
    ],
)
def test_search_syntax_characters_are_plain_text_never_an_error(client, db, q, expected):
    activity_in("paris", title="Nuit au musée", starts_at=datetime(2022, 5, 18, 8, tzinfo=UTC))
    activity_in("paris", title="Workshop", starts_at=datetime(2022, 5, 18, 9, tzinfo=UTC))
    assert titles(get_ok(client, LIST, q=q)) == expected


@pytest.mark.parametrize("status", ["draft", "submitted", "rejected"])
def test_unpublished_activities_never_appear(client, db, status):
    ActivityFactory(title="Hidden", status=status)
    ActivityFactory(title="Shown")
    assert titles(get_ok(client, LIST)) == ["Shown"]
    assert titles(get_ok(client, LIST, q="hidden")) == []


def test_pagination_splits_by_twenty_and_links_keep_the_filters(client, db):
    for hour in range(21):
        ActivityFactory(title=f"A{hour:02}", starts_at=datetime(2022, 5, 18, hour, tzinfo=UTC))
    first = get_ok(client, LIST, country="FR", edition="")
    assert titles(first) == [f"A{h:02}" for h in range(20)]
    assert 'href="?country=FR&amp;page=2"' in first.text
    second = get_ok(client, LIST, country="FR", page="2", edition="")
    assert titles(second) == ["A20"]
    assert 'href="?country=FR&amp;page=1"' in second.text


@pytest.mark.parametrize(
    "params,status,message",
    [
        ({"country": "XX"}, 400, "Select a valid choice. XX is not one of the available choices."),
        ({"category": "nope"}, 400, "Select a valid choice. nope is not one of the available"),
        ({"mode": "x"}, 400, "Select a valid choice. x is not one of the available choices."),
        ({"language": "zz"}, 400, "Select a valid choice. zz is not one of the available"),
        ({"when": "soon"}, 400, "Select a valid choice. soon is not one of the available"),
        ({"edition": "twenty"}, 400, "Enter a whole number."),
        ({"lat": "abc", "lng": "2", "radius": "5"}, 400, "Enter a number."),
        ({"lat": "nan", "lng": "2", "radius": "5"}, 400, "Enter a number."),
        ({"lat": "91", "lng": "2", "radius": "5"}, 400, "less than or equal to 90"),
        (
            {"radius": "10"},
            400,
            "To search near a point, give latitude, longitude and radius together.",
        ),
        ({"date_from": "2022-13-45"}, 400, "Enter a valid date."),
        (
            {"date_from": "2022-05-19", "date_to": "2022-05-18"},
            400,
            "The start of the date range is after its end.",
        ),
        ({"page": "-1"}, 400, "The page must be 1 or more."),
        ({"page": "abc"}, 400, "The page must be a whole number."),
        ({"page": "99999"}, 404, "There is no such page in these results."),
        (
            {"q": "x" * 10_000},
            400,
            "Ensure this value has at most 200 characters (it has 10000).",
        ),
        ({"q": "nuit\x00"}, 400, "Null characters are not allowed."),
    ],
)
def test_bad_list_input_gets_a_clear_message(client, db, params, status, message):
    ActivityFactory(title="Anything")
    response = client.get(LIST, params)
    assert response.status_code == status
    assert message in unescape(response.text)


def test_list_advertises_feeds_with_the_active_filters(client, db):
    ActivityFactory()
    response = client.get(LIST, {"country": "FR", "category": "talk", "q": "nuit", "page": "1"})
    links = dict(alternate_links(response.text))
    # Opened without an edition, the list shows the coming one, and says so in its links.
    expected = {"edition": ["2022"], "country": ["FR"], "category": ["talk"], "q": ["nuit"]}
    assert set(links) == {"text/calendar", "application/json", "application/geo+json"}
    assert urlsplit(links["text/calendar"]).path == "/museum-day/activities.ics"
    assert urlsplit(links["application/json"]).path == "/api/v1/activities"
    assert urlsplit(links["application/geo+json"]).path == "/museum-day/map.geojson"
    for href in links.values():
        assert parse_qs(urlsplit(href).query) == expected


def alternate_links(html: str):
    for tag in re.findall(r'<link rel="alternate"[^>]*>', html):
        link_type = re.search(r'type="([^"]+)"', tag).group(1)
        href = unescape(re.search(r'href="([^"]+)"', tag).group(1))
        yield link_type, href


def test_near_filter_with_a_point_opposite_an_activity_is_not_an_error(client, db):
    activity_in(
        "paris", title="Opposite", latitude=-21.140087325440092, longitude=-147.89579071772908
    )
    activity_in("madrid", title="Madrid")
    # Exactly opposite: the great-circle cosine rounds to -1.0000000000000002, outside acos().
    response = get_ok(
        client, LIST, lat="21.140087325440092", lng="32.10420928227092", radius="20000"
    )
    assert titles(response) == ["Madrid"]


def test_map_page_with_a_bad_filter_is_a_400_that_explains_it(client, db):
    response = client.get("/museum-day/map/", {"country": "XX"})
    assert response.status_code == 400
    assert "Select a valid choice. XX is not one of the available choices." in unescape(
        response.text
    )
    assert client.get("/museum-day/map/", {"country": "FR"}).status_code == 200


def test_a_huge_result_count_says_more_than_the_cap(client, published, monkeypatch):
    from museion.museumday import queries

    from ..factories import ActivityFactory

    monkeypatch.setattr(queries, "COUNT_CAP", 2)
    for _ in range(3):
        ActivityFactory(museum=published.museum, edition=published.edition)
    page = client.get("/museum-day/activities/")
    assert "More than 2 activities" in page.content.decode()
    api = client.get("/api/v1/activities?page_size=1").json()
    assert (api["count"], api["count_capped"], api["pages"]) == (2, True, 2)


def test_a_result_count_under_the_cap_is_exact(client, published):
    api = client.get("/api/v1/activities").json()
    assert (api["count"], api["count_capped"]) == (1, False)


def test_text_search_pages_follow_the_listing_order_with_their_translations(client, db):
    from museion.museumday.models import ActivityTranslation

    for hour in range(23):
        activity = ActivityFactory(
            title=f"Lantern walk {hour:02}", starts_at=datetime(2022, 5, 18, hour, tzinfo=UTC)
        )
        if hour == 21:
            ActivityTranslation.objects.create(
                activity=activity, language="es", status="approved", title="Linternas 21"
            )
    ActivityFactory(title="Ceramics")
    first = get_ok(client, LIST, q="lantern", edition="")
    assert titles(first) == [f"Lantern walk {h:02}" for h in range(20)]
    assert "23 activities" in first.text
    second = client.get(
        LIST, {"q": "lantern", "edition": "", "page": "2"}, HTTP_ACCEPT_LANGUAGE="es"
    )
    assert [a.for_reader.title for a in second.context["page"].object_list] == [
        "Lantern walk 20",
        "Linternas 21",
        "Lantern walk 22",
    ]
    assert client.get(LIST, {"q": "lantern", "edition": "", "page": "3"}).status_code == 404
    api = client.get("/api/v1/activities", {"q": "lantern", "page": "2"}).json()
    assert [r["title"] for r in api["results"]] == [f"Lantern walk {h:02}" for h in (20, 21, 22)]
    assert api["results"][1]["translations"]["es"]["title"] == "Linternas 21"


def test_a_common_word_counts_to_the_text_search_cap(client, published, monkeypatch):
    from museion.museumday import queries

    monkeypatch.setattr(queries, "TEXT_COUNT_CAP", 2)
    for _ in range(3):
        ActivityFactory(museum=published.museum, edition=published.edition, title="Open studio")
    page = client.get(LIST, {"q": "studio", "edition": ""})
    assert "More than 2 activities" in page.text
    assert len(page.context["page"].object_list) == 2
    api = client.get("/api/v1/activities", {"q": "studio", "page_size": 1}).json()
    assert (api["count"], api["count_capped"], api["pages"]) == (2, True, 2)
    assert (
        client.get(LIST, {"q": "studio", "edition": "", "country": "ES"})
        .context["page"]
        .paginator.count
        == 0
    )


def test_an_edit_shows_in_the_next_text_search(client, published):
    get_ok(client, LIST, q="zeppelin", edition="")
    published.title = "Zeppelin over the museum"
    published.save()
    assert titles(get_ok(client, LIST, q="zeppelin", edition="")) == ["Zeppelin over the museum"]
