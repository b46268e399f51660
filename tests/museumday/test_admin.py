"""Staff edit activities in the admin through the services: the activity's rules are checked,
each change is a recorded transition, and an edit of a published activity is a revision."""

from datetime import UTC, datetime

import pytest
from django.contrib.admin.widgets import AdminSplitDateTime
from django.urls import reverse

from museion.museumday.models import Activity, ActivityRevision, RevisionStatus, Status

from ..factories import ActivityFactory, UserFactory


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(username="boss", is_staff=True, is_superuser=True))
    return client


def form_data(client, url: str, **changes) -> dict:
    """What the admin page's form would send back unchanged, with `changes` on top."""
    response = client.get(url)
    assert response.status_code == 200
    data = {}
    for bound in response.context["adminform"].form:
        value = bound.value()
        if isinstance(bound.field.widget, AdminSplitDateTime):
            day, time = bound.field.widget.decompress(value)
            data[f"{bound.html_name}_0"], data[f"{bound.html_name}_1"] = day, time
        elif isinstance(value, bool):
            if value:
                data[bound.html_name] = "on"
        elif value is not None:
            data[bound.html_name] = value
    for inline in response.context["inline_admin_formsets"]:
        for bound in inline.formset.management_form:
            data[bound.html_name] = bound.value()
        for form in inline.formset.forms:
            for bound in form:
                if bound.value() is not None:
                    data[bound.html_name] = bound.value()
    data.update(changes)
    return data


def change_url(activity) -> str:
    return reverse("admin:museumday_activity_change", args=[activity.pk])


def test_admin_edit_of_a_published_activity_is_a_recorded_revision(admin_client, published):
    url = change_url(published)
    response = admin_client.post(url, form_data(admin_client, url, title="Night at the Louvre"))
    assert response.status_code == 302
    published.refresh_from_db()
    assert (published.title, published.status) == ("Night at the Louvre", Status.PUBLISHED)
    revision = ActivityRevision.objects.get(activity=published)
    assert revision.status == RevisionStatus.APPROVED
    assert revision.data["title"] == "Night at the Louvre"
    assert list(published.transitions.values_list("action", "actor__username")) == [
        ("propose_edit", "boss"),
        ("approve_edit", "boss"),
    ]


def test_admin_edit_breaking_a_rule_is_refused_with_the_reason(admin_client, published):
    url = change_url(published)
    data = form_data(admin_client, url, attendance_mode="online", online_url="")
    response = admin_client.post(url, data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["online_url"] == [
        "Online and hybrid activities need the URL where people join them."
    ]
    published.refresh_from_db()
    assert published.attendance_mode == "offline"
    assert not published.transitions.exists()


def test_admin_edit_outside_the_edition_days_is_refused(admin_client, published):
    url = change_url(published)
    data = form_data(admin_client, url, starts_at_0="2022-06-01", ends_at_0="2022-06-01")
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "starts_at" in response.context["adminform"].form.errors
    published.refresh_from_db()
    assert published.starts_at == datetime(2022, 5, 18, 8, 0, tzinfo=UTC)


def test_admin_edit_of_a_draft_is_recorded_as_an_edit(admin_client, edition, museum):
    draft = ActivityFactory(edition=edition, museum=museum, status=Status.DRAFT)
    url = change_url(draft)
    response = admin_client.post(url, form_data(admin_client, url, title="Renamed draft"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Renamed draft"
    assert list(draft.transitions.values_list("action", "from_status", "to_status")) == [
        ("edit", Status.DRAFT, Status.DRAFT)
    ]
    assert not ActivityRevision.objects.exists()


def test_admin_add_creates_a_draft_with_its_transition(admin_client, published):
    url = reverse("admin:museumday_activity_add")
    data = form_data(admin_client, change_url(published), title="New in the admin")
    data["museum"] = published.museum_id
    response = admin_client.post(url, data)
    assert response.status_code == 302
    created = Activity.objects.get(title="New in the admin")
    assert created.status == Status.DRAFT
    assert created.created_by.username == "boss"
    assert list(created.transitions.values_list("action", flat=True)) == ["create"]


def test_non_staff_cannot_reach_the_activity_admin(client, published):
    client.force_login(UserFactory(username="visitor"))
    response = client.get(change_url(published))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
