"""Reads used by several views and by the home page."""

from django.db.models import QuerySet

from .models import MailingList


def public_lists() -> QuerySet:
    """The lists anyone may sign up to, by language and name."""
    return MailingList.objects.filter(is_public=True).order_by("language", "name")
