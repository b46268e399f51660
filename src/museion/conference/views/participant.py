"""A participant's own pages, reached through their personal (revocable) link."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from .. import queries
from ..ical import sessions_calendar
from ..models import PaymentStatus, Registration, Session
from ..qr import qr_svg
from ..services import participation, waitlist
from ..services.payments import provider_named
from ..services.registration import waitlist_position
from ..zones import display_zone, remember
from .common import forget_participant, remember_participant


def _participant(token: str) -> Registration:
    registration = participation.participant_by_token(token)
    if registration is None:
        raise Http404(_("This link is not valid any more. Ask the organisers for a new one."))
    return registration


@never_cache
@require_safe
def participant_page(request, token: str):
    registration = _participant(token)
    remember_participant(request, registration)
    conference = registration.conference
    payment = registration.payments.filter(status=PaymentStatus.PENDING).first()
    agenda = list(
        queries.with_people(
            Session.objects.filter(
                pk__in=registration.agenda.values("session_id"), is_published=True
            )
        ).order_by("starts_at", "id")
    )
    for session in agenda:
        session.can_join = participation.can_join_online(registration, session)
    context = {
        "registration": registration,
        "conference": conference,
        "payment": payment,
        "instructions": provider_named(payment.provider).instructions(payment) if payment else None,
        "position": waitlist_position(registration),
        "agenda": agenda,
        "display": display_zone(request, conference.timezone),
        "qr": qr_svg(registration.checkin_code) if registration.is_paid else "",
    }
    response = render(request, "conference/participant.html", context)
    return remember(response, context["display"])


@require_POST
def participant_action(request, token: str):
    registration = _participant(token)
    action = request.POST.get("action")
    try:
        if action == "cancel":
            waitlist.cancel_registration(registration=registration)
            messages.success(request, _("Your registration is cancelled."))
        elif action == "leave":
            waitlist.leave_waitlist(registration=registration)
            messages.success(request, _("You have left the waiting list."))
        elif action == "reset_feed":
            participation.reset_feed_link(registration=registration)
            messages.success(request, _("Your calendar link is new; the old one stopped working."))
        else:
            messages.error(request, _("Unknown action."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("conference:participant", token=registration.token)


@require_POST
def session_action(request, token: str, pk: int):
    """Bookmark or sign up for a session, then go back to where the participant was."""
    registration = _participant(token)
    session = get_object_or_404(queries.public_sessions(registration.conference), pk=pk)
    action = request.POST.get("action")
    try:
        if action == "bookmark":
            participation.bookmark(registration=registration, session=session)
            messages.success(request, _("Added to your agenda."))
        elif action == "unbookmark":
            participation.unbookmark(registration=registration, session=session)
            messages.success(request, _("Removed from your agenda."))
        elif action == "signup":
            participation.sign_up(registration=registration, session=session)
            messages.success(request, _("You have a seat in this workshop."))
        elif action == "cancel_signup":
            participation.cancel_signup(registration=registration, session=session)
            messages.success(request, _("Your workshop seat is released."))
        else:
            messages.error(request, _("Unknown action."))
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    return redirect(session.get_absolute_url())


@never_cache
@require_safe
def join(request, token: str, pk: int):
    """The per-participant access page: stream URL and passcode, only for those entitled."""
    registration = _participant(token)
    session = get_object_or_404(
        queries.public_sessions(registration.conference).select_related("conference"), pk=pk
    )
    access = participation.remote_access(registration=registration, session=session)
    context = {
        "registration": registration,
        "conference": registration.conference,
        "session": session,
        "access": access,
    }
    return render(request, "conference/join.html", context, status=200 if access else 403)


@require_safe
def agenda_feed(request, token: str):
    registration = participation.participant_by_feed_token(token)
    if registration is None:
        return HttpResponse(
            _("This calendar link is not valid any more."),
            status=404,
            content_type="text/plain; charset=utf-8",
        )
    sessions = (
        Session.objects.filter(pk__in=registration.agenda.values("session_id"), is_published=True)
        .select_related("room", "conference")
        .order_by("starts_at", "id")
    )
    body = sessions_calendar(
        sessions,
        name=_("My agenda — %(name)s") % {"name": registration.conference.name},
        participant=registration,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="agenda.ics"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def forget(request, slug: str):
    conference = get_object_or_404(queries.public_conferences(), slug=slug)
    forget_participant(request, conference)
    return redirect(conference.get_absolute_url())
