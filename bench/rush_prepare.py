"""The database side of bench/rush.py, run in a process of its own with Django set up.

rush_prepare.py prepare --editors N --museums M --activities A --seed S
    migrates, builds the scale data set unless it is already there with the same parameters,
    makes N editor accounts (rush-editor-0001…), each an editor of a different scale museum
    (Museum.editors, what the editors' permissions read), removes the activities earlier
    runs left, and prints on its last line a JSON object: the edition to register for, the
    password and the (username, museum slug) pairs.
rush_prepare.py check --prefix "Rush 20261204-0512 "
    prints the titles starting with the prefix, with their statuses, as JSON.
"""

import argparse
import json
import sys
import time

import django

USERNAME = "rush-editor-{:04d}"
USERNAME_PREFIX = "rush-editor-"
# Only the bench's own accounts use it; they can do nothing but edit scale museums.
PASSWORD = "deadline-rush-bench-password"  # noqa: S105


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def ensure_scale_data(args) -> None:
    from museion.demo.scale import clear_scale_data, generate_scale_data, scale_signature

    wanted = {"seed": args.seed, "museums": args.museums, "activities": args.activities}
    found = scale_signature()
    if found == wanted:
        log("  reusing the scale data already there")
        return
    if found:
        log(f"  replacing the scale data there ({found})")
        clear_scale_data()
    log(f"  generating {args.museums} museums and {args.activities} activities…")
    summary = generate_scale_data(museums=args.museums, activities=args.activities, seed=args.seed)
    log(f"  generated in {summary.seconds:.0f} s")


def ensure_editors(count: int) -> list[tuple[str, str]]:
    """`count` editor accounts, each an editor of one museum, all with PASSWORD (hashed once,
    by the password hasher the settings prefer, so no login has to upgrade a stored hash)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from museion.demo.scale import scale_museums
    from museion.network.models import Museum

    User = get_user_model()
    museums = list(scale_museums().order_by("external_id").values_list("pk", "slug")[:count])
    if len(museums) < count:
        raise SystemExit(f"{count} editors need {count} museums; there are {len(museums)}")
    names = [USERNAME.format(number + 1) for number in range(count)]
    encoded = make_password(PASSWORD)
    with transaction.atomic():
        existing = set(User.objects.filter(username__in=names).values_list("username", flat=True))
        User.objects.bulk_create(
            User(username=name, email=f"{name}@rush.invalid", password=encoded)
            for name in names
            if name not in existing
        )
        User.objects.filter(username__in=names).update(
            password=encoded, is_active=True, is_staff=False, is_superuser=False
        )
        users = dict(User.objects.filter(username__in=names).values_list("username", "pk"))
        through = Museum.editors.through
        through.objects.filter(user_id__in=users.values()).delete()
        through.objects.bulk_create(
            through(museum_id=museum_pk, user_id=users[name])
            for name, (museum_pk, _slug) in zip(names, museums, strict=True)
        )
    return [(name, slug) for name, (_pk, slug) in zip(names, museums, strict=True)]


def forget_earlier_runs() -> int:
    from museion.museumday.models import Activity

    earlier = Activity.objects.filter(created_by__username__startswith=USERNAME_PREFIX)
    deleted, _ = earlier.delete()
    return deleted


def analyze() -> None:
    """Statistics and the visibility map after bulk writes (autovacuum may lag behind)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for table in ("museumday_activity", "network_museum", "network_museum_editors"):
            cursor.execute(f"VACUUM ANALYZE {table}")
        cursor.execute("ANALYZE auth_user")


def prepare(args) -> dict:
    from django.core.management import call_command

    from museion.museumday.models import Edition

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    gone = forget_earlier_runs()  # first: the scale data's signature counts activities
    if gone:
        log(f"  removed {gone} rows left by earlier runs")
    ensure_scale_data(args)
    editors = ensure_editors(args.editors)
    analyze()
    edition = Edition.objects.filter(registration_open=True).order_by("-year").first()
    if edition is None:
        raise SystemExit("no edition is open for registration")
    log(f"  {len(editors)} editors ready in {time.perf_counter() - started:.0f} s")
    return {
        "edition": edition.pk,
        "day": edition.date.isoformat(),
        "password": PASSWORD,
        "editors": editors,
    }


def check(args) -> dict:
    from museion.museumday.models import Activity

    found: dict[str, list[str]] = {}
    rows = Activity.objects.filter(title__startswith=args.prefix).values_list("title", "status")
    for title, status in rows:
        found.setdefault(title, []).append(status)
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("action", choices=["prepare", "check"])
    parser.add_argument("--editors", type=int, default=1000)
    parser.add_argument("--museums", type=int, default=40_000)
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--prefix", default="")
    args = parser.parse_args()
    django.setup()
    result = prepare(args) if args.action == "prepare" else check(args)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
