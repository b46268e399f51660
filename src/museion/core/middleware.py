"""Answer API requests with JSON errors, whatever went wrong."""

import logging

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404
from django_ratelimit.exceptions import Ratelimited

from .api import json_error
from .views import database_unreachable, unavailable

logger = logging.getLogger(__name__)


class JsonErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.path.startswith("/api/")
            and response.status_code in (404, 405)
            and (response.get("Content-Type", "").startswith("text/html"))
        ):
            message = "not found" if response.status_code == 404 else "method not allowed"
            return json_error(message, response.status_code)
        return response

    def process_exception(self, request, exception):
        if not request.path.startswith("/api/"):
            return None
        if isinstance(exception, Http404):
            return json_error(str(exception) or "not found", 404)
        if isinstance(exception, Ratelimited):
            return json_error("too many requests, please wait a minute", 429)
        if isinstance(exception, PermissionDenied):
            return json_error("permission denied", 403)
        if isinstance(exception, SuspiciousOperation):
            return json_error("bad request", 400)
        if database_unreachable(exception):
            return unavailable(request, exception)
        logger.exception("API error on %s", request.path)
        return json_error("internal error", 500)
