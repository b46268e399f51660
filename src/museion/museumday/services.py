"""The rules of International Museum Day: writing, submitting and moderating activities."""

from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from museion.core.validators import canonical_language
from museion.network.models import Museum
from museion.network.permissions import can_edit_museum, can_moderate_museum

from .models import (
    Activity,
    ActivityRevision,
    RevisionStatus,
    Status,
    Transition,
    local_start_date,
)
from .tasks import notify_editors

EDITABLE_FIELDS = [
    "edition",
    "title",
    "description",
    "language",
    "category",
    "attendance_mode",
    "starts_at",
    "ends_at",
    "timezone",
    "venue",
    "address",
    "city",
    "country",
    "latitude",
    "longitude",
    "online_url",
    "accessibility_notes",
    "is_free",
    "booking_url",
]
NOTIFIED_ACTIONS = {"publish", "reject", "approve_edit", "reject_edit"}
PLACE_FIELDS = ["address", "city", "country", "latitude", "longitude"]


def _record(activity: Activity, *, actor, action: str, from_status: str, reason: str = ""):
    if action in NOTIFIED_ACTIONS:
        transaction.on_commit(lambda: notify_editors.enqueue(activity.pk, action, reason))
    Transition.objects.create(
        activity=activity,
        actor=actor,
        action=action,
        from_status=from_status,
        to_status=activity.status,
        reason=reason,
    )


def _apply(activity: Activity, data: dict[str, Any]) -> None:
    for field in EDITABLE_FIELDS:
        if field in data:
            setattr(activity, field, data[field])
    activity.language = canonical_language(activity.language)
    if not activity.country:
        for field in PLACE_FIELDS:
            if getattr(activity, field) in (None, ""):
                setattr(activity, field, getattr(activity.museum, field))
    if not activity.timezone:
        activity.timezone = activity.museum.timezone


def require_editor(user, museum: Museum) -> None:
    if not can_edit_museum(user, museum):
        raise PermissionDenied(_("You are not an editor of this museum."))


def require_moderator(user, activity: Activity) -> None:
    if not can_moderate_museum(user, activity.museum):
        raise PermissionDenied(_("You do not moderate this museum's activities."))


def validate_activity(activity: Activity) -> None:
    """The rules every activity meets, whoever writes it (form, admin, API, import)."""
    errors: dict[str, list] = {}
    try:
        activity.full_clean(exclude=["local_date", "created_by"], validate_constraints=False)
    except ValidationError as error:
        errors.update(error.message_dict)
    if activity.starts_at and activity.ends_at and activity.ends_at <= activity.starts_at:
        errors.setdefault("ends_at", []).append(_("The end must be after the start."))
    if activity.starts_at and activity.timezone and activity.edition_id:
        outside = outside_edition_days(activity)
        if outside:
            errors.setdefault("starts_at", []).append(outside)
    if activity.attendance_mode in ("online", "mixed") and not activity.online_url:
        errors.setdefault("online_url", []).append(
            _("Online and hybrid activities need the URL where people join them.")
        )
    if activity.attendance_mode in ("offline", "mixed") and (
        activity.latitude is None or activity.longitude is None
    ):
        errors.setdefault("latitude", []).append(
            _("On-site activities need a place with coordinates.")
        )
    if errors:
        raise ValidationError(errors)


def outside_edition_days(activity: Activity) -> str:
    """Why the activity's local start date falls outside its edition's days ("" when it does
    not). An activity that starts late on the last day may end after midnight."""
    edition = activity.edition
    day = local_start_date(activity.starts_at, activity.timezone)
    if edition.opens_on <= day <= edition.closes_on:
        return ""
    if edition.opens_on == edition.closes_on:
        return _("The %(year)s edition takes place on %(day)s: choose a time on that day.") % {
            "year": edition.year,
            "day": date_format(edition.date, "DATE_FORMAT"),
        }
    return _(
        "The %(year)s edition runs from %(first)s to %(last)s: choose a time between them."
    ) % {
        "year": edition.year,
        "first": date_format(edition.opens_on, "DATE_FORMAT"),
        "last": date_format(edition.closes_on, "DATE_FORMAT"),
    }


@transaction.atomic
def create_activity(*, user, museum: Museum, data: dict[str, Any]) -> Activity:
    require_editor(user, museum)
    activity = Activity(museum=museum, created_by=user, status=Status.DRAFT)
    _apply(activity, data)
    validate_activity(activity)
    activity.save()
    _record(activity, actor=user, action="create", from_status="")
    return activity


