"""Atom (RFC 4287) feeds: all posts, posts in one language, posts with one hashtag."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from museion.core.validators import validate_language

from . import queries
from .markdown import absolute_links, hashtag_slug
from .models import Post


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def _tag_authority() -> str:
    return settings.SITE_URL.split("://", 1)[-1].split("/")[0].split(":")[0]


class AtomWithContent(Atom1Feed):
    """Atom with the full sanitised body as <content type="html">."""

    def item_attributes(self, item):
        return {"xml:lang": item["entry_language"]} if item.get("entry_language") else {}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})


class PostFeed(Feed):
    feed_type = AtomWithContent
    author_name = "Museion"

    def link(self, obj):
        return absolute("/news/")

    def feed_guid(self, obj):
        return f"tag:{_tag_authority()},2024:{self.kind(obj)}"

    def feed_url(self, obj):
        return absolute(reverse("news:feed"))

    def kind(self, obj) -> str:
        return "news"

    def items(self, obj):
        return queries.in_all_languages()[: queries.FEED_SIZE]

    def title(self, obj):
        return _("Museion news")

    def item_title(self, item: Post):
        return item.title

    def item_description(self, item: Post):
        # Atom <summary type="html">: the plain-text summary, escaped as HTML.
        return escape(item.summary) if item.summary else None

    def item_link(self, item: Post):
        return absolute(item.get_absolute_url())

    def item_guid(self, item: Post):
        return f"tag:{_tag_authority()},2024:post/{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Post):
        return item.publish_at

    def item_updateddate(self, item: Post):
        return max(item.publish_at, item.updated_at)

    def item_author_name(self, item: Post):
        if item.author is None:
            return None
        return item.author.get_full_name() or item.author.get_username()

    def item_categories(self, item: Post):
        return [f"#{tag.name}" for tag in item.hashtags.all()]

    def item_extra_kwargs(self, item: Post):
        return {"content": absolute_links(item.body_html), "entry_language": item.language}


class LanguageFeed(PostFeed):
    def get_object(self, request, language: str):
        try:
            validate_language(language)
        except ValidationError:
            raise Http404(_("No such language.")) from None
        return language

    def kind(self, obj) -> str:
        return f"news/{obj}"

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = obj
        return feed

    def feed_url(self, obj):
        return absolute(reverse("news:language_feed", kwargs={"language": obj}))

    def title(self, obj):
        return _("Museion news (%(language)s)") % {"language": obj}

    def items(self, obj):
        return queries.in_language(obj)[: queries.FEED_SIZE]


class HashtagFeed(PostFeed):
    def get_object(self, request, tag: str):
        hashtag = queries.public_hashtag(hashtag_slug(tag))
        if hashtag is None:
            raise Http404(_("No such hashtag."))
        return hashtag

    def kind(self, obj) -> str:
        return f"news/tag/{obj.slug}"

    def link(self, obj):
        return absolute(obj.get_absolute_url())

    def feed_url(self, obj):
        return absolute(reverse("news:hashtag_feed", kwargs={"tag": obj.slug}))

    def title(self, obj):
        return _("Museion news: #%(tag)s") % {"tag": obj.name}

    def items(self, obj):
        return queries.tagged(obj.slug).prefetch_related("hashtags")[: queries.FEED_SIZE]
