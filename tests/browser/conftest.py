"""Playwright in Debian's Chromium against pytest-django's live server, plus axe-core checks.

One browser for the whole package, a fresh context (cookies, storage) and page per test.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
TIMEOUT_MS = 10_000  # generous: CI machines are shared; passing tests never wait for it


@pytest.fixture(scope="package")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium to run the browser tests")
    from playwright.sync_api import expect, sync_playwright

    # Playwright's sync API keeps an event loop running in this thread; the ORM calls made by
    # the tests are still plain synchronous calls, so Django's async guard must stand aside.
    # Package scope: the loop (and this switch) ends with the browser tests.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    expect.set_options(timeout=TIMEOUT_MS)
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser, live_server):
    """A page with its own cookies; a JS error, CSP violation, 5xx or off-site fetch fails it."""
    context = browser.new_context(
        base_url=live_server.url, locale="en-GB", timezone_id="America/New_York"
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    problems: list[str] = []
    own_host = urlsplit(live_server.url).netloc
    page.on("pageerror", lambda error: problems.append(f"JavaScript error: {error}"))
    page.on(
        "response",
        lambda response: (
            problems.append(f"server error {response.status}: {response.url}")
            if response.status >= 500
            else None
        ),
    )
    page.on(
        "console",
        lambda message: (
            problems.append(f"console: {message.text}")
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    page.on(
        "request",
        lambda request: (
            problems.append(f"off-site request: {request.url}")
            if urlsplit(request.url).scheme in ("http", "https")
            and urlsplit(request.url).netloc != own_host
            else None
        ),
    )
    yield page
    context.close()
    assert problems == [], "\n".join(problems)


@pytest.fixture
def log_in(page, live_server):
    """Log `user` in by handing the browser a session cookie (the login form has its own test)."""

    def log_in(user) -> None:
        client = Client()
        client.force_login(user)
        page.context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )

    return log_in


@pytest.fixture(scope="package")
def axe_source() -> str:
    if not AXE_JS.exists():
        pytest.skip(f"{AXE_JS} is missing: run `npm ci` (make test does)")
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture
def assert_accessible(axe_source):
    """Run axe-core on the current page; fail with every WCAG 2.2 A/AA violation it reports."""

    def check(page) -> None:
        # Evaluated through the DevTools protocol, so the page's CSP does not block it.
        if not page.evaluate("() => typeof window.axe === 'object'"):
            page.evaluate(axe_source)
        violations = page.evaluate(
            """tags => axe.run(document, {runOnly: {type: "tag", values: tags},
                                          resultTypes: ["violations"]})
                       .then(results => results.violations)""",
            WCAG_TAGS,
        )
        if violations:
            pytest.fail(format_violations(page.url, violations), pytrace=False)

    return check


def format_violations(url: str, violations: list[dict]) -> str:
    lines = [f"axe-core: {len(violations)} WCAG 2.2 A/AA violation(s) on {url}"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append("    " + " ".join(str(part) for part in node["target"]))
            heading, *reasons = (node.get("failureSummary") or "").splitlines() or [""]
            lines.append(f"      {heading} " + "; ".join(r.strip() for r in reasons))
    return "\n".join(lines)
