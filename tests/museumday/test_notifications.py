from django.core import mail

from museion.museumday import services
from museion.museumday.models import Status

from ..factories import ActivityFactory


def test_editors_hear_that_their_activity_is_published(
    editor, coordinator, museum, edition, django_capture_on_commit_callbacks
):
    activity = ActivityFactory(
        museum=museum, edition=edition, status=Status.SUBMITTED, title="Night walk"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_activity(moderator=coordinator, activity=activity)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["editor@example.org"]
    # The museum works in French, so the e-mail is in French when the catalogue is compiled;
    # either way it names the activity and links to it.
    assert "Night walk" in message.subject
    assert f"/museum-day/activities/{activity.pk}/" in message.body


def test_editors_get_the_moderators_reason(
    editor, coordinator, museum, edition, django_capture_on_commit_callbacks
):
    activity = ActivityFactory(museum=museum, edition=edition, status=Status.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        services.reject_activity(
            moderator=coordinator, activity=activity, reason="Please add the booking link"
        )
    assert len(mail.outbox) == 1
    assert "Please add the booking link" in mail.outbox[0].body
    assert "/museum-day/my/" in mail.outbox[0].body


def test_rejected_edit_reason_reaches_the_editor(
    editor, coordinator, published, django_capture_on_commit_callbacks
):
    services.update_activity(user=editor, activity=published, data={"title": "Wrong"})
    with django_capture_on_commit_callbacks(execute=True):
        services.reject_revision(
            moderator=coordinator,
            revision=published.revisions.get(),
            reason="Title is not accurate",
        )
    assert ["Title is not accurate" in m.body for m in mail.outbox] == [True]


def test_no_mail_when_nothing_was_decided(
    editor, museum, edition, django_capture_on_commit_callbacks
):
    activity = ActivityFactory(museum=museum, edition=edition, status=Status.DRAFT)
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_activity(user=editor, activity=activity)
    assert mail.outbox == []
