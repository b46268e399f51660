"""factory_boy factories for the conference app."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from museion.conference.models import (
    Access,
    Conference,
    Day,
    DiscountCode,
    Room,
    Session,
    SessionAccess,
    SessionPerson,
    Speaker,
    TicketCategory,
    Track,
)


class ConferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conference
        django_get_or_create = ["slug"]

    name = "Prague 2022"
    slug = "prague-2022"
    theme = "The Power of Museums"
    starts_on = date(2022, 8, 20)
    ends_on = date(2022, 8, 28)
    timezone = "Europe/Prague"
    venue = "Prague Congress Centre"
    city = "Prague"
    country = "CZ"
    is_published = True
    registration_open = True
    bank_details = "IBAN CZ00 0000 0000 0000 0000 0000"


class DayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Day

    conference = factory.SubFactory(ConferenceFactory)
    date = factory.LazyAttribute(lambda d: d.conference.starts_on)


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Room

    conference = factory.SubFactory(ConferenceFactory)
    name = factory.Sequence(lambda n: f"Hall {n}")
    capacity = 300


class TrackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Track

    conference = factory.SubFactory(ConferenceFactory)
    name = factory.Sequence(lambda n: f"Track {n}")
    slug = factory.Sequence(lambda n: f"track-{n}")


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    name = factory.Sequence(lambda n: f"Speaker {n}")
    slug = factory.Sequence(lambda n: f"speaker-{n}")
    affiliation = "National Museum"


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    conference = factory.SubFactory(ConferenceFactory)
    title = factory.Sequence(lambda n: f"Session {n}")
    type = "lecture"
    attendance_mode = "mixed"
    languages = factory.LazyFunction(lambda: ["en"])
    starts_at = datetime(2022, 8, 22, 8, 0, tzinfo=UTC)
    ends_at = factory.LazyAttribute(lambda s: s.starts_at + timedelta(hours=1))
    timezone = factory.LazyAttribute(lambda s: s.conference.timezone)
    abstract = "What museums can do."


class SessionPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionPerson

    session = factory.SubFactory(SessionFactory)
    speaker = factory.SubFactory(SpeakerFactory)


class SessionAccessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionAccess

    session = factory.SubFactory(SessionFactory)
    url = factory.Sequence(lambda n: f"https://stream.example.org/secret-{n}")
    platform = "Zoom"
    passcode = "museum"


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TicketCategory

    conference = factory.SubFactory(ConferenceFactory)
    name = factory.Sequence(lambda n: f"Full on site {n}")
    access = Access.ONSITE
    price = Decimal("400.00")
    sale_starts_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))
    sale_ends_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    capacity = 100


class DiscountCodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DiscountCode

    conference = factory.SubFactory(ConferenceFactory)
    code = factory.Sequence(lambda n: f"DELEGATE{n}")
    kind = "percent"
    value = Decimal("50")
    max_uses = 2
    valid_from = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    valid_until = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
