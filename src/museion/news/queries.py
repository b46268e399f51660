"""Reads shared by pages and feeds: published stories, in the reader's language when we have it."""

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import get_language

from .models import Post

PAGE_SIZE = 10
FEED_SIZE = 30


def reader_language() -> str:
    return (get_language() or "en").split("-")[0]


def stories(language: str | None = None) -> QuerySet:
    """One row per story (the originals), each with `.local` = its translation in `language`."""
    language = language or reader_language()
    translations = Post.objects.published().filter(language=language).order_by()
    return (
        Post.objects.published()
        .filter(translation_of__isnull=True)
        .select_related("author")
        .prefetch_related(
            Prefetch("translations", queryset=translations, to_attr="local_translations")
        )
        .order_by("-publish_at", "-id")
    )


def shown(post: Post) -> Post:
    """The version of a story to show: the reader's translation when there is one."""
    local = getattr(post, "local_translations", None)
    return local[0] if local else post


def in_all_languages() -> QuerySet:
    return (
        Post.objects.published()
        .select_related("author")
        .prefetch_related("hashtags")
        .order_by("-publish_at", "-id")
    )


def in_language(language: str) -> QuerySet:
    return in_all_languages().filter(language=language)


def tagged(tag_slug: str) -> QuerySet:
    return (
        Post.objects.published()
        .filter(hashtags__slug=tag_slug)
        .select_related("author")
        .prefetch_related("hashtags")
        .order_by("-publish_at", "-id")
    )


def post_page(pk: int) -> Post | None:
    return (
        Post.objects.select_related("author", "translation_of")
        .prefetch_related("sources", "hashtags", "related_items__target")
        .filter(pk=pk)
        .first()
    )


def versions(post: Post) -> list[Post]:
    """The other published language versions of the same story."""
    story = post.story_id
    return list(
        Post.objects.published()
        .filter(Q(pk=story) | Q(translation_of_id=story))
        .exclude(pk=post.pk)
        .order_by("language")
    )
