"""Reads shared by pages and feeds: published stories, in the reader's language when we have it."""

from django.apps import apps
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import get_language

from .models import Hashtag, Post, RelatedItem

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
        .order_by("-publish_at", "-id")
    )


def public_hashtag(tag_slug: str) -> Hashtag | None:
    """The hashtag, when at least one published post carries it: a tag written only in drafts
    or scheduled posts must not give them away."""
    carried = Post.objects.published().filter(hashtags=OuterRef("pk"))
    return Hashtag.objects.filter(Exists(carried), slug=tag_slug).first()


def post_page(pk: int) -> Post | None:
    return (
        Post.objects.select_related("author", "translation_of")
        .prefetch_related("sources", "hashtags")
        .filter(pk=pk)
        .first()
    )


def _linked(post: Post, app_label: str, model: str) -> QuerySet:
    return RelatedItem.objects.filter(
        post=post, content_type__app_label=app_label, content_type__model=model
    ).values("object_id")


def related(post: Post) -> list:
    """The published activities and sessions the post is about: one query for each kind.

    An activity that is not (or no longer) published, or a session that is hidden or belongs
    to an unpublished conference, is never linked.
    """
    from museion.museumday.queries import public_activities

    found = list(
        public_activities()
        .filter(pk__in=_linked(post, "museumday", "activity"))
        .order_by("starts_at", "id")
    )
    if apps.is_installed("museion.conference"):
        from museion.conference.models import Session

        found += (
            Session.objects.filter(
                pk__in=_linked(post, "conference", "session"),
                is_published=True,
                conference__is_published=True,
            )
            .select_related("conference")
            .order_by("starts_at", "id")
        )
    return found


def versions(post: Post) -> list[Post]:
    """The other published language versions of the same story."""
    story = post.story_id
    return list(
        Post.objects.published()
        .filter(Q(pk=story) | Q(translation_of_id=story))
        .exclude(pk=post.pk)
        .order_by("language")
    )


def seconds_until_next_post(*, now=None, cap: int) -> int:
    """Seconds until the next scheduled post goes live (at most `cap`): how long a page listing
    posts may be kept."""
    now = now or timezone.now()
    upcoming = (
        Post.objects.filter(publish_at__gt=now)
        .order_by("publish_at")
        .values_list("publish_at", flat=True)
        .first()
    )
    if upcoming is None:
        return cap
    return max(1, min(cap, int((upcoming - now).total_seconds()) + 1))
