#!/usr/bin/env python
"""General Conference at scale, against a production server (gunicorn, DEBUG=0) on PostgreSQL.

A programme of 400 sessions and 4,000 registrations. Prints p50/p95 server time (sequential
requests over loopback, keep-alive) of the programme page (all days, one day), a personal iCal
feed and the registration POST; then registrations/s with 50 concurrent clients racing for a
limited category, and checks the final seat count (0 oversold).

Then requests per second on 1 gunicorn sync worker (wrk) of the programme for one day and all
days, its JSON, its whole iCal, a session page and a visitor's selection as iCal, each beside a bare
Django view serving the same bytes (the ratio), with the warm p50/p95 of sequential requests.

Targets: programme page p95 < 50 ms; 0 oversold; programme JSON and iCal >= 5 % of the bare
view and p95 < 20 ms warm; programme page for one day >= 300 req/s warm.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/museion_bench_conference \\
        .venv/bin/python bench/conference.py [--sessions 400] [--registrations 4000]

The PostgreSQL database named in DATABASE_URL (default above) is dropped and created again;
everything else lives in a temporary directory.
"""

import argparse
import http.client
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlencode

from common import free_port, p50_p95, reset_postgres  # noqa: E402
from conference_load import load_table  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/museion_bench_conference"
HOST = "127.0.0.1"
# Production settings, except static files: plain storage, so no collectstatic is needed.
SETTINGS = """
from museion.settings import *  # noqa: F403

STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
"""


def prepare_environment(tmp: Path, database_url: str) -> dict:
    (tmp / "bench_conference_settings.py").write_text(SETTINGS)
    env = {
        "DJANGO_SETTINGS_MODULE": "bench_conference_settings",
        "PYTHONPATH": os.pathsep.join([str(tmp), str(ROOT / "src")]),
        "MUSEION_VAR_DIR": str(tmp),
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-" + uuid.uuid4().hex * 2,
        "MUSEION_INSECURE_HTTP": "1",
        "ALLOWED_HOSTS": HOST,
        "RATELIMIT_ENABLE": "0",
        "TASKS_BACKEND": "database",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "DATABASE_URL": database_url,
        "LOG_LEVEL": "ERROR",
    }
    os.environ.update(env)
    sys.path[:0] = [str(tmp), str(ROOT / "src")]
    return env


def manage(*args: str) -> None:
    subprocess.run(
        [PY, "manage.py", *args], cwd=ROOT, check=True, stdout=subprocess.DEVNULL, env=os.environ
    )


