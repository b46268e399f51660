"""The scale data set: tens of thousands of museums and 100,000 activities around the world.

Deterministic for a seed (same museums, titles and times every run), fast enough for the
benchmark (bulk inserts in batches), and recognisable: scale museums have external ids
starting with SCALE_PREFIX, so they can be counted and cleared without touching other data.
"""

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from museion.core import versions
from museion.core.geo import timezone_for
from museion.core.models import AttendanceMode
from museion.demo.world import CITIES
from museion.museumday import mapcells
from museion.museumday.models import (
    Activity,
    ActivityRevision,
    Category,
    Edition,
    Status,
    Transition,
    local_start_date,
)
from museion.network.models import Museum, MuseumKind

from . import scale_words as words

SCALE_PREFIX = "scale:"
BATCH_SIZE = 2000
INSERT_BATCH_SIZE = 1000
# Countries with many museums get more of them, so the map is as uneven as the real one.
BIG_COUNTRIES = {"US": 6, "DE": 6, "FR": 6, "IT": 6, "GB": 6, "JP": 6, "CN": 6, "ES": 5, "MX": 4}
MEDIUM_COUNTRIES = {"CA", "AU", "NL", "PL", "CH", "AT", "SE", "CZ", "AR", "IN", "KR", "PT", "BR"}
# (share, spread in degrees): the city centre, its suburbs, the rest of the region.
SCATTER = [(0.55, 0.06), (0.30, 0.4), (0.15, 2.5)]
# Weights of the editions, oldest first; the coming edition, last, skips a year as 2027 did.
EDITION_WEIGHTS = [25, 15, 20, 25, 15]
EDITION_YEAR_OFFSETS = [-5, -4, -3, -2, 0]
CATEGORY_WEIGHTS = {
    Category.EXHIBITION: 20,
    Category.GUIDED_TOUR: 18,
    Category.WORKSHOP: 14,
    Category.TALK: 10,
    Category.PERFORMANCE: 8,
    Category.FAMILY: 12,
    Category.ONLINE_EVENT: 6,
    Category.OPEN_DAY: 8,
    Category.OTHER: 4,
}
STATUS_WEIGHTS = {Status.PUBLISHED: 90, Status.SUBMITTED: 5, Status.DRAFT: 3, Status.REJECTED: 2}
START_HOURS = [9, 10, 10, 11, 14, 15, 16, 18, 19, 20]
DURATIONS_MINUTES = [45, 60, 90, 90, 120, 180, 240, 480]
DAY_OFFSETS = [0] * 8 + [-2, -1, 1]


@dataclass(frozen=True)
class ScaleSummary:
    museums: int
    activities: int
    published: int
    seconds: float


@dataclass(frozen=True)
class MuseumRow:
    """What an activity copies from its museum, without holding 40,000 model instances."""

    pk: int
    slug: str
    name: str
    country: str
    city: str
    address: str
    latitude: float
    longitude: float
    timezone: str
    text_language: str


def scale_museums():
    return Museum.objects.filter(external_id__startswith=SCALE_PREFIX)


def scale_signature() -> dict | None:
    """The parameters of the scale data in the database, or None when there is none."""
    first = scale_museums().order_by("external_id").values_list("external_id", flat=True).first()
    if first is None:
        return None
    return {
        "seed": int(first.split(":")[1]),
        "museums": scale_museums().count(),
        "activities": Activity.objects.filter(museum__in=scale_museums()).count(),
    }


def clear_scale_data() -> tuple[int, int]:
    """Delete the scale museums and their activities; return how many of each went."""
    with transaction.atomic():
        activities = Activity.objects.filter(museum__in=scale_museums())
        Transition.objects.filter(activity__in=activities).delete()
        ActivityRevision.objects.filter(activity__in=activities).delete()
        _, deleted = activities.only("id").delete()
        _, deleted_museums = scale_museums().only("id").delete()
    return deleted.get(Activity._meta.label, 0), deleted_museums.get(Museum._meta.label, 0)


