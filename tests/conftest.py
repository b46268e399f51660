from datetime import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.core.servers.basehttp import ThreadedWSGIServer
from django.utils import translation
from django.utils.translation.reloader import translation_file_changed

from museion.core.catalogues import COMPILED_LOCALE_DIR, compile_catalogues

from .factories import ActivityFactory, CommitteeFactory, EditionFactory, MuseumFactory, UserFactory


def pytest_addoption(parser):
    parser.addoption(
        "--clock",
        metavar="INSTANT",
        help="Run the suite as if it started at this instant (ISO 8601, e.g. 2027-03-28T00:45Z), "
        "the clock ticking from there: the suite must pass whatever day and hour it runs "
        "(SQLite: PostgreSQL keeps its own clock).",
    )


def pytest_configure(config):
    instant = config.getoption("--clock")
    if instant:
        time_machine.travel(datetime.fromisoformat(instant), tick=True).start()


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogues():
    """Compile the catalogues when a .po is newer than its .mo, as `make messages` does, so these
    tests do not depend on an earlier install step (into the build directory, not src/)."""
    for mo_path in compile_catalogues(COMPILED_LOCALE_DIR, only_if_newer=True):
        # catalogues loaded before this were empty: make Django reload them
        translation_file_changed(None, mo_path)


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english_by_default():
    # A request in another language leaves it active in the thread (LocaleMiddleware never
    # deactivates); start every test in English so messages do not depend on the order.
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def edition(db):
    return EditionFactory()


@pytest.fixture
def museum(db):
    return MuseumFactory()


@pytest.fixture
def other_museum(db):
    return MuseumFactory(
        name="Museo del Prado",
        country="ES",
        city="Madrid",
        latitude=40.4138,
        longitude=-3.6921,
        timezone="Europe/Madrid",
        languages=["es"],
    )


@pytest.fixture
def editor(museum):
    user = UserFactory(username="editor")
    museum.editors.add(user)
    return user


@pytest.fixture
def coordinator(db):
    user = UserFactory(username="coordinator")
    committee = CommitteeFactory(country="FR")
    committee.coordinators.add(user)
    return user


@pytest.fixture
def staff(db):
    return UserFactory(username="staff", is_staff=True)


@pytest.fixture
def published(edition, museum):
    return ActivityFactory(edition=edition, museum=museum, title="Night of the Louvre")


__all__ = ["ActivityFactory", "MuseumFactory", "UserFactory", "EditionFactory"]


# The live test server's listen backlog (5 by default) overflows when the concurrency tests send
# 50 connections at once, and the kernel resets the rest: give it the room a real server has.
ThreadedWSGIServer.request_queue_size = 1024


@pytest.fixture
def mail_server(settings):
    """A real SMTP server on a local port, started; Django sends to it over SMTP."""
    from .mailserver import MailServer

    server = MailServer()
    server.up()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    yield server
    server.down()


@pytest.fixture
def task_worker(settings):
    """The database task backend, and `run(queue)`: the real worker, in this process, until no
    task is ready (run_after in the future waits for the next call)."""
    from django_tasks_db.management.commands.db_worker import Worker

    queues = settings.TASKS["default"]["QUEUES"]
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": queues}}

    def run(*queue_names: str) -> None:
        Worker(
            queue_names=list(queue_names or queues),
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="test-worker",
        ).run()

    return run
