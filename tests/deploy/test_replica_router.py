"""The read-replica router: public reads may go to the replica, writes never do."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connections, transaction
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from museion.core.db_router import (
    RECENT_WRITE_COOKIE,
    PrimaryReplicaRouter,
    ReplicaReadsMiddleware,
)
from museion.network.models import Museum

ROOT = Path(__file__).resolve().parents[2]
router = PrimaryReplicaRouter()


def serve(request, view):
    """Runs view(request) inside the middleware; returns (what the view saw, response)."""
    seen = {}

    def get_response(request):
        seen["value"] = view()
        return HttpResponse("ok")

    response = ReplicaReadsMiddleware(get_response)(request)
    return seen["value"], response


def anonymous_get():
    return RequestFactory().get("/museum-day/activities/")


@override_settings(READ_REPLICA="replica")
def test_anonymous_get_reads_from_the_replica():
    seen, _ = serve(anonymous_get(), lambda: router.db_for_read(Museum))
    assert seen == "replica"


@override_settings(READ_REPLICA="replica")
def test_writes_go_to_the_primary_even_during_a_public_read():
    seen, _ = serve(anonymous_get(), lambda: router.db_for_write(Museum))
    assert seen == "default"


@override_settings(READ_REPLICA="replica")
def test_reads_after_a_write_in_the_same_request_use_the_primary():
    def view():
        before = router.db_for_read(Museum)
        router.db_for_write(Museum)
        return before, router.db_for_read(Museum)

    seen, _ = serve(anonymous_get(), view)
    assert seen == ("replica", "default")


@override_settings(READ_REPLICA="replica")
def test_reads_inside_a_transaction_use_the_primary(db):
    def view():
        with transaction.atomic():
            return router.db_for_read(Museum)

    seen, _ = serve(anonymous_get(), view)
    assert seen == "default"


@override_settings(READ_REPLICA="replica")
def test_logged_in_people_read_from_the_primary():
    request = anonymous_get()
    request.COOKIES["sessionid"] = "abc"
    assert serve(request, lambda: router.db_for_read(Museum))[0] == "default"


@override_settings(READ_REPLICA="replica", REPLICA_LAG_SECONDS=10)
def test_after_a_form_the_same_browser_reads_from_the_primary_for_a_while():
    seen, response = serve(RequestFactory().post("/newsletter/"), lambda: None)
    cookie = response.cookies[RECENT_WRITE_COOKIE]
    assert cookie["max-age"] == 10
    follow = anonymous_get()
    follow.COOKIES[RECENT_WRITE_COOKIE] = cookie.value
    assert serve(follow, lambda: router.db_for_read(Museum))[0] == "default"


@override_settings(READ_REPLICA="replica")
def test_outside_a_request_everything_uses_the_primary():
    serve(anonymous_get(), lambda: None)
    assert router.db_for_read(Museum) == "default"


@override_settings(READ_REPLICA=None)
def test_without_a_replica_everything_uses_the_primary():
    assert serve(anonymous_get(), lambda: router.db_for_read(Museum))[0] == "default"
    assert "replica" not in connections


def test_migrations_run_on_the_primary_only():
    assert router.allow_migrate("default", "network") is True
    assert router.allow_migrate("replica", "network") is False


SCRIPT = """
import json, sys
sys.path.insert(0, "src")
import museion.settings
# Production settings, but static files as in the tests: the manifest needs collectstatic first.
museion.settings.STORAGES["staticfiles"]["BACKEND"] = (
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
import django
django.setup()
from django.core.management import call_command
from django.db import connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
call_command("migrate", verbosity=0)
from museion.network.models import Museum
from museion.core.db_router import ReplicaReadsMiddleware, _replica_allowed

def queries(action):
    with CaptureQueriesContext(connections["default"]) as primary, \\
            CaptureQueriesContext(connections["replica"]) as replica:
        action()
    return {"default": [q["sql"].split()[0] for q in primary.captured_queries],
            "replica": [q["sql"].split()[0] for q in replica.captured_queries]}

def write_then_read():
    token = _replica_allowed.set(True)
    try:
        Museum.objects.create(name="Replica test", country="FR", slug="replica-test")
        list(Museum.objects.all())
    finally:
        _replica_allowed.reset(token)

out = {
    "anonymous_get": queries(lambda: Client().get("/museums/")),
    "write_then_read": queries(write_then_read),
    "post": queries(lambda: Client().post("/i18n/setlang/", {"language": "fr"})),
}
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def with_replica(tmp_path_factory):
    """A process whose replica is the same SQLite file as its primary, reads counted per alias."""
    url = f"sqlite:///{tmp_path_factory.mktemp('replica') / 'db.sqlite3'}"
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="museion.settings",
        DEBUG="0",
        SECRET_KEY="replica-test-" + "x" * 50,
        ALLOWED_HOSTS="testserver",
        MUSEION_INSECURE_HTTP="1",
        DATABASE_URL=url,
        DATABASE_REPLICA_URL=url,
        LOG_LEVEL="CRITICAL",
    )
    done = subprocess.run(  # noqa: S603 (our interpreter and script)
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_public_page_is_read_from_the_replica(with_replica):
    assert with_replica["anonymous_get"]["replica"]
    assert with_replica["anonymous_get"]["default"] == []


def test_write_goes_to_the_primary_and_so_does_the_read_after_it(with_replica):
    assert "INSERT" in with_replica["write_then_read"]["default"]
    assert with_replica["write_then_read"]["replica"] == []


def test_a_post_never_touches_the_replica(with_replica):
    assert with_replica["post"]["replica"] == []
