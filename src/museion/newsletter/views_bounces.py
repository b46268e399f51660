"""Bounce webhook: the mail provider POSTs a DSN or JSON; a shared secret guards it."""

import hmac
import json

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from museion.core.api import json_error

from .bounces import Bounce, parse_dsn, record_bounces

MAX_REPORT_BYTES = 1024 * 1024


def _authorised(request) -> bool:
    secret = getattr(settings, "NEWSLETTER_BOUNCE_SECRET", "")
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    return bool(secret) and hmac.compare_digest(given.encode(), secret.encode())


@csrf_exempt
@require_POST
def bounce_report(request):
    if not _authorised(request):
        return json_error("a valid bearer token is required", 401)
    if len(request.body) > MAX_REPORT_BYTES:
        return json_error("the report is too large (1 MB at most)", 413)
    if request.content_type == "application/json":
        try:
            data = json.loads(request.body)
            items = data if isinstance(data, list) else [data]
            bounces = [
                Bounce(
                    email=str(item["email"]).strip().lower(),
                    status="5.0.0" if item.get("type", "hard") == "hard" else "4.0.0",
                    reason=str(item.get("reason", "hard bounce"))[:500],
                )
                for item in items
            ]
        except (ValueError, KeyError, TypeError, AttributeError):
            return json_error('send {"email": ..., "type": "hard"|"soft", "reason": ...}')
    else:
        bounces = parse_dsn(request.body)
        if not bounces:
            return json_error("no failed recipient found in this delivery status notification")
    marked, ignored = record_bounces(bounces)
    return JsonResponse({"marked_undeliverable": marked, "ignored": ignored})
