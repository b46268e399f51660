"""Editors' screens: the dashboard and the activity form (local times in, UTC stored)."""

import re
from datetime import UTC, datetime
from html import unescape

import pytest

from museion.museumday.models import Activity, ActivityRevision, Edition, Status

from ..factories import ActivityFactory, EditionFactory, UserFactory


def heading(response) -> str:
    return re.search(r"<h1[^>]*>(.*?)</h1>", response.text, re.S).group(1)


def form_data(edition, **overrides) -> dict:
    data = {
        "edition": edition.pk,
        "title": "Family trail",
        "description": "Find the hidden objects.",
        "language": "fr",
        "category": "family",
        "attendance_mode": "offline",
        "timezone": "Europe/Paris",
        "starts_local": "2022-05-18T10:00",
        "ends_local": "2022-05-18T12:30",
        "is_free": "on",
    }
    data.update(overrides)
    return data


def create_url(museum) -> str:
    return f"/museum-day/my/{museum.slug}/new/"


def edit_url(activity) -> str:
    return f"/museum-day/my/activities/{activity.pk}/edit/"


@pytest.mark.parametrize(
    "url",
    ["/museum-day/my/", "/museum-day/my/some-museum/new/", "/museum-day/my/activities/1/edit/"],
)
def test_editor_pages_need_a_login(client, db, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url}"


def test_editor_creates_a_draft_with_local_times_stored_in_utc(client, editor, museum, edition):
    client.force_login(editor)
    form = client.get(create_url(museum))
    assert form.status_code == 200
    assert form.context["form"]["timezone"].value() == "Europe/Paris"
    response = client.post(create_url(museum), form_data(edition))
    assert response.status_code == 302
    assert response["Location"] == "/museum-day/my/"
    activity = Activity.objects.get()
    assert activity.starts_at == datetime(2022, 5, 18, 8, tzinfo=UTC)
    assert activity.ends_at == datetime(2022, 5, 18, 10, 30, tzinfo=UTC)
    assert (activity.status, activity.museum, activity.created_by) == ("draft", museum, editor)
    assert (activity.city, activity.latitude) == ("Paris", 48.8606)
    assert "Draft saved." in client.get("/museum-day/my/").text


def test_local_times_follow_the_chosen_timezone(client, editor, museum, edition):
    client.force_login(editor)
    data = form_data(edition, timezone="Asia/Tokyo", starts_local="2022-05-18T01:00")
    data["ends_local"] = "2022-05-18T03:00"
    client.post(create_url(museum), data)
    activity = Activity.objects.get()
    assert activity.starts_at == datetime(2022, 5, 17, 16, tzinfo=UTC)
    assert activity.local_date.isoformat() == "2022-05-18"


def test_save_and_submit_sends_the_activity_to_moderation(client, editor, museum, edition):
    client.force_login(editor)
    client.post(create_url(museum), {**form_data(edition), "submit": ""})
    assert Activity.objects.get().status == Status.SUBMITTED
    assert "Activity submitted for moderation." in client.get("/museum-day/my/").text


def test_time_in_a_dst_gap_is_a_form_error(client, editor, museum, edition):
    client.force_login(editor)
    data = form_data(edition, starts_local="2022-03-27T02:30", ends_local="2022-03-27T04:00")
    response = client.post(create_url(museum), data)
    assert response.status_code == 400
    assert response.context["form"].errors["starts_local"] == [
        "This time does not exist in Europe/Paris (the clocks change then)."
    ]
    assert Activity.objects.count() == 0


@pytest.mark.parametrize(
    "overrides,field,message",
    [
        (
            {"ends_local": "2022-05-18T09:00"},
            "ends_local",
            "The end must be after the start.",
        ),
        (
            {"attendance_mode": "online"},
            "online_url",
            "Online and hybrid activities need the URL where people join them.",
        ),
        (
            {"description": "x" * 1_000_000},
            "description",
            "Ensure this value has at most 10000 characters (it has 1000000).",
        ),
        ({"timezone": "Mars/Olympus"}, "timezone", "Select a valid choice."),
        ({"language": "klingon"}, "language", "Select a valid choice."),
        ({"starts_local": "tomorrow"}, "starts_local", "Enter a valid date/time."),
        ({"online_url": "javascript:alert(1)"}, "online_url", "Enter a valid URL."),
    ],
)
def test_invalid_activity_is_a_400_with_field_errors_and_nothing_saved(
    client, editor, museum, edition, overrides, field, message
):
    client.force_login(editor)
    response = client.post(create_url(museum), form_data(edition, **overrides))
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert "Please correct the errors below." in response.text
    assert Activity.objects.count() == 0


