from html.parser import HTMLParser

import pytest

from museion.news.markdown import plain_text, render_markdown, sanitise


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict]]:
    parser = _Elements()
    parser.feed(html)
    return parser.elements


def assert_harmless(html: str) -> None:
    for tag, attrs in elements(html):
        assert tag not in {"script", "img", "svg", "iframe", "object", "style"}, html
        assert not [name for name in attrs if name.startswith("on") or name == "style"], html
        assert not (attrs.get("href") or "").lower().startswith("javascript"), html


ATTACKS = [
    "<script>alert(1)</script>",
    "Hello <img src=x onerror=alert(1)>",
    '<a href="#" onclick="steal()">click</a>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "<svg onload=alert(1)>",
    '<p style="background:url(javascript:alert(1))">x</p>',
    "<iframe src=//evil.example></iframe>",
]


@pytest.mark.parametrize("source", ATTACKS)
def test_markdown_never_lets_scripts_or_event_handlers_through(source):
    assert_harmless(render_markdown(source).html)


@pytest.mark.parametrize("source", ATTACKS)
def test_sanitiser_strips_scripts_and_handlers_even_from_raw_html(source):
    cleaned = sanitise(source)
    assert_harmless(cleaned)


def test_sanitiser_output_for_a_mixed_attack():
    assert sanitise('<p onclick="x()">Hi<script>alert(1)</script></p>') == "<p>Hi</p>"


def test_script_written_by_an_author_is_shown_as_text():
    assert render_markdown("<script>alert(1)</script>").html == (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"
    )


def test_javascript_link_is_not_a_link():
    assert render_markdown("[click](javascript:alert(1))").html == (
        "<p>[click](javascript:alert(1))</p>\n"
    )


def test_markdown_formatting_and_safe_links_are_kept():
    html = render_markdown("**Bold** and [ICOM](https://icom.museum)").html
    assert html == (
        '<p><strong>Bold</strong> and <a href="https://icom.museum" '
        'rel="noopener noreferrer nofollow">ICOM</a></p>\n'
    )


def test_hashtags_are_found_and_linked():
    rendered = render_markdown("See you at #ICOMPrague2022 and #museums, #icomprague2022 again.")
    assert rendered.hashtags == ["ICOMPrague2022", "museums"]
    assert '<a href="/news/tags/icomprague2022/" class="hashtag"' in rendered.html


@pytest.mark.parametrize(
    "source",
    [
        "# A heading",
        "Issue #42",
        "See https://example.org/page#section",
        "`#code`",
        "Colour&#35;x",
        "[a #link](https://example.org)",
    ],
)
def test_things_that_are_not_hashtags(source):
    assert render_markdown(source).hashtags == []


def test_plain_text_unescapes_entities():
    assert plain_text(render_markdown("Tom & Jerry <3").html) == "Tom & Jerry <3"
