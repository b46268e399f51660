"""The home page and the standing pages."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from museion.core.page_cache import public_page
from museion.news import queries as news_queries
from museion.newsletter.forms import SubscribeForm

from .home import HOME_KINDS, home_data, home_page_seconds
from .models import Page


@public_page(*HOME_KINDS, seconds=home_page_seconds)
@require_safe
def home(request):
    language = news_queries.reader_language()
    data = home_data(language)
    context = {**data, "subscribe_form": SubscribeForm(language=language, lists=data["lists"])}
    return render(request, "site/home.html", context)


@public_page("site")
@require_safe
def page_detail(request, slug: str):
    versions = list(Page.objects.filter(slug=slug).order_by("translation_of_id", "language"))
    if not versions:
        raise Http404(_("No such page."))
    language = news_queries.reader_language()
    page = next((v for v in versions if v.language == language), None)
    page = page or next((v for v in versions if v.translation_of_id is None), versions[0])
    return render(request, "site/page.html", {"page": page, "versions": versions})
