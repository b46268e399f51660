"""The public registration form (rate-limited) and the waiting-list offer page."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from .. import queries
from ..forms import PROOF_MAX_BYTES, RegistrationForm
from ..models import TicketCategory
from ..services.participation import keep_selection
from ..services.registration import Applicant, register_participant
from ..services.waitlist import accept_offer, decline_offer, offer_by_token
from ..zones import display_zone
from .common import remember_participant

BODY_LIMIT = PROOF_MAX_BYTES + 512 * 1024


def registration_rate(group, request) -> str:
    return getattr(settings, "CONFERENCE_REGISTRATION_RATE", "10/m")


def _categories(conference):
    now = timezone.now()
    categories = list(TicketCategory.objects.filter(conference=conference).select_related("day"))
    for category in categories:
        category.current_price = category.price_at(now)
        category.is_on_sale = category.on_sale(now)
    return categories


def _render(request, conference, form, status=200, error=None):
    context = {
        "conference": conference,
        "form": form,
        "categories": _categories(conference),
        "error": error,
    }
    return render(request, "conference/register.html", context, status=status)


def _too_large(request) -> bool:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > BODY_LIMIT
    except ValueError:
        return False


@csrf_exempt  # checked by _register, once the request is known not to be huge
@require_http_methods(["GET", "HEAD", "POST"])
@ratelimit(key="ip", rate=registration_rate, method="POST", block=False)
def register(request, slug: str):
    conference = get_object_or_404(queries.public_conferences(), slug=slug)
    if request.method == "POST" and getattr(request, "limited", False):
        return render(
            request,
            "conference/rate_limited.html",
            {"conference": conference},
            status=429,
        )
    if request.method == "POST" and _too_large(request):
        # Refused before anything reads the body: the CSRF check would read all of it.
        form = RegistrationForm(conference=conference)
        error = _("The file you sent is too large. The limit is 5 MB.")
        return _render(request, conference, form, status=413, error=error)
    return _register(request, conference)


@csrf_protect
def _register(request, conference):
    if request.method in ("GET", "HEAD"):
        return _render(request, conference, RegistrationForm(conference=conference))
    form = RegistrationForm(request.POST, request.FILES, conference=conference)
    if not form.is_valid():
        return _render(request, conference, form, status=400)
    data = form.cleaned_data
    applicant = Applicant(
        name=data["name"],
        email=data["email"],
        country=data["country"],
        affiliation=data["affiliation"],
        accessibility_needs=data["accessibility_needs"],
        dietary_needs=data["dietary_needs"],
        language=translation.get_language() or settings.LANGUAGE_CODE,
    )
    try:
        registration = register_participant(
            conference=conference,
            category=data["category"],
            applicant=applicant,
            proof=data["proof"],
            membership_number=data["membership_number"],
            discount_code=data["discount_code"],
            submission_id=data["submission_id"],
        )
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error.messages)
        return _render(request, conference, form, status=400)
    if data["selection"]:
        keep_selection(registration=registration, session_ids=data["selection"])
    remember_participant(request, registration)
    return redirect("conference:participant", token=registration.token)


@require_http_methods(["GET", "HEAD", "POST"])
def offer(request, token: str):
    registration = offer_by_token(token)
    if registration is None:
        return render(
            request,
            "conference/offer.html",
            {"error": _("This offer link is not valid any more. It may have been answered.")},
            status=404,
        )
    conference = registration.conference
    context = {
        "registration": registration,
        "conference": conference,
        "display": display_zone(request, conference.timezone),
    }
    if request.method in ("GET", "HEAD"):
        return render(request, "conference/offer.html", context)
    action = request.POST.get("action")
    try:
        if action == "accept":
            registration = accept_offer(registration=registration)
            remember_participant(request, registration)
            messages.success(request, _("The seat is yours."))
        elif action == "decline":
            decline_offer(registration=registration)
            messages.success(request, _("You declined the seat. Thank you for telling us."))
        else:
            context["error"] = _("Choose to accept or decline the seat.")
            return render(request, "conference/offer.html", context, status=400)
    except ValidationError as error:
        context["error"] = " ".join(error.messages)
        return render(request, "conference/offer.html", context, status=409)
    return redirect("conference:participant", token=registration.token)
