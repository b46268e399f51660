from datetime import UTC, datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from museion.museumday import services
from museion.museumday.models import Activity, Status, Transition
from museion.museumday.queries import public_activities

from ..factories import ActivityFactory, UserFactory


def activity_data(edition, **overrides):
    data = {
        "edition": edition,
        "title": "Family trail",
        "description": "Find the hidden objects.",
        "language": "fr",
        "category": "family",
        "attendance_mode": "offline",
        "starts_at": datetime(2022, 5, 18, 8, tzinfo=UTC),
        "ends_at": datetime(2022, 5, 18, 10, tzinfo=UTC),
        "timezone": "Europe/Paris",
    }
    data.update(overrides)
    return data


def test_create_activity_defaults_place_to_the_museum(editor, museum, edition):
    activity = services.create_activity(user=editor, museum=museum, data=activity_data(edition))
    assert activity.status == Status.DRAFT
    assert (activity.city, activity.country.code, activity.latitude) == ("Paris", "FR", 48.8606)
    assert activity.local_date.isoformat() == "2022-05-18"
    assert list(activity.transitions.values_list("action", flat=True)) == ["create"]


def test_editor_of_museum_a_cannot_touch_museum_b(editor, other_museum, edition):
    with pytest.raises(PermissionDenied):
        services.create_activity(user=editor, museum=other_museum, data=activity_data(edition))
    theirs = ActivityFactory(museum=other_museum, edition=edition, status=Status.DRAFT)
    with pytest.raises(PermissionDenied):
        services.update_activity(user=editor, activity=theirs, data={"title": "Hijacked"})
    with pytest.raises(PermissionDenied):
        services.submit_activity(user=editor, activity=theirs)
    theirs.refresh_from_db()
    assert theirs.title != "Hijacked" and theirs.status == Status.DRAFT


def test_online_activity_needs_url(editor, museum, edition):
    with pytest.raises(ValidationError) as error:
        services.create_activity(
            user=editor, museum=museum, data=activity_data(edition, attendance_mode="online")
        )
    assert "online_url" in error.value.error_dict
    assert Activity.objects.count() == 0


def test_end_before_start_is_refused(editor, museum, edition):
    with pytest.raises(ValidationError) as error:
        services.create_activity(
            user=editor,
            museum=museum,
            data=activity_data(edition, ends_at=datetime(2022, 5, 18, 7, tzinfo=UTC)),
        )
    assert "ends_at" in error.value.error_dict


@pytest.mark.parametrize(
    "field,value",
    [
        ("timezone", "Mars/Olympus_Mons"),
        ("language", "klingon"),
        ("country", "XX"),
        ("latitude", 91.0),
        ("longitude", -181.0),
        ("description", "x" * 1_000_000),
    ],
)
def test_bad_values_are_refused_with_a_field_error(editor, museum, edition, field, value):
    with pytest.raises(ValidationError) as error:
        services.create_activity(
            user=editor, museum=museum, data=activity_data(edition, **{field: value})
        )
    assert field in error.value.error_dict
    assert Activity.objects.count() == 0


def test_full_workflow_records_every_transition(editor, coordinator, museum, edition):
    activity = services.create_activity(user=editor, museum=museum, data=activity_data(edition))
    services.submit_activity(user=editor, activity=activity)
    services.reject_activity(moderator=coordinator, activity=activity, reason="Add a booking link")
    activity.refresh_from_db()
    assert activity.status == Status.REJECTED
    assert activity.rejection_reason == "Add a booking link"
    services.submit_activity(user=editor, activity=activity)
    services.publish_activity(moderator=coordinator, activity=activity)
    steps = list(
        Transition.objects.filter(activity=activity).values_list(
            "action", "from_status", "to_status", "actor__username"
        )
    )
    assert steps == [
        ("create", "", "draft", "editor"),
        ("submit", "draft", "submitted", "editor"),
        ("reject", "submitted", "rejected", "coordinator"),
        ("submit", "rejected", "submitted", "editor"),
        ("publish", "submitted", "published", "coordinator"),
    ]
    assert list(public_activities()) == [activity]


