"""Pages that belong to one person are never stored by a shared cache (nginx's microcache, a CDN).

A response is personal when the request carries a session (a logged-in person, or anyone the
site remembers), when the page holds a form's CSRF token, or when the response sets a cookie.
Those get `Cache-Control: private`; everything else keeps what the view said. nginx applies the
same rule on its side (deploy/nginx/museion.conf); this one protects any cache in front.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control


def is_personal(request, response) -> bool:
    return bool(
        settings.SESSION_COOKIE_NAME in request.COOKIES
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or response.cookies
    )


class PrivatePagesMiddleware:
    """Sits above the session and CSRF middleware, so it sees the cookies they set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_personal(request, response):
            cache_control = response.get("Cache-Control", "")
            if "private" not in cache_control and "no-store" not in cache_control:
                if "s-maxage" in cache_control:
                    del response["Cache-Control"]  # a shared-cache lifetime no longer applies
                patch_cache_control(response, private=True)
        return response
