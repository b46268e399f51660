"""The demo data set behind `make run`: enough of the world to try every feature."""

import random
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from museion.core.geo import timezone_for
from museion.core.text import slug_for
from museion.demo.world import CITIES
from museion.museumday.models import Activity, Category, Edition, Status, Transition
from museion.network.importer import import_museums
from museion.network.models import Committee, CommitteeKind, Museum, MuseumKind

DEMO_PASSWORD = "museion-demo"  # noqa: S105 - printed on purpose: demo accounts only
NAME_PATTERNS = {
    "fr": [
        "Musée d'{kind} de {city}",
        "Musée municipal de {city}",
        "Maison du patrimoine de {city}",
    ],
    "es": [
        "Museo de {kind} de {city}",
        "Museo Municipal de {city}",
        "Casa de la Cultura de {city}",
    ],
    "pt": ["Museu de {kind} de {city}", "Museu Municipal de {city}"],
    "de": ["{city}er Museum für {kind}", "Stadtmuseum {city}"],
    "it": ["Museo di {kind} di {city}", "Museo Civico di {city}"],
}
KIND_WORDS = {
    "fr": {"art": "art", "history": "histoire", "science": "sciences"},
    "es": {"art": "Arte", "history": "Historia", "science": "Ciencias"},
    "pt": {"art": "Arte", "history": "História", "science": "Ciências"},
    "de": {"art": "Kunst", "history": "Geschichte", "science": "Wissenschaft"},
    "it": {"art": "Arte", "history": "Storia", "science": "Scienze"},
}
ACTIVITY_TITLES = {
    Category.EXHIBITION: "Exhibition: {theme}",
    Category.GUIDED_TOUR: "Guided tour of the collections",
    Category.WORKSHOP: "Conservation workshop for young people",
    Category.TALK: "Talk: museums and their communities",
    Category.PERFORMANCE: "Night concert in the galleries",
    Category.FAMILY: "Family trail: find the hidden objects",
    Category.ONLINE_EVENT: "Live online visit with the curators",
    Category.OPEN_DAY: "Free entry all day",
    Category.OTHER: "Storytelling in the museum garden",
}
THEMES = {
    2022: ("The Power of Museums", {"fr": "Le pouvoir des musées", "es": "El poder de los museos"}),
    2025: (
        "The Future of Museums in Rapidly Changing Communities",
        {
            "fr": "L'avenir des musées dans des communautés en mutation rapide",
            "es": "El futuro de los museos en comunidades en rápida transformación",
        },
    ),
}

# The demo always has an edition to look forward to: the next 18 May after the day it loads.
COMING_THEME = (
    "Museums, Memory and the Commons",
    {"fr": "Musées, mémoire et biens communs", "es": "Museos, memoria y bienes comunes"},
)


def themes_with_coming_edition(today) -> dict:
    coming = today.year if (today.month, today.day) <= (5, 18) else today.year + 1
    return {**THEMES, **({} if coming in THEMES else {coming: COMING_THEME})}


def museum_name(rng: random.Random, city: str, language: str, kind: str) -> str:
    lang = language.split("-")[0]
    if lang in NAME_PATTERNS:
        pattern = rng.choice(NAME_PATTERNS[lang])
        return pattern.format(city=city, kind=KIND_WORDS[lang].get(kind, kind))
    return rng.choice(
        ["{city} Museum of {kind}", "{city} City Museum", "National {kind} Museum"]
    ).format(city=city, kind=kind.replace("_", " ").title())


def ensure_user(username: str, **fields):
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(username=username, defaults=fields)
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user


REGISTRY_SAMPLES = [
    ("museums-fr-museofile.csv", "fr-museofile.toml"),
    ("museums-us-imls.csv", "us-imls.toml"),
]


def load_registry_samples(*, size: int = 60) -> str:
    """Real French and US museums: the first valid rows of each registry under data/."""
    data = Path(settings.PROJECT_DIR) / "data"
    lines = []
    for file_name, mapping_name in REGISTRY_SAMPLES:
        if not (data / file_name).exists():
            continue  # an installed package has no data/ directory
        report = import_museums(
            path=data / file_name,
            mapping=data / "mappings" / mapping_name,
            skip_invalid=True,
            limit=size,
        )
        lines.append(
            f"Real museums from {file_name}: {report.created} new, "
            f"{report.updated + report.unchanged} already there.\n"
        )
    return "".join(lines)