def test_reject_needs_a_reason(coordinator, museum, edition):
    activity = ActivityFactory(museum=museum, edition=edition, status=Status.SUBMITTED)
    with pytest.raises(ValidationError):
        services.reject_activity(moderator=coordinator, activity=activity, reason="  ")
    activity.refresh_from_db()
    assert activity.status == Status.SUBMITTED


def test_editor_cannot_publish_own_activity(editor, museum, edition):
    activity = ActivityFactory(museum=museum, edition=edition, status=Status.SUBMITTED)
    with pytest.raises(PermissionDenied):
        services.publish_activity(moderator=editor, activity=activity)


def test_coordinator_moderates_only_their_country(coordinator, other_museum, edition):
    spanish = ActivityFactory(museum=other_museum, edition=edition, status=Status.SUBMITTED)
    with pytest.raises(PermissionDenied):
        services.publish_activity(moderator=coordinator, activity=spanish)


def test_staff_moderate_everywhere(staff, other_museum, edition):
    spanish = ActivityFactory(museum=other_museum, edition=edition, status=Status.SUBMITTED)
    assert services.publish_activity(moderator=staff, activity=spanish).status == Status.PUBLISHED


def test_international_committee_coordinator_moderates_member_museums(
    museum, other_museum, edition
):
    from ..factories import CommitteeFactory

    user = UserFactory(username="ceca")
    ceca = CommitteeFactory(kind="international", country="", name="CECA", slug="ceca")
    ceca.coordinators.add(user)
    other_museum.committees.add(ceca)
    member = ActivityFactory(museum=other_museum, edition=edition, status=Status.SUBMITTED)
    outsider = ActivityFactory(museum=museum, edition=edition, status=Status.SUBMITTED)
    services.publish_activity(moderator=user, activity=member)
    with pytest.raises(PermissionDenied):
        services.publish_activity(moderator=user, activity=outsider)


def test_edit_of_published_activity_waits_for_moderation(editor, coordinator, published):
    services.update_activity(
        user=editor, activity=published, data={"title": "Night of the Louvre, extended"}
    )
    published.refresh_from_db()
    assert published.title == "Night of the Louvre"
    assert published.status == Status.PUBLISHED
    revision = published.revisions.get()
    services.approve_revision(moderator=coordinator, revision=revision)
    published.refresh_from_db()
    assert published.title == "Night of the Louvre, extended"
    assert published.status == Status.PUBLISHED


def test_rejected_edit_keeps_the_published_version(editor, coordinator, published):
    services.update_activity(user=editor, activity=published, data={"title": "Wrong"})
    revision = published.revisions.get()
    services.reject_revision(moderator=coordinator, revision=revision, reason="Not accurate")
    published.refresh_from_db()
    assert published.title == "Night of the Louvre"
    revision.refresh_from_db()
    assert (revision.status, revision.reason) == ("rejected", "Not accurate")


def test_second_edit_replaces_the_pending_one(editor, published):
    services.update_activity(user=editor, activity=published, data={"title": "First"})
    services.update_activity(user=editor, activity=published, data={"title": "Second"})
    assert [r.data["title"] for r in published.revisions.filter(status="pending")] == ["Second"]


def test_submitting_twice_is_refused(editor, museum, edition):
    activity = ActivityFactory(museum=museum, edition=edition, status=Status.DRAFT)
    services.submit_activity(user=editor, activity=activity)
    with pytest.raises(ValidationError):
        services.submit_activity(user=editor, activity=activity)
    assert activity.transitions.filter(action="submit").count() == 1


def test_language_code_is_stored_in_bcp47_casing_and_found_by_the_filter(editor, museum, edition):
    from museion.museumday.filters import ActivitySearchForm

    activity = services.create_activity(
        user=editor, museum=museum, data=activity_data(edition, language="pt-br")
    )
    assert activity.language == "pt-BR"
    activity.status = Status.PUBLISHED
    activity.save()
    form = ActivitySearchForm({"language": "pt-BR"})
    assert form.is_valid(), form.errors
    assert list(form.filter(public_activities())) == [activity]
