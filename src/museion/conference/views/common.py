"""Who the visitor is: a participant is remembered in the session after opening their link."""

from ..models import AgendaItem, Conference, Registration

SESSION_KEY = "conference-participant-{pk}"


def remember_participant(request, registration: Registration) -> None:
    key = SESSION_KEY.format(pk=registration.conference_id)
    if request.session.get(key) != registration.token:  # no session write on every visit
        request.session[key] = registration.token


def forget_participant(request, conference: Conference) -> None:
    request.session.pop(SESSION_KEY.format(pk=conference.pk), None)


def current_participant(request, conference: Conference) -> Registration | None:
    """The registration whose personal link this browser opened, if that link still works."""
    token = request.session.get(SESSION_KEY.format(pk=conference.pk))
    if not token:
        return None
    return (
        Registration.objects.select_related("category__day", "conference")
        .filter(conference=conference, token=token)
        .first()
    )


def participant_agenda_ids(registration: Registration | None) -> set[int]:
    if registration is None:
        return set()
    return set(
        AgendaItem.objects.filter(registration=registration).values_list("session_id", flat=True)
    )
