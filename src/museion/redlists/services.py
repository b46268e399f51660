"""Writes and rules for Red Lists: editing, ordering, publishing, withdrawing, translating.

Every change to a published list is recorded (who, when, which fields) in ChangeRecord.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from museion.core import versions

from . import dispatch
from .models import (
    Category,
    ChangeRecord,
    ListStatus,
    Measurement,
    ObjectImage,
    ObjectType,
    RedList,
)
from .pictures import process_object_image

MIN_IMAGES_PER_TYPE = 2


def can_edit_red_list(user, red_list: RedList) -> bool:
    """Staff, and the editors named on the list (or on the original it translates)."""
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    return red_list.root.editors.filter(pk=user.pk).exists()


def editable_red_lists(user):
    if not user.is_authenticated:
        return RedList.objects.none()
    if user.is_staff:
        return RedList.objects.all()
    return RedList.objects.filter(Q(editors=user) | Q(original__editors=user)).distinct()


def check_can_edit(user, red_list: RedList) -> None:
    if not can_edit_red_list(user, red_list):
        raise PermissionDenied(_("You are not an editor of this Red List."))


def record_change(*, red_list: RedList, user, action: str, target: str, fields=()) -> None:
    """Note a change when the list is public; drafts change freely until they are published."""
    if red_list.status != ListStatus.PUBLISHED:
        return
    ChangeRecord.objects.create(
        red_list=red_list,
        user=user if user is not None and user.is_authenticated else None,
        action=action,
        target=str(target)[:300],
        fields=sorted(fields),
    )


def _apply(instance, data: dict) -> list[str]:
    changed = []
    for name, value in data.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed.append(name)
    return changed


@transaction.atomic
def update_red_list(*, red_list: RedList, user, data: dict) -> list[str]:
    check_can_edit(user, red_list)
    changed = _apply(red_list, data)
    if changed:
        red_list.full_clean()
        red_list.save()
        record_change(red_list=red_list, user=user, action="edit", target=red_list, fields=changed)
        if "countries" in changed and not red_list.original_id:
            red_list.translations.update(countries=red_list.countries)
            versions.bump("redlists")
    return changed


@transaction.atomic
def create_category(*, red_list: RedList, user, data: dict) -> Category:
    check_can_edit(user, red_list)
    last = red_list.categories.aggregate(last=Max("position"))["last"] or 0
    category = Category(red_list=red_list, position=last + 1, **data)
    category.full_clean()
    category.save()
    record_change(red_list=red_list, user=user, action="add", target=category, fields=list(data))
    return category


@transaction.atomic
def update_category(*, category: Category, user, data: dict) -> list[str]:
    check_can_edit(user, category.red_list)
    changed = _apply(category, data)
    if changed:
        category.full_clean()
        category.save()
        record_change(
            red_list=category.red_list, user=user, action="edit", target=category, fields=changed
        )
    return changed


@transaction.atomic
def create_object_type(*, category: Category, user, data: dict) -> ObjectType:
    check_can_edit(user, category.red_list)
    last = category.object_types.aggregate(last=Max("position"))["last"] or 0
    object_type = ObjectType(category=category, position=last + 1, **data)
    object_type.full_clean()
    object_type.save()
    record_change(
        red_list=category.red_list, user=user, action="add", target=object_type, fields=list(data)
    )
    return object_type


@transaction.atomic
def update_object_type(*, object_type: ObjectType, user, data: dict) -> list[str]:
    red_list = object_type.category.red_list
    check_can_edit(user, red_list)
    changed = _apply(object_type, data)
    if changed:
        object_type.full_clean()
        object_type.save()
        record_change(
            red_list=red_list, user=user, action="edit", target=object_type, fields=changed
        )
    return changed


@transaction.atomic
def set_measurements(*, object_type: ObjectType, user, rows: list[dict]) -> None:
    """Replace the type's measurements with `rows` (dimension, minimum, maximum, unit)."""
    red_list = object_type.category.red_list
    check_can_edit(user, red_list)
    new = [Measurement(object_type=object_type, **row) for row in rows]
    for measurement in new:
        measurement.full_clean(exclude=["object_type"])
    old = {(m.dimension, m.minimum, m.maximum, m.unit) for m in object_type.measurements.all()}
    if old == {(m.dimension, m.minimum, m.maximum, m.unit) for m in new}:
        return
    object_type.measurements.all().delete()
    Measurement.objects.bulk_create(new)
    record_change(
        red_list=red_list, user=user, action="edit", target=object_type, fields=["measurements"]
    )


@transaction.atomic
def add_image(*, object_type: ObjectType, user, data: dict) -> ObjectImage:
    """A picture for the type (for a translation, for the original it translates)."""
    owner = object_type.original or object_type
    check_can_edit(user, owner.category.red_list)
    last = owner.images.aggregate(last=Max("position"))["last"] or 0
    image = ObjectImage(object_type=owner, position=last + 1, **data)
    image.full_clean(exclude=["thumbnail", "large"])
    process_object_image(image=image)  # cleaned (no EXIF), sized and hashed once
    record_change(
        red_list=owner.category.red_list,
        user=user,
        action="add image",
        target=owner,
        fields=list(data),
    )
    return image


