"""One reading of `?page=` for every list and API: a whole number from 1, or a clear reason."""

from django.core.paginator import EmptyPage, Page, Paginator
from django.utils.translation import gettext as _


class PageError(ValueError):
    """A page number a reader cannot have: `status` is 400 (not a number) or 404 (past the end)."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


def page_number(value) -> int:
    if value in (None, ""):
        return 1
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise PageError(_("The page must be a whole number."), 400) from None
    if number < 1:
        raise PageError(_("The page must be 1 or more."), 400)
    return number


def page_of(paginator: Paginator, value) -> Page:
    number = page_number(value)
    try:
        return paginator.page(number)
    except EmptyPage:
        raise PageError(_("There is no such page in these results."), 404) from None