@transaction.atomic
def update_activity(*, user, activity: Activity, data: dict[str, Any]) -> Activity:
    """Edit an activity. A published one keeps its public version until the edit is approved."""
    activity = Activity.objects.select_for_update().select_related("museum").get(pk=activity.pk)
    require_editor(user, activity.museum)
    candidate = Activity.objects.select_related("museum").get(pk=activity.pk)
    _apply(candidate, data)
    validate_activity(candidate)
    if activity.status != Status.PUBLISHED:
        candidate.save()
        _record(candidate, actor=user, action="edit", from_status=activity.status)
        return candidate
    payload = {field: _to_json(getattr(candidate, field)) for field in EDITABLE_FIELDS}
    payload["edition"] = candidate.edition_id
    payload["country"] = str(candidate.country)
    ActivityRevision.objects.filter(activity=activity, status=RevisionStatus.PENDING).delete()
    ActivityRevision.objects.create(activity=activity, data=payload, created_by=user)
    _record(activity, actor=user, action="propose_edit", from_status=activity.status)
    return activity


def _to_json(value):
    if isinstance(value, datetime):
        return value.isoformat()
    if hasattr(value, "pk"):
        return value.pk
    return value


def revision_values(revision: ActivityRevision) -> dict[str, Any]:
    data = dict(revision.data)
    for field in ("starts_at", "ends_at"):
        data[field] = datetime.fromisoformat(data[field])
    data["edition_id"] = data.pop("edition")
    return data


@transaction.atomic
def submit_activity(*, user, activity: Activity) -> Activity:
    activity = Activity.objects.select_for_update().select_related("museum").get(pk=activity.pk)
    require_editor(user, activity.museum)
    if activity.status not in (Status.DRAFT, Status.REJECTED):
        raise ValidationError(_("Only drafts and rejected activities can be submitted."))
    previous = activity.status
    activity.status = Status.SUBMITTED
    activity.save(update_fields=["status", "updated_at", "local_date"])
    _record(activity, actor=user, action="submit", from_status=previous)
    return activity


@transaction.atomic
def publish_activity(*, moderator, activity: Activity) -> Activity:
    activity = Activity.objects.select_for_update().select_related("museum").get(pk=activity.pk)
    require_moderator(moderator, activity)
    if activity.status != Status.SUBMITTED:
        raise ValidationError(_("Only submitted activities can be published."))
    activity.status = Status.PUBLISHED
    activity.rejection_reason = ""
    activity.published_at = timezone.now()
    activity.save(
        update_fields=["status", "rejection_reason", "published_at", "updated_at", "local_date"]
    )
    _record(activity, actor=moderator, action="publish", from_status=Status.SUBMITTED)
    return activity


@transaction.atomic
def reject_activity(*, moderator, activity: Activity, reason: str) -> Activity:
    activity = Activity.objects.select_for_update().select_related("museum").get(pk=activity.pk)
    require_moderator(moderator, activity)
    if activity.status != Status.SUBMITTED:
        raise ValidationError(_("Only submitted activities can be rejected."))
    if not reason.strip():
        raise ValidationError({"reason": _("Tell the editor why, so they can fix it.")})
    activity.status = Status.REJECTED
    activity.rejection_reason = reason.strip()
    activity.save(update_fields=["status", "rejection_reason", "updated_at", "local_date"])
    _record(
        activity,
        actor=moderator,
        action="reject",
        from_status=Status.SUBMITTED,
        reason=activity.rejection_reason,
    )
    return activity


@transaction.atomic
def approve_revision(*, moderator, revision: ActivityRevision) -> Activity:
    revision = ActivityRevision.objects.select_for_update().get(pk=revision.pk)
    activity = (
        Activity.objects.select_for_update().select_related("museum").get(pk=revision.activity_id)
    )
    require_moderator(moderator, activity)
    if revision.status != RevisionStatus.PENDING:
        raise ValidationError(_("This edit has already been moderated."))
    for field, value in revision_values(revision).items():
        setattr(activity, field, value)
    validate_activity(activity)
    activity.save()
    revision.status = RevisionStatus.APPROVED
    revision.save(update_fields=["status"])
    _record(activity, actor=moderator, action="approve_edit", from_status=activity.status)
    return activity


@transaction.atomic
def reject_revision(*, moderator, revision: ActivityRevision, reason: str) -> ActivityRevision:
    revision = (
        ActivityRevision.objects.select_for_update()
        .select_related("activity__museum")
        .get(pk=revision.pk)
    )
    require_moderator(moderator, revision.activity)
    if revision.status != RevisionStatus.PENDING:
        raise ValidationError(_("This edit has already been moderated."))
    if not reason.strip():
        raise ValidationError({"reason": _("Tell the editor why, so they can fix it.")})
    revision.status = RevisionStatus.REJECTED
    revision.reason = reason.strip()
    revision.save(update_fields=["status", "reason"])
    _record(
        revision.activity,
        actor=moderator,
        action="reject_edit",
        from_status=revision.activity.status,
        reason=revision.reason,
    )
    return revision