def _renumber(rows) -> None:
    for number, row in enumerate(rows, start=1):
        if row.position != number:
            row.position = number
            row.save(update_fields=["position"])


@transaction.atomic
def move(*, item: Category | ObjectType, user, step: int) -> None:
    """Move a category within its list, or a type within its category, by `step` places."""
    if isinstance(item, Category):
        red_list = item.red_list
        siblings = list(red_list.categories.select_for_update().order_by("position", "id"))
    else:
        red_list = item.category.red_list
        siblings = list(item.category.object_types.select_for_update().order_by("position", "id"))
    check_can_edit(user, red_list)
    index = next(i for i, row in enumerate(siblings) if row.pk == item.pk)
    target = max(0, min(len(siblings) - 1, index + step))
    if target == index:
        return
    siblings.insert(target, siblings.pop(index))
    _renumber(siblings)
    record_change(red_list=red_list, user=user, action="reorder", target=item, fields=["position"])


def publication_problems(red_list: RedList) -> list[str]:
    problems = []
    categories = list(red_list.categories.annotate(types=Count("object_types")))
    if not categories:
        problems.append(_("A list needs at least one category."))
    for category in categories:
        if not category.types:
            problems.append(
                _("Category “%(title)s” has no object types.") % {"title": category.title}
            )
    few = (
        ObjectType.objects.filter(category__red_list=red_list)
        .annotate(
            pictures=Count("images", distinct=True) + Count("original__images", distinct=True)
        )
        .filter(pictures__lt=MIN_IMAGES_PER_TYPE)
    )
    for object_type in few:
        problems.append(
            _("“%(title)s” needs at least %(count)d pictures.")
            % {"title": object_type.title, "count": MIN_IMAGES_PER_TYPE}
        )
    return problems


@transaction.atomic
def publish_red_list(*, red_list: RedList, user) -> RedList:
    check_can_edit(user, red_list)
    red_list = RedList.objects.select_for_update().get(pk=red_list.pk)
    problems = publication_problems(red_list)
    if problems:
        raise ValidationError(problems)
    previous = red_list.status
    red_list.status = ListStatus.PUBLISHED
    red_list.version += 1
    red_list.withdrawn_reason = ""
    red_list.published_on = red_list.published_on or timezone.localdate()
    red_list.save()
    ChangeRecord.objects.create(
        red_list=red_list,
        user=user,
        action="publish",
        target=red_list.title,
        fields=[f"version {red_list.version}", f"from {previous}"],
    )
    dispatch.generate_pdf(red_list.pk)
    return red_list


@transaction.atomic
def withdraw_red_list(*, red_list: RedList, user, reason: str) -> RedList:
    check_can_edit(user, red_list)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Say why the list is withdrawn."))
    red_list = RedList.objects.select_for_update().get(pk=red_list.pk)
    if red_list.status != ListStatus.PUBLISHED:
        raise ValidationError(_("Only a published list can be withdrawn."))
    ChangeRecord.objects.create(
        red_list=red_list, user=user, action="withdraw", target=red_list.title, fields=["status"]
    )
    red_list.status = ListStatus.WITHDRAWN
    red_list.withdrawn_reason = reason
    red_list.save(update_fields=["status", "withdrawn_reason", "updated_at"])
    return red_list


TRANSLATED_LIST_FIELDS = ["title", "region", "partners", "introduction", "legal_notes"]
TRANSLATED_TYPE_FIELDS = [
    "title",
    "object_name",
    "object_subtype",
    "materials",
    "techniques",
    "inscriptions",
    "distinguishing_features",
    "subject",
    "period_start",
    "period_end",
    "period_name",
    "place_of_origin",
    "culture",
    "maker",
    "description",
]


@transaction.atomic
def create_translation(*, red_list: RedList, user, language: str, slug: str) -> RedList:
    """A draft copy of the list in `language`, categories and types included, to be translated.

    Texts start as copies of the original's; pictures stay with the original types.
    """
    original = red_list.root
    check_can_edit(user, original)
    if language == original.language or original.translations.filter(language=language).exists():
        raise ValidationError(_("This list already exists in that language."))
    copy = RedList(
        original=original,
        language=language,
        slug=slug,
        countries=original.countries,
        published_on=original.published_on,
        **{name: getattr(original, name) for name in TRANSLATED_LIST_FIELDS},
    )
    copy.full_clean()
    copy.save()
    for category in original.categories.prefetch_related("object_types__measurements"):
        new_category = Category.objects.create(
            red_list=copy,
            original=category,
            position=category.position,
            title=category.title,
            description=category.description,
        )
        for object_type in category.object_types.all():
            new_type = ObjectType.objects.create(
                category=new_category,
                original=object_type,
                position=object_type.position,
                **{name: getattr(object_type, name) for name in TRANSLATED_TYPE_FIELDS},
            )
            Measurement.objects.bulk_create(
                Measurement(
                    object_type=new_type,
                    dimension=m.dimension,
                    minimum=m.minimum,
                    maximum=m.maximum,
                    unit=m.unit,
                )
                for m in object_type.measurements.all()
            )
    return copy
