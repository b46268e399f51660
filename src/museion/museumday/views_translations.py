"""Editors write translations of their activities; moderators approve those of published ones."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import translations as services
from .forms import TranslationForm
from .models import ActivityTranslation
from .views_editor import _apply_errors, _editable_activity, decide


def _edit_page(activity) -> str:
    return reverse("museumday:edit", kwargs={"pk": activity.pk}) + "#translations"


def _saved_message(translation) -> str:
    if translation.awaits_moderation:
        if translation.proposal is not None:
            return _(
                "Your change awaits moderation; the approved translation stays online until then."
            )
        return _("The translation awaits moderation.")
    if translation.activity.is_published:
        return _("The translation is online.")
    return _("The translation is saved; it goes online with the activity.")


@login_required
def translation_edit(request, pk: int, language: str | None = None):
    """Add a translation (no language in the URL) or edit the one into `language`."""
    activity = _editable_activity(request.user, pk)
    instance = None
    if language is not None:
        instance = get_object_or_404(ActivityTranslation, activity=activity, language=language)
    form = TranslationForm(request.POST or None, instance=instance, activity=activity)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            translation = services.save_translation(
                user=request.user, activity=activity, language=data["language"], data=data
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _saved_message(translation))
            return redirect(_edit_page(activity))
    return render(
        request,
        "museumday/translation_form.html",
        {"form": form, "activity": activity, "translation": instance},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def translation_delete(request, pk: int, language: str):
    activity = _editable_activity(request.user, pk)
    translation = get_object_or_404(ActivityTranslation, activity=activity, language=language)
    services.delete_translation(user=request.user, translation=translation)
    messages.success(request, _("The translation is deleted."))
    return redirect(_edit_page(activity))


@login_required
@require_POST
def moderate_translation(request, pk: int):
    translation = get_object_or_404(
        ActivityTranslation.objects.select_related("activity__museum"), pk=pk
    )
    return decide(
        request,
        approve=lambda: services.approve_translation(
            moderator=request.user, translation=translation
        ),
        reject=lambda reason: services.reject_translation(
            moderator=request.user, translation=translation, reason=reason
        ),
        approved=_("The translation is published."),
        rejected=_("The translation was sent back to its editor."),
    )
