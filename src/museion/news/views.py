"""Public news pages: home, list, post, hashtag and standing pages."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from museion.core.page_cache import PAGE_SECONDS, public_page
from museion.core.pagination import PageError, page_of

from . import queries
from .jsonld import news_article, open_graph, summary_of
from .markdown import hashtag_slug


def until_next_post() -> int:
    """A kept page of posts expires when the next scheduled post goes live."""
    return queries.seconds_until_next_post(cap=PAGE_SECONDS)


def _page_of(request, queryset, template: str, context: dict):
    """Render one page of a list, or a clear 400/404 for a bad page number."""
    try:
        page = page_of(Paginator(queryset, queries.PAGE_SIZE), request.GET.get("page"))
    except PageError as error:
        context["page_error"] = str(error)
        return render(request, template, context, status=error.status)
    context["page"] = page
    context["posts"] = [queries.shown(post) for post in page.object_list]
    return render(request, template, context)


@public_page("news", seconds=until_next_post)
@require_safe
def post_list(request):
    return _page_of(request, queries.stories(), "news/post_list.html", {})


@public_page("news", "museumday", "conference")
@require_safe
def post_detail(request, pk: int, slug: str):
    post = queries.post_page(pk)
    if post is None or not (post.is_published or request.user.has_perm("news.change_post")):
        raise Http404(_("No such post."))
    if slug != post.slug:
        return redirect(post, permanent=True)
    versions = queries.versions(post)
    context = {
        "post": post,
        "versions": versions,
        "jsonld": news_article(post, versions),
        "open_graph": open_graph(post),
        "description": summary_of(post),
        "related": queries.related(post),
    }
    return render(request, "news/post_detail.html", context)


@public_page("news", seconds=until_next_post)
@require_safe
def hashtag_detail(request, tag: str):
    hashtag = queries.public_hashtag(hashtag_slug(tag))
    if hashtag is None:
        raise Http404(_("No such hashtag."))
    if tag != hashtag.slug:
        return redirect(hashtag, permanent=True)
    return _page_of(
        request, queries.tagged(hashtag.slug), "news/hashtag.html", {"hashtag": hashtag}
    )
