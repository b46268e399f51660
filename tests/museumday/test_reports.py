import pytest
from django.urls import reverse

from museion.museumday.models import Status

from ..factories import ActivityFactory, UserFactory


@pytest.fixture
def report_data(edition, museum, other_museum):
    ActivityFactory(edition=edition, museum=museum, category="workshop")
    ActivityFactory(
        edition=edition,
        museum=museum,
        category="workshop",
        attendance_mode="mixed",
        online_url="https://example.org/live",
    )
    ActivityFactory(edition=edition, museum=other_museum, category="talk")
    ActivityFactory(edition=edition, museum=museum, status=Status.DRAFT, category="talk")


def report_url(edition):
    return reverse("museumday:report", kwargs={"year": edition.year})


def test_report_needs_a_moderator(client, edition, editor):
    assert client.get(report_url(edition)).status_code == 302
    client.force_login(editor)
    assert client.get(report_url(edition)).status_code == 403


def test_staff_report_counts_published_activities_everywhere(client, staff, edition, report_data):
    client.force_login(staff)
    response = client.get(report_url(edition))
    assert response.status_code == 200
    report = response.context["report"]
    assert report["totals"] == {"activities": 3, "museums": 2, "countries": 2}
    assert [(b.label, b.value) for b in report["by_country"]] == [("France", 2), ("Spain", 1)]
    assert [(b.label, b.value) for b in report["by_category"]] == [("Workshop", 2), ("Talk", 1)]
    assert [(b.label, b.value) for b in report["by_status"]] == [("Published", 3), ("Draft", 1)]
    assert report["by_country"][1].share == 0.5


def test_coordinator_report_is_limited_to_their_country(client, coordinator, edition, report_data):
    client.force_login(coordinator)
    report = client.get(report_url(edition)).context["report"]
    assert report["totals"] == {"activities": 2, "museums": 1, "countries": 1}
    assert [(b.label, b.value) for b in report["by_country"]] == [("France", 2)]


def test_report_charts_have_a_data_table(client, staff, edition, report_data):
    client.force_login(staff)
    html = client.get(report_url(edition)).content.decode()
    assert '<th scope="row">Spain</th><td>1</td>' in html
    assert 'role="img"' in html


def test_report_of_unknown_edition_is_404(client, staff):
    client.force_login(staff)
    assert client.get(reverse("museumday:report", kwargs={"year": 1990})).status_code == 404


def test_report_query_count_does_not_grow_with_rows(
    client, staff, edition, museum, django_assert_max_num_queries
):
    client.force_login(staff)
    ActivityFactory(edition=edition, museum=museum)
    with django_assert_max_num_queries(12) as first:
        client.get(report_url(edition))
    for _ in range(5):
        ActivityFactory(edition=edition, museum=museum)
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get(report_url(edition))


def test_plain_user_has_no_report(client, edition):
    client.force_login(UserFactory(username="visitor"))
    assert client.get(report_url(edition)).status_code == 403
