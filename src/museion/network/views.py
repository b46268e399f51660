"""Public directory: the museums list (search, country filter) and a museum's page."""

from django import forms
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from museion.core.page_cache import public_page
from museion.core.pagination import PageError, page_of
from museion.core.text import fold
from museion.core.validators import country_choices

from .models import Museum
from .sections import museum_sections

PAGE_SIZE = 30


class MuseumSearchForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Name or city"), required=False, max_length=200)
    country = forms.ChoiceField(label=gettext_lazy("Country"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", gettext_lazy("All countries")), *country_choices()]


@public_page("network")
@require_safe
def museum_list(request):
    form = MuseumSearchForm(request.GET)
    museums = (
        Museum.objects.filter(is_active=True)
        .only("name", "slug", "city", "country")
        .order_by("name", "id")
    )
    status = 200
    page = None
    error = None
    if form.is_valid():
        if form.cleaned_data["country"]:
            museums = museums.filter(country=form.cleaned_data["country"])
        for word in form.cleaned_data["q"].split()[:8]:
            # Accent- and case-blind in every script ("amüseum" finds "AMÜSEUM").
            folded = fold(word)
            museums = museums.filter(
                Q(name__folded__contains=folded) | Q(city__folded__contains=folded)
            )
        try:
            page = page_of(Paginator(museums, PAGE_SIZE), request.GET.get("page"))
        except PageError as page_error:
            error, status = str(page_error), page_error.status
    else:
        status = 400
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "network/museum_list.html",
        {"form": form, "page": page, "page_error": error, "query": query.urlencode()},
        status=status,
    )


@public_page("network", "museumday")
@require_safe
def museum_detail(request, slug: str):
    museum = get_object_or_404(Museum, slug=slug)
    context = {
        "museum": museum,
        "committees": museum.committees.all(),
        "sections": museum_sections(request, museum),
    }
    return render(request, "network/museum_detail.html", context)
