#!/usr/bin/env python
"""Red Lists at scale: 50 published lists, 5,000 object types, 3 languages.

1. Builds (or reuses) the data: 17 original lists in English, each translated into French and
   Spanish, cut to 50 lists; 10 categories of 10 types per list (5,000 types), countries,
   periods from 3000 BC to AD 1900, materials, one picture row per original type.
2. Times, in process through Django's test client (middleware, views, templates, database;
   no network), after a warm-up, --requests requests of each kind (p50/p95):
   - search by words (`q`), by filters (country, period, material, language), by both;
   - the same search as JSON (/api/v1/redlists/search);
   - a category page (10 types with pictures).
   Every timed request starts with an empty cache (whole pages and fragments rebuilt), so the
   figures are the cost of building a page, not of serving it from the cache.
   Target: p95 < 50 ms for search and pages.
3. With --with-lookup, also builds the photo look-up's 100,000 hashed pictures and times the
   look-up (bench/redlists_lookup.py, the photo look-up's own benchmark).

    .venv/bin/python bench/redlists.py [--requests 200] [--with-lookup]
        [--database-url postgres://postgres@127.0.0.1:5432/museion_bench_redlists]

SQLite by default (bench/out/redlists.sqlite3, kept between runs); --rebuild starts again.
"""

import argparse
import os
import random
import sys
import time
from pathlib import Path

from common import p50_p95

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
LISTS, CATEGORIES, TYPES_PER_CATEGORY = 50, 10, 10
TARGET_P95_MS = 50
COUNTRIES = [
    "ML",
    "NE",
    "BF",
    "TD",
    "SN",
    "GN",
    "CI",
    "GH",
    "NG",
    "CM",
    "IQ",
    "SY",
    "AF",
    "EG",
    "LY",
    "PE",
    "BO",
    "EC",
    "CO",
    "GT",
    "MX",
    "KH",
    "CN",
    "YE",
    "LB",
]
WORDS = {
    "en": (
        [
            "figurine",
            "vessel",
            "mask",
            "coin",
            "manuscript",
            "statue",
            "bracelet",
            "jar",
            "seal",
            "tablet",
            "icon",
            "textile",
            "lamp",
            "relief",
            "weight",
        ],
        [
            "bronze",
            "terracotta",
            "gold",
            "silver",
            "wood",
            "ivory",
            "stone",
            "glass",
            "copper",
            "paper",
            "leather",
            "bone",
        ],
    ),
    "fr": (
        [
            "figurine",
            "vase",
            "masque",
            "monnaie",
            "manuscrit",
            "statue",
            "bracelet",
            "jarre",
            "sceau",
            "tablette",
            "icône",
            "tissu",
            "lampe",
            "relief",
            "poids",
        ],
        [
            "bronze",
            "terre cuite",
            "or",
            "argent",
            "bois",
            "ivoire",
            "pierre",
            "verre",
            "cuivre",
            "papier",
            "cuir",
            "os",
        ],
    ),
    "es": (
        [
            "figurilla",
            "vasija",
            "máscara",
            "moneda",
            "manuscrito",
            "estatua",
            "brazalete",
            "jarra",
            "sello",
            "tablilla",
            "icono",
            "tejido",
            "lámpara",
            "relieve",
            "pesa",
        ],
        [
            "bronce",
            "terracota",
            "oro",
            "plata",
            "madera",
            "marfil",
            "piedra",
            "vidrio",
            "cobre",
            "papel",
            "cuero",
            "hueso",
        ],
    ),
}
CATEGORY_TITLES = {
    "en": [
        "Archaeology",
        "Numismatics",
        "Manuscripts",
        "Religious art",
        "Ethnography",
        "Sculpture",
        "Textiles",
        "Metalwork",
        "Ceramics",
        "Epigraphy",
    ],
    "fr": [
        "Archéologie",
        "Numismatique",
        "Manuscrits",
        "Art religieux",
        "Ethnographie",
        "Sculpture",
        "Textiles",
        "Métal",
        "Céramique",
        "Épigraphie",
    ],
    "es": [
        "Arqueología",
        "Numismática",
        "Manuscritos",
        "Arte religioso",
        "Etnografía",
        "Escultura",
        "Textiles",
        "Metalurgia",
        "Cerámica",
        "Epigrafía",
    ],
}


