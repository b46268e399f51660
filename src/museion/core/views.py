"""Site-wide views: the rate-limited login and the page shown when a rate limit is hit."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django_ratelimit.decorators import ratelimit

# Password guessing: a few tries a minute from one address is plenty for a person.
login = ratelimit(key="ip", rate=settings.LOGIN_RATE, method="POST", block=True)(
    auth_views.LoginView.as_view()
)


def ratelimited(request, exception):
    """RATELIMIT_VIEW: a Ratelimited exception is a 429 with a page that says to wait."""
    response = render(request, "429.html", status=429)
    response["Retry-After"] = "60"
    return response
