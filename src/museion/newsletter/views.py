"""Subscribe, confirm, unsubscribe (RFC 8058 one-click), preferences and erasure."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe
from django_ratelimit.decorators import ratelimit

from museion.news.queries import reader_language

from . import services
from .forms import PreferencesForm, SubscribeForm
from .models import Subscription, SubscriptionStatus
from .tokens import MANAGE_SALT, UNSUBSCRIBE_SALT, InvalidLink, read_token

SUBSCRIBE_RATE = "10/h"


def _invalid(request, error: InvalidLink):
    return render(request, "newsletter/invalid_link.html", {"reason": str(error)}, status=400)


def too_many(request):
    return render(
        request,
        "newsletter/too_many.html",
        {"reason": _("Too many sign-ups from your connection. Please try again in an hour.")},
        status=429,
    )


# No CSRF token: the sign-up form is on the home page, which a token would make personal (never
# cached). A forged sign-up only sends the address a confirmation link: double opt-in means
# nothing is subscribed until its owner clicks, and sign-ups are rate-limited per address.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
@ratelimit(key="ip", rate=SUBSCRIBE_RATE, method="POST", block=False)
def subscribe(request):
    language = reader_language()
    if request.method in ("GET", "HEAD"):
        return render(
            request, "newsletter/subscribe.html", {"form": SubscribeForm(language=language)}
        )
    if getattr(request, "limited", False):
        return too_many(request)
    form = SubscribeForm(request.POST, language=language)
    if not form.is_valid():
        return render(request, "newsletter/subscribe.html", {"form": form}, status=400)
    services.subscribe(
        email=form.cleaned_data["email"],
        lists=list(form.cleaned_data["lists"]),
        language=form.cleaned_data["language"],
        shown_consent=services.consent_text(language),
    )
    return redirect("newsletter:check_inbox")


@require_safe
def check_inbox(request):
    return render(request, "newsletter/check_inbox.html")


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token: str):
    """GET only shows a button: mail scanners that open links must not confirm for people."""
    if request.method in ("GET", "HEAD"):
        try:
            services.check_confirm_token(token=token)
        except InvalidLink as error:
            return _invalid(request, error)
        return render(
            request,
            "newsletter/confirm.html",
            {"token": token, "consent_text": services.consent_text(reader_language())},
        )
    try:
        result = services.confirm_subscription(
            token=token, shown_consent=services.consent_text(reader_language())
        )
    except InvalidLink as error:
        return _invalid(request, error)
    return render(request, "newsletter/confirmed.html", {"result": result})


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token: str):
    """RFC 8058: a POST (List-Unsubscribe=One-Click) unsubscribes at once, without session or
    CSRF token: the signed link is the proof. A GET shows a page with a button."""
    try:
        subscriber, list_ids = read_token(token, UNSUBSCRIBE_SALT)
    except InvalidLink as error:
        return _invalid(request, error)
    subscriptions = Subscription.objects.filter(
        subscriber=subscriber, mailing_list_id__in=list_ids
    ).select_related("mailing_list")
    if request.method == "POST":
        services.unsubscribe(subscriber=subscriber, list_ids=list_ids)
        return render(
            request,
            "newsletter/unsubscribed.html",
            {"lists": [s.mailing_list for s in subscriptions], "subscriber": subscriber},
        )
    active = [s.mailing_list for s in subscriptions if s.status != SubscriptionStatus.UNSUBSCRIBED]
    return render(
        request,
        "newsletter/unsubscribe.html",
        {"token": token, "lists": active, "subscriber": subscriber},
    )


@require_http_methods(["GET", "HEAD", "POST"])
def preferences(request, token: str):
    try:
        subscriber, _lists = read_token(token, MANAGE_SALT)
    except InvalidLink as error:
        return _invalid(request, error)
    confirmed = subscriber.subscriptions.filter(status=SubscriptionStatus.CONFIRMED)
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            services.update_preferences(
                subscriber=subscriber,
                lists=list(form.cleaned_data["lists"]),
                language=form.cleaned_data["language"],
            )
            messages.success(request, _("Your preferences are saved."))
            return redirect("newsletter:preferences", token=token)
        status = 400
    else:
        form = PreferencesForm(
            initial={
                "lists": list(confirmed.values_list("mailing_list_id", flat=True)),
                "language": subscriber.language,
            }
        )
        status = 200
    return render(
        request,
        "newsletter/preferences.html",
        {
            "form": form,
            "subscriber": subscriber,
            "token": token,
            "consent_text": services.consent_text(subscriber.language),
        },
        status=status,
    )


@require_http_methods(["POST"])
def erase(request, token: str):
    try:
        subscriber, _lists = read_token(token, MANAGE_SALT)
    except InvalidLink as error:
        return _invalid(request, error)
    services.erase_subscriber(subscriber=subscriber)
    return render(request, "newsletter/erased.html")
