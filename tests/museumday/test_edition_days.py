"""An activity falls within its edition's days; the coming edition is the one pages lead to."""

from datetime import UTC, date, datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from museion.museumday import queries, services

from ..factories import EditionFactory
from .test_editor_views import create_url, form_data


def test_editor_form_refuses_an_activity_dated_outside_the_editions_day(client, editor, museum):
    edition = EditionFactory(year=2022)
    client.force_login(editor)
    response = client.post(
        create_url(museum),
        form_data(edition, starts_local="2027-05-18T10:00", ends_local="2027-05-18T12:00"),
    )

    assert response.status_code == 400
    assert response.context["form"].errors["starts_local"] == [
        "The 2022 edition takes place on 18 May 2022: choose a time on that day."
    ]
    assert museum.activities.count() == 0


def test_the_day_is_the_local_day_of_the_place(editor, museum):
    edition = EditionFactory(year=2022)
    # 23:30 in Paris on 18 May is 21:30 UTC; 00:30 on 19 May in Paris is still 18 May in UTC.
    data = {
        "edition": edition,
        "title": "Late tour",
        "description": "By torchlight.",
        "language": "fr",
        "category": "guided_tour",
        "timezone": "Europe/Paris",
        "starts_at": datetime(2022, 5, 18, 21, 30, tzinfo=UTC),
        "ends_at": datetime(2022, 5, 18, 23, 0, tzinfo=UTC),
    }
    assert services.create_activity(user=editor, museum=museum, data=data).pk
    data["starts_at"] = datetime(2022, 5, 18, 22, 30, tzinfo=UTC)
    with pytest.raises(ValidationError) as error:
        services.create_activity(user=editor, museum=museum, data=data)
    assert "starts_at" in error.value.message_dict


def test_a_declared_range_admits_the_whole_museum_week(editor, museum):
    edition = EditionFactory(
        year=2024, date=date(2024, 5, 18), first_day=date(2024, 5, 13), last_day=date(2024, 5, 19)
    )
    data = {
        "edition": edition,
        "title": "Week-long trail",
        "description": "Every day.",
        "language": "fr",
        "category": "family",
        "timezone": "Europe/Paris",
        "starts_at": datetime(2024, 5, 13, 8, tzinfo=UTC),
        "ends_at": datetime(2024, 5, 13, 10, tzinfo=UTC),
    }
    assert services.create_activity(user=editor, museum=museum, data=data).pk
    data["starts_at"] = datetime(2024, 5, 20, 8, tzinfo=UTC)
    data["ends_at"] = datetime(2024, 5, 20, 10, tzinfo=UTC)
    with pytest.raises(ValidationError) as error:
        services.create_activity(user=editor, museum=museum, data=data)
    assert error.value.message_dict["starts_at"] == [
        "The 2024 edition runs from 13 May 2024 to 19 May 2024: choose a time between them."
    ]


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        ("2026-12-03", 2027),  # after 2026's day: the coming one
        ("2027-05-18", 2027),  # on the day
        ("2027-05-19", 2027),  # still the day west of UTC
        ("2027-05-21", 2027),  # every edition is over: the latest
        ("2025-01-10", 2025),
    ],
)
def test_current_edition_is_the_one_under_way_or_coming(db, today, expected):
    for year in (2022, 2025, 2026, 2027):
        EditionFactory(year=year)
    with time_machine.travel(datetime.fromisoformat(today).replace(hour=12, tzinfo=UTC)):
        assert queries.current_edition().year == expected
