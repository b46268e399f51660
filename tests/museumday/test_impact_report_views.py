"""Editors, committees and staff fill in their reports through the form; bad input is sent back
with a message next to it, and nothing saved before is lost."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.urls import reverse

from museion.museumday.models import ImpactReport
from tests.factories import ActivityFactory

from .impact_data import OPEN

AFTER_DEADLINE = datetime(2022, 7, 15, tzinfo=UTC)


@pytest.fixture(autouse=True)
def reports_open():
    with time_machine.travel(OPEN, tick=False):
        yield


def museum_url(museum, year=2022):
    return reverse("museumday:impact_museum", kwargs={"museum_slug": museum.slug, "year": year})


def form_data(onsite="120", online="", rows=()):
    data = {
        "onsite_visitors": onsite,
        "online_viewers": online,
        "figures-TOTAL_FORMS": str(max(3, len(rows))),
        "figures-INITIAL_FORMS": "0",
        "figures-MIN_NUM_FORMS": "0",
        "figures-MAX_NUM_FORMS": "30",
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"figures-{index}-{key}"] = value
    return data


INSTAGRAM = {"channel": "social", "network": "Instagram", "items": "3", "audience": "4500"}


def test_editor_reports_for_their_museum(client, edition, museum, editor):
    client.force_login(editor)
    evidence = {**INSTAGRAM, "evidence": "https://example.org/a\nhttps://example.org/b"}
    response = client.post(museum_url(museum), form_data(rows=[evidence]), follow=True)

    assert "Your figures are saved. Thank you!" in response.content.decode()
    report = ImpactReport.objects.get()
    assert (report.museum, report.onsite_visitors, report.online_viewers) == (museum, 120, 0)
    figure = report.figures.get()
    assert (figure.network, figure.items, figure.audience) == ("Instagram", 3, 4500)
    assert figure.evidence == ["https://example.org/a", "https://example.org/b"]
    html = client.get(museum_url(museum)).content.decode()
    assert 'value="4500"' in html


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (form_data(onsite="-5"), "a count cannot be negative"),
        (form_data(onsite="12 000"), "Enter a whole number"),
        (form_data(online="9000000000"), "more than the world&#x27;s population"),
        (form_data(online="99999999999999999999999999"), "more than the world&#x27;s population"),
        (form_data(rows=[{"channel": "pigeon", "audience": "4"}]), "Unknown channel “pigeon”"),
        (form_data(rows=[{"audience": "40"}]), "Choose the channel these figures are for."),
        (form_data(rows=[{"channel": "social", "audience": "40"}]), "Name the social network"),
        (form_data(rows=[INSTAGRAM, {**INSTAGRAM, "network": "instagram "}]), "is given twice"),
        (form_data(rows=[{"channel": "news", "evidence": "not a link"}]), "is not a web address"),
    ],
)
def test_bad_input_is_sent_back_with_a_message_and_nothing_lost(
    client, edition, museum, editor, data, message
):
    client.force_login(editor)
    client.post(museum_url(museum), form_data(onsite="10", rows=[INSTAGRAM]))

    response = client.post(museum_url(museum), data)

    assert response.status_code == 400
    html = response.content.decode()
    assert "Nothing was saved" in html and message in html
    report = ImpactReport.objects.get()
    assert report.onsite_visitors == 10 and report.figures.count() == 1


def test_tampered_formset_is_a_form_error_not_a_crash(client, edition, museum, editor):
    client.force_login(editor)
    response = client.post(museum_url(museum), {"onsite_visitors": "4"})
    assert response.status_code == 400
    assert not ImpactReport.objects.exists()


def test_editor_of_another_museum_is_told_why(client, edition, other_museum, editor):
    client.force_login(editor)
    for method in (client.get, client.post):
        response = method(museum_url(other_museum))
        assert response.status_code == 403
        assert "You are not an editor of Museo del Prado" in response.content.decode()
    assert not ImpactReport.objects.exists()


def test_activity_report_page(client, edition, museum, editor):
    activity = ActivityFactory(edition=edition, museum=museum, title="Night tour")
    client.force_login(editor)
    url = reverse(
        "museumday:impact_activity",
        kwargs={"museum_slug": museum.slug, "year": 2022, "pk": activity.pk},
    )
    assert "Night tour" in client.get(museum_url(museum)).content.decode()

    client.post(url, form_data(onsite="42"))

    assert ImpactReport.objects.get().activity == activity
    assert "reported" in client.get(museum_url(museum)).content.decode()


def test_activity_of_another_museum_is_404(client, edition, museum, other_museum, editor):
    activity = ActivityFactory(edition=edition, museum=other_museum)
    client.force_login(editor)
    url = reverse(
        "museumday:impact_activity",
        kwargs={"museum_slug": museum.slug, "year": 2022, "pk": activity.pk},
    )
    assert client.get(url).status_code == 404


def test_after_the_deadline_the_form_is_closed_and_a_late_post_keeps_the_input(
    client, edition, museum, editor
):
    client.force_login(editor)
    client.post(museum_url(museum), form_data(onsite="10"))
    with time_machine.travel(AFTER_DEADLINE, tick=False):
        client.force_login(editor)  # a new session: the first one has expired meanwhile
        page = client.get(museum_url(museum)).content.decode()
        late = client.post(museum_url(museum), form_data(onsite="777"))

    assert (
        "The reporting deadline has passed" in page and '<form method="post" novalidate' not in page
    )
    assert late.status_code == 400
    html = late.content.decode()
    assert "has passed: nothing was changed" in html
    assert 'value="777"' in html  # what they typed is still on the page
    assert ImpactReport.objects.get().onsite_visitors == 10


def test_committee_and_network_forms(client, edition, coordinator, staff):
    committee = coordinator.coordinated_committees.get()
    committee_url = reverse(
        "museumday:impact_committee", kwargs={"year": 2022, "slug": committee.slug}
    )
    network_url = reverse("museumday:impact_network", kwargs={"year": 2022})
    client.force_login(coordinator)
    client.post(committee_url, form_data(onsite="", rows=[INSTAGRAM]))
    assert client.get(network_url).status_code == 403
    client.force_login(staff)
    client.post(network_url, form_data(onsite="", rows=[INSTAGRAM]))

    assert ImpactReport.objects.filter(committee=committee).exists()
    assert ImpactReport.objects.filter(reporter_kind="network").exists()


def test_reporting_needs_a_login(client, edition, museum):
    response = client.get(museum_url(museum))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
