"""One museum editor in a deadline rush, as a browser does it (bench/rush.py and its test).

Standard library only: a keep-alive HTTP connection from the editor's own client address,
cookies, gzip, the forms read from the pages (every field a browser would send, CSRF token
included) and redirects followed.

The editor logs in through the login form, lands on the dashboard, opens the new-activity form
of their museum, fills it in and presses "Save and submit for moderation", then lands on the
dashboard again. Each request's time and status is recorded; anything but the expected answer
ends the editor's session with an error naming the request and what went wrong.
"""

from __future__ import annotations

import gzip
import http.client
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin, urlsplit

LOGIN_PATH = "/accounts/login/"
STEPS = {  # request name -> the step of the editor's visit it belongs to
    "login page": "login",
    "login": "login",
    "dashboard": "login",
    "form": "form",
    "submit": "submit",
    "dashboard after submit": "submit",
}


class FormParser(HTMLParser):
    """The forms of a page and what a browser sends for each, buttons apart."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._select: dict | None = None
        self._option: dict | None = None
        self._textarea: list | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append(
                {
                    "action": attrs.get("action") or "",
                    "method": attrs.get("method", "get"),
                    "fields": [],
                    "buttons": [],
                }  # fmt: skip
            )
            return
        if not self.forms:
            return
        form = self.forms[-1]
        name = attrs.get("name")
        if tag == "input" and name and "disabled" not in attrs:
            kind = attrs.get("type", "text").lower()
            if kind in ("submit", "image"):
                form["buttons"].append(name)
            elif kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    form["fields"].append([name, attrs.get("value", "on")])
            elif kind not in ("button", "reset", "file"):
                form["fields"].append([name, attrs.get("value", "")])
        elif tag == "button" and name and attrs.get("type", "submit") == "submit":
            form["buttons"].append(name)
        elif tag == "select" and name:
            self._select = {"name": name, "first": None, "chosen": []}
        elif tag == "option" and self._select is not None:
            self._option = {"value": attrs.get("value"), "text": "", "on": "selected" in attrs}
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._option is not None:
            self._option["text"] += data
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "option" and self._option is not None:
            self._end_option()
        elif tag == "select" and self._select is not None:
            if self._option is not None:
                self._end_option()
            chosen = self._select["chosen"] or [self._select["first"]]
            for value in chosen:
                if value is not None:
                    self.forms[-1]["fields"].append([self._select["name"], value])
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self.forms[-1]["fields"].append([self._textarea[0], self._textarea[1].lstrip("\n")])
            self._textarea = None

    def _end_option(self):
        option, self._option = self._option, None
        value = option["value"] if option["value"] is not None else option["text"].strip()
        if self._select["first"] is None:
            self._select["first"] = value
        if option["on"]:
            self._select["chosen"].append(value)


def find_form(html: str, field_name: str) -> dict | None:
    """The first form of the page that has a field named `field_name`."""
    parser = FormParser()
    parser.feed(html)
    for form in parser.forms:
        if any(name == field_name for name, _value in form["fields"]):
            return form
    return None


def filled(form: dict, values: dict[str, str], button: str | None = None) -> list[tuple]:
    """The form's fields as a browser sends them, with `values` typed in (and the button)."""
    pairs, typed = [], set()
    for name, value in form["fields"]:
        if name in values:
            if name not in typed:
                pairs.append((name, values[name]))
                typed.add(name)
        else:
            pairs.append((name, value))
    pairs += [(name, value) for name, value in values.items() if name not in typed]
    if button:
        pairs.append((button, ""))
    return pairs


class Failed(Exception):
    """The editor's visit stopped: `kind` says why (an HTTP status or a network error)."""

    def __init__(self, request: str, kind: str):
        super().__init__(f"{request}: {kind}")
        self.request, self.kind = request, kind


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    text: str