def generate_scale_data(
    *,
    museums: int,
    activities: int,
    seed: int = 42,
    log: Callable[[str], None] = lambda message: None,
) -> ScaleSummary:
    """Create `museums` museums and `activities` activities; the same ones for the same seed."""
    if museums < 1 or activities < 0:
        raise ValueError("Give at least one museum and zero or more activities.")
    started = time.perf_counter()
    rng = random.Random(seed)
    with transaction.atomic():
        editions = _editions()
        rows = _create_museums(rng, museums, seed, log)
        published = _create_activities(rng, rows, editions, activities, log)
        versions.bump("network", "museumday")  # bulk inserts send no signal
        mapcells.bump_all()
    return ScaleSummary(museums, activities, published, time.perf_counter() - started)


def coming_edition_year(today: date) -> int:
    """The year of the next 18 May on or after today: the set always has a coming edition."""
    return today.year if today < date(today.year, 5, 19) else today.year + 1


def _editions() -> list[Edition]:
    coming = coming_edition_year(timezone.now().date())
    editions = []
    for offset, theme in zip(EDITION_YEAR_OFFSETS, words.EDITION_THEMES, strict=True):
        year = coming + offset
        edition, _ = Edition.objects.get_or_create(
            year=year, defaults={"date": date(year, 5, 18), "theme": theme}
        )
        editions.append(edition)
    return editions


def _text_language(rng: random.Random, language: str) -> str:
    base = language.split("-")[0]
    if base in words.SUBJECTS and rng.random() < 0.75:
        return base
    return words.FALLBACK_LANGUAGE


@cache
def _city_timezone(country: str, latitude: float, longitude: float) -> str:
    return timezone_for(country, latitude, longitude)


@cache
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def _scatter(rng: random.Random, latitude: float, longitude: float) -> tuple[float, float]:
    roll, spread = rng.random(), SCATTER[-1][1]
    for share, candidate in SCATTER:
        if roll < share:
            spread = candidate
            break
        roll -= share
    lat = max(-85.0, min(85.0, rng.gauss(latitude, spread)))
    lng = (rng.gauss(longitude, spread) + 180.0) % 360.0 - 180.0
    return round(lat, 5), round(lng, 5)


def _museum_name(rng: random.Random, language: str, city: str) -> str:
    pattern = rng.choice(words.MUSEUM_NAMES[language])
    return pattern.format(
        city=city,
        kind=rng.choice(words.KIND_WORDS[language]),
        person=rng.choice(words.PEOPLE),
        district=rng.choice(words.DISTRICTS),
    )


def _create_museums(rng: random.Random, count: int, seed: int, log) -> list[MuseumRow]:
    weights = [
        BIG_COUNTRIES.get(country, 3 if country in MEDIUM_COUNTRIES else 1)
        for country, *_ in CITIES
    ]
    cities = rng.choices(CITIES, weights=weights, k=count)
    kinds = list(MuseumKind)
    batch, rows = [], []
    for index, (country, city, city_lat, city_lng, language) in enumerate(cities):
        lat, lng = _scatter(rng, city_lat, city_lng)
        text_language = _text_language(rng, language)
        name = _museum_name(rng, text_language, city)
        street = words.STREETS[text_language].format(
            n=rng.randint(1, 240), person=rng.choice(words.PEOPLE)
        )
        slug = f"scale-{seed}-{index}"
        museum = Museum(
            name=name,
            slug=slug,
            external_id=f"{SCALE_PREFIX}{seed}:{index:06d}",
            kind=rng.choice(kinds),
            country=country,
            city=city,
            address=street,
            postcode=str(rng.randint(1000, 99999)),
            latitude=lat,
            longitude=lng,
            timezone=_city_timezone(country, city_lat, city_lng),
            website=f"https://{slug}.museum.example.org",
            languages=[language],
        )
        batch.append((museum, text_language))
        if len(batch) == BATCH_SIZE or index == count - 1:
            Museum.objects.bulk_create([m for m, _ in batch], batch_size=INSERT_BATCH_SIZE)
            rows.extend(_museum_row(m, text_language) for m, text_language in batch)
            batch = []
            log(f"museums: {len(rows)}/{count}")
    return rows


def _museum_row(museum: Museum, text_language: str) -> MuseumRow:
    return MuseumRow(
        pk=museum.pk,
        slug=museum.slug,
        name=museum.name,
        country=str(museum.country),
        city=museum.city,
        address=museum.address,
        latitude=museum.latitude,
        longitude=museum.longitude,
        timezone=museum.timezone,
        text_language=text_language,
    )


