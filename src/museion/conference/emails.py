"""Registration e-mails, rendered in the registrant's language when the outbox sends them."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from museion.outbox.models import OutgoingEmail

from .ical import conference_calendar
from .models import Registration
from .services.registration import waitlist_position

KINDS = {"received", "confirmed", "offer", "reminder", "expired", "proof_rejected"}


def _subject(kind: str, registration: Registration) -> str:
    name = registration.conference.name
    return {
        "received": _("%(name)s: we received your registration"),
        "confirmed": _("%(name)s: your registration is confirmed"),
        "offer": _("%(name)s: a seat is free for you"),
        "reminder": _("%(name)s: please complete your payment"),
        "expired": _("%(name)s: your registration has expired"),
        "proof_rejected": _("%(name)s: we could not accept your student proof"),
    }[kind] % {"name": name}


def build_email(registration: Registration, kind: str) -> EmailMessage:
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "conference": registration.conference,
            "page_url": settings.SITE_URL
            + reverse("conference:participant", kwargs={"token": registration.token}),
            "position": waitlist_position(registration),
            "payment": registration.payments.filter(status="pending").first(),
        }
        if kind == "offer" and registration.offer_token:
            context["offer_url"] = settings.SITE_URL + reverse(
                "conference:offer", kwargs={"token": registration.offer_token}
            )
        body = render_to_string(f"conference/emails/{kind}.txt", context)
        message = EmailMessage(
            subject=_subject(kind, registration), body=body, to=[registration.email]
        )
        if kind == "confirmed":
            message.attach(
                f"{registration.conference.slug}.ics",
                conference_calendar(registration.conference),
                "text/calendar",
            )
    return message


def render(email: OutgoingEmail) -> EmailMessage | None:
    """The outbox's renderer for "conference:<kind>" (None: the registration is gone)."""
    kind = email.purpose.split(":", 1)[1]
    registration = (
        Registration.objects.select_related("conference", "category__day")
        .filter(pk=email.object_id)
        .first()
    )
    if kind not in KINDS or registration is None:
        return None
    return build_email(registration, kind)
