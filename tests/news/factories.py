from datetime import UTC, datetime

import factory

from museion.news.models import Post
from museion.news.services import save_post
from museion.site.models import Page
from museion.site.services import save_page


class PostFactory(factory.django.DjangoModelFactory):
    """Posts go through the service, so the HTML and hashtags are those the site would store."""

    class Meta:
        model = Post

    title = factory.Sequence(lambda n: f"Post {n}")
    summary = "What happened."
    body = "The network met in **Prague**. #ICOMPrague2022"
    language = "en"
    publish_at = factory.Sequence(lambda n: datetime(2022, 8, 1, tzinfo=UTC).replace(minute=n % 60))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return save_post(post=model_class(*args, **kwargs))


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    slug = "about"
    language = "en"
    title = "About"
    body = "We are a network of museums."

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return save_page(page=model_class(*args, **kwargs))
