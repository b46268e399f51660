"""Times in the place's zone with the zone named as readers know it; places written once."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.utils import translation

from museion.core.places import place_parts
from museion.core.zones import zone_city, zone_offset
from tests.conference.factories import ConferenceFactory, SessionFactory

from ..factories import ActivityFactory, EditionFactory, MuseumFactory
from ..pages import visible_text


@pytest.mark.parametrize(
    ("zone", "city", "offset"),
    [
        ("Asia/Kuala_Lumpur", "Kuala Lumpur", "UTC+8"),
        ("America/Argentina/Buenos_Aires", "Buenos Aires", "UTC−3"),
        ("Asia/Kolkata", "Kolkata", "UTC+5:30"),
        ("America/Sao_Paulo", "São Paulo", "UTC−3"),
        ("Europe/London", "London", "UTC+1"),  # summer time in May
        ("UTC", "UTC", "UTC"),
    ],
)
def test_zones_are_named_by_city_and_the_offset_in_force(zone, city, offset):
    may = datetime(2027, 5, 18, 12, tzinfo=UTC)
    assert (zone_city(zone), zone_offset(may, zone)) == (city, offset)


def test_city_names_follow_the_language():
    with translation.override("es"):
        assert zone_city("America/Mexico_City") == "Ciudad de México"
    with translation.override("fr"):
        assert zone_city("America/Mexico_City") == "Mexico"


def test_list_names_the_zone_instead_of_its_id(client, db):
    museum = MuseumFactory(country="MY", city="Kuala Lumpur", timezone="Asia/Kuala_Lumpur")
    ActivityFactory(museum=museum, starts_at=datetime(2022, 5, 18, 2, tzinfo=UTC))
    text = visible_text(client.get("/museum-day/activities/"))
    assert "18 May 2022, 10:00 Kuala Lumpur time (UTC+8)" in text
    assert "Asia/Kuala_Lumpur" not in text


def test_list_names_the_zone_in_spanish(client, db):
    museum = MuseumFactory(country="MX", city="Ciudad de México", timezone="America/Mexico_City")
    ActivityFactory(museum=museum, starts_at=datetime(2022, 5, 18, 17, tzinfo=UTC))
    text = visible_text(client.get("/museum-day/activities/", HTTP_ACCEPT_LANGUAGE="es"))
    # Mexico still kept summer time in 2022.
    assert "18 de mayo de 2022, 12:00 hora de Ciudad de México (UTC−5)" in text


@time_machine.travel(datetime(2022, 8, 1, tzinfo=UTC))
def test_home_shows_conference_sessions_in_the_conferences_zone_and_names_it(client, db):
    SessionFactory(
        conference=ConferenceFactory(),
        title="Opening",
        starts_at=datetime(2022, 8, 22, 7, tzinfo=UTC),
    )
    text = visible_text(client.get("/"))
    assert "Opening 22 August 2022, 09:00 Prague time (UTC+2)" in text


@pytest.mark.parametrize(
    ("address", "postcode", "city", "expected"),
    [
        ("1 rue de Rivoli", "75001", "Paris", ["1 rue de Rivoli", "75001 Paris", "France"]),
        (
            "1 rue de Rivoli, 75001 Paris",
            "75001",
            "Paris",
            ["1 rue de Rivoli, 75001 Paris", "France"],
        ),
        ("", "", "Paris", ["Paris", "France"]),
        ("  ", "", "", ["France"]),
    ],
)
def test_a_place_is_written_once_with_commas(db, address, postcode, city, expected):
    museum = MuseumFactory.build(address=address, postcode=postcode, city=city, country="FR")
    assert place_parts(museum, with_venue=False) == expected


def test_activity_page_writes_its_place_with_commas_and_links_its_edition(client, db):
    museum = MuseumFactory(name="Louvre", city="Paris", address="Rue de Rivoli, Paris")
    activity = ActivityFactory(museum=museum, venue="Louvre", address=museum.address)
    text = visible_text(client.get(activity.get_absolute_url()))
    assert "Where Louvre, Rue de Rivoli, Paris, France" in text
    html = client.get(activity.get_absolute_url()).text
    assert 'href="/museum-day/2022/"' in html


def test_museum_day_page_links_every_edition(client, db):
    EditionFactory(year=2022)
    EditionFactory(year=2025)
    html = client.get("/museum-day/").text
    assert 'href="/museum-day/2025/"' in html and 'href="/museum-day/2022/"' in html


def test_near_a_city_typed_without_accents_finds_its_activities(client, db):
    arken = MuseumFactory(city="Ishøj", country="DK", latitude=55.6055, longitude=12.3637)
    ActivityFactory(museum=arken, title="Arken by the sea")
    ActivityFactory(museum=MuseumFactory(), title="In Paris")
    response = client.get("/museum-day/activities/", {"near": "ISHOJ"})
    assert [a.title for a in response.context["page"].object_list] == ["Arken by the sea"]
    assert response.context["form"].summary() == [
        "Edition (year): 2022",
        "Within (km): 25",
        "Near (a city): ISHOJ",
    ]


def test_near_an_unknown_place_is_a_400_that_says_so(client, db):
    response = client.get("/museum-day/activities/", {"near": "Atlantis"})
    assert response.status_code == 400
    assert "No museum city is called “Atlantis”" in response.text


def test_registration_consent_links_the_privacy_notice_even_without_a_conference_one(client, db):
    conference = ConferenceFactory(privacy_notice_url="")
    html = client.get(f"/conference/{conference.slug}/register/").text
    assert '<a href="/pages/privacy/">Read the privacy notice</a>' in html
