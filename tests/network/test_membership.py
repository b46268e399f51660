"""Memberships of the directory's museums and committees, and the question other apps ask."""

from datetime import date

import pytest
from django.db import IntegrityError
from django.urls import reverse

from museion.network.models import Membership
from museion.network.services import active_membership

from ..factories import CommitteeFactory, MuseumFactory, UserFactory
from .factories import MembershipFactory

ON = date(2026, 6, 1)


@pytest.fixture
def membership(db):
    return MembershipFactory(
        number="FR-0042",
        email="Ada@Example.org",
        valid_from=date(2026, 1, 1),
        valid_until=date(2026, 12, 31),
    )


def test_active_membership_matches_email_and_number_ignoring_case(membership):
    assert active_membership(email=" ada@example.ORG ", on=ON) == membership
    assert active_membership(email="ada@example.org", number="fr-0042", on=ON) == membership
    assert active_membership(email="ada@example.org", number="FR-0043", on=ON) is None
    assert active_membership(email="someone@example.org", on=ON) is None
    assert active_membership(email="  ", on=ON) is None


@pytest.mark.parametrize(
    "on,expected",
    [
        (date(2025, 12, 31), False),
        (date(2026, 1, 1), True),
        (date(2026, 12, 31), True),
        (date(2027, 1, 1), False),
    ],
)
def test_active_membership_only_within_its_validity(membership, on, expected):
    assert (active_membership(email="ada@example.org", on=on) == membership) is expected


def test_committee_membership_counts_too(db):
    committee = CommitteeFactory(name="CIDOC", slug="cidoc", kind="international", country="")
    MembershipFactory(number="C-1", email="c@example.org", museum=None, committee=committee)
    found = active_membership(email="c@example.org", on=date.today())
    assert (found.committee, found.museum) == (committee, None)


@pytest.mark.parametrize("with_museum,with_committee", [(True, True), (False, False)])
def test_membership_is_of_a_museum_or_of_a_committee(db, with_museum, with_committee):
    with pytest.raises(IntegrityError):
        Membership.objects.create(
            number="X-1",
            email="x@example.org",
            museum=MuseumFactory() if with_museum else None,
            committee=CommitteeFactory() if with_committee else None,
            valid_from=ON,
            valid_until=ON,
        )


def test_membership_admin_lists_and_searches(client, membership):
    client.force_login(UserFactory(username="boss", is_staff=True, is_superuser=True))
    response = client.get(reverse("admin:network_membership_changelist"), {"q": "fr-0042"})
    assert response.status_code == 200
    assert "FR-0042" in response.content.decode()
