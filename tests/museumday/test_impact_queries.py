"""The impact figures match totals worked out by hand, with nothing counted twice."""

import pytest
from django.db.models import Q

from museion.museumday.impact_cache import bump_impact_version
from museion.museumday.impact_queries import (
    ChannelRow,
    CountryRow,
    Scope,
    YearRow,
    compute_impact,
    impact,
    museum_table,
    top_countries,
)

from .impact_data import EXPECTED_TOTALS, build, report


@pytest.fixture
def world(edition, museum, other_museum):
    return build(edition, museum, other_museum)


def test_totals_match_hand_computed_figures(world, edition):
    assert compute_impact(edition)["totals"] == EXPECTED_TOTALS


def test_countries_add_up_museum_committee_and_international_figures(world, edition):
    countries = {row.code: row for row in compute_impact(edition)["countries"]}

    assert countries["FR"] == CountryRow("FR", 2, 3, 1, 1300, 57_400)
    assert countries["ES"] == CountryRow("ES", 1, 1, 1, 500, 850)
    # The network's own accounts belong to no country: in the totals, not on the map.
    assert countries[""] == CountryRow("", 0, 0, 0, 0, 1_000_000)


def test_channels_count_each_figure_once(world, edition):
    channels = {row.channel: row for row in compute_impact(edition)["channels"]}

    assert channels["social"] == ChannelRow("social", 15, 1_006_500, 3)
    assert channels["news"] == ChannelRow("news", 1, 20_000, 1)
    assert channels["broadcast"] == ChannelRow("broadcast", 0, 0, 0)
    assert sum(row.audience for row in channels.values()) == 1_058_000


def test_years_run_up_to_the_edition_only(world, edition):
    assert compute_impact(edition)["years"] == [
        YearRow(2021, 1, 100, 10),
        YearRow(2022, 3, 1800, 1_058_250),
    ]


def test_top_countries_rank_by_people_reached_and_leave_out_international(world, edition):
    ranked = top_countries(compute_impact(edition)["countries"])

    assert [row.code for row in ranked] == ["FR", "ES"]


def test_scope_limits_to_the_coordinators_museums_and_committee(world, edition):
    scope = Scope(museums=Q(country="FR"), committee_ids=(world["committee"].pk,), key="t")

    data = compute_impact(edition, scope)

    assert data["totals"] == {
        "activities": 3,
        "museums": 2,
        "countries": 1,
        "reporting": 1,
        "onsite": 1300,
        "online": 57_400,
    }


def test_museum_table_shows_who_reported(world, edition, museum):
    scope = Scope(museums=Q(country="FR"), committee_ids=(), key="t")

    rows = {row.name: row for row in museum_table(edition, scope)}

    assert set(rows) == {museum.name, "Musée d'Orsay"}
    assert rows[museum.name].reported and rows[museum.name].activities == 2
    assert (rows[museum.name].onsite, rows[museum.name].online) == (1300, 27_400)
    assert not rows["Musée d'Orsay"].reported and rows["Musée d'Orsay"].onsite == 0


def test_cached_figures_change_when_the_version_is_bumped(
    world, edition, museum, django_assert_num_queries
):
    first = impact(edition)
    with django_assert_num_queries(0):  # versions and figures come from the cache
        assert impact(edition)["totals"] == first["totals"]
    report(edition, museum=world["orsay"], onsite_visitors=5)
    bump_impact_version(edition.pk)

    assert impact(edition)["totals"]["onsite"] == 1805
