"""What a registered participant does: remote access, agenda, workshop sign-up, check-in."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from museion.core.models import AttendanceMode

from ..models import AgendaItem, Registration, Session, SessionAccess, Status, WorkshopSignup
from ..models.registration import new_token
from .notify import notify


def can_join_online(registration: Registration | None, session: Session) -> bool:
    """Paid participants join hybrid sessions; online-only ones need online access too."""
    if registration is None or not registration.is_paid:
        return False
    if registration.conference_id != session.conference_id or not session.is_published:
        return False
    if not registration.category.covers(session.local_date):
        return False  # a day pass, for another day
    if session.attendance_mode == AttendanceMode.ONLINE:
        return registration.category.gives_online
    return session.attendance_mode == AttendanceMode.MIXED


def remote_access(*, registration: Registration | None, session: Session) -> SessionAccess | None:
    """The stream link and passcode, for those entitled to them, never for anyone else."""
    if not can_join_online(registration, session):
        return None
    return SessionAccess.objects.filter(session=session).first()


def participant_by_token(token: str) -> Registration | None:
    if not token:
        return None
    return (
        Registration.objects.select_related("conference", "category__day")
        .filter(token=token)
        .first()
    )


def participant_by_feed_token(token: str) -> Registration | None:
    if not token:
        return None
    return (
        Registration.objects.select_related("conference", "category__day")
        .filter(feed_token=token, status=Status.CONFIRMED)
        .first()
    )


@transaction.atomic
def reset_access_link(*, registration: Registration) -> Registration:
    """A new personal link; the old one (and any page opened with it) stops working."""
    registration.token = new_token()
    registration.save(update_fields=["token", "updated_at"])
    return registration


LINK_EMAIL = {
    Status.CONFIRMED: "confirmed",
    Status.PENDING: "received",
    Status.WAITLISTED: "received",
    Status.OFFERED: "offer",
}


def send_personal_link(*, registration: Registration) -> None:
    """E-mail the participant their current personal link, e.g. after staff revoked the old one."""
    kind = LINK_EMAIL.get(registration.status)
    if kind is None:
        raise ValidationError(_("This registration is not active."))
    notify(registration, kind)


@transaction.atomic
def reset_feed_link(*, registration: Registration) -> Registration:
    registration.feed_token = new_token()
    registration.save(update_fields=["feed_token", "updated_at"])
    return registration


def _require_active(registration: Registration) -> None:
    if registration.status not in (Status.PENDING, Status.CONFIRMED):
        raise PermissionDenied(_("Only registered participants can do this."))


def bookmark(*, registration: Registration, session: Session) -> None:
    _require_active(registration)
    if session.conference_id != registration.conference_id or not session.is_published:
        raise ValidationError(_("This session is not part of your conference."))
    AgendaItem.objects.get_or_create(registration=registration, session=session)


def keep_selection(*, registration: Registration, session_ids: list[int]) -> int:
    """Add the sessions a visitor starred before registering to their agenda; returns how many.

    Sessions of other conferences, unpublished or unknown ones are left out; a registration
    that is not active (waiting list, cancelled) keeps no agenda.
    """
    if registration.status not in (Status.PENDING, Status.CONFIRMED) or not session_ids:
        return 0
    sessions = Session.objects.filter(
        conference_id=registration.conference_id, is_published=True, pk__in=session_ids
    ).values_list("pk", flat=True)
    items = [AgendaItem(registration=registration, session_id=pk) for pk in sessions]
    AgendaItem.objects.bulk_create(items, ignore_conflicts=True)
    return len(items)


def unbookmark(*, registration: Registration, session: Session) -> None:
    AgendaItem.objects.filter(registration=registration, session=session).delete()


def sign_up(*, registration: Registration, session: Session) -> WorkshopSignup:
    """Take one of a workshop's on-site seats; never more than it has, however many click.

    The registration's row is locked while the seat is taken, as a cancellation locks it, so a
    participant who cancels at the same moment never keeps a workshop seat."""
    if session.signup_capacity is None or session.conference_id != registration.conference_id:
        raise ValidationError(_("This session takes no sign-up."))
    try:
        with transaction.atomic():
            registration = (
                Registration.objects.select_for_update(of=("self",))
                .select_related("category__day")
                .get(pk=registration.pk)
            )
            _check_signup(registration, session)
            if not take_workshop_seat(session):
                raise ValidationError(_("This workshop is full."))
            signup = WorkshopSignup.objects.create(registration=registration, session=session)
            AgendaItem.objects.get_or_create(registration=registration, session=session)
    except IntegrityError:
        raise ValidationError(_("You have already signed up for this workshop.")) from None
    return signup


def _check_signup(registration: Registration, session: Session) -> None:
    if registration.status != Status.CONFIRMED or not registration.category.gives_onsite:
        raise PermissionDenied(
            _("Workshop sign-up is for confirmed participants attending on site.")
        )
    if not registration.category.covers(session.local_date):
        raise ValidationError(_("Your day pass is for another day."))
    if WorkshopSignup.objects.filter(registration=registration, session=session).exists():
        raise ValidationError(_("You have already signed up for this workshop."))


def take_workshop_seat(session: Session) -> bool:
    return bool(
        Session.objects.filter(pk=session.pk, signup_taken__lt=F("signup_capacity")).update(
            signup_taken=F("signup_taken") + 1
        )
    )


@transaction.atomic
def cancel_signup(*, registration: Registration, session: Session) -> bool:
    deleted, _rows = WorkshopSignup.objects.filter(
        registration=registration, session=session
    ).delete()
    if deleted:
        Session.objects.filter(pk=session.pk, signup_taken__gt=0).update(
            signup_taken=F("signup_taken") - 1
        )
    return bool(deleted)


class CheckIn:
    ARRIVED = "arrived"
    ALREADY = "already"


@transaction.atomic
def check_in(*, staff, conference, code: str, now=None) -> tuple[str, Registration]:
    """Record a participant's arrival once; a second scan says when they arrived."""
    if not (staff and staff.is_authenticated and staff.is_staff):
        raise PermissionDenied(_("Only staff can check participants in."))
    now = now or timezone.now()
    code = (code or "").strip().upper()
    registration = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("category__day")
        .filter(conference=conference, checkin_code=code)
        .first()
    )
    if registration is None:
        raise ValidationError(_("No registration has this code."))
    if registration.status != Status.CONFIRMED:
        raise ValidationError(
            _("This registration is %(status)s, not confirmed.")
            % {"status": registration.get_status_display().lower()}
        )
    if not registration.category.gives_onsite:
        raise ValidationError(_("This registration is for online attendance only."))
    if not registration.category.covers(now.astimezone(conference.zone).date()):
        raise ValidationError(
            _("This day pass is valid on %(date)s only.")
            % {"date": date_format(registration.category.day.date, "DATE_FORMAT")}
        )
    if registration.checked_in_at:
        return CheckIn.ALREADY, registration
    registration.checked_in_at = now
    registration.save(update_fields=["checked_in_at", "updated_at"])
    return CheckIn.ARRIVED, registration
