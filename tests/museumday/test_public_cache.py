"""Map, feed and list totals are cached, yet show every edit at once; the map counts whole cells."""

import json

import pytest
from django import forms

from museion.core.geo import BBox
from museion.museumday.filters import ActivitySearchForm
from museion.museumday.mapdata import cell_degrees, snap_to_cells
from museion.museumday.widgets import FastSelect

from ..factories import ActivityFactory

GEOJSON = "/museum-day/map.geojson"
FEED = "/museum-day/activities.ics"


def map_total(client, **params) -> int:
    data = json.loads(client.get(GEOJSON, {"zoom": "2", **params}).content)
    return sum(f["properties"].get("count", 1) for f in data["features"])


def test_map_shows_a_new_activity_at_once(client, published):
    assert map_total(client) == 1
    ActivityFactory(title="Second")
    assert map_total(client) == 2


def test_map_forgets_an_activity_unpublished_meanwhile(client, published):
    other = ActivityFactory(title="Second")
    assert map_total(client) == 2
    other.status = "draft"
    other.save()
    assert map_total(client) == 1


def test_feed_shows_an_edited_title_at_once(client, published):
    assert b"SUMMARY:Night of the Louvre" in client.get(FEED).content
    published.title = "Night at the museum"
    published.save()
    body = client.get(FEED).content
    assert b"SUMMARY:Night at the museum" in body
    assert b"Louvre" not in body


def test_feeds_with_other_filters_are_not_mixed_up(client, published):
    ActivityFactory(title="In Madrid", country="ES")
    assert b"In Madrid" not in client.get(FEED, {"country": "FR"}).content
    assert b"Night of the Louvre" not in client.get(FEED, {"country": "ES"}).content


def test_list_and_api_totals_follow_an_edit_at_once(client, published):
    assert "1 activity" in client.get("/museum-day/activities/").text
    assert client.get("/api/v1/activities").json()["count"] == 1
    second = ActivityFactory(title="Second")
    assert "2 activities" in client.get("/museum-day/activities/").text
    assert client.get("/api/v1/activities").json()["count"] == 2
    second.status = "rejected"
    second.save()
    assert "1 activity" in client.get("/museum-day/activities/").text
    assert client.get("/api/v1/activities").json()["count"] == 1


def test_map_view_counts_whole_cells_at_its_edges(client, db):
    size = cell_degrees(10)
    inside, outside = 100 * size + size / 4, 100 * size + size * 3 / 4
    ActivityFactory(title="In view", latitude=48.5, longitude=inside)
    ActivityFactory(title="Same cell", latitude=48.5, longitude=outside)
    bbox = f"{inside - 1},{48},{100 * size + size / 2},{49}"
    assert map_total(client, zoom="10", bbox=bbox) == 2


def test_snapped_box_is_made_of_whole_cells_around_the_view():
    size = cell_degrees(6)
    box = snap_to_cells(BBox(2.01, 48.01, 2.99, 48.99), size)
    for edge in (box.west, box.south, box.east, box.north):
        assert edge / size == pytest.approx(round(edge / size))
    assert box.west <= 2.01 < 2.99 <= box.east
    assert box.south <= 48.01 < 48.99 <= box.north
    assert box.east - box.west < 0.98 + 2 * size


def test_snapped_box_keeps_the_world_limits():
    size = cell_degrees(2)
    assert snap_to_cells(BBox(-180, -90, 180, 90), size) == BBox(-180, -90, 180, 90)


def test_snapped_box_still_crosses_the_antimeridian():
    box = snap_to_cells(BBox(170, -60, -170, 0), cell_degrees(10))
    assert box.crosses_antimeridian
    assert 169.9 < box.west <= 170 and -170 <= box.east < -169.9


def test_a_view_of_almost_the_whole_world_across_the_antimeridian_becomes_the_world():
    box = snap_to_cells(BBox(-179.99, -10, -180.0, 10), cell_degrees(3))
    assert (box.west, box.east) == (-180, 180)


@pytest.mark.parametrize(
    "data", [{}, {"country": "FR", "language": "fr"}, {"country": "XX", "language": "<b>"}]
)
def test_fast_select_writes_the_html_of_django_select(data):
    form = ActivitySearchForm(data)
    form.is_valid()
    for name in ("country", "language"):
        fast = str(form[name])
        form.fields[name].widget.__class__ = forms.Select
        assert fast == str(form[name])
        form.fields[name].widget.__class__ = FastSelect
    if data.get("country") == "FR":
        assert '<option value="FR" selected>France</option>' in str(form["country"])


def test_feed_events_are_not_rebuilt_after_an_edit_elsewhere(
    client, published, other_museum, edition, django_assert_num_queries
):
    from ..factories import ActivityFactory

    spanish = ActivityFactory(museum=other_museum, edition=edition, title="Noche en el Prado")
    url = "/museum-day/activities.ics?country=FR"
    before = client.get(url).content
    assert b"Night of the Louvre" in before
    spanish.title = "Noche de los museos"
    spanish.save()
    # The French feed's events did not change: its rows with their stored events; nothing
    # built or stored.
    with django_assert_num_queries(1):
        assert client.get(url).content == before


def test_a_deletion_shows_at_once_in_feed_map_and_totals(client, published, museum, edition):
    from ..factories import ActivityFactory

    ActivityFactory(museum=museum, edition=edition, title="Still here")
    urls = ["/museum-day/activities.ics", "/museum-day/map.geojson?zoom=18", "/api/v1/activities"]
    before = [client.get(url).content for url in urls]
    assert b"Night of the Louvre" in before[0] and b'"count": 2' in before[2]
    published.delete()  # older than "Still here": the latest change stays the same
    after = [client.get(url).content for url in urls]
    assert b"Night of the Louvre" not in after[0]
    assert b"Night of the Louvre" not in after[1]
    assert b'"count": 1' in after[2] and b"Still here" in after[2]


def test_drafts_and_submissions_leave_the_public_caches_warm(
    client, published, editor, coordinator, museum, edition
):
    from museion.core import versions
    from museion.museumday import services

    from .test_services import activity_data

    assert map_total(client) == 1
    before = versions.numbers("museumday", "network")
    draft = services.create_activity(user=editor, museum=museum, data=activity_data(edition))
    services.update_activity(user=editor, activity=draft, data={"title": "Family trail (new)"})
    services.submit_activity(user=editor, activity=draft)
    rejected = services.reject_activity(moderator=coordinator, activity=draft, reason="Typo")
    services.submit_activity(user=editor, activity=rejected)
    assert versions.numbers("museumday", "network") == before
    services.publish_activity(moderator=coordinator, activity=draft)
    assert map_total(client) == 2


def test_an_activity_no_longer_published_leaves_the_public_answers_at_once(client, published):
    from museion.museumday.models import Activity

    assert map_total(client) == 1
    stale = Activity.objects.get(pk=published.pk)  # loaded, then unpublished elsewhere
    stale.status = "draft"
    stale.save()
    assert map_total(client) == 0
    stale.delete()
    assert map_total(client) == 0


def test_a_submission_leaves_the_cached_map_cells_of_its_edition_alone(
    client, published, editor, museum, edition
):
    from museion.core import versions
    from museion.museumday import mapcells, services

    from .test_services import activity_data

    kinds = (mapcells.MAP_KIND, mapcells.edition_kind(edition.pk))
    before = versions.numbers(*kinds)
    draft = services.create_activity(user=editor, museum=museum, data=activity_data(edition))
    services.submit_activity(user=editor, activity=draft)
    assert versions.numbers(*kinds) == before
