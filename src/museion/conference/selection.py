"""A visitor's personal selection of sessions, kept in their browser and sent as `ids=3,17,42`.

No account is needed: the browser keeps the session ids and passes them in the query string
(the selection page and its iCal) or in a hidden field of the registration form (the agenda).
"""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

MAX_SELECTION = 100
MAX_ID = 2**31 - 1


class SelectionError(ValueError):
    pass


def parse_selection(text: str | None) -> list[int]:
    """ "3,17,42" → [3, 17, 42]: sorted, without repeats, at most MAX_SELECTION ids."""
    text = (text or "").strip()
    if not text:
        return []
    if len(text) > MAX_SELECTION * 12:
        raise SelectionError(too_many())
    ids = set()
    for part in text.split(","):
        part = part.strip()
        if not part.isascii() or not part.isdigit() or not 0 < int(part) <= MAX_ID:
            raise SelectionError(
                _("A selection is a list of session numbers separated by commas, such as 3,17,42.")
            )
        ids.add(int(part))
    if len(ids) > MAX_SELECTION:
        raise SelectionError(too_many())
    return sorted(ids)


def too_many() -> str:
    return ngettext(
        "A selection holds at most %(count)d session.",
        "A selection holds at most %(count)d sessions.",
        MAX_SELECTION,
    ) % {"count": MAX_SELECTION}


def selection_query(ids: list[int]) -> str:
    return "ids=" + ",".join(str(pk) for pk in ids)
