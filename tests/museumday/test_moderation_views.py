"""The moderation queue: who sees it, what it lists, publishing and rejecting through it."""

import pytest

from museion.museumday import services
from museion.museumday.models import Status

from ..factories import ActivityFactory, UserFactory
from ..pages import visible_text

QUEUE = "/museum-day/moderation/"


def moderate_url(activity) -> str:
    return f"/museum-day/moderation/activities/{activity.pk}/"


def test_queue_needs_a_login(client, db):
    response = client.get(QUEUE)
    assert (response.status_code, response["Location"]) == (302, f"/accounts/login/?next={QUEUE}")


def test_editors_without_a_coordinator_role_are_refused(client, editor, museum, edition):
    activity = ActivityFactory(museum=museum, edition=edition, status="submitted")
    client.force_login(editor)
    assert client.get(QUEUE).status_code == 403
    assert client.post(moderate_url(activity), {"action": "publish"}).status_code == 403
    activity.refresh_from_db()
    assert activity.status == Status.SUBMITTED


def test_coordinator_sees_only_their_countrys_submitted_activities(
    client, coordinator, museum, other_museum, edition
):
    ActivityFactory(museum=museum, edition=edition, title="French submitted", status="submitted")
    ActivityFactory(museum=museum, edition=edition, title="French draft", status="draft")
    ActivityFactory(museum=museum, edition=edition, title="French published")
    ActivityFactory(
        museum=other_museum, edition=edition, title="Spanish submitted", status="submitted"
    )
    client.force_login(coordinator)
    response = client.get(QUEUE)
    assert response.status_code == 200
    assert [a.title for a in response.context["submitted"]] == ["French submitted"]
    assert "Spanish submitted" not in response.text


def test_coordinator_publishes_through_the_queue(client, coordinator, museum, edition):
    activity = ActivityFactory(museum=museum, edition=edition, title="Trail", status="submitted")
    client.force_login(coordinator)
    response = client.post(moderate_url(activity), {"action": "publish"}, follow=True)
    assert response.redirect_chain == [(QUEUE, 302)]
    assert "“Trail” is published." in response.text
    activity.refresh_from_db()
    assert activity.status == Status.PUBLISHED
    assert activity.published_at is not None
    assert client.get(activity.get_absolute_url()).status_code == 200


def test_coordinator_cannot_moderate_another_country(client, coordinator, other_museum, edition):
    activity = ActivityFactory(museum=other_museum, edition=edition, status="submitted")
    client.force_login(coordinator)
    assert client.post(moderate_url(activity), {"action": "publish"}).status_code == 403
    activity.refresh_from_db()
    assert activity.status == Status.SUBMITTED


def test_reject_with_a_reason_reaches_the_editors_dashboard(
    client, coordinator, editor, museum, edition
):
    activity = ActivityFactory(museum=museum, edition=edition, title="Trail", status="submitted")
    client.force_login(coordinator)
    response = client.post(
        moderate_url(activity), {"action": "reject", "reason": "Add a booking link."}, follow=True
    )
    assert "“Trail” was sent back to its editor." in response.text
    activity.refresh_from_db()
    assert (activity.status, activity.rejection_reason) == ("rejected", "Add a booking link.")
    client.force_login(editor)
    dashboard = client.get("/museum-day/my/")
    assert "Moderator's reason: Add a booking link." in visible_text(dashboard)


@pytest.mark.parametrize("reason", ["", "   "])
def test_reject_without_a_reason_is_an_error_and_changes_nothing(
    client, coordinator, museum, edition, reason
):
    activity = ActivityFactory(museum=museum, edition=edition, status="submitted")
    client.force_login(coordinator)
    response = client.post(
        moderate_url(activity), {"action": "reject", "reason": reason}, follow=True
    )
    assert "Tell the editor why, so they can fix it." in response.text
    activity.refresh_from_db()
    assert (activity.status, activity.rejection_reason) == ("submitted", "")


def test_overlong_reason_is_refused(client, coordinator, museum, edition):
    activity = ActivityFactory(museum=museum, edition=edition, status="submitted")
    client.force_login(coordinator)
    response = client.post(
        moderate_url(activity), {"action": "reject", "reason": "x" * 5000}, follow=True
    )
    assert "Ensure this value has at most 2000 characters (it has 5000)." in visible_text(response)
    activity.refresh_from_db()
    assert activity.status == Status.SUBMITTED


def test_unknown_action_and_wrong_state_are_explained(client, coordinator, museum, edition):
    draft = ActivityFactory(museum=museum, edition=edition, status="draft")
    client.force_login(coordinator)
    response = client.post(moderate_url(draft), {"action": "delete"}, follow=True)
    assert "Unknown action." in response.text
    response = client.post(moderate_url(draft), {"action": "publish"}, follow=True)
    assert "Only submitted activities can be published." in response.text
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_moderation_is_post_only(client, coordinator, museum, edition):
    activity = ActivityFactory(museum=museum, edition=edition, status="submitted")
    client.force_login(coordinator)
    assert client.get(moderate_url(activity)).status_code == 405


def test_coordinator_approves_an_edit_of_a_published_activity(
    client, coordinator, editor, published
):
    services.update_activity(user=editor, activity=published, data={"title": "Louvre by night"})
    revision = published.revisions.get()
    client.force_login(coordinator)
    queue = client.get(QUEUE)
    assert [r.pk for r in queue.context["revisions"]] == [revision.pk]
    assert "Proposed title: Louvre by night" in queue.text
    client.post(f"/museum-day/moderation/edits/{revision.pk}/", {"action": "approve"})
    published.refresh_from_db()
    assert published.title == "Louvre by night"


def test_rejected_edit_reason_is_shown_to_the_editor(client, coordinator, editor, published):
    services.update_activity(user=editor, activity=published, data={"title": "Wrong"})
    revision = published.revisions.get()
    client.force_login(coordinator)
    client.post(
        f"/museum-day/moderation/edits/{revision.pk}/", {"action": "reject", "reason": "Typo."}
    )
    client.force_login(editor)
    dashboard = client.get("/museum-day/my/")
    assert "Your last edit was not accepted: Typo." in visible_text(dashboard)
    published.refresh_from_db()
    assert published.title == "Night of the Louvre"


def test_staff_see_every_country(client, staff, museum, other_museum, edition):
    ActivityFactory(museum=museum, edition=edition, title="FR", status="submitted")
    ActivityFactory(museum=other_museum, edition=edition, title="ES", status="submitted")
    client.force_login(staff)
    assert sorted(a.title for a in client.get(QUEUE).context["submitted"]) == ["ES", "FR"]


def test_plain_users_are_refused(client, db):
    client.force_login(UserFactory(username="visitor"))
    assert client.get(QUEUE).status_code == 403