def _create_activities(rng, museums: list[MuseumRow], editions, count: int, log) -> int:
    edition_weights = EDITION_WEIGHTS
    categories, category_weights = zip(*CATEGORY_WEIGHTS.items(), strict=True)
    statuses, status_weights = zip(*STATUS_WEIGHTS.items(), strict=True)
    batch, published = [], 0
    for number in range(count):
        museum = rng.choice(museums)
        edition = rng.choices(editions, weights=edition_weights)[0]
        category = rng.choices(categories, weights=category_weights)[0]
        status = rng.choices(statuses, weights=status_weights)[0]
        published += status == Status.PUBLISHED
        batch.append(_activity(rng, number, museum, edition, category, status))
        if len(batch) == BATCH_SIZE or number == count - 1:
            Activity.objects.bulk_create(batch, batch_size=INSERT_BATCH_SIZE)
            batch = []
            log(f"activities: {number + 1}/{count}")
    return published


def _attendance_mode(rng: random.Random, category: str) -> str:
    roll = rng.random()
    if category == Category.ONLINE_EVENT:
        return AttendanceMode.ONLINE if roll < 0.85 else AttendanceMode.MIXED
    if roll < 0.82:
        return AttendanceMode.OFFLINE
    return AttendanceMode.MIXED if roll < 0.94 else AttendanceMode.ONLINE


def _times(rng: random.Random, edition: Edition, category: str, zone: ZoneInfo):
    day = edition.date + timedelta(days=rng.choice(DAY_OFFSETS))
    hour, minute = rng.choice(START_HOURS), rng.choice([0, 0, 15, 30])
    local = datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)
    starts = local.astimezone(UTC)
    if category == Category.EXHIBITION and rng.random() < 0.4:
        return starts, starts + timedelta(days=rng.choice([7, 30, 90]))
    return starts, starts + timedelta(minutes=rng.choice(DURATIONS_MINUTES))


def _texts(rng: random.Random, museum: MuseumRow, edition: Edition, category: str):
    language = museum.text_language
    subject = rng.choice(words.SUBJECTS[language])
    title = rng.choice(words.TITLES[language][category]).format(
        subject=subject, Subject=subject[:1].upper() + subject[1:]
    )
    fields = {
        "year": edition.year,
        "museum": museum.name,
        "city": museum.city,
        "subject": subject,
        "theme": edition.theme,
    }
    sentences = [rng.choice(words.OPENINGS[language]).format(**fields)]
    sentences += rng.sample(words.DETAILS[language], k=rng.choice([1, 2]))
    sentences.append(rng.choice(words.PRACTICAL[language]))
    return language, title, " ".join(sentences)


def _activity(rng, number: int, museum: MuseumRow, edition, category, status) -> Activity:
    starts, ends = _times(rng, edition, category, _zone(museum.timezone))
    language, title, description = _texts(rng, museum, edition, category)
    mode = _attendance_mode(rng, category)
    is_free = rng.random() < 0.75
    accessibility = words.ACCESSIBILITY[language]
    return Activity(
        edition=edition,
        museum_id=museum.pk,
        title=title,
        description=description,
        language=language,
        category=category,
        attendance_mode=mode,
        online_url=(
            f"https://live.example.org/{museum.slug}/{number}"
            if mode != AttendanceMode.OFFLINE
            else ""
        ),
        accessibility_notes=rng.choice(accessibility) if rng.random() < 0.5 else "",
        is_free=is_free,
        booking_url="" if is_free else f"https://tickets.example.org/{museum.slug}/{number}",
        starts_at=starts,
        ends_at=ends,
        timezone=museum.timezone,
        local_date=local_start_date(starts, museum.timezone),
        venue=museum.name,
        address=museum.address,
        city=museum.city,
        country=museum.country,
        latitude=museum.latitude,
        longitude=museum.longitude,
        status=status,
        rejection_reason="Please add the booking link." if status == Status.REJECTED else "",
        published_at=(
            starts - timedelta(days=rng.randint(20, 240)) if status == Status.PUBLISHED else None
        ),
    )
