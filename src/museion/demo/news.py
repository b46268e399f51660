"""The news demo behind `make run` (`manage.py load_news_demo`): stories, pages and lists.

Idempotent item by item: a story (known by its English title), a page (slug and language) or
a list (slug) already there is left alone, so a second run creates nothing. Stories are dated
from today, one of them scheduled, and linked to the Museum Day and conference demos when
those are loaded.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from museion.museumday.queries import public_activities
from museion.news.models import Post, RelatedItem, Source
from museion.news.services import save_post
from museion.newsletter.models import MailingList
from museion.site.models import Page
from museion.site.services import save_page

from .news_pages import LISTS, PAGES
from .news_stories import STORIES, Story

DEMO_CONFERENCE = "general-conference-demo"


@dataclass
class Loaded:
    posts: int = 0
    translations: int = 0
    pages: int = 0
    lists: int = 0

    @property
    def nothing(self) -> bool:
        return not (self.posts or self.translations or self.pages or self.lists)

    def __str__(self) -> str:
        if self.nothing:
            return "The news demo is already there."
        return (
            f"News demo loaded: {self.posts} posts, {self.translations} translations, "
            f"{self.pages} pages, {self.lists} newsletter lists."
        )


def _publish_at(days: int, now: datetime) -> datetime:
    return (now + timedelta(days=days)).replace(hour=9, minute=0, second=0, microsecond=0)


def _related_targets(story: Story) -> list:
    """The demo activities and sessions the story is about; none when those demos are absent."""
    targets = []
    if story.countries:
        activities = public_activities().filter(
            edition__year=story.edition,
            country__in=story.countries,
            museum__external_id__startswith="demo:",
        )
        first_in_country = {}
        for activity in activities.order_by("starts_at", "id"):
            first_in_country.setdefault(activity.country, activity)
        targets += [first_in_country[c] for c in story.countries if c in first_in_country]
    if story.sessions and apps.is_installed("museion.conference"):
        from museion.conference.models import Session

        sessions = Session.objects.filter(
            conference__slug=DEMO_CONFERENCE,
            conference__is_published=True,
            is_published=True,
            title__in=story.sessions,
        ).order_by("starts_at", "id")
        first_of_each = {}
        for session in sessions:
            first_of_each.setdefault(session.title, session)
        targets += first_of_each.values()
    return targets


def _save_version(story: Story, language: str, original: Post | None, now, targets) -> Post:
    title, summary, body = story.versions[language]
    publish_at = _publish_at(story.days, now)
    if original is not None:
        publish_at += timedelta(days=1)
    post = save_post(
        post=Post(
            title=title,
            summary=summary,
            body=body,
            language=language,
            publish_at=publish_at,
            translation_of=original,
        )
    )
    Source.objects.bulk_create(
        Source(post=post, outlet=outlet, title=source_title, url=url)
        for outlet, source_title, url in story.sources
    )
    RelatedItem.objects.bulk_create(
        RelatedItem(
            post=post,
            content_type=ContentType.objects.get_for_model(target),
            object_id=target.pk,
        )
        for target in targets
    )
    return post


def _load_stories(loaded: Loaded, now: datetime) -> None:
    titles = [story.versions["en"][0] for story in STORIES]
    existing = set(
        Post.objects.filter(
            translation_of__isnull=True, language="en", title__in=titles
        ).values_list("title", flat=True)
    )
    for story in STORIES:
        if story.versions["en"][0] in existing:
            continue
        targets = _related_targets(story)
        original = _save_version(story, "en", None, now, targets)
        loaded.posts += 1
        for language in story.versions:
            if language != "en":
                _save_version(story, language, original, now, targets)
                loaded.translations += 1


def _load_pages(loaded: Loaded) -> None:
    existing = {
        (slug, language): pk
        for pk, slug, language in Page.objects.filter(slug__in=PAGES).values_list(
            "pk", "slug", "language"
        )
    }
    for slug, versions in PAGES.items():
        for language, (title, body) in versions.items():
            if (slug, language) in existing:
                continue
            original_pk = existing.get((slug, "en")) if language != "en" else None
            page = save_page(
                page=Page(
                    slug=slug,
                    language=language,
                    title=title,
                    body=body,
                    translation_of_id=original_pk,
                )
            )
            existing[(slug, language)] = page.pk
            loaded.pages += 1


def _load_lists(loaded: Loaded) -> None:
    existing = set(
        MailingList.objects.filter(slug__in=[row[0] for row in LISTS]).values_list(
            "slug", flat=True
        )
    )
    for slug, language, topic, name, description in LISTS:
        if slug in existing:
            continue
        mailing_list = MailingList(
            slug=slug, language=language, topic=topic, name=name, description=description
        )
        mailing_list.full_clean()
        mailing_list.save()
        loaded.lists += 1


@transaction.atomic
def load_news_demo() -> Loaded:
    loaded = Loaded()
    _load_stories(loaded, timezone.now())
    _load_pages(loaded)
    _load_lists(loaded)
    return loaded