def test_editor_cannot_open_or_post_the_form_of_another_museum(
    client, editor, other_museum, edition
):
    client.force_login(editor)
    assert client.get(create_url(other_museum)).status_code == 403
    assert client.post(create_url(other_museum), form_data(edition)).status_code == 403
    theirs = ActivityFactory(museum=other_museum, edition=edition, title="Prado", status="draft")
    assert client.get(edit_url(theirs)).status_code == 404
    response = client.post(edit_url(theirs), form_data(edition, title="Hijacked"))
    assert response.status_code == 404
    submit = client.post(f"/museum-day/my/activities/{theirs.pk}/submit/")
    assert submit.status_code == 404
    theirs.refresh_from_db()
    assert (theirs.title, theirs.status) == ("Prado", "draft")
    assert Activity.objects.count() == 1


def test_form_of_an_activity_shows_its_local_times(client, editor, published):
    client.force_login(editor)
    form = client.get(edit_url(published)).context["form"]
    assert form["starts_local"].value() == datetime(2022, 5, 18, 10, 0)
    assert form["ends_local"].value() == datetime(2022, 5, 18, 12, 0)


def test_editing_a_draft_changes_it_at_once(client, editor, museum, edition):
    draft = ActivityFactory(museum=museum, edition=edition, status="draft", title="Old")
    client.force_login(editor)
    response = client.post(edit_url(draft), form_data(edition, title="New"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.title, draft.status) == ("New", "draft")
    assert "Changes saved." in client.get("/museum-day/my/").text


def test_editing_a_published_activity_awaits_moderation(client, editor, published, edition):
    client.force_login(editor)
    page = client.get(edit_url(published))
    assert "This activity is published. Your changes go to moderation" in page.text
    response = client.post(edit_url(published), form_data(edition, title="Louvre, new title"))
    assert response.status_code == 302
    dashboard = client.get("/museum-day/my/")
    assert (
        "Your edit awaits moderation; the published version stays online until then."
        in unescape(dashboard.text)
    )
    assert "An edit awaits moderation." in dashboard.text
    client.logout()
    public = client.get(published.get_absolute_url())
    assert heading(public) == "Night of the Louvre"
    assert "Louvre, new title" not in public.text
    revision = ActivityRevision.objects.get()
    assert (revision.status, revision.data["title"]) == ("pending", "Louvre, new title")


def test_dashboard_lists_only_the_editors_museums(client, editor, museum, other_museum, edition):
    ActivityFactory(museum=museum, edition=edition, title="Ours")
    ActivityFactory(museum=other_museum, edition=edition, title="Theirs")
    client.force_login(editor)
    response = client.get("/museum-day/my/")
    assert [a.title for a in response.context["activities"]] == ["Ours"]
    assert [m.name for m in response.context["museums"]] == [museum.name]


def test_dashboard_of_a_user_without_museums_says_so(client, db):
    client.force_login(UserFactory(username="nobody"))
    response = client.get("/museum-day/my/")
    assert "You are not an editor of any museum yet." in response.text
    assert "No activities yet." in response.text


def test_new_activities_go_only_to_editions_open_for_registration(client, editor, museum, edition):
    EditionFactory(year=2021, registration_open=False)
    client.force_login(editor)
    choices = client.get(create_url(museum)).context["form"].fields["edition"].queryset
    assert [e.year for e in choices] == [2022]
    closed = Edition.objects.get(year=2021)
    response = client.post(create_url(museum), form_data(closed))
    assert response.status_code == 400
    assert "edition" in response.context["form"].errors


def test_activity_of_a_closed_edition_stays_editable(client, editor, museum, edition):
    draft = ActivityFactory(museum=museum, edition=edition, status="draft", title="Old")
    edition.registration_open = False
    edition.save()
    client.force_login(editor)
    response = client.post(edit_url(draft), form_data(edition, title="Fixed typo"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Fixed typo"


@pytest.mark.parametrize("bound", [False, True])
def test_activity_form_selects_write_the_html_of_django_select(
    client, editor, museum, edition, bound
):
    from django import forms

    client.force_login(editor)
    if bound:  # errors on some selects: their aria-invalid and error ids must stay
        response = client.post(create_url(museum), form_data(edition, timezone="Mars/Base"))
    else:
        response = client.get(create_url(museum))
    form = response.context["form"]
    selects = ["edition", "language", "category", "attendance_mode", "timezone", "country"]
    for name in selects:
        fast = str(form[name])
        assert fast in response.text
        form.fields[name].widget.__class__ = forms.Select
        assert fast == str(form[name])
    if not bound:  # the museum's own timezone and language are chosen already
        assert '<option value="Europe/Paris" selected>Europe/Paris</option>' in response.text
        assert re.search(r'<option value="fr" selected>', response.text)
