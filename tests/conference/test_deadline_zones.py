"""Offer and payment deadlines read in the conference's timezone, named, across summer time."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from museion.conference.emails import build_email
from museion.conference.models import Registration
from museion.conference.services.registration import register_participant
from museion.conference.zones import COOKIE

from .conftest import applicant
from .test_offer_pages import offered

SUMMER = datetime(2022, 8, 19, 21, 59, tzinfo=UTC)  # Prague on CEST, UTC+2
WINTER_SWITCH_DAY = datetime(2022, 10, 30, 22, 59, tzinfo=UTC)  # CEST ended at 01:00 UTC that day


def with_offer_deadline(registration, moment):
    Registration.objects.filter(pk=registration.pk).update(offer_expires_at=moment)
    return Registration.objects.get(pk=registration.pk)


@pytest.mark.parametrize(
    ("moment", "shown"),
    [
        (SUMMER, "Friday 19 August 2022, 23:59 (Europe/Prague)"),
        (WINTER_SWITCH_DAY, "Sunday 30 October 2022, 23:59 (Europe/Prague)"),
    ],
)
def test_offer_page_shows_the_deadline_in_the_conference_timezone(
    client, conference, category, moment, shown
):
    registration = with_offer_deadline(offered(conference, category), moment)
    html = client.get(reverse("conference:offer", args=[registration.offer_token])).content
    assert f"Please answer before {shown}; after that" in html.decode()
    assert "(UTC)" not in html.decode()


def test_offer_page_follows_the_visitors_chosen_timezone(client, conference, category):
    registration = with_offer_deadline(offered(conference, category), WINTER_SWITCH_DAY)
    client.cookies[COOKIE] = "America/New_York"
    html = client.get(reverse("conference:offer", args=[registration.offer_token])).content
    assert "Sunday 30 October 2022, 18:59 (America/New_York)" in html.decode()


def test_participant_page_shows_the_payment_deadline_in_the_conference_timezone(
    client, conference, category
):
    registration = register_participant(
        conference=conference, category=category, applicant=applicant(1)
    )
    Registration.objects.filter(pk=registration.pk).update(payment_due_at=WINTER_SWITCH_DAY)
    html = client.get(reverse("conference:participant", args=[registration.token])).content
    assert (
        "Please pay before Sunday 30 October 2022, 23:59 (Europe/Prague), or the seat"
        in html.decode()
    )


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        (
            "en",
            "Accept or decline it before Sunday 30 October 2022, 23:59 (Europe/Prague);",
        ),
        (
            "fr",
            "Acceptez-la ou refusez-la avant le dimanche 30 octobre 2022 à 23:59 "
            "(Europe/Prague)\u00a0;",
        ),
        (
            "es",
            "Acéptela o recházela antes del domingo 30 de octubre de 2022, 23:59 (Europe/Prague);",
        ),
    ],
)
def test_offer_email_gives_the_deadline_in_the_conference_timezone_and_language(
    conference, category, language, sentence
):
    registration = offered(conference, category)
    Registration.objects.filter(pk=registration.pk).update(language=language)
    registration = with_offer_deadline(registration, WINTER_SWITCH_DAY)
    body = build_email(registration, "offer").body
    assert sentence in body
    assert "UTC" not in body
