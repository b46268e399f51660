"""Django's PostgreSQL back end, with a deadline on every wait for the server.

A server that is frozen (stopped process, stalled disk, a proxy or network that keeps the
connection open but carries nothing) never answers, and its `statement_timeout` never fires:
only the client can give up. psycopg waits in `Connection.wait`; here each wait gives up after
DATABASE_QUERY_TIMEOUT seconds, closes the connection (its state is unknown) and raises
OperationalError, which the site answers with a 503 (core.views.server_error).
"""

import types

import psycopg
from django.conf import settings
from django.db.backends.postgresql import base
from psycopg import errors


class DeadlineConnection(psycopg.Connection):
    def wait(self, gen, interval=0.1, timeout=None):
        deadline = getattr(settings, "DATABASE_QUERY_TIMEOUT", 0) or None
        try:
            return super().wait(gen, interval=interval, timeout=timeout or deadline)
        except errors._WaitTimeout:
            self.pgconn.finish()
            raise psycopg.OperationalError(
                f"the database did not answer within {timeout or deadline} seconds"
            ) from None


class _Driver(types.ModuleType):
    """psycopg as Django sees it, but connecting with DeadlineConnection."""

    def __getattr__(self, name):
        return getattr(psycopg, name)


driver = _Driver("psycopg")
driver.connect = DeadlineConnection.connect


class DatabaseWrapper(base.DatabaseWrapper):
    Database = driver
