"""The Red Lists demo behind `make run` (`manage.py load_redlists_demo`).

Two sample lists written for the demo, each with a translation, published, with two
placeholder pictures per type drawn with Pillow: a distinct shape, texture and palette per
picture, so the photo look-up has something to tell apart. Idempotent: a list whose slug is
already there is left alone.
"""

import random
from io import BytesIO
from math import cos, radians, sin

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFilter

from museion.network.models import Museum
from museion.redlists.models import (
    Authority,
    Category,
    LegalInstrument,
    LegalKind,
    ListStatus,
    Measurement,
    ObjectImage,
    ObjectType,
    RedList,
)
from museion.redlists.pdf import store_red_list_pdf
from museion.redlists.pictures import process_object_image

from .redlists_content import CONVENTIONS, LISTS

SIZE = 640
PALETTES = [
    ((176, 92, 52), (236, 214, 180)),
    ((54, 84, 122), (214, 226, 240)),
    ((70, 112, 60), (226, 236, 206)),
    ((120, 50, 96), (240, 216, 232)),
    ((150, 120, 30), (250, 240, 200)),
    ((40, 40, 40), (230, 230, 230)),
    ((160, 40, 40), (250, 220, 210)),
    ((30, 110, 120), (205, 240, 240)),
]


def _texture(draw: ImageDraw.ImageDraw, kind: int, colour, rng: random.Random) -> None:
    """A background of its own for each seed: pattern spacing, phase and marks all vary, so
    two pictures never share a stretch of identical background (the photo look-up would
    rightly see the same picture in both)."""
    step = rng.randint(22, 46)
    phase = rng.randrange(step)
    if kind == 0:  # diagonal stripes
        slope = rng.choice([-1, 1]) * rng.uniform(0.6, 1.6)
        for x in range(-2 * SIZE + phase, 2 * SIZE, step):
            draw.line([(x, 0), (x + slope * SIZE, SIZE)], fill=colour, width=rng.randint(4, 8))
    elif kind == 1:  # dots
        for y in range(phase, SIZE, step):
            for x in range(phase + (y // step % 2) * step // 2, SIZE, step):
                r = rng.randint(4, 8)
                draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)
    elif kind == 2:  # checker
        cell = step + 20
        for y in range(-phase, SIZE, cell):
            for x in range(-phase, SIZE, cell):
                if (x // cell + y // cell) % 2:
                    draw.rectangle([x, y, x + cell - 1, y + cell - 1], fill=colour)
    strokes = 220 if kind == 3 else 60  # scattered strokes, on every background
    for _ in range(strokes):
        x, y = rng.randrange(SIZE), rng.randrange(SIZE)
        draw.line(
            [(x, y), (x + rng.randint(-30, 30), y + rng.randint(-30, 30))], fill=colour, width=3
        )


def _shape(draw: ImageDraw.ImageDraw, kind: int, colour, rng: random.Random) -> None:
    centre, radius = SIZE // 2 + rng.randint(-40, 40), rng.randint(150, 230)
    box = [centre - radius, centre - radius, centre + radius, centre + radius]
    if kind == 0:
        draw.ellipse(box, fill=colour)
    elif kind == 1:
        draw.regular_polygon(
            (centre, centre, radius),
            n_sides=3 + rng.randint(0, 5),
            rotation=rng.randint(0, 90),
            fill=colour,
        )
    elif kind == 2:
        for step in range(5):
            r = radius - step * 36
            draw.ellipse([centre - r, centre - r, centre + r, centre + r], outline=colour, width=16)
    elif kind == 3:
        points = []
        for i in range(10):
            r = radius if i % 2 == 0 else radius // 2
            angle = i * 36 + rng.randint(0, 8)
            points.append((centre + r * cos(radians(angle)), centre + r * sin(radians(angle))))
        draw.polygon(points, fill=colour)
    else:
        draw.rounded_rectangle([box[0], box[1] + 60, box[2], box[3] - 60], radius=40, fill=colour)
        draw.rectangle([centre - 20, box[1], centre + 20, box[3]], fill=colour)


def placeholder_picture(seed: int) -> Image.Image:
    """A distinct drawn picture for `seed`: background texture, a main shape and a detail."""
    rng = random.Random(seed)
    dark, light = PALETTES[seed % len(PALETTES)]
    picture = Image.new("RGB", (SIZE, SIZE), light)
    draw = ImageDraw.Draw(picture)
    mid = tuple((a + b) // 2 for a, b in zip(dark, light, strict=True))
    _texture(draw, seed % 4, mid, rng)
    _shape(draw, (seed // 4) % 5, dark, rng)
    x, y = rng.randint(60, SIZE - 120), rng.randint(60, SIZE - 120)
    draw.rectangle([x, y, x + 50, y + 50], fill=light, outline=dark, width=5)
    return picture.filter(ImageFilter.SMOOTH)


def _save_picture(image: ObjectImage, seed: int, name: str) -> None:
    """Through the same processing as an upload: renditions and hashes for the look-up."""
    out = BytesIO()
    placeholder_picture(seed).save(out, format="JPEG", quality=90)
    image.image = SimpleUploadedFile(f"{name}.jpg", out.getvalue(), content_type="image/jpeg")
    process_object_image(image=image)


def _original_list(spec: dict, museum: Museum | None, editor) -> RedList:
    red_list = RedList.objects.create(
        slug=spec["slug"],
        language=spec["language"],
        title=spec["title"],
        region=spec["region"],
        countries=spec["countries"],
        partners=spec["partners"],
        introduction=spec["introduction"],
        legal_notes=spec["legal_notes"],
        published_on=timezone.localdate(),
        status=ListStatus.PUBLISHED,
        version=1,
    )
    if editor is not None:
        red_list.editors.add(editor)
    for position, (title, year) in enumerate(CONVENTIONS, start=1):
        LegalInstrument.objects.create(
            red_list=red_list, kind=LegalKind.CONVENTION, title=title, year=year, position=position
        )
    for country, name, email in spec["authorities"]:
        Authority.objects.create(red_list=red_list, country=country, name=name, email=email)
    seed = sum(map(ord, spec["slug"])) * 10
    for c_number, (c_title, c_text, types) in enumerate(spec["categories"], start=1):
        category = Category.objects.create(
            red_list=red_list, position=c_number, title=c_title, description=c_text
        )
        for t_number, (t_title, fields, sizes) in enumerate(types, start=1):
            object_type = ObjectType.objects.create(
                category=category, position=t_number, title=t_title, **fields
            )
            for dimension, low, high, unit in sizes:
                Measurement.objects.create(
                    object_type=object_type,
                    dimension=dimension,
                    minimum=low,
                    maximum=high,
                    unit=unit,
                )
            for number in (1, 2):
                seed += 1
                image = ObjectImage(
                    object_type=object_type,
                    position=number,
                    caption_object=f"{t_title}, {fields['materials'].lower()}",
                    caption_place=fields.get("place_of_origin", ""),
                    caption_date=f"{fields['period_start']}–{fields['period_end']}",
                    caption_size=f"{sizes[0][1]}–{sizes[0][2]} {sizes[0][3]}",
                    credit=f"© {museum.name}" if museum else "© Museion demo",
                    licence="CC BY 4.0",
                    alt_text=f"Placeholder drawing standing for a {t_title.lower()} ({number})",
                    reference_number=f"DEMO-{seed}",
                    reference_museum=museum,
                )
                _save_picture(image, seed, f"{spec['slug']}-{c_number}-{t_number}-{number}")
    return red_list


def _translation(original: RedList, spec: dict) -> RedList:
    copy = RedList.objects.create(
        original=original,
        slug=spec["slug"],
        language=spec["language"],
        title=spec["title"],
        region=spec["region"],
        countries=original.countries,
        partners=original.partners,
        introduction=spec["introduction"],
        legal_notes=spec["legal_notes"],
        published_on=original.published_on,
        status=ListStatus.PUBLISHED,
        version=1,
    )
    for item in original.legal_instruments.all():
        LegalInstrument.objects.create(
            red_list=copy, kind=item.kind, title=item.title, year=item.year, position=item.position
        )
    for item in original.authorities.all():
        Authority.objects.create(
            red_list=copy, country=item.country, name=item.name, email=item.email
        )
    titles = iter(spec["types"])
    for category, (c_title, c_text) in zip(
        original.categories.order_by("position"), spec["categories"], strict=True
    ):
        new_category = Category.objects.create(
            red_list=copy,
            original=category,
            position=category.position,
            title=c_title,
            description=c_text,
        )
        for object_type in category.object_types.order_by("position"):
            t_title, t_text = next(titles)
            new_type = ObjectType.objects.create(
                category=new_category,
                original=object_type,
                position=object_type.position,
                title=t_title,
                description=t_text,
                **{
                    name: getattr(object_type, name)
                    for name in (
                        "object_name",
                        "object_subtype",
                        "materials",
                        "techniques",
                        "period_start",
                        "period_end",
                        "period_name",
                        "place_of_origin",
                        "culture",
                        "inscriptions",
                    )
                },
            )
            for m in object_type.measurements.all():
                Measurement.objects.create(
                    object_type=new_type,
                    dimension=m.dimension,
                    minimum=m.minimum,
                    maximum=m.maximum,
                    unit=m.unit,
                )
    return copy


def _link_similar_types() -> None:
    """Cross-reference the two lists' bronze types (idempotent: M2M add)."""
    bracelet = ObjectType.objects.filter(
        category__red_list__slug="sahel-demo", position=2, category__position=1
    ).first()
    knife = ObjectType.objects.filter(
        category__red_list__slug="andes-demo", position=2, category__position=3
    ).first()
    if bracelet and knife:
        bracelet.cross_references.add(knife)


def load_redlists_demo() -> str:
    museum = Museum.objects.order_by("pk").first()
    editor = get_user_model().objects.filter(username="editor").first()
    created = []
    for spec, translations in LISTS:
        with transaction.atomic():
            original = RedList.objects.filter(slug=spec["slug"]).first()
            if original is None:
                original = _original_list(spec, museum, editor)
                created.append(original)
            for translation in translations:
                if not RedList.objects.filter(slug=translation["slug"]).exists():
                    created.append(_translation(original, translation))
    _link_similar_types()
    for red_list in created:
        store_red_list_pdf(red_list.pk)
    if not created:
        return "The Red Lists demo is already there."
    return f"Red Lists demo loaded: {len(created)} lists ({', '.join(r.slug for r in created)})."
