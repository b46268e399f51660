"""The scale data set behind the benchmark: deterministic, varied, searchable."""

import io
import re
from datetime import UTC, date, datetime

import pytest
import time_machine
from django.core.management import CommandError, call_command

from museion.core.models import AttendanceMode
from museion.core.search import search_filter
from museion.demo.scale import (
    SCALE_PREFIX,
    clear_scale_data,
    coming_edition_year,
    scale_signature,
)
from museion.museumday.filters import SEARCH_FIELDS
from museion.museumday.models import Activity, Category, Status, local_start_date
from museion.museumday.queries import public_activities
from museion.network.models import Museum

from ..factories import ActivityFactory

SMALL = {"museums": 50, "activities": 300}


def generate(seed: int = 7, **options) -> None:
    call_command("generate_scale_data", seed=seed, stdout=io.StringIO(), **SMALL, **options)


def snapshot() -> list[tuple]:
    return list(
        Activity.objects.order_by("id").values_list(
            "museum__external_id",
            "museum__name",
            "title",
            "description",
            "language",
            "category",
            "attendance_mode",
            "status",
            "starts_at",
            "country",
            "latitude",
        )
    )


@pytest.fixture
def scale_data(db):
    generate()
    return Activity.objects.all()


def test_same_seed_gives_the_same_data_after_a_reset(scale_data):
    first = snapshot()
    first_ids = list(Museum.objects.order_by("id").values_list("external_id", flat=True))
    generate(reset=True)
    assert snapshot() == first
    assert list(Museum.objects.order_by("id").values_list("external_id", flat=True)) == first_ids
    assert len(first) == 300


def test_another_seed_gives_other_data(scale_data):
    first = snapshot()
    generate(seed=8, reset=True)
    assert [row[2] for row in snapshot()] != [row[2] for row in first]
    assert scale_signature() == {"seed": 8, "museums": 50, "activities": 300}


def test_counts_and_signature(scale_data):
    assert Museum.objects.filter(external_id__startswith=SCALE_PREFIX).count() == 50
    assert scale_signature() == {"seed": 7, "museums": 50, "activities": 300}


def test_every_category_and_attendance_mode_is_there(scale_data):
    assert set(scale_data.values_list("category", flat=True)) == set(Category.values)
    assert set(scale_data.values_list("attendance_mode", flat=True)) == set(AttendanceMode.values)


def test_online_and_hybrid_activities_have_a_url_and_on_site_ones_do_not(scale_data):
    assert not scale_data.exclude(attendance_mode="offline").filter(online_url="").exists()
    assert not scale_data.filter(attendance_mode="offline").exclude(online_url="").exists()


def test_most_are_published_and_some_wait_in_each_other_status(scale_data):
    published = scale_data.filter(status=Status.PUBLISHED).count()
    assert 240 <= published <= 290
    assert set(scale_data.values_list("status", flat=True)) == set(Status.values)


def test_local_date_is_the_start_date_in_the_activity_timezone(scale_data):
    for activity in scale_data:
        assert activity.local_date == local_start_date(activity.starts_at, activity.timezone)
        assert activity.ends_at > activity.starts_at


@pytest.mark.parametrize(
    "instant",
    ["2026-12-03T23:30:00+00:00", "2027-05-18T23:30:00+00:00", "2027-12-03T12:00:00+00:00"],
)
def test_past_and_upcoming_editions_both_have_activities(db, instant):
    with time_machine.travel(datetime.fromisoformat(instant), tick=False):
        generate()
        now = datetime.now(UTC)
        coming = coming_edition_year(now.date())
        activities = Activity.objects.all()
        assert activities.filter(ends_at__lt=now).exists()
        assert activities.filter(ends_at__gte=now, edition__year=coming).exists()
        assert coming > now.year or now.date() < date(now.year, 5, 19)


@pytest.mark.parametrize("word", ["ceramics", "Keramik", "museum"])
def test_published_activities_are_found_by_full_text_search(scale_data, word):
    pattern = re.compile(rf"\b{word}", re.IGNORECASE)
    expected = {a.pk for a in public_activities() if pattern.search(f"{a.title} {a.description}")}
    found = set(
        search_filter(public_activities(), SEARCH_FIELDS, word).values_list("pk", flat=True)
    )
    assert expected
    assert found == expected


def test_the_command_refuses_to_add_a_second_set_without_reset(scale_data):
    with pytest.raises(CommandError, match="already loaded .*--reset"):
        generate()
    assert scale_data.count() == 300


def test_clearing_leaves_other_museums_and_activities_alone(scale_data):
    other = ActivityFactory(title="Not scale data")
    assert clear_scale_data() == (300, 50)
    assert list(Activity.objects.values_list("title", flat=True)) == ["Not scale data"]
    assert list(Museum.objects.values_list("pk", flat=True)) == [other.museum_id]
    assert scale_signature() is None
