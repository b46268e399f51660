"""A demo General Conference (`manage.py load_conference_demo`): a programme and ticket types.

Dated from today, so the programme is upcoming and registration open whenever it is loaded.
"""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from museion.conference.models import (
    Access,
    Conference,
    Day,
    DiscountCode,
    Requirement,
    Room,
    Session,
    SessionAccess,
    SessionPerson,
    Speaker,
    TicketCategory,
    Track,
)
from museion.network.models import Committee

TOPICS = [
    ("keynote", "The power of museums", "mixed"),
    ("lecture", "Collections care in a changing climate", "mixed"),
    ("panel", "Decolonising documentation", "online"),
    ("roundtable", "Museums and local communities", "offline"),
    ("workshop", "Hands-on: emergency inventories", "offline"),
    ("memorial_lecture", "Memorial lecture: museums as memory", "mixed"),
    ("networking", "Young professionals meet-up", "offline"),
    ("lecture", "Digital access for everyone", "online"),
]


@transaction.atomic
def load_conference_demo() -> Conference | None:
    if Conference.objects.filter(slug="general-conference-demo").exists():
        return None
    today = timezone.localdate()
    start = today + timedelta(days=60)
    conference = Conference.objects.create(
        name=f"Prague {start.year}",
        slug="general-conference-demo",
        theme="The Power of Museums",
        starts_on=start,
        ends_on=start + timedelta(days=8),
        timezone="Europe/Prague",
        venue="Prague Congress Centre",
        city="Prague",
        country="CZ",
        is_published=True,
        bank_details="IBAN CZ65 0800 0000 1920 0014 5399 · BIC GIBACZPX",
    )
    zone = conference.zone
    days = [
        Day.objects.create(conference=conference, date=start + timedelta(days=n)) for n in range(9)
    ]
    rooms = [
        Room.objects.create(conference=conference, name=name, capacity=capacity)
        for name, capacity in [("Forum Hall", 2000), ("South Hall", 400), ("Meeting Room 1", 40)]
    ]
    tracks = [
        Track.objects.create(conference=conference, name=name, slug=slug)
        for name, slug in [("Sustainability", "sustainability"), ("Ethics", "ethics")]
    ]
    committees = list(Committee.objects.order_by("pk")[:4])
    speakers = [
        Speaker.objects.create(name=name, slug=f"demo-{n}", affiliation=affiliation)
        for n, (name, affiliation) in enumerate(
            [
                ("Alena Nováková", "National Museum, Prague"),
                ("Kwame Mensah", "National Museum of Ghana"),
                ("Lucía Fernández", "Museo de América, Madrid"),
                ("Hiroshi Tanaka", "Tokyo National Museum"),
            ]
        )
    ]
    for n, day in enumerate(days[1:7]):
        for slot, (kind, title, mode) in enumerate(TOPICS[n % 3 :: 2][:3]):
            local = datetime.combine(day.date, time(9 + slot * 3), tzinfo=zone)
            session = Session.objects.create(
                conference=conference,
                title=title,
                type=kind,
                attendance_mode=mode,
                room=rooms[slot % len(rooms)],
                track=tracks[slot % len(tracks)],
                languages=["en"] if slot else ["en", "fr"],
                interpretation=["es"] if kind == "keynote" else [],
                abstract=f"{title}: a session of the demo programme.",
                starts_at=local,
                ends_at=local + timedelta(minutes=90),
                signup_capacity=30 if kind == "workshop" else None,
            )
            SessionPerson.objects.create(session=session, speaker=speakers[(n + slot) % 4])
            SessionPerson.objects.create(
                session=session, speaker=speakers[(n + slot + 1) % 4], role="chair"
            )
            if committees:
                session.organisers.add(committees[(n + slot) % len(committees)])
            if mode != "offline":
                SessionAccess.objects.create(
                    session=session,
                    url=f"https://meet.example.org/demo-{session.pk}",
                    platform="Meeting",
                    passcode="museum",
                )
    now = timezone.now()
    window = {"sale_starts_at": now - timedelta(days=1), "sale_ends_at": now + timedelta(days=59)}
    for order, (name, access, price, capacity, requirement) in enumerate(
        [
            ("Full conference, on site", Access.ONSITE, "450", 2000, ""),
            ("Online only", Access.ONLINE, "90", 5000, ""),
            ("Member rate, on site", Access.ONSITE, "350", 1000, Requirement.MEMBER),
            ("Student, online", Access.ONLINE, "20", 500, Requirement.STUDENT),
            ("Student, on site", Access.ONSITE, "120", 200, Requirement.STUDENT),
        ]
    ):
        TicketCategory.objects.create(
            conference=conference,
            name=name,
            access=access,
            price=Decimal(price),
            early_price=Decimal(price) * Decimal("0.8"),
            early_until=now + timedelta(days=20),
            capacity=capacity,
            requirement=requirement,
            order=order,
            **window,
        )
    for n, day in enumerate(days[1:3]):
        TicketCategory.objects.create(
            conference=conference,
            name=f"Day pass, {day.date.day} {day.date:%B}",
            access=Access.ONSITE_ONLY,
            day=day,
            price=Decimal("120"),
            capacity=300,
            order=9 + n,
            **window,
        )
    DiscountCode.objects.create(
        conference=conference,
        code="DELEGATE-DEMO",
        kind="percent",
        value=Decimal("25"),
        max_uses=20,
        valid_from=now - timedelta(days=1),
        valid_until=now + timedelta(days=59),
        issued_to=committees[0] if committees else None,
    )
    return conference
