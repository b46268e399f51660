"""Public pages of one session, one speaker and one organiser."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from museion.core.page_cache import public_page
from museion.network.models import Committee

from .. import queries
from ..caching import PROGRAMME_KINDS
from ..jsonld import session_jsonld
from ..models import Speaker
from ..services.participation import can_join_online
from ..zones import remember
from .browse import conference_or_404, zone_context
from .common import current_participant, participant_agenda_ids


@public_page(*PROGRAMME_KINDS)
@require_safe
def session_detail(request, slug: str, pk: int):
    conference = conference_or_404(slug)
    session = get_object_or_404(queries.with_people(queries.public_sessions(conference)), pk=pk)
    participant = current_participant(request, conference)
    context = {
        "conference": conference,
        "session": session,
        "participant": participant,
        "can_join": can_join_online(participant, session),
        "agenda_ids": participant_agenda_ids(participant),
        "signed_up": participant is not None
        and participant.signups.filter(session=session).exists(),
        "jsonld": session_jsonld(session),
    }
    context.update(zone_context(request, conference, session.starts_at))
    response = render(request, "conference/session_detail.html", context)
    return remember(response, context["display"])


@public_page(*PROGRAMME_KINDS)
@require_safe
def speaker_detail(request, slug: str):
    speaker = get_object_or_404(Speaker, slug=slug)
    sessions = list(queries.speaker_sessions(speaker))
    if not sessions:
        return render(request, "404.html", status=404)
    conference = sessions[0].conference
    context = {"speaker": speaker, "sessions": sessions, "conference": conference}
    context.update(zone_context(request, conference))
    return remember(render(request, "conference/speaker_detail.html", context), context["display"])


@public_page(*PROGRAMME_KINDS)
@require_safe
def organiser_detail(request, slug: str, committee: str):
    conference = conference_or_404(slug)
    organiser = get_object_or_404(Committee, slug=committee)
    sessions = list(queries.organiser_sessions(organiser).filter(conference=conference))
    context = {"organiser": organiser, "sessions": sessions, "conference": conference}
    context.update(zone_context(request, conference))
    return remember(
        render(request, "conference/organiser_detail.html", context), context["display"]
    )
