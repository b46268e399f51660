"""The PDF of a whole published list, as officers carry it: written once per published version.

fpdf2 (pure Python) with the DejaVu fonts shipped in ./fonts, so nothing comes from the system.
"""

from io import BytesIO
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from fpdf import FPDF
from PIL import Image

from . import display
from .models import RedList

FONTS = Path(__file__).parent / "fonts"
FAMILY = "DejaVu"


class ListDocument(FPDF):
    def __init__(self, title: str):
        super().__init__(format="A4")
        self.list_title = title
        self.add_font(FAMILY, "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font(FAMILY, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_auto_page_break(auto=True, margin=18)
        self.set_margins(18, 18, 18)
        self.set_title(title)
        self.set_creator("Museion")

    def footer(self):
        self.set_y(-12)
        self.set_font(FAMILY, "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 6, f"{self.list_title} · {self.page_no()}", align="C")
        self.set_text_color(0, 0, 0)

    def heading(self, text: str, size: int = 14):
        self.set_font(FAMILY, "B", size)
        self.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def paragraph(self, text: str, size: int = 10):
        if not text:
            return
        self.set_font(FAMILY, "", size)
        self.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def labelled(self, label: str, value: str):
        if not value:
            return
        self.set_font(FAMILY, "B", 9)
        self.write(4.5, f"{label}: ")
        self.set_font(FAMILY, "", 9)
        self.write(4.5, value)
        self.ln(5.5)


def _picture(path: str, max_side: int = 500) -> BytesIO | None:
    try:
        with Image.open(path) as picture:
            picture = picture.convert("RGB")
            picture.thumbnail((max_side, max_side))
            out = BytesIO()
            picture.save(out, format="JPEG", quality=80)
            out.seek(0)
            return out
    except (OSError, ValueError):
        return None


def render_red_list_pdf(red_list: RedList) -> bytes:
    """Every category and type of the list, in order, with its pictures and captions."""
    with translation.override(red_list.language.split("-")[0]):
        document = ListDocument(red_list.title)
        document.add_page()
        document.heading(red_list.title, 20)
        document.paragraph(red_list.region, 12)
        if red_list.published_on:
            document.paragraph(
                _("Published on %(date)s, version %(version)d")
                % {"date": date_format(red_list.published_on), "version": red_list.version},
                9,
            )
        document.paragraph(red_list.introduction)
        categories = display.categories_with_types(red_list)
        for category in categories:
            document.add_page()
            document.heading(f"{category.position}. {category.title}", 16)
            document.paragraph(category.description)
            for object_type in category.object_types.all():
                _write_type(document, category, object_type)
        document.add_page()
        document.heading(_("Whom to alert"), 14)
        for authority in red_list.authorities.all():
            document.labelled(authority.country.name, authority.name)
            document.paragraph(
                " · ".join(
                    p
                    for p in (
                        authority.address,
                        authority.email,
                        authority.phone,
                        authority.website,
                    )
                    if p
                ),
                9,
            )
        instruments = list(red_list.legal_instruments.all())
        if instruments:
            document.heading(_("Conventions and laws"), 12)
            for item in instruments:
                document.paragraph(f"{item.title}{f' ({item.year})' if item.year else ''}", 9)
        document.paragraph(red_list.legal_notes, 9)
        return bytes(document.output())


def _write_type(document: ListDocument, category, object_type) -> None:
    if document.get_y() > 200:
        document.add_page()
    document.heading(f"{category.position}.{object_type.position} {object_type.title}", 12)
    x = document.l_margin
    pictures = [p for p in object_type.pictures[:3] if p.image]
    if pictures:
        top = document.get_y()
        for picture in pictures:
            data = _picture(picture.image.path)
            if data is not None:
                document.image(data, x=x, y=top, h=38)
                x += 58
        document.set_y(top + 40)
        document.paragraph(" / ".join(p.caption for p in pictures), 7)
    for label, value in display.type_facts(object_type):
        document.labelled(label, value)
    document.paragraph(object_type.description, 9)
    document.ln(3)


@transaction.atomic
def store_red_list_pdf(red_list_id: int) -> bool:
    """Write the PDF of the list's current published version unless it is already there."""
    red_list = RedList.objects.select_for_update().filter(pk=red_list_id).first()
    if red_list is None or red_list.version == 0 or red_list.pdf_version == red_list.version:
        return False
    content = render_red_list_pdf(red_list)
    old = red_list.pdf.name
    red_list.pdf.save(f"{red_list.slug}-v{red_list.version}.pdf", ContentFile(content), save=False)
    red_list.pdf_version = red_list.version
    red_list.save(update_fields=["pdf", "pdf_version"])
    if old and old != red_list.pdf.name:
        transaction.on_commit(lambda: red_list.pdf.storage.delete(old))
    return True
