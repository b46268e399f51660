"""Logs as JSON lines, each carrying the id of the request it belongs to.

nginx gives every request an id (`X-Request-ID: $request_id`, deploy/nginx/museion_proxy.conf);
the app takes it (or makes one when called directly), returns it in the response's
`X-Request-ID` and stamps every log line written while it serves the request, so one id finds
the nginx log line, the app's error and the report in the error tracker.
"""

import json
import logging
import re
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime

from django.core.signals import request_finished
from django.dispatch import receiver

request_id_var: ContextVar[str] = ContextVar("request_id", default="-")
ACCEPTABLE_ID = re.compile(r"^[A-Za-z0-9._-]{8,128}$")


def incoming_request_id(request) -> str:
    given = request.headers.get("X-Request-ID", "")
    return given if ACCEPTABLE_ID.match(given) else uuid.uuid4().hex


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Kept until the response is closed (request_finished), not just until this returns:
        # Django logs 4xx answers ("Not Found: …") after the whole middleware chain.
        request.request_id = incoming_request_id(request)
        request_id_var.set(request.request_id)
        tag_error_reports(request.request_id)
        response = self.get_response(request)
        response["X-Request-ID"] = request.request_id
        return response


@receiver(request_finished)
def forget_request_id(**kwargs):
    request_id_var.set("-")


def tag_error_reports(request_id: str) -> None:
    """Error reports (sentry-sdk, when SENTRY_DSN is set) carry the same id."""
    from django.conf import settings

    if settings.SENTRY_DSN:
        import sentry_sdk

        sentry_sdk.set_tag("request_id", request_id)


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = request_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC), level, logger, message, request id, and, for a
    request's log line, its method, path and status; the traceback when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", request_id_var.get()),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "method"):
            line["method"] = request.method
            line["path"] = request.path
        if getattr(record, "status_code", None):
            line["status"] = record.status_code
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)
