"""Translations of activities: editors write them, moderators approve those of published ones.

Only approved translations are public. A translation of an activity that is not published yet is
approved as it is saved: it becomes public with the activity, which a moderator reviews anyway.
Every change to what the public sees refreshes the activity's search text and `updated_at`, so
search finds the new words and cached lists (keyed on the latest `updated_at`) are rebuilt.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from museion.core.validators import canonical_language

from .models import Activity, ActivityTranslation, Status, Transition
from .models import TranslationStatus as TS
from .services import require_editor, require_moderator

TEXT_FIELDS = ["title", "description", "accessibility_notes"]


def _record(translation: ActivityTranslation, *, actor, action: str, reason: str = "") -> None:
    status = translation.activity.status
    Transition.objects.create(
        activity=translation.activity,
        actor=actor,
        action=action,
        from_status=status,
        to_status=status,
        reason=reason,
        language=translation.language,
    )


def _locked_activity(activity: Activity) -> Activity:
    return Activity.objects.select_for_update().select_related("museum").get(pk=activity.pk)


def _locked_translation(translation: ActivityTranslation) -> ActivityTranslation:
    # The activity first, as every other writer of the activity does, then its translation.
    activity = _locked_activity(translation.activity)
    locked = ActivityTranslation.objects.select_for_update().get(pk=translation.pk)
    locked.activity = activity
    return locked


def refresh_public_text(activity: Activity) -> None:
    """Copy the approved translations into the search text and mark the activity changed."""
    approved = activity.translations.filter(status=TS.APPROVED).order_by("language")
    activity.translations_text = "\n".join(f"{t.title}\n{t.description}" for t in approved)
    activity.save(update_fields=["translations_text", "updated_at", "local_date"])


def _validate(translation: ActivityTranslation) -> None:
    errors: dict[str, list] = {}
    try:
        translation.full_clean(
            exclude=["activity", "created_by", "proposal"],
            validate_unique=False,
            validate_constraints=False,
        )
    except ValidationError as error:
        errors.update(error.message_dict)
    if translation.language.lower() == translation.activity.language.lower():
        errors.setdefault("language", []).append(
            _("A translation must be in another language than the activity itself.")
        )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def save_translation(*, user, activity: Activity, language: str, data: dict[str, Any]):
    """Add or edit the translation of `activity` into `language` (one per language).

    Published activity: a new translation waits for moderation; an edit of an approved one
    waits as a proposal while the approved text stays public.
    """
    activity = _locked_activity(activity)
    require_editor(user, activity.museum)
    language = canonical_language(language)
    translation = (
        ActivityTranslation.objects.select_for_update()
        .filter(activity=activity, language=language)
        .first()
    )
    is_new = translation is None
    if is_new:
        translation = ActivityTranslation(activity=activity, language=language, created_by=user)
    else:
        translation.activity = activity
    text = {field: (data.get(field) or "").strip() for field in TEXT_FIELDS}
    candidate = ActivityTranslation(activity=activity, language=language, **text)
    _validate(candidate)
    moderated = activity.status == Status.PUBLISHED
    if moderated and translation.status == TS.APPROVED and not is_new:
        translation.proposal = text
    else:
        for field, value in text.items():
            setattr(translation, field, value)
        translation.proposal = None
        translation.status = TS.PENDING if moderated else TS.APPROVED
    translation.reason = ""
    translation.save()
    _record(translation, actor=user, action="translate")
    if translation.status == TS.APPROVED and translation.proposal is None:
        refresh_public_text(activity)
    return translation


@transaction.atomic
def approve_translation(*, moderator, translation: ActivityTranslation) -> ActivityTranslation:
    translation = _locked_translation(translation)
    require_moderator(moderator, translation.activity)
    if not translation.awaits_moderation:
        raise ValidationError(_("This translation has already been moderated."))
    if translation.proposal is not None:
        for field in TEXT_FIELDS:
            setattr(translation, field, translation.proposal.get(field, ""))
        translation.proposal = None
    translation.status = TS.APPROVED
    translation.reason = ""
    translation.save()
    _record(translation, actor=moderator, action="approve_translation")
    refresh_public_text(translation.activity)
    return translation


@transaction.atomic
def reject_translation(
    *, moderator, translation: ActivityTranslation, reason: str
) -> ActivityTranslation:
    """Send a translation back; a rejected edit leaves the approved text public as it was."""
    translation = _locked_translation(translation)
    require_moderator(moderator, translation.activity)
    if not translation.awaits_moderation:
        raise ValidationError(_("This translation has already been moderated."))
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Tell the editor why, so they can fix it.")})
    if translation.proposal is not None:
        translation.proposal = None
    else:
        translation.status = TS.REJECTED
    translation.reason = reason.strip()
    translation.save()
    _record(translation, actor=moderator, action="reject_translation", reason=translation.reason)
    return translation


@transaction.atomic
def delete_translation(*, user, translation: ActivityTranslation) -> None:
    translation = _locked_translation(translation)
    require_editor(user, translation.activity.museum)
    was_public = translation.status == TS.APPROVED
    _record(translation, actor=user, action="delete_translation")
    translation.delete()
    if was_public:
        refresh_public_text(translation.activity)
