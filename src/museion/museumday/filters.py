"""The public search over activities, shared by the list, map, iCal feed, embed and API."""

import hashlib

from django import forms
from django.db.models import F, FloatField, Q, QuerySet
from django.db.models.functions import ACos, Cos, Greatest, Least, Radians, Sin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from museion.core import versions
from museion.core.geo import EARTH_RADIUS_KM, BBox
from museion.core.models import AttendanceMode
from museion.core.search import search_filter
from museion.core.validators import country_choices, language_choices
from museion.network.places import city_point

from .models import Category, Edition
from .widgets import ChoicesPerLanguage, FastChoiceField, FastSelect

SEARCH_FIELDS = ["title", "description", "translations_text"]
FILTER_KEYS = [
    "edition",
    "country",
    "date_from",
    "date_to",
    "when",
    "category",
    "mode",
    "language",
    "lat",
    "lng",
    "radius",
    "q",
    "near",
]


def edition_ids() -> dict[int, int]:
    """{year: edition id}, kept until Museum Day's content changes."""
    return versions.cached(
        ("museumday",),
        "museumday:edition-ids",
        lambda: dict(Edition.objects.values_list("year", "id")),
        None,
    )


NEAR_DEFAULT_KM = 25
DECIMAL = forms.TextInput(attrs={"inputmode": "decimal"})


def bbox_filter(queryset: QuerySet, box: BBox) -> QuerySet:
    queryset = queryset.filter(latitude__gte=box.south, latitude__lte=box.north)
    if box.crosses_antimeridian:
        return queryset.filter(Q(longitude__gte=box.west) | Q(longitude__lte=box.east))
    return queryset.filter(longitude__gte=box.west, longitude__lte=box.east)


class ActivitySearchForm(forms.Form):
    """Every filter is optional; an unknown value is an error, never silently ignored."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    # Text inputs (with a numeric keyboard): a wrong value typed or linked is shown back as it
    # was, which a number input cannot hold in valid HTML.
    edition = forms.IntegerField(
        label=_("Edition (year)"),
        required=False,
        min_value=1977,
        max_value=2100,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    country = FastChoiceField(
        label=_("Country"),
        required=False,
        widget=FastSelect,
        choices=ChoicesPerLanguage(lambda: [("", _("All countries")), *country_choices()]),
    )
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    when = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[("", _("Any time")), ("upcoming", _("Upcoming")), ("past", _("Past"))],
    )
    category = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("Any type")), *Category.choices]
    )
    mode = forms.ChoiceField(
        label=_("Attendance"),
        required=False,
        choices=[("", _("On site or online")), *AttendanceMode.choices],
    )
    language = FastChoiceField(
        label=_("Language"),
        required=False,
        widget=FastSelect,
        choices=ChoicesPerLanguage(lambda: [("", _("Any language")), *language_choices()]),
    )
    lat = forms.FloatField(
        label=_("Latitude"), required=False, min_value=-90, max_value=90, widget=DECIMAL
    )
    lng = forms.FloatField(
        label=_("Longitude"), required=False, min_value=-180, max_value=180, widget=DECIMAL
    )
    near = forms.CharField(
        label=_("Near (a city)"),
        required=False,
        max_length=120,
        help_text=_("A city with a museum, e.g. Paris, Ishøj or Ciudad de México."),
    )
    radius = forms.FloatField(
        label=_("Within (km)"), required=False, min_value=0.1, max_value=20000, widget=DECIMAL
    )

    def clean(self):
        data = super().clean()
        place = (data.get("near") or "").strip()
        if place and data.get("lat") is None and data.get("lng") is None:
            point = city_point(place)
            if point is None:
                raise forms.ValidationError(
                    _("No museum city is called “%(place)s”: try the nearest city with a museum.")
                    % {"place": place}
                )
            data["lat"], data["lng"] = point
            if data.get("radius") is None:
                data["radius"] = NEAR_DEFAULT_KM
        near = [data.get(k) for k in ("lat", "lng", "radius")]
        if any(v is not None for v in near) and not all(v is not None for v in near):
            raise forms.ValidationError(
                _("To search near a point, give latitude, longitude and radius together.")
            )
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise forms.ValidationError(_("The start of the date range is after its end."))
        return data

    def active_filters(self) -> dict[str, str]:
        """The filters in force, as query-string values (for feeds, embeds and links)."""
        return {
            key: self.data[key]
            for key in FILTER_KEYS
            if self.data.get(key) not in (None, "") and key in self.cleaned_data
        }

    def summary(self) -> list[str]:
        """The filters in force as people read them ("Country: France"), for the folded panel."""
        if not self.is_bound or self.errors:
            return []
        shown = []
        for key in FILTER_KEYS:
            if key in ("lat", "lng") and self.cleaned_data.get("near"):
                continue  # found from the city's name
            value = self.cleaned_data.get(key)
            if value in (None, ""):
                continue
            field = self.fields[key]
            choices = dict(getattr(field, "choices", []) or [])
            text = choices.get(value, value) if choices else value
            shown.append(f"{field.label}: {text}")
        return shown

    def cache_key(self) -> str:
        """The filters in force, normalised, as a short key for cached answers."""
        data = sorted((k, str(v)) for k, v in self.cleaned_data.items() if v not in (None, ""))
        return hashlib.sha256(repr(data).encode()).hexdigest()[:32]

    def filter(self, queryset: QuerySet) -> QuerySet:
        data = self.cleaned_data
        if data.get("edition"):
            # By id, not through a join on the year (nor a subquery): the planner then walks the
            # (status, edition, starts_at) index instead of every published activity in date
            # order (0.9 s for a coming edition at 100,000 activities on PostgreSQL).
            queryset = queryset.filter(edition_id=edition_ids().get(data["edition"], 0))
        if data.get("country"):
            queryset = queryset.filter(country=data["country"])
        if data.get("date_from"):
            queryset = queryset.filter(local_date__gte=data["date_from"])
        if data.get("date_to"):
            queryset = queryset.filter(local_date__lte=data["date_to"])
        if data.get("when") == "upcoming":
            queryset = queryset.filter(ends_at__gte=timezone.now())
        elif data.get("when") == "past":
            queryset = queryset.filter(ends_at__lt=timezone.now())
        if data.get("category"):
            queryset = queryset.filter(category=data["category"])
        if data.get("mode"):
            queryset = queryset.filter(attendance_mode=data["mode"])
        if data.get("language"):
            queryset = queryset.filter(language=data["language"])
        if data.get("radius") is not None:
            queryset = near(queryset, data["lat"], data["lng"], data["radius"])
        if data.get("q"):
            queryset = search_filter(queryset, SEARCH_FIELDS, data["q"])
        return queryset


def near(queryset: QuerySet, lat: float, lng: float, radius_km: float) -> QuerySet:
    """Activities within `radius_km` of a point: a bounding-box prefilter, then great-circle."""
    queryset = bbox_filter(queryset, BBox.around(lat, lng, radius_km))
    cos_angle = Cos(Radians(lat)) * Cos(Radians(F("latitude"))) * Cos(
        Radians(F("longitude")) - Radians(lng)
    ) + Sin(Radians(lat)) * Sin(Radians(F("latitude")))
    # Rounding can push the cosine just past ±1, where acos() fails on PostgreSQL.
    clamped = Greatest(Least(cos_angle, 1.0, output_field=FloatField()), -1.0)
    distance = ACos(clamped) * EARTH_RADIUS_KM
    return queryset.alias(distance_km=distance).filter(distance_km__lte=radius_km)
