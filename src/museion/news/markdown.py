"""Markdown for authors: CommonMark without raw HTML, then a sanitiser; #hashtags become links.

Raw HTML is escaped by the parser and whatever HTML comes out is filtered again by nh3, so an
author's <script> or onclick never reaches a page, even if one of the two layers had a gap.
"""

import html as html_lib
import re
from dataclasses import dataclass, field

import nh3
from django.urls import reverse
from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

HASHTAG = re.compile(r"#([^\W\d_][\w]{0,63})", re.UNICODE)
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
    return name.casefold()


def _hashtag_rule(state: StateInline, silent: bool) -> bool:
    if state.src[state.pos] != "#" or state.linkLevel > 0:
        return False
    if state.pos > 0 and (state.src[state.pos - 1].isalnum() or state.src[state.pos - 1] in "_&#/"):
        return False
    match = HASHTAG.match(state.src, state.pos)
    if not match:
        return False
    if not silent:
        name = match.group(1)
        opening = state.push("link_open", "a", 1)
        opening.attrs = {
            "href": reverse("news:hashtag", kwargs={"tag": hashtag_slug(name)}),
            "class": "hashtag",
        }
        opening.meta = {"hashtag": name}
        state.push("text", "", 0).content = "#" + name
        state.push("link_close", "a", -1)
    state.pos = match.end()
    return True


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable("table").enable("strikethrough")
    md.inline.ruler.before("emphasis", "hashtag", _hashtag_rule)
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


def plain_text(html: str) -> str:
    """Text of sanitised HTML, for summaries and plain-text e-mails."""
    text = html_lib.unescape(nh3.clean(html, tags=set()))
    return re.sub(r"\s+", " ", text).strip()
