"""Editors' dashboard and the moderators' queue."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from museion.network.models import Museum
from museion.network.permissions import (
    can_edit_museum,
    editable_museums,
    moderated_museums_q,
)

from . import queries, services
from .forms import ActivityForm, RejectForm, TranslationForm
from .models import Activity, ActivityRevision, Edition, RevisionStatus, Status


def _apply_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            target = field if field in form.fields else None
            if field == "starts_at":
                target = "starts_local"
            elif field == "ends_at":
                target = "ends_local"
            for item in errors:
                form.add_error(target, item)
    else:
        form.add_error(None, error)


def _editable_activity(user, pk: int) -> Activity:
    activity = get_object_or_404(Activity.objects.select_related("museum"), pk=pk)
    if not can_edit_museum(user, activity.museum):
        raise Http404(_("No such activity."))
    return activity


@login_required
def dashboard(request):
    museums = editable_museums(request.user).order_by("name")[:200]
    activities = (
        Activity.objects.filter(museum__in=editable_museums(request.user))
        .select_related("museum", "edition")
        .prefetch_related(
            Prefetch(
                "revisions",
                queryset=ActivityRevision.objects.order_by("-created_at"),
                to_attr="recent_revisions",
            )
        )
        .order_by("-updated_at")[:200]
    )
    return render(
        request,
        "museumday/dashboard.html",
        {
            "museums": museums,
            "activities": activities,
            "moderates": moderated_museums_q(request.user) is not None,
            "report_years": Edition.objects.values_list("year", flat=True)[:5],
            # The latest edition whose day has come: the one museums report on.
            "reporting_edition": Edition.objects.filter(date__lte=timezone.localdate())
            .order_by("-year")
            .first(),
        },
    )


@login_required
def activity_create(request, museum_slug: str):
    museum = get_object_or_404(Museum, slug=museum_slug)
    if not can_edit_museum(request.user, museum):
        raise PermissionDenied(_("You are not an editor of this museum."))
    form = ActivityForm(request.POST or None, museum=museum)
    if request.method == "POST" and form.is_valid():
        try:
            activity = services.create_activity(
                user=request.user, museum=museum, data=form.activity_data()
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            if "submit" in request.POST:
                services.submit_activity(user=request.user, activity=activity)
                messages.success(request, _("Activity submitted for moderation."))
            else:
                messages.success(request, _("Draft saved."))
            return redirect("museumday:dashboard")
    return render(
        request,
        "museumday/activity_form.html",
        {"form": form, "museum": museum},
        status=400 if form.errors else 200,
    )


@login_required
def activity_edit(request, pk: int):
    activity = _editable_activity(request.user, pk)
    form = ActivityForm(request.POST or None, instance=activity, museum=activity.museum)
    if request.method == "POST" and form.is_valid():
        try:
            updated = services.update_activity(
                user=request.user, activity=activity, data=form.activity_data()
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            if updated.status == Status.PUBLISHED:
                messages.success(
                    request,
                    _(
                        "Your edit awaits moderation; "
                        "the published version stays online until then."
                    ),
                )
            elif "submit" in request.POST and updated.status in (Status.DRAFT, Status.REJECTED):
                services.submit_activity(user=request.user, activity=updated)
                messages.success(request, _("Activity submitted for moderation."))
            else:
                messages.success(request, _("Changes saved."))
            return redirect("museumday:dashboard")
    return render(
        request,
        "museumday/activity_form.html",
        {
            "form": form,
            "museum": activity.museum,
            "activity": activity,
            "translations": activity.translations.all(),
            "translation_form": TranslationForm(activity=activity),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def activity_submit(request, pk: int):
    activity = _editable_activity(request.user, pk)
    try:
        services.submit_activity(user=request.user, activity=activity)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Activity submitted for moderation."))
    return redirect("museumday:dashboard")


def _moderation_scope(user):
    query = moderated_museums_q(user)
    if query is None:
        raise PermissionDenied(_("You do not moderate any activities."))
    return Museum.objects.filter(query)


@login_required
def moderation_queue(request):
    museums = _moderation_scope(request.user)
    submitted = (
        Activity.objects.filter(status=Status.SUBMITTED, museum__in=museums)
        .select_related("museum", "edition")
        .order_by("updated_at")[:100]
    )
    revisions = (
        ActivityRevision.objects.filter(status=RevisionStatus.PENDING, activity__museum__in=museums)
        .select_related("activity__museum")
        .order_by("created_at")[:100]
    )
    return render(
        request,
        "museumday/moderation.html",
        {
            "submitted": submitted,
            "revisions": revisions,
            "translations": queries.translations_awaiting_moderation(museums)[:100],
            "reject_form": RejectForm(),
        },
    )


def _reason(request) -> str:
    """The moderator's reason for a rejection: required, at most RejectForm's length."""
    form = RejectForm(request.POST)
    if not form.is_valid():
        raise ValidationError(form.errors["reason"])
    return form.cleaned_data["reason"]


def decide(request, *, approve, reject, approved: str, rejected: str):
    """One moderation POST: `action` approves (or publishes) or rejects with a reason; the
    outcome is shown on the moderation queue."""
    _moderation_scope(request.user)
    action = request.POST.get("action")
    try:
        if action in ("publish", "approve"):
            approve()
            messages.success(request, approved)
        elif action == "reject":
            reject(_reason(request))
            messages.success(request, rejected)
        else:
            messages.error(request, _("Unknown action."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("museumday:moderation")


@login_required
@require_POST
def moderate_activity(request, pk: int):
    activity = get_object_or_404(Activity.objects.select_related("museum"), pk=pk)
    return decide(
        request,
        approve=lambda: services.publish_activity(moderator=request.user, activity=activity),
        reject=lambda reason: services.reject_activity(
            moderator=request.user, activity=activity, reason=reason
        ),
        approved=_("“%(title)s” is published.") % {"title": activity.title},
        rejected=_("“%(title)s” was sent back to its editor.") % {"title": activity.title},
    )


@login_required
@require_POST
def moderate_revision(request, pk: int):
    revision = get_object_or_404(ActivityRevision.objects.select_related("activity__museum"), pk=pk)
    return decide(
        request,
        approve=lambda: services.approve_revision(moderator=request.user, revision=revision),
        reject=lambda reason: services.reject_revision(
            moderator=request.user, revision=revision, reason=reason
        ),
        approved=_("The edit is published."),
        rejected=_("The edit was sent back to its editor."),
    )
