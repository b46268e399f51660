"""Markdown for authors: CommonMark without raw HTML, then a sanitiser; #hashtags become links.

Raw HTML is escaped by the parser and whatever HTML comes out is filtered again by nh3, so an
author's <script> or onclick never reaches a page, even if one of the two layers had a gap.
Images in a body become links to the image: the lead image is the post's picture, and pictures
from other sites would track readers and break the Content Security Policy.
"""

import html as html_lib
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import nh3
from django.urls import reverse
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.rules_inline import StateInline

HASHTAG_MAX_LENGTH = 64
# Zero-width (non-)joiners belong inside words of Persian and Indic scripts.
_JOINERS = {"\u200c", "\u200d"}
ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "em", "h2", "h3", "h4", "h5", "h6", "hr", "li",
    "ol", "p", "pre", "strong", "ul", "table", "thead", "tbody", "tr", "th", "td", "del",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "class"}, "abbr": {"title"}}
URL_SCHEMES = {"http", "https", "mailto"}


@dataclass
class Rendered:
    html: str
    hashtags: list[str] = field(default_factory=list)


def hashtag_slug(name: str) -> str:
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())


def _in_tag(char: str) -> bool:
    """Letters, marks (accents, Indic vowel signs), digits, "_" and joiners make up a tag."""
    return char == "_" or char in _JOINERS or unicodedata.category(char)[0] in "LMN"


def hashtag_at(text: str, pos: int) -> tuple[str, int] | None:
    """The hashtag starting with the "#" at `pos` (its NFC name and end), or None.

    A tag starts after a space or punctuation, holds at least one letter, starts with a letter
    or a digit (#1st, not #42 or #_x) and is at most 64 characters long; a longer word is no tag
    at all rather than a cut one.
    """
    if text[pos] != "#" or (pos > 0 and (_in_tag(text[pos - 1]) or text[pos - 1] in "&#/")):
        return None
    end = pos + 1
    while end < len(text) and _in_tag(text[end]):
        end += 1
    name = unicodedata.normalize("NFC", text[pos + 1 : end])
    if (
        not name
        or len(hashtag_slug(name)) > HASHTAG_MAX_LENGTH
        or len(name) > HASHTAG_MAX_LENGTH
        or unicodedata.category(name[0])[0] not in "LN"
        or not any(unicodedata.category(char)[0] == "L" for char in name)
    ):
        return None
    return name, end


def _hashtag_rule(state: StateInline, silent: bool) -> bool:
    if state.linkLevel > 0:
        return False
    found = hashtag_at(state.src, state.pos)
    if found is None:
        return False
    name, end = found
    if not silent:
        opening = state.push("link_open", "a", 1)
        opening.attrs = {
            "href": reverse("news:hashtag", kwargs={"tag": hashtag_slug(name)}),
            "class": "hashtag",
        }
        opening.meta = {"hashtag": name}
        state.push("text", "", 0).content = "#" + name
        state.push("link_close", "a", -1)
    state.pos = end
    return True


def _image_as_link(renderer, tokens, idx, options, env) -> str:
    token = tokens[idx]
    alt = renderer.renderInlineAsText(token.children or [], options, env)
    src = str(token.attrGet("src") or "")
    if urlsplit(src).scheme.lower() in ("http", "https"):
        return f'<a href="{escapeHtml(src)}">{escapeHtml(alt or src)}</a>'
    return escapeHtml(alt)


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable("table").enable("strikethrough")
    md.inline.ruler.before("emphasis", "hashtag", _hashtag_rule)
    md.add_render_rule("image", _image_as_link)
    return md


_MD = _parser()


def _collect(tokens) -> list[str]:
    found: dict[str, str] = {}
    for token in tokens:
        for child in token.children or []:
            name = (child.meta or {}).get("hashtag")
            if name:
                found.setdefault(hashtag_slug(name), name)
    return list(found.values())


def sanitise(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )


def render_markdown(text: str) -> Rendered:
    """Sanitised HTML for a Markdown text, and the hashtags it names (first spelling wins)."""
    tokens = _MD.parse(text or "")
    html = _MD.renderer.render(tokens, _MD.options, {})
    return Rendered(html=sanitise(html), hashtags=_collect(tokens))


_RELATIVE_LINK = re.compile(r'(href|src)="/(?!/)')


def absolute_links(html: str) -> str:
    """Site-relative links made absolute, for HTML read away from the site (feeds, e-mails)."""
    from django.conf import settings

    return _RELATIVE_LINK.sub(rf'\1="{settings.SITE_URL}/', html)


def plain_text(html: str) -> str:
    """Text of sanitised HTML, for summaries and plain-text e-mails."""
    text = html_lib.unescape(nh3.clean(html, tags=set()))
    return re.sub(r"\s+", " ", text).strip()
