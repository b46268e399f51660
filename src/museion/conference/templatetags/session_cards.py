"""The programme's sessions, each rendered once and kept in the cache under what it shows.

A change to one session (or any other programme change, which bumps the programme's version and
misses the page's fragment) re-renders only the sessions whose content changed: the key holds the
session's row, its room, track, speakers and organisers, the display timezone and whether times
are shown with their date, plus the language and the build (museion.core.fragments).
"""

from django import template
from django.template.loader import get_template
from django.utils import timezone
from django.utils.safestring import mark_safe

from museion.core import fragments

register = template.Library()
TEMPLATE = "conference/programme_session.html"


def session_parts(session, *, is_visitor: bool, zone: str) -> tuple:
    return (
        "programme-session",
        fragments.row_parts(session),
        session.conference.slug,
        session.room.name if session.room else None,
        session.track.name if session.track else None,
        [(p.role, p.speaker.slug, p.speaker.name) for p in session.people.all()],
        [(c.slug, c.acronym, c.name) for c in session.organisers.all()],
        is_visitor,
        zone,
    )


@register.simple_tag(takes_context=True)
def session_cards(context, sessions):
    """The <li> of each session (with room, track, people and organisers fetched)."""
    display = context.get("display")
    is_visitor = bool(getattr(display, "is_visitor", False))
    zone = timezone.get_current_timezone_name()
    item = get_template(TEMPLATE)

    def render(session) -> str:
        return item.render({"session": session, "display": {"is_visitor": is_visitor}})

    html = fragments.cached_many(
        sessions,
        key_of=lambda session: session_parts(session, is_visitor=is_visitor, zone=zone),
        render=render,
    )
    return mark_safe("".join(html))  # noqa: S308 - rendered by the autoescaping template