def log(message: str) -> None:
    print(message, flush=True)


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("MUSEION_VAR_DIR", str(OUT / "redlists-var"))
    os.environ["RATELIMIT_ENABLE"] = "0"
    os.environ.pop("REDIS_URL", None)
    sys.path[:0] = [str(ROOT / "src"), str(ROOT), str(ROOT / "bench")]
    os.environ["DJANGO_SETTINGS_MODULE"] = "museion.test_settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build(rebuild: bool) -> None:
    from django.db import transaction

    from museion.redlists.models import Category, ObjectImage, ObjectType, RedList

    if not rebuild and RedList.objects.filter(slug__startswith="bench-").count() >= LISTS:
        log(f"reusing {ObjectType.objects.count():,} types in {RedList.objects.count()} lists")
        return
    started = time.perf_counter()
    RedList.objects.filter(slug__startswith="bench-").delete()
    rng = random.Random(11)
    specs = []
    for number in range(LISTS):
        root, language = number // 3, ["en", "fr", "es"][number % 3]
        specs.append((root, language))
    with transaction.atomic():
        originals: dict[int, RedList] = {}
        original_types: dict[int, list[ObjectType]] = {}
        for root, language in specs:
            countries = rng.sample(COUNTRIES, rng.randint(1, 5)) if language == "en" else None
            red_list = RedList.objects.create(
                slug=f"bench-{root}-{language}",
                language=language,
                title=f"Bench Red List {root} ({language})",
                region=f"Region {root}",
                countries=countries or originals[root].countries,
                status="published",
                version=1,
                original=originals.get(root),
            )
            originals.setdefault(root, red_list)
            categories = Category.objects.bulk_create(
                Category(
                    red_list=red_list,
                    position=c + 1,
                    title=CATEGORY_TITLES[language][c],
                    original=None,
                )
                for c in range(CATEGORIES)
            )
            nouns, materials = WORDS[language]
            types = []
            for category in categories:
                for position in range(1, TYPES_PER_CATEGORY + 1):
                    index = len(types)
                    start = rng.randint(-3000, 1800)
                    start = start or 1
                    parent = original_types.get(root, [None] * 100)[index]
                    types.append(
                        ObjectType(
                            category=category,
                            position=position,
                            original=parent,
                            title=f"{rng.choice(nouns)} {rng.choice(materials)}",
                            materials=", ".join(rng.sample(materials, 2)),
                            period_start=start,
                            period_end=start + rng.randint(0, 600) or 1,
                            description=" ".join(rng.choice(nouns + materials) for _ in range(40)),
                        )
                    )
            created = ObjectType.objects.bulk_create(types)
            if language == "en":
                original_types[root] = created
                ObjectImage.objects.bulk_create(
                    ObjectImage(
                        object_type=t,
                        image="redlists/images/bench.jpg",
                        thumbnail="redlists/thumbs/bench.jpg",
                        caption_object=t.title,
                        credit="© Bench",
                        alt_text=f"Picture of {t.title}",
                    )
                    for t in created
                )
    log(
        f"built {RedList.objects.count()} lists, {ObjectType.objects.count():,} types in "
        f"{time.perf_counter() - started:.1f} s"
    )


def timed(client, urls: list[str], label: str) -> tuple[float, float]:
    """Each request with the cache emptied first (outside the timing): the page is built."""
    from django.core.cache import cache

    for url in urls[:5]:
        client.get(url)
    times = []
    for url in urls:
        cache.clear()
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    p50, p95 = p50_p95(times)
    verdict = "ok" if p95 < TARGET_P95_MS else "OVER TARGET"
    log(f"{label:<34} p50 {p50:6.1f} ms   p95 {p95:6.1f} ms   ({verdict})")
    return p50, p95


def run(requests: int) -> None:
    from urllib.parse import urlencode

    from django.test import Client

    from museion.redlists.models import Category

    rng = random.Random(5)
    client = Client()

    def text() -> dict:
        language = rng.choice(["en", "fr", "es"])
        nouns, materials = WORDS[language]
        return {"q": f"{rng.choice(nouns)} {rng.choice(materials)[:4]}"}

    def filters() -> dict:
        start = rng.randint(-2500, 1500)
        params = {"country": rng.choice(COUNTRIES), "year_from": start, "year_to": start + 300}
        if rng.random() < 0.5:
            params["language"] = rng.choice(["en", "fr", "es"])
        else:
            params["material"] = rng.choice(WORDS["en"][1])
        return params

    kinds = {
        "search: words": text,
        "search: filters": filters,
        "search: words + filters": lambda: {**text(), **filters()},
    }
    for label, make in kinds.items():
        queries = [urlencode(make()) for _ in range(requests)]
        timed(client, [f"/red-lists/search/?{q}" for q in queries], label)
        timed(client, [f"/api/v1/redlists/search?{q}" for q in queries], f"  as JSON ({label[8:]})")
    categories = list(Category.objects.select_related("red_list").order_by("?")[:requests])
    timed(client, [c.get_absolute_url() for c in categories], "category page (10 types)")
    timed(client, ["/red-lists/"] * requests, "all lists with the map")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--with-lookup", action="store_true")
    parser.add_argument("--database-url", default=f"sqlite:///{OUT / 'redlists.sqlite3'}")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    setup_django(args.database_url)
    log(f"database: {args.database_url.split('@')[-1]}")
    build(args.rebuild)
    run(args.requests)
    if args.with_lookup:
        import redlists_lookup

        drawn = redlists_lookup.build(100_000, 200)
        redlists_lookup.run(drawn, 60)


if __name__ == "__main__":
    main()
