"""Tables and charts as files: CSV and XLSX of every table, SVG and PNG of every chart."""

import csv
import io
from dataclasses import dataclass

from django.http import HttpResponse
from django.utils.formats import number_format

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Table:
    slug: str
    caption: str
    headers: list[str]
    rows: list[list]  # numbers stay numbers; text is plain text

    @property
    def display_rows(self) -> list[list[tuple[str, bool]]]:
        """Each cell as (text, is a number), numbers grouped the reader's way."""
        return [
            [
                (number_format(cell, force_grouping=True), True)
                if isinstance(cell, int)
                else (cell, False)
                for cell in row
            ]
            for row in self.rows
        ]


def _safe(value):
    """Text that a spreadsheet would run as a formula is written as text ('=…)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _attachment(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(table: Table, filename: str) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(table.headers)
    writer.writerows([_safe(cell) for cell in row] for row in table.rows)
    # A byte order mark, so spreadsheet programs read the UTF-8 names right.
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    return _attachment(response, filename)


def xlsx_response(table: Table, filename: str) -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=table.slug[:31])
    bold = Font(bold=True)
    header = []
    for text in table.headers:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in table.rows:
        sheet.append([_safe(cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    return _attachment(response, filename)


def svg_response(svg: str, filename: str) -> HttpResponse:
    response = HttpResponse(
        '<?xml version="1.0" encoding="UTF-8"?>\n' + svg, content_type="image/svg+xml"
    )
    return _attachment(response, filename)


def png_bytes(svg: str) -> bytes:
    """The chart drawn by resvg (a self-contained wheel: no system library), at twice the size
    for sharp text; labels use the system's fonts."""
    import resvg_py

    return bytes(resvg_py.svg_to_bytes(svg_string=svg, background="#ffffff", zoom=2))


def png_response(svg: str, filename: str) -> HttpResponse:
    return _attachment(HttpResponse(png_bytes(svg), content_type="image/png"), filename)