class Browser:
    """One keep-alive connection to the site from `source` (a local address), with cookies."""

    def __init__(self, base: str, *, source: str | None = None, timeout: float = 30.0):
        parts = urlsplit(base)
        self.base, self.host, self.port = base, parts.hostname, parts.port or 80
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.source, self.timeout = source, timeout
        self.cookies: dict[str, str] = {}
        self.connection: http.client.HTTPConnection | None = None
        self.timings: list[tuple[str, float, int]] = []  # (request name, seconds, status)

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def request(self, name: str, method: str, path: str, form=None, expect=(200,)) -> Answer:
        headers = {
            "Host": urlsplit(self.origin).netloc,
            "User-Agent": "Museion deadline rush (bench/rush.py)",
            "Accept": "text/html,application/xhtml+xml",
            "Accept-Language": "en",
            "Accept-Encoding": "gzip",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = self.origin
            headers["Referer"] = self.origin + path
        started = time.perf_counter()
        try:
            if self.connection is None:
                source = (self.source, 0) if self.source else None
                self.connection = http.client.HTTPConnection(
                    self.host, self.port, timeout=self.timeout, source_address=source
                )
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            raw = response.read()
        except TimeoutError:
            self.close()
            raise Failed(name, "timeout") from None
        except (OSError, http.client.HTTPException) as error:
            self.close()
            raise Failed(name, type(error).__name__) from None
        seconds = time.perf_counter() - started
        self.timings.append((name, seconds, response.status))
        if response.headers.get("Content-Encoding") == "gzip":
            raw = gzip.decompress(raw)
        self._keep_cookies(response.headers.get_all("Set-Cookie") or [])
        if response.will_close:
            self.close()
        if response.status not in expect:
            raise Failed(name, f"HTTP {response.status}")
        return Answer(response.status, response.headers, raw.decode("utf-8", "replace"))

    def _keep_cookies(self, lines: list[str]) -> None:
        for line in lines:
            pair, *attributes = line.split(";")
            key, _, value = pair.strip().partition("=")
            gone = any(a.strip().lower() in ("max-age=0",) for a in attributes)
            if gone or value in ('""', ""):
                self.cookies.pop(key, None)
            else:
                self.cookies[key] = value

    def redirect(self, name: str, answer: Answer, where: str) -> str:
        """The redirect's target, which must be `where` (a path)."""
        target = urlsplit(urljoin(self.base + "/", answer.headers.get("Location", "")))
        path = target.path + (f"?{target.query}" if target.query else "")
        if target.path != where:
            raise Failed(name, f"redirected to {target.path}")
        return path


@dataclass
class Visit:
    """What happened to one editor: timings, the error if any, and whether the site
    acknowledged the submission (its redirect to the dashboard after the POST)."""

    username: str
    title: str
    timings: list[tuple[str, float, int]] = field(default_factory=list)
    error: Failed | None = None
    acknowledged: bool = False


def submit_activity(
    base: str,
    *,
    username: str,
    password: str,
    museum_slug: str,
    activity: dict[str, str],
    source: str | None = None,
    timeout: float = 30.0,
    dashboard: str = "/museum-day/my/",
) -> Visit:
    """One editor's visit: log in, open the new-activity form, submit the activity."""
    browser = Browser(base, source=source, timeout=timeout)
    visit = Visit(username=username, title=activity["title"])
    try:
        page = browser.request("login page", "GET", LOGIN_PATH)
        form = find_form(page.text, "username")
        if form is None:
            raise Failed("login page", "no login form")
        credentials = {"username": username, "password": password}
        done = browser.request(
            "login", "POST", LOGIN_PATH, filled(form, credentials), expect=(302,)
        )
        browser.request("dashboard", "GET", browser.redirect("login", done, dashboard))
        new = f"{dashboard}{museum_slug}/new/"
        page = browser.request("form", "GET", new)
        form = find_form(page.text, "title")
        if form is None:
            raise Failed("form", "no activity form")
        done = browser.request(
            "submit", "POST", new, filled(form, activity, button="submit"), expect=(302,)
        )
        landing = browser.redirect("submit", done, dashboard)
        visit.acknowledged = True
        browser.request("dashboard after submit", "GET", landing)
    except Failed as error:
        visit.error = error
    finally:
        browser.close()
        visit.timings = browser.timings
    return visit
