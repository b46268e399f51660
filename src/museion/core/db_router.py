"""Public pages read from a replica; writes, and reads that must see them, use the primary.

With DATABASE_REPLICA_URL set (settings.READ_REPLICA names the alias), ReplicaReadsMiddleware
lets the reads of an anonymous GET or HEAD request go to the replica: the list, map, feeds, API
and programme that make the Museum Day rush. Everything else reads from the primary:
- any write, and every read after it in the same request (a service that saves, then reads);
- reads inside a transaction on the primary (select_for_update, counters);
- a logged-in person (session cookie), who must see their own edits at once;
- for REPLICA_LAG_SECONDS after any non-GET request, the same browser (a cookie), so the page a
  form redirects to shows what was just saved, whatever the replica's lag;
- management commands, task workers and anything outside a request.
"""

from contextvars import ContextVar

from django.conf import settings
from django.db import connections

PRIMARY = "default"
RECENT_WRITE_COOKIE = "museion_primary"
_replica_allowed: ContextVar[bool] = ContextVar("replica_allowed", default=False)
_wrote: ContextVar[bool] = ContextVar("wrote", default=False)


def replica_allowed_for(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and RECENT_WRITE_COOKIE not in request.COOKIES
    )


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        replica = settings.READ_REPLICA
        if (
            replica
            and _replica_allowed.get()
            and not _wrote.get()
            and not connections[PRIMARY].in_atomic_block
        ):
            return replica
        return PRIMARY

    def db_for_write(self, model, **hints):
        _wrote.set(True)
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY


class ReplicaReadsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        allowed = _replica_allowed.set(replica_allowed_for(request))
        wrote = _wrote.set(False)
        try:
            response = self.get_response(request)
        finally:
            _replica_allowed.reset(allowed)
            _wrote.reset(wrote)
        if settings.READ_REPLICA and request.method not in ("GET", "HEAD", "OPTIONS"):
            response.set_cookie(
                RECENT_WRITE_COOKIE,
                "1",
                max_age=settings.REPLICA_LAG_SECONDS,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response
