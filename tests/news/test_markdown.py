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
        href = (attrs.get("href") or "").strip().lower()
        assert not href.startswith(("javascript:", "vbscript:", "data:")), html


ATTACKS = [
    "<script>alert(1)</script>",
    "Hello <img src=x onerror=alert(1)>",
    '<a href="#" onclick="steal()">click</a>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "<svg onload=alert(1)>",
    '<p style="background:url(javascript:alert(1))">x</p>',
    "<iframe src=//evil.example></iframe>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<<script>script>alert(1)<</script>/script>",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "![x](javascript:alert(1))",
    "[click](java&#115;cript:alert(1))",
    "[click](&#x6A;avascript:alert(1))",
    "[click][evil]\n\n[evil]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "[click](vbscript:msgbox(1))",
    '<a href="javascript:alert(1)">x</a>',
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


@pytest.mark.parametrize(
    "source,html",
    [
        # Nested tricks stay text: nothing is removed that could join up into a tag.
        (
            "<scr<script>ipt>alert(1)</script>",
            "<p>&lt;scr&lt;script&gt;ipt&gt;alert(1)&lt;/script&gt;</p>\n",
        ),
        ("[x](data:text/html,<b>hi</b>)", "<p>[x](data:text/html,&lt;b&gt;hi&lt;/b&gt;)</p>\n"),
        ("[x](java&#115;cript:alert(1))", "<p>[x](javascript:alert(1))</p>\n"),
        # Images become links to the picture (no outside picture loads in a page) ...
        (
            "![The main hall](https://example.org/hall.jpg)",
            '<p><a href="https://example.org/hall.jpg" rel="noopener noreferrer nofollow">'
            "The main hall</a></p>\n",
        ),
        # ... and an image from a data: URL is only its text alternative.
        ("![A cat](data:image/png;base64,iVBORw0KGgo=)", "<p>A cat</p>\n"),
    ],
)
def test_exact_output_for_tricky_markdown(source, html):
    assert render_markdown(source).html == html


@pytest.mark.parametrize(
    "source,tags",
    [
        ("Vive les #Musées !", ["Musées"]),
        ("#博物馆 开放", ["博物馆"]),
        ("भारत में #संग्रहालय दिवस", ["संग्रहालय"]),  # vowel signs and virama are marks
        ("#Cafe\u0301 reopens", ["Café"]),  # decomposed accent: stored composed (NFC)
        ("#ICOM-Prague", ["ICOM"]),
        ("(#IMD2023), #Museums! #Museums? #Art.", ["IMD2023", "Museums", "Art"]),
        ("the #1st day", ["1st"]),
        ("#a_b", ["a_b"]),
        ("#_x #2022 #42", []),
        ("#" + "a" * 64, ["a" * 64]),
        ("#" + "a" * 65, []),  # too long: not a tag, rather than a cut one
        ("#" + "ß" * 40, []),  # 80 characters once case-folded: too long a key
    ],
)
def test_hashtag_edges(source, tags):
    assert render_markdown(source).hashtags == tags


def test_unicode_hashtags_share_one_key_whatever_the_case_or_composition():
    from museion.news.markdown import hashtag_slug

    assert hashtag_slug("Straße") == hashtag_slug("STRASSE") == "strasse"
    assert hashtag_slug("Cafe\u0301") == hashtag_slug("CAFÉ") == "café"
    assert render_markdown("#Musée").html == (
        '<p><a href="/news/tags/mus%C3%A9e/" class="hashtag" '
        'rel="noopener noreferrer nofollow">#Musée</a></p>\n'
    )
