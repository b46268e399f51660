"""factory_boy factories for the network directory's memberships."""

from datetime import timedelta

import factory
from django.utils import timezone

from museion.network.models import Membership

from ..factories import MuseumFactory


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    number = factory.Sequence(lambda n: f"M-{n:05d}")
    email = "member@example.org"
    museum = factory.SubFactory(MuseumFactory)
    valid_from = factory.LazyFunction(lambda: timezone.now().date() - timedelta(days=30))
    valid_until = factory.LazyFunction(lambda: timezone.now().date() + timedelta(days=365))