def load_demo(*, seed: int = 2022, museums_per_country: int = 4) -> str:
    samples = load_registry_samples()
    if Museum.objects.filter(external_id__startswith="demo:").exists():
        return "Demo data already loaded.\n" + samples + accounts_text()
    rng = random.Random(seed)
    staff = ensure_user("staff", is_staff=True, is_superuser=True, email="staff@museion.example")
    editor = ensure_user("editor", email="editor@museion.example")
    moderator = ensure_user("moderator", email="moderator@museion.example")

    committees = {}
    for country, *_ in CITIES[::3]:
        committees[country] = Committee.objects.create(
            kind=CommitteeKind.NATIONAL,
            name=f"National Committee {country}",
            slug=f"nc-{country.lower()}",
            country=country,
        )
    committees["FR"] = committees.get("FR") or Committee.objects.create(
        kind=CommitteeKind.NATIONAL, name="National Committee FR", slug="nc-fr", country="FR"
    )
    committees["FR"].coordinators.add(moderator)
    education = Committee.objects.create(
        kind=CommitteeKind.INTERNATIONAL,
        acronym="CECA",
        name="Committee for Education and Cultural Action",
        slug="ceca",
        field="education",
    )
    university = Committee.objects.create(
        kind=CommitteeKind.INTERNATIONAL,
        acronym="UMAC",
        name="Committee for University Museums and Collections",
        slug="umac",
        field="university museums",
    )
    europe = Committee.objects.create(
        kind=CommitteeKind.REGIONAL, name="Regional Alliance Europe", slug="europe"
    )

    editions = {
        year: Edition.objects.create(
            year=year, date=datetime(year, 5, 18).date(), theme=theme, theme_translations=tr
        )
        for year, (theme, tr) in themes_with_coming_edition(timezone.localdate()).items()
    }
    kinds = [MuseumKind.ART, MuseumKind.HISTORY, MuseumKind.SCIENCE]
    museums = []
    for country, city, lat, lng, language in CITIES:
        for index in range(museums_per_country):
            kind = kinds[index % len(kinds)]
            name = museum_name(rng, city, language, kind)
            mlat, mlng = lat + rng.uniform(-0.05, 0.05), lng + rng.uniform(-0.05, 0.05)
            museum = Museum.objects.create(
                name=name,
                slug=slug_for(f"{name}-{country}-{index}", max_length=110)
                or f"m-{country}-{index}",
                external_id=f"demo:{country}-{index}",
                kind=kind,
                country=country,
                city=city,
                address=f"{index + 1} Museum Street",
                latitude=round(mlat, 5),
                longitude=round(mlng, 5),
                timezone=timezone_for(country, mlat, mlng),
                website=f"https://museum-{country.lower()}-{index}.example.org",
                languages=[language],
            )
            if index == 0 and country in committees:
                museum.committees.add(committees[country])
            if index == 1:
                museum.committees.add(education)
            if index == 2 and lat > 35 and -25 < lng < 45:
                museum.committees.add(europe)
            if index == 3:
                museum.committees.add(university)
            museums.append(museum)
    for museum in [m for m in museums if m.country in ("FR", "ES", "MX")][:6]:
        museum.editors.add(editor)

    categories = list(Category)
    count = 0
    for number, museum in enumerate(museums):
        for edition in editions.values():
            category = categories[(number + edition.year) % len(categories)]
            mode = (
                "online"
                if category == Category.ONLINE_EVENT
                else rng.choice(["offline", "offline", "offline", "mixed"])
            )
            zone = ZoneInfo(museum.timezone)
            start_hour = rng.choice([10, 11, 14, 15, 18, 20])
            starts = datetime.combine(edition.date, time(start_hour), zone)
            status = (
                Status.PUBLISHED
                if number % 11
                else rng.choice([Status.DRAFT, Status.SUBMITTED, Status.REJECTED])
            )
            activity = Activity.objects.create(
                edition=edition,
                museum=museum,
                title=ACTIVITY_TITLES[category].format(theme=edition.theme),
                description=(
                    f"{museum.name} celebrates International Museum Day "
                    f"{edition.year}: “{edition.theme}”. Everyone is welcome."
                ),
                language=museum.languages[0],
                category=category,
                attendance_mode=mode,
                starts_at=starts,
                ends_at=starts + timedelta(hours=rng.choice([1, 2, 3, 8])),
                timezone=museum.timezone,
                venue=museum.name,
                address=museum.address,
                city=museum.city,
                country=museum.country,
                latitude=museum.latitude,
                longitude=museum.longitude,
                online_url=(
                    f"https://stream.example.org/{museum.slug}" if mode != "offline" else ""
                ),
                accessibility_notes="Step-free access; induction loop at the desk.",
                is_free=rng.random() < 0.8,
                status=status,
                rejection_reason=(
                    "Please add the booking link." if status == Status.REJECTED else ""
                ),
                published_at=starts - timedelta(days=30) if status == Status.PUBLISHED else None,
                created_by=staff,
            )
            Transition.objects.create(
                activity=activity, actor=staff, action="demo", from_status="", to_status=status
            )
            count += 1
    return (
        f"Demo loaded: {len(museums)} museums in {len(CITIES)} countries, "
        f"{Committee.objects.count()} committees, {count} activities.\n" + samples + accounts_text()
    )


def accounts_text() -> str:
    return (
        f"Demo logins (password for all: {DEMO_PASSWORD}):\n"
        "  editor     edits six museums in France, Spain and Mexico\n"
        "  moderator  coordinates the French national committee (moderates France)\n"
        "  staff      staff and superuser (admin at /admin/)\n"
    )
