"""Conference dates follow the visitor's language ("22 de agosto de 2022", not "22 agosto 2022")."""

from datetime import UTC, datetime

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.dateformat import format as format_date

from museion.formats import local_format

from .factories import SessionFactory


@pytest.fixture
def programme_url(conference):
    SessionFactory(
        conference=conference,
        title="Opening keynote",
        starts_at=datetime(2022, 8, 22, 7, tzinfo=UTC),
    )
    return reverse("conference:programme", kwargs={"slug": conference.slug})


@pytest.mark.parametrize(
    ("language", "dates", "day_heading"),
    [
        ("en", "20 August – 28 August 2022", "Monday 22 August 2022"),
        ("fr", "20 août – 28 août 2022", "lundi 22 août 2022"),
        ("es", "20 de agosto – 28 de agosto de 2022", "lunes 22 de agosto de 2022"),
    ],
)
def test_programme_dates_in_the_visitors_language(
    client, programme_url, language, dates, day_heading
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language

    html = client.get(programme_url).content.decode()

    assert f'<p class="lead">{dates} · Prague' in html
    assert f'<h2 id="day-2022-08-22">{day_heading} <span' in html


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Sat 18 Jul, 07:00"),
        ("fr", "sam 18 juil., 07:00"),
        ("es", "sáb 18 jul, 07:00"),
    ],
)
def test_short_weekday_datetime_per_language(language, expected):
    with translation.override(language):
        pattern = local_format("SHORT_WEEKDAY_DATETIME_FORMAT")
        assert format_date(datetime(2026, 7, 18, 7, tzinfo=UTC), pattern) == expected


def test_language_without_a_museion_format_module_uses_the_english_pattern():
    with translation.override("pt-BR"):
        assert local_format("WEEKDAY_DATE_FORMAT") == "l j F Y"
