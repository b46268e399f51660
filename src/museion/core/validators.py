"""Validators for the shared codes: countries (ISO 3166-1), languages (BCP 47), timezones (IANA)."""

import re
from functools import cache
from zoneinfo import available_timezones

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

_SCRIPT_VARIANTS = {"zh-hans", "zh-hant", "pt-br", "es-mx", "sr-latn"}
_BCP47 = re.compile(r"^[a-z]{2,3}(-[A-Za-z]{4})?(-([A-Z]{2}|[0-9]{3}))?$")


@cache
def timezone_names() -> frozenset[str]:
    return frozenset(available_timezones())


def validate_timezone(value: str) -> None:
    if value not in timezone_names():
        raise ValidationError(
            _("“%(value)s” is not a known IANA timezone, such as Europe/Paris."),
            code="timezone",
            params={"value": value},
        )


def validate_country(value: str) -> None:
    if value not in countries:
        raise ValidationError(
            _("“%(value)s” is not an ISO 3166-1 country code, such as FR."),
            code="country",
            params={"value": value},
        )


def validate_language(value: str) -> None:
    code = (value or "").lower()
    if not _BCP47.match(value or "") or (
        code not in LANG_INFO and code.split("-")[0] not in LANG_INFO
    ):
        raise ValidationError(
            _("“%(value)s” is not a known language code, such as fr or pt-BR."),
            code="language",
            params={"value": value},
        )


def validate_latitude(value: float) -> None:
    if value is not None and not -90 <= value <= 90:
        raise ValidationError(_("Latitude must be between -90 and 90."), code="latitude")


def validate_longitude(value: float) -> None:
    if value is not None and not -180 <= value <= 180:
        raise ValidationError(_("Longitude must be between -180 and 180."), code="longitude")


def canonical_language(code: str) -> str:
    """BCP 47 in its usual case: "pt-br" → "pt-BR", "zh-hans" → "zh-Hans"."""
    parts = (code or "").strip().replace("_", "-").split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif len(part) == 2 and part.isalpha():
            out.append(part.upper())
        else:
            out.append(part)
    return "-".join(out)


def country_choices() -> list[tuple[str, str]]:
    """ISO 3166-1 countries named in the active language and sorted, built once per language
    and process (naming and sorting 250 countries took most of a cached map answer's time)."""
    language = get_language() or settings.LANGUAGE_CODE
    found = _country_choices.get(language)
    if found is None:
        found = _country_choices[language] = [(code, str(name)) for code, name in countries]
    return found


_country_choices: dict[str, list[tuple[str, str]]] = {}


@cache
def language_choices() -> list[tuple[str, str]]:
    """Languages users can write content in: the BCP 47 primary tags Django knows (named in
    their own language, so built once per process). Do not change the list returned."""
    return sorted(
        (
            (canonical_language(code), info["name_local"])
            for code, info in LANG_INFO.items()
            if "name" in info and ("-" not in code or code in _SCRIPT_VARIANTS)
        ),
        key=lambda item: item[1].lower(),
    )
