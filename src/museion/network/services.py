"""Rules other apps ask the network directory about."""

from datetime import date

from .models import Membership


def active_membership(*, email: str, on: date, number: str = "") -> Membership | None:
    """The membership valid on `on` registered under `email` (and `number`, when given).

    Both are matched case-insensitively, after trimming; an empty e-mail never matches.
    """
    email = (email or "").strip()
    if not email:
        return None
    memberships = Membership.objects.filter(
        email__iexact=email, valid_from__lte=on, valid_until__gte=on
    ).select_related("museum", "committee")
    number = (number or "").strip()
    if number:
        memberships = memberships.filter(number__iexact=number)
    return memberships.order_by("-valid_until", "pk").first()