def seed(sessions: int, registrations: int):
    """The programme and the registrations, in bulk (signals and save() are not needed here)."""
    from django.utils import timezone

    from museion.conference.models import (
        Access,
        AgendaItem,
        Conference,
        Day,
        Registration,
        Room,
        Session,
        SessionAccess,
        SessionPerson,
        Speaker,
        Status,
        TicketCategory,
        Track,
    )
    from museion.network.models import Committee

    start = date(2022, 8, 20)
    conference = Conference.objects.create(
        name="Prague 2022",
        slug="prague-2022",
        starts_on=start,
        ends_on=date(2022, 8, 28),
        timezone="Europe/Prague",
        city="Prague",
        country="CZ",
        is_published=True,
    )
    zone = conference.zone
    Day.objects.bulk_create(
        [Day(conference=conference, date=start + timedelta(days=n)) for n in range(9)]
    )
    rooms = Room.objects.bulk_create(
        [Room(conference=conference, name=f"Hall {n}", capacity=200) for n in range(12)]
    )
    tracks = Track.objects.bulk_create(
        [Track(conference=conference, name=f"Track {n}", slug=f"track-{n}") for n in range(8)]
    )
    committees = Committee.objects.bulk_create(
        [
            Committee(
                kind="international", name=f"Committee {n}", slug=f"committee-{n}", acronym=f"IC{n}"
            )
            for n in range(40)
        ]
    )
    speakers = Speaker.objects.bulk_create(
        [
            Speaker(name=f"Speaker {n}", slug=f"speaker-{n}", affiliation="Museum")
            for n in range(sessions * 2)
        ]
    )
    rows = []
    modes = ["mixed", "mixed", "online", "offline"]
    for n in range(sessions):
        local = datetime(2022, 8, 20, 9, tzinfo=zone) + timedelta(
            days=n % 9, minutes=30 * (n // 9 % 18)
        )
        starts = local.astimezone(UTC)
        rows.append(
            Session(
                conference=conference,
                title=f"Session {n}: museums and communities",
                type=["lecture", "panel", "keynote", "workshop", "roundtable"][n % 5],
                track=tracks[n % 8],
                room=rooms[n % 12],
                attendance_mode=modes[n % 4],
                languages=["en"] if n % 3 else ["en", "fr"],
                interpretation=["es"] if n % 7 == 0 else [],
                abstract="An abstract of a few lines. " * 8,
                starts_at=starts,
                ends_at=starts + timedelta(minutes=90),
                timezone=conference.timezone,
                local_date=local.date(),
            )
        )
    created = Session.objects.bulk_create(rows)
    SessionPerson.objects.bulk_create(
        [
            SessionPerson(
                session=s,
                speaker=speakers[(i * 2 + k) % len(speakers)],
                role="chair" if k == 2 else "speaker",
            )
            for i, s in enumerate(created)
            for k in range(1 + i % 3)
        ]
    )
    Session.organisers.through.objects.bulk_create(
        [
            Session.organisers.through(session_id=s.pk, committee_id=committees[(i + k) % 40].pk)
            for i, s in enumerate(created)
            for k in range(1 + i % 2)
        ]
    )
    SessionAccess.objects.bulk_create(
        [
            SessionAccess(session=s, url=f"https://stream.example.org/{s.pk}")
            for s in created
            if s.attendance_mode != "offline"
        ]
    )
    now = timezone.now()
    window = {"sale_starts_at": now - timedelta(days=1), "sale_ends_at": now + timedelta(days=30)}
    main = TicketCategory.objects.create(
        conference=conference,
        name="Full on site",
        access=Access.ONSITE,
        price=Decimal("0"),
        capacity=registrations + 1_000_000,
        **window,
    )
    Registration.objects.bulk_create(
        [
            Registration(
                conference=conference,
                category=main,
                status=Status.CONFIRMED,
                name=f"Person {n}",
                email=f"person{n}@bench.example",
                country="FR",
                consent_at=now,
                price=Decimal("0"),
            )
            for n in range(registrations)
        ],
        batch_size=1000,
    )
    TicketCategory.objects.filter(pk=main.pk).update(taken=registrations)
    someone = Registration.objects.filter(conference=conference).order_by("pk").first()
    AgendaItem.objects.bulk_create(
        [
            AgendaItem(registration_id=r, session=created[(r * 7 + k) % sessions])
            for r in Registration.objects.values_list("pk", flat=True)
            for k in range(5)
        ],
        batch_size=5000,
    )
    AgendaItem.objects.bulk_create(
        [AgendaItem(registration=someone, session=s) for s in created[5:40:2]],
        ignore_conflicts=True,
    )
    return conference, main, someone, window


def start_server(port: int, tmp: Path) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            PY,
            "-m",
            "gunicorn",
            "museion.wsgi:application",
            "-b",
            f"{HOST}:{port}",
            "-k",
            "gthread",
            "-w",
            "2",
            "--threads",
            "25",
            "--keep-alive",
            "30",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=os.environ,
        stderr=(tmp / "gunicorn.log").open("w"),
    )
    for _ in range(100):
        try:
            socket.create_connection((HOST, port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not start; see gunicorn.log")


def timed(conn: http.client.HTTPConnection, method: str, path: str, body=None, headers=None):
    started = time.perf_counter()
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    content = response.read()
    return (time.perf_counter() - started) * 1000, response, content


def measure(port: int, path: str, count: int) -> dict:
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    cold, response, content = timed(conn, "GET", path)
    assert response.status == 200, (path, response.status)
    times = []
    for _ in range(count):
        elapsed, response, content = timed(conn, "GET", path)
        assert response.status == 200
        times.append(elapsed)
    conn.close()
    return summary(times) | {"cold": cold, "bytes": len(content)}


def summary(times: list[float]) -> dict:
    p50, p95 = p50_p95(times)
    return {"p50": p50, "p95": p95}


def csrf(port: int, path: str) -> tuple[str, str]:
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    conn.request("GET", path)
    response = conn.getresponse()
    html = response.read().decode()
    cookie = response.getheader("Set-Cookie").split(";", 1)[0]
    conn.close()
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1), cookie


def fetch(port: int, path: str) -> tuple[bytes, str]:
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    assert response.status == 200, (path, response.status)
    return body, response.getheader("Content-Type")


def registration_body(token: str, category_id: int, email: str) -> str:
    return urlencode(
        {
            "csrfmiddlewaretoken": token,
            "category": category_id,
            "name": "Bench Person",
            "email": email,
            "country": "FR",
            "consent": "on",
            "submission_id": str(uuid.uuid4()),
        }
    )


def post_registrations(port, path, cookie, bodies, clients: int) -> tuple[list, float]:
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie}

    def worker(chunk):
        conn = http.client.HTTPConnection(HOST, port, timeout=120)
        results = []
        for body in chunk:
            elapsed, response, _content = timed(conn, "POST", path, body, headers)
            results.append((response.status, elapsed))
        conn.close()
        return results

    chunks = [bodies[i::clients] for i in range(clients)]
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        results = [r for chunk in pool.map(worker, chunks) for r in chunk]
    return results, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--sessions", type=int, default=400)
    parser.add_argument("--registrations", type=int, default=4000)
    parser.add_argument("--requests", type=int, default=200, help="per measured page")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--race", type=int, default=1000, help="registrations in the race")
    parser.add_argument("--seats", type=int, default=500, help="seats in the race")
    parser.add_argument("--load-seconds", type=int, default=5, help="wrk run per page")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections")
    parser.add_argument(
        "--port", type=int, default=0, help="first of 3 ports to serve on (default: free ones)"
    )
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL") or DEFAULT_DB
    if not database_url.startswith("postgres"):
        sys.exit("This benchmark runs on PostgreSQL: set DATABASE_URL=postgres://…")

    with tempfile.TemporaryDirectory(prefix="museion-bench-conference-") as name:
        tmp = Path(name)
        prepare_environment(tmp, database_url)
        reset_postgres(database_url)
        print(f"database {database_url.rsplit('/', 1)[-1]}: migrate, seed …")
        manage("migrate", "--no-input")
        import django

        django.setup()
        started = time.perf_counter()
        conference, main_category, someone, window = seed(args.sessions, args.registrations)
        print(
            f"seeded {args.sessions} sessions, {args.registrations} registrations "
            f"in {time.perf_counter() - started:.1f} s"
        )
        from django.db import connections

        from museion.conference.models import Registration, Status, TicketCategory

        connections.close_all()
        port = args.port or free_port()
        server = start_server(port, tmp)
        try:
            base = f"/conference/{conference.slug}/"
            rows = [
                ("programme, all days", base + "?day=all"),
                ("programme, one day", base + "?day=2022-08-22"),
                ("personal iCal feed", f"/conference/feeds/{someone.feed_token}/agenda.ics"),
            ]
            print(f"\nserver time over {args.requests} sequential requests (ms)")
            print(f"{'page':<24}{'p50':>8}{'p95':>8}{'cold':>8}{'KB':>8}")
            for label, path in rows:
                m = measure(port, path, args.requests)
                print(
                    f"{label:<24}{m['p50']:>8.1f}{m['p95']:>8.1f}{m['cold']:>8.1f}"
                    f"{m['bytes'] / 1024:>8.0f}"
                )
            from museion.conference.models import Session

            pks = list(
                Session.objects.filter(conference=conference)
                .order_by("starts_at", "pk")
                .values_list("pk", flat=True)
            )
            picked = ",".join(str(pk) for pk in pks[::20])
            load_table(
                [
                    ("programme, one day", base + "?day=2022-08-22"),
                    ("programme, all days", base + "?day=all"),
                    ("programme JSON", base + "programme.json"),
                    ("programme iCal", base + "programme.ics"),
                    ("session page", f"{base}sessions/{pks[0]}/"),
                    (f"selection iCal ({len(pks[::20])})", f"{base}selection.ics?ids={picked}"),
                ],
                tmp=tmp,
                root=ROOT,
                fetch=fetch,
                measure=measure,
                ports=(args.port + 1, args.port + 2) if args.port else (free_port(), free_port()),
                args=args,
            )
            token, cookie = csrf(port, base + "register/")
            bodies = [
                registration_body(token, main_category.pk, f"seq{n}@bench.example")
                for n in range(args.requests)
            ]
            results, _elapsed = post_registrations(port, base + "register/", cookie, bodies, 1)
            assert all(status == 302 for status, _ in results), {s for s, _ in results}
            post = summary([elapsed for _status, elapsed in results])
            print(f"{'registration POST':<24}{post['p50']:>8.1f}{post['p95']:>8.1f}")

            race = TicketCategory.objects.create(
                conference=conference,
                name="Workshop day",
                access="onsite",
                price=Decimal("0"),
                capacity=args.seats,
                **window,
            )
            bodies = [
                registration_body(token, race.pk, f"race{n}@bench.example")
                for n in range(args.race)
            ]
            results, elapsed = post_registrations(
                port, base + "register/", cookie, bodies, args.clients
            )
            statuses = {s: sum(1 for r, _ in results if r == s) for s, _ in results}
            confirmed = Registration.objects.filter(category=race, status=Status.CONFIRMED).count()
            waitlisted = Registration.objects.filter(
                category=race, status=Status.WAITLISTED
            ).count()
            taken = TicketCategory.objects.get(pk=race.pk).taken
            print(
                f"\n{args.race} registrations from {args.clients} concurrent clients for "
                f"{args.seats} seats: {args.race / elapsed:.0f} registrations/s "
                f"({elapsed:.1f} s), HTTP {statuses}"
            )
            print(
                f"confirmed {confirmed}, waiting list {waitlisted}, seats counted {taken}, "
                f"oversold {max(confirmed - args.seats, 0)}"
            )
            ok = confirmed == args.seats == taken and waitlisted == args.race - args.seats
            print("seat count: OK" if ok else "seat count: WRONG")
            if not ok:
                sys.exit(1)
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
