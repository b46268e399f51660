"""One registry row → Museum field values, tidied (upper-case names, websites without a
scheme, zip codes without their leading zero), or the reasons the row cannot be imported."""

import hashlib
import math
import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from django_countries import countries

from museion.core.geo import timezone_for
from museion.core.validators import canonical_language, validate_language

from .importer_mapping import Mapping, squeeze_key
from .importer_sources import POINT_COLUMNS
from .models import Museum, MuseumKind

# Kept upper-case by title_case(), as are words without a vowel (NHS, CCC, NW) except the
# abbreviations below, which are ordinary words (St, Rd, Blvd).
# fmt: off
ACRONYMS = frozenset({
    "USA", "US", "USS", "NASA", "YMCA", "YWCA", "UFO", "DAR", "GAR", "WPA", "PO", "MCA",
    "WWI", "WWII", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII",
})
ABBREVIATIONS = frozenset({
    "ST", "DR", "MT", "JR", "SR", "FT", "RD", "CT", "LN", "PL", "BLVD", "BLDG", "RT", "SQ",
    "MTN", "CTR", "CNTR", "JCT", "TRL", "HTS", "PT", "SGT", "LTD", "HWY", "PKWY", "TPK", "MR",
    "MRS", "MS", "DRS", "SPGS", "SPRGS", "FLS", "RM", "PRK", "TR",
})
SMALL_WORDS = frozenset({
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the",
    "to", "with",
})
# fmt: on
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+[^\W\d_]*", re.UNICODE)
_INITIALS = re.compile(r"(?:[^\W\d_]\.){2,}")
_ORDINAL = re.compile(r"(\d+)(ST|ND|RD|TH)", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_url_validator = URLValidator(schemes=["http", "https"])
_WKT_POINT = re.compile(r"^\s*POINT\s*Z?\s*\(\s*(\S+)\s+(\S+)(?:\s+\S+)?\s*\)\s*$", re.IGNORECASE)
LOST_CHARACTER = "\ufffd"


def squeeze(value: str) -> str:
    """One space between words, none around: registries pad and wrap their cells."""
    return " ".join(value.split())


def mostly_upper_case(value: str) -> bool:
    letters = [char for char in value if char.isalpha()]
    return bool(letters) and sum(char.isupper() for char in letters) * 2 > len(letters)


def _title_word(word: str, first: bool, last: bool) -> str:
    upper = word.upper()
    if upper in ACRONYMS or (
        upper.isalpha() and not re.search("[AEIOUY]", upper) and upper not in ABBREVIATIONS
    ):
        return upper
    if match := _ORDINAL.fullmatch(word):
        return match.group(1) + match.group(2).lower()
    if word[0].isdigit():
        return word
    lower = word.lower()
    # "Company A", "Suite A, …": a lone A that ends a phrase is a letter, not an article.
    if lower in SMALL_WORDS and not first and not (lower == "a" and last):
        return lower
    titled = lower[0].upper() + lower[1:]
    if re.match(r"^Mc[^\W\d_]{2}", titled):
        titled = "Mc" + titled[2].upper() + titled[3:]
    if re.match(r"^[OD]['’][^\W\d_]", titled):
        titled = titled[:2] + titled[2].upper() + titled[3:]
    return titled


def title_case(value: str) -> str:
    """ALASKA MUSEUM OF THE NORTH → Alaska Museum of the North; mixed case is left alone."""
    if not mostly_upper_case(value):
        return value
    initials = [match.span() for match in _INITIALS.finditer(value)]
    parts: list[str] = []
    position = 0
    for index, match in enumerate(_WORD.finditer(value)):
        start, end = match.span()
        parts.append(value[position:start])
        if any(left <= start < right for left, right in initials):
            parts.append(match.group())
        else:
            last = not re.match(r" +[^\W\d_]", value[end:])
            parts.append(_title_word(match.group(), index == 0, last))
        position = end
    parts.append(value[position:])
    return "".join(parts)


def capitalise_first(value: str) -> str:
    """musée de la Poupée → Musée de la Poupée (only the first letter changes)."""
    for index, char in enumerate(value):
        if char.isalpha():
            return value[:index] + char.upper() + value[index + 1 :]
    return value


def website_url(value: str) -> str | None:
    """An http(s) URL, or None when the cell cannot be one. Empty stays empty."""
    value = re.sub(r"[\r\n]+", "", value).strip()  # a URL has no line break: cell wrapping
    if not value:
        return ""
    if not _SCHEME.match(value):
        value = "https://" + value.lstrip("/")
    try:
        _url_validator(value)
    except ValidationError:
        return None
    return value


def pad_digits(value: str, width: int | None) -> str:
    """Zip codes that lost their leading zero in a spreadsheet: 6516 → 06516."""
    if width and value.isdigit() and len(value) < width:
        return value.zfill(width)
    return value


def _coordinate(raw: str, label: str, limit: int, reasons: list[str]) -> float | None:
    if not raw:
        return None
    try:
        value = float(raw.replace(",", ".") if "." not in raw else raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        reasons.append(_("%(label)s “%(raw)s” is not a number.") % {"label": label, "raw": raw})
        return None
    if not -limit <= value <= limit:
        reasons.append(
            _("%(label)s %(raw)s is out of range (−%(limit)d to %(limit)d).")
            % {"label": label, "raw": raw, "limit": limit}
        )
        return None
    return value


class RowChecker:
    """Turns one CSV record into Museum field values, or into the reasons it cannot be one."""

    def __init__(self, mapping: Mapping, index: dict[str, int]):
        self.mapping = mapping
        self.index = index
        self.lengths = {
            name: Museum._meta.get_field(name).max_length
            for name in ("name", "address", "city", "postcode", "website")
        }
        self.labels = (_("latitude"), _("longitude"))
        self.source_columns = mapping.source_columns()

    def cell(self, row: list[str], field_name: str) -> str:
        if field_name in self.mapping.extract:
            column, pattern = self.mapping.extract[field_name]
            match = pattern.search(squeeze(row[self.index[column]]))
            if match is None:
                return ""
            return squeeze(match.group(1) if pattern.groups else match.group(0))
        columns = self.mapping.columns.get(field_name, ())
        parts = [squeeze(row[self.index[column]]) for column in columns]
        return ", ".join(part for part in parts if part)

    def raw_coordinates(self, row: list[str], reasons: list[str]) -> tuple[str, str]:
        """(latitude, longitude) as written: two columns, one combined column, or a point."""
        mapping = self.mapping
        if mapping.coordinates_column:
            value = squeeze(row[self.index[mapping.coordinates_column]])
            if not value:
                return "", ""
            if match := _WKT_POINT.match(value):
                return match.group(2), match.group(1)
            parts = [part.strip() for part in re.split(r"[;,\s]\s*", value) if part.strip()]
            if len(parts) != 2:
                reasons.append(
                    _("the coordinates “%(value)s” are not two numbers.") % {"value": value}
                )
                return "", ""
            return tuple(parts) if mapping.coordinates_order == "latlon" else tuple(parts[::-1])
        if "latitude" in mapping.columns or POINT_COLUMNS[0] not in self.index:
            return self.cell(row, "latitude"), self.cell(row, "longitude")
        return tuple(squeeze(row[self.index[column]]) for column in POINT_COLUMNS)

    def languages(self, row: list[str], line: int, warnings: list[str]) -> list[str]:
        raw = self.cell(row, "languages")
        codes = []
        for part in raw.split(self.mapping.list_separator) if raw else ():
            code = canonical_language(part.strip())
            try:
                validate_language(code)
            except ValidationError:
                warnings.append(
                    _("line %(line)d: “%(code)s” is not a language code; left out.")
                    % {"line": line, "code": part.strip()}
                )
                continue
            codes.append(code)
        return list(dict.fromkeys(codes)) or list(self.mapping.languages)

    def external_id(self, row: list[str], reasons: list[str]) -> str:
        mapping = self.mapping
        if mapping.id_column:
            value = squeeze(row[self.index[mapping.id_column]])
            if not value:
                reasons.append(
                    _("the external id (column “%(column)s”) is missing.")
                    % {"column": mapping.id_column}
                )
        else:
            key = "\x1f".join(squeeze_key(row[self.index[c]]) for c in mapping.id_derive_from)
            value = hashlib.sha256(key.encode()).hexdigest()[:16]
        external_id = f"{mapping.id_prefix}:{value}"
        if len(external_id) > Museum._meta.get_field("external_id").max_length:
            reasons.append(_("the external id “%(id)s” is too long.") % {"id": external_id})
        return external_id

    def kind(self, raw: str, name: str, reasons: list[str]) -> str:
        mapping = self.mapping
        if raw:
            if kind := mapping.kind_values.get(squeeze_key(raw)):
                return kind
            if raw.lower() in MuseumKind.values and not mapping.kind_values:
                return raw.lower()
            if mapping.kind_default is None:
                reasons.append(
                    _("the kind “%(raw)s” is not in [kind.values] of the mapping.") % {"raw": raw}
                )
                return MuseumKind.GENERAL
        folded = name.casefold()
        for word, kind in mapping.kind_from_name:
            if word in folded:
                return kind
        return mapping.kind_default or MuseumKind.GENERAL

    def check(self, line: int, row: list[str]) -> tuple[dict, list[str], list[str]]:
        """(field values, reasons the row is bad, warnings about values left out)."""
        mapping = self.mapping
        reasons: list[str] = []
        warnings: list[str] = []
        for column in self.source_columns:
            if LOST_CHARACTER in row[self.index[column]]:
                reasons.append(
                    _(
                        "column “%(column)s” holds “%(value)s”: the “�” marks a character lost "
                        "before the file was published; write the right one."
                    )
                    % {"column": column, "value": squeeze(row[self.index[column]])}
                )
        values = {name: self.cell(row, name) for name in ("name", "address", "city", "postcode")}
        for name in ("name", "address", "city"):
            if name in mapping.title_case:
                values[name] = title_case(values[name])
            if name in mapping.capitalise_first:
                values[name] = capitalise_first(values[name])
        values["postcode"] = pad_digits(values["postcode"], mapping.postcode_digits)
        if not values["name"]:
            reasons.append(_("the name is missing."))
        for name, value in values.items():
            if len(value) > self.lengths[name]:
                reasons.append(
                    _("the %(field)s is longer than %(max)d characters.")
                    % {
                        "field": Museum._meta.get_field(name).verbose_name,
                        "max": self.lengths[name],
                    }
                )

        country = mapping.country or self.cell(row, "country").upper()
        if not country:
            reasons.append(_("the country is missing."))
        elif country not in countries:
            reasons.append(
                _("the country “%(code)s” is not an ISO 3166-1 code such as FR.")
                % {"code": country}
            )
        known = len(reasons)
        raw_latitude, raw_longitude = self.raw_coordinates(row, reasons)
        latitude = _coordinate(raw_latitude, self.labels[0], 90, reasons)
        longitude = _coordinate(raw_longitude, self.labels[1], 180, reasons)
        if (latitude is None) != (longitude is None) and len(reasons) == known:
            reasons.append(_("there is a latitude or a longitude, but not both."))
        if latitude == 0 and longitude == 0:
            reasons.append(_("the coordinates 0, 0 are a placeholder, not the museum's place."))

        raw_website = "".join(row[self.index[c]] for c in mapping.columns.get("website", ()))
        website = website_url(raw_website)
        if website is None or len(website) > self.lengths["website"]:
            warnings.append(
                _("line %(line)d: the website “%(raw)s” is not a URL; imported without it.")
                % {"line": line, "raw": squeeze(raw_website)}
            )
            website = ""

        values.update(
            external_id=self.external_id(row, reasons),
            kind=self.kind(self.cell(row, "kind"), values["name"], reasons),
            country=country,
            latitude=latitude,
            longitude=longitude,
            website=website,
            timezone=self.timezone(country, latitude, longitude, values["postcode"]),
            languages=self.languages(row, line, warnings),
        )
        return values, reasons, warnings

    def timezone(self, country: str, lat: float | None, lng: float | None, postcode: str) -> str:
        for prefix, zone in self.mapping.timezone_by_postcode_prefix.items():
            if postcode.startswith(prefix):
                return zone
        return timezone_for(country, lat, lng)
