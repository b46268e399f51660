"""Red Lists built through plain model calls, pictures drawn in memory (tests and benches)."""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from museion.redlists.models import (
    Category,
    ListStatus,
    Measurement,
    ObjectImage,
    ObjectType,
    RedList,
)


def picture_bytes(colour=(200, 30, 30), size=(64, 64), fmt="PNG") -> bytes:
    out = BytesIO()
    Image.new("RGB", size, colour).save(out, format=fmt)
    return out.getvalue()


def upload(name="photo.png", colour=(200, 30, 30), fmt="PNG") -> SimpleUploadedFile:
    content_type = "image/png" if fmt == "PNG" else "image/jpeg"
    return SimpleUploadedFile(name, picture_bytes(colour, fmt=fmt), content_type=content_type)


def make_list(
    slug="west-africa",
    *,
    language="en",
    status=ListStatus.PUBLISHED,
    countries=("ML", "NE"),
    categories=(("Archaeology", ("Terracotta figurine", "Bronze bracelet")),),
    original=None,
    pictures=True,
    version=None,
) -> RedList:
    red_list = RedList.objects.create(
        slug=slug,
        language=language,
        title=f"Red List {slug}",
        region="Region",
        countries=list(countries),
        status=status,
        version=version if version is not None else (1 if status != ListStatus.DRAFT else 0),
        original=original,
    )
    for c_number, (c_title, types) in enumerate(categories, start=1):
        category = Category.objects.create(red_list=red_list, position=c_number, title=c_title)
        for t_number, t_title in enumerate(types, start=1):
            object_type = ObjectType.objects.create(
                category=category,
                position=t_number,
                title=t_title,
                materials="Bronze" if "ronze" in t_title else "Terracotta",
                period_start=-300,
                period_end=200,
            )
            Measurement.objects.create(
                object_type=object_type, dimension="height", minimum=10, maximum=20, unit="cm"
            )
            if pictures:
                for number in (1, 2):
                    ObjectImage.objects.create(
                        object_type=object_type,
                        position=number,
                        image=upload(f"{slug}-{c_number}-{t_number}-{number}.png"),
                        caption_object=f"{t_title}, picture {number}",
                        credit="© Test museum",
                        alt_text=f"{t_title} seen from the front",
                    )
    return red_list
