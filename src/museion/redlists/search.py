"""Search across published Red Lists: full text plus filters, shared by the page and the API."""

import re

from django import forms
from django.db.models import F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from museion.core.search import search_filter

from .models import Category, ListStatus, ObjectImage, ObjectType, RedList

SEARCH_FIELDS = [
    "title",
    "object_name",
    "object_subtype",
    "materials",
    "techniques",
    "subject",
    "period_name",
    "place_of_origin",
    "culture",
    "maker",
    "inscriptions",
    "distinguishing_features",
    "description",
]
FILTER_KEYS = ["q", "country", "category", "material", "year_from", "year_to", "language", "list"]
PAGE_SIZE = 20
MAX_YEAR = 3000

_YEAR = re.compile(
    r"^\s*(?P<pre>ad|a\.?\s*d\.?)?\s*(?P<year>-?\d{1,4})\s*(?P<era>[a-zA-Z.\s-]*?)\s*$",
    re.IGNORECASE,
)
_BC = {
    "bc",
    "bce",
    "b.c.",
    "b.c.e.",
    "av. j.-c.",
    "av.j.-c.",
    "avant j.-c.",
    "a. c.",
    "a.c.",
    "a.c",
    "ac",
    "a. de c.",
    "a.n.e.",
    "ane",
}
_AD = {
    "",
    "ad",
    "a.d.",
    "ce",
    "c.e.",
    "apr. j.-c.",
    "apr.j.-c.",
    "ap. j.-c.",
    "d. c.",
    "d.c.",
    "dc",
    "d. de c.",
    "n.e.",
    "ne",
}


def parse_year(text: str) -> int:
    """A year as typed by people: "450 BC", "-450", "AD 300", "300", "300 av. J.-C." → integer,
    BC years negative. ValueError with a reader's message when it is not a year."""
    match = _YEAR.match(text or "")
    if not match:
        raise ValueError(_("Enter a year such as 450 BC, -450 or 300."))
    year = int(match["year"])
    era = " ".join(match["era"].lower().split())
    if era in _BC and not match["pre"]:
        if year <= 0:
            raise ValueError(_("Enter a year such as 450 BC, -450 or 300."))
        year = -year
    elif era not in _AD:
        raise ValueError(_("Enter a year such as 450 BC, -450 or 300."))
    if year == 0:
        raise ValueError(_("There is no year 0: 1 BC is -1, AD 1 is 1."))
    if abs(year) > MAX_YEAR:
        raise ValueError(_("Enter a year between 3000 BC and AD 3000."))
    return year


class YearField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(max_length=20, required=False, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        try:
            return parse_year(value)
        except ValueError as error:
            raise forms.ValidationError(str(error), code="year") from None


def published_types() -> QuerySet:
    return ObjectType.objects.filter(category__red_list__status=ListStatus.PUBLISHED)


def with_thumbnail(queryset: QuerySet) -> QuerySet:
    """Each type with its first picture (the original type's, for a translation)."""
    first = ObjectImage.objects.filter(
        object_type_id=Coalesce(OuterRef("original_id"), OuterRef("pk"))
    ).order_by("position", "id")
    return queryset.annotate(
        thumb=Subquery(first.values("thumbnail")[:1]),
        thumb_image=Subquery(first.values("image")[:1]),
        thumb_alt=Subquery(first.values("alt_text")[:1]),
    )


class RedListSearchForm(forms.Form):
    q = forms.CharField(label=_("Words"), max_length=200, required=False)
    country = forms.ChoiceField(label=_("Country covered"), required=False)
    category = forms.CharField(
        label=_("Category"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"list": "category-titles", "autocomplete": "off"}),
    )
    material = forms.CharField(label=_("Material"), max_length=100, required=False)
    year_from = YearField(
        label=_("From year"), help_text=_("e.g. 500 BC; the same year in both for one year")
    )
    year_to = YearField(label=_("To year"), help_text=_("e.g. AD 300"))
    language = forms.ChoiceField(label=_("Language of the list"), required=False)
    list = forms.SlugField(label=_("List"), max_length=120, required=False)

    def __init__(self, *args, languages=(), covered=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Offered: the countries published lists cover (a short list); any other valid code
        # typed into the address is still accepted.
        codes = set(covered if covered is not None else countries.countries)
        asked = str(self.data.get("country") or "").upper()
        if asked in countries:
            codes.add(asked)
        offered = sorted(((c, countries.name(c)) for c in codes), key=lambda item: item[1])
        self.fields["country"].choices = [("", _("Any country")), *offered]
        self.fields["language"].choices = [("", _("Any language")), *languages]

    def clean(self):
        data = super().clean()
        start, end = data.get("year_from"), data.get("year_to")
        if start is not None and end is not None and end < start:
            self.add_error("year_to", _("The period must end after it starts."))
        return data

    def active_filters(self) -> dict[str, str]:
        return {
            key: str(self.data.get(key)).strip()
            for key in FILTER_KEYS
            if self.data.get(key) and str(self.data.get(key)).strip()
        }

    def filter(self, queryset: QuerySet) -> QuerySet:
        data = self.cleaned_data
        if data.get("q"):
            queryset = search_filter(queryset, SEARCH_FIELDS, data["q"])
        if data.get("country"):
            queryset = queryset.filter(category__red_list__countries__contains=data["country"])
        if data.get("category"):
            queryset = queryset.filter(category__title__iexact=data["category"])
        if data.get("material"):
            queryset = queryset.filter(materials__icontains=data["material"])
        queryset = period_overlap(queryset, data.get("year_from"), data.get("year_to"))
        if data.get("language"):
            queryset = queryset.filter(category__red_list__language=data["language"])
        if data.get("list"):
            queryset = queryset.filter(category__red_list__slug=data["list"])
        return queryset


def period_overlap(queryset: QuerySet, start: int | None, end: int | None) -> QuerySet:
    """Types whose period meets [start, end]; either bound may be open (give both for one year).

    A type with one year of its period known counts as that year alone.
    """
    if start is None and end is None:
        return queryset
    queryset = queryset.alias(
        span_start=Coalesce("period_start", "period_end"),
        span_end=Coalesce("period_end", "period_start"),
    )
    if end is not None:
        queryset = queryset.filter(span_start__lte=end)
    if start is not None:
        queryset = queryset.filter(span_end__gte=start)
    return queryset


def search_results(form: RedListSearchForm) -> QuerySet:
    queryset = form.filter(published_types()).select_related("category__red_list")
    return with_thumbnail(queryset).order_by(
        "category__red_list__title", F("category__position"), "position", "id"
    )


def published_category_titles() -> list[str]:
    titles = Category.objects.filter(red_list__status=ListStatus.PUBLISHED).values_list(
        "title", flat=True
    )
    return sorted(set(titles), key=str.casefold)


def published_facets() -> tuple[list[str], list[str]]:
    """(languages, country codes) of the published lists, in one query."""
    languages, codes = set(), set()
    rows = RedList.objects.filter(status=ListStatus.PUBLISHED).values_list("language", "countries")
    for language, value in rows:
        languages.add(language)
        codes.update(code for code in str(value).split(",") if code)
    return sorted(languages), sorted(codes)
