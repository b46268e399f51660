from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "museion.news"
    label = "news"
    verbose_name = _("News")

    def ready(self):
        from museion.core import versions

        from .models import Hashtag, Post, RelatedItem, Source

        hashtags = Post.hashtags.through
        versions.track("news", Hashtag, Post, RelatedItem, Source, m2m=[hashtags])
