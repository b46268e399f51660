"""factory_boy factories for the test suite."""

from datetime import UTC, datetime, timedelta

import factory
from django.contrib.auth import get_user_model

from museion.museumday.models import Activity, Edition, Status
from museion.network.models import Committee, CommitteeKind, Museum


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("pw-for-tests")


class CommitteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Committee

    kind = CommitteeKind.NATIONAL
    name = factory.Sequence(lambda n: f"Committee {n}")
    slug = factory.Sequence(lambda n: f"committee-{n}")
    country = "FR"


class MuseumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Museum

    name = factory.Sequence(lambda n: f"Museum {n}")
    slug = factory.Sequence(lambda n: f"museum-{n}")
    external_id = factory.Sequence(lambda n: f"test:{n}")
    country = "FR"
    city = "Paris"
    address = "1 rue de Rivoli"
    latitude = 48.8606
    longitude = 2.3376
    timezone = "Europe/Paris"
    languages = factory.LazyFunction(lambda: ["fr"])


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Edition
        django_get_or_create = ["year"]

    year = 2022
    date = factory.LazyAttribute(lambda e: datetime(e.year, 5, 18).date())
    theme = "The Power of Museums"
    theme_translations = factory.LazyFunction(lambda: {"fr": "Le pouvoir des musées"})


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    edition = factory.SubFactory(EditionFactory)
    museum = factory.SubFactory(MuseumFactory)
    title = factory.Sequence(lambda n: f"Activity {n}")
    description = "A guided visit of the collections."
    language = "fr"
    category = "guided_tour"
    attendance_mode = "offline"
    starts_at = datetime(2022, 5, 18, 8, 0, tzinfo=UTC)
    ends_at = factory.LazyAttribute(lambda a: a.starts_at + timedelta(hours=2))
    timezone = factory.LazyAttribute(lambda a: a.museum.timezone)
    city = factory.LazyAttribute(lambda a: a.museum.city)
    country = factory.LazyAttribute(lambda a: a.museum.country)
    latitude = factory.LazyAttribute(lambda a: a.museum.latitude)
    longitude = factory.LazyAttribute(lambda a: a.museum.longitude)
    status = Status.PUBLISHED
