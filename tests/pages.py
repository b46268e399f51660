"""Reading rendered pages the way a person does: the visible text, without the markup."""

import re
from html import unescape

_SKIP = re.compile(r"<(script|style)\b.*?</\1>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")


def visible_text(response) -> str:
    html = _SKIP.sub(" ", response.content.decode())
    return " ".join(unescape(_TAG.sub(" ", html)).split())
