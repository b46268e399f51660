"""An activity's public page: who may see it, and its schema.org Event JSON-LD."""

import json
import re
from datetime import UTC, datetime

import pytest

from ..factories import ActivityFactory, CommitteeFactory, UserFactory
from ..places import activity_in

JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def heading(response) -> str:
    return re.search(r"<h1[^>]*>(.*?)</h1>", response.text, re.S).group(1)


def jsonld(response) -> dict:
    (match,) = JSONLD.findall(response.text)
    return json.loads(match)


def test_published_activity_is_public(client, published):
    response = client.get(published.get_absolute_url())
    assert response.status_code == 200
    assert heading(response) == "Night of the Louvre"
    assert "Preview" not in response.text


@pytest.mark.parametrize("status", ["draft", "submitted", "rejected"])
def test_unpublished_activity_is_not_found_for_the_public(client, museum, edition, status):
    activity = ActivityFactory(museum=museum, edition=edition, status=status)
    assert client.get(activity.get_absolute_url()).status_code == 404


def test_unpublished_activity_is_not_found_for_editors_of_other_museums(
    client, other_museum, edition
):
    stranger = UserFactory(username="prado-editor")
    other_museum.editors.add(stranger)
    activity = ActivityFactory(edition=edition, status="submitted")
    client.force_login(stranger)
    assert client.get(activity.get_absolute_url()).status_code == 404


def test_unpublished_activity_is_not_found_for_coordinators_of_other_countries(
    client, museum, edition
):
    spanish = UserFactory(username="es-coordinator")
    CommitteeFactory(country="ES").coordinators.add(spanish)
    activity = ActivityFactory(museum=museum, edition=edition, status="submitted")
    client.force_login(spanish)
    assert client.get(activity.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("viewer", ["editor", "coordinator", "staff"])
def test_unpublished_activity_is_a_preview_for_its_editors_and_moderators(
    client, request, museum, edition, viewer
):
    activity = ActivityFactory(museum=museum, edition=edition, title="Draft", status="submitted")
    client.force_login(request.getfixturevalue(viewer))
    response = client.get(activity.get_absolute_url())
    assert response.status_code == 200
    assert "Preview: this activity is not public (Submitted)." in response.text
    assert "Add to calendar" not in response.text


def test_jsonld_is_an_event_with_the_local_offset(client, db):
    activity = activity_in(
        "paris",
        title="Night of the Louvre",
        starts_at=datetime(2022, 5, 18, 17, tzinfo=UTC),
    )
    data = jsonld(client.get(activity.get_absolute_url()))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == "Night of the Louvre"
    assert data["startDate"] == "2022-05-18T19:00:00+02:00"
    assert data["endDate"] == "2022-05-18T21:00:00+02:00"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["addressCountry"] == "FR"
    assert data["url"] == f"http://127.0.0.1:8000/museum-day/activities/{activity.pk}/"


def test_jsonld_start_date_in_tokyo_carries_plus_nine(client, db):
    activity = activity_in("tokyo", title="Dawn", starts_at=datetime(2022, 5, 17, 16, tzinfo=UTC))
    assert jsonld(client.get(activity.get_absolute_url()))["startDate"] == (
        "2022-05-18T01:00:00+09:00"
    )


@pytest.mark.parametrize(
    "mode,schema_mode,location_types",
    [
        ("online", "OnlineEventAttendanceMode", "VirtualLocation"),
        ("mixed", "MixedEventAttendanceMode", ["Place", "VirtualLocation"]),
    ],
)
def test_jsonld_attendance_mode_and_location(client, db, mode, schema_mode, location_types):
    activity = activity_in(
        "paris", title="Live", attendance_mode=mode, online_url="https://example.org/live"
    )
    data = jsonld(client.get(activity.get_absolute_url()))
    assert data["eventAttendanceMode"] == f"https://schema.org/{schema_mode}"
    location = data["location"]
    found = (
        [item["@type"] for item in location] if isinstance(location, list) else location["@type"]
    )
    assert found == location_types


def test_title_with_script_end_tag_cannot_break_out_of_the_jsonld(client, db):
    title = 'Art </script><script>alert("x")</script> & <!-- night'
    activity = activity_in("paris", title=title)
    response = client.get(activity.get_absolute_url())
    assert "<script>alert" not in response.text
    assert jsonld(response)["name"] == title
    assert len(JSONLD.findall(response.text)) == 1
