"""Screenshots of the public pages for a person to review: `make screenshots`.

Loads the demo into a database of its own (var/screenshots/demo.sqlite3), serves it on
SCREENSHOT_PORT (default 18750) with the development server, and writes home, list, map,
activity, programme and news pages at 1280 and 390 px wide, in English, French and Spanish,
to var/screenshots/ (ignored by git). Needs Debian's chromium, as the browser tests do.
"""

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "screenshots"
PORT = int(os.environ.get("SCREENSHOT_PORT", "18750"))
WIDTHS = {"desktop": 1280, "phone": 390}
LANGUAGES = ["en", "fr", "es"]


def run(*args: str, env: dict) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


def pages(env: dict) -> dict[str, str]:
    """The paths to shoot; the activity and the programme are looked up in the demo."""
    code = (
        "from museion.museumday.models import Activity;"
        "from museion.conference.models import Conference;"
        "a = Activity.objects.filter(status='published').order_by('-edition__year', 'id').first();"
        "c = Conference.objects.order_by('-starts_on').first();"
        "print('PATH', a.get_absolute_url());"
        "print('PATH', c.get_absolute_url() if c else '/conference/')"
    )
    out = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    out = [line.split()[1] for line in out if line.startswith("PATH ")]
    return {
        "home": "/",
        "list": "/museum-day/activities/",
        "map": "/museum-day/map/",
        "activity": out[0],
        "programme": out[1],
        "news": "/news/",
    }


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    database = OUT / "demo.sqlite3"
    database.unlink(missing_ok=True)
    env = {
        **os.environ,
        "DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{database}",
        "MAP_TILE_URL": "",  # the shipped world basemap only: no network needed
    }
    env.pop("REDIS_URL", None)
    run("migrate", "--no-input", "-v", "0", env=env)
    for command in ("load_demo", "load_conference_demo", "load_news_demo"):
        run(command, env=env)
    paths = pages(env)
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{PORT}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{PORT}"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)  # noqa: S310 (http, local)
                break
            except OSError:
                time.sleep(0.2)
        shoot(base, paths)
    finally:
        server.terminate()
        server.wait(timeout=10)


def shoot(base: str, paths: dict[str, str]) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"]
        )
        for language in LANGUAGES:
            for width in WIDTHS.values():
                context = browser.new_context(
                    viewport={"width": width, "height": 900},
                    locale=language,
                    extra_http_headers={"Accept-Language": language},
                )
                page = context.new_page()
                for name, path in paths.items():
                    page.goto(base + path, wait_until="networkidle")
                    page.wait_for_timeout(400 if name == "map" else 100)
                    target = OUT / f"{name}-{language}-{width}.png"
                    page.screenshot(path=str(target), full_page=True)
                    print(target.relative_to(ROOT))
                context.close()
        browser.close()


if __name__ == "__main__":
    main()
