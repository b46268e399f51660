"""News: posts (with translations, hashtags, sources, related items)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import FileExtensionValidator, MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from museion.core.validators import validate_language

from .validators import validate_image_file

BODY_MAX_LENGTH = 50_000
IMAGE_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "avif", "gif"]


class Hashtag(models.Model):
    name = models.CharField(
        _("name"), max_length=64, help_text=_("As first written, e.g. ICOMPrague2022.")
    )
    slug = models.CharField(_("key"), max_length=64, unique=True, help_text=_("Lower case."))

    class Meta:
        ordering = ["slug"]
        verbose_name = _("hashtag")
        verbose_name_plural = _("hashtags")

    def __str__(self) -> str:
        return f"#{self.name}"

    def get_absolute_url(self) -> str:
        return reverse("news:hashtag", kwargs={"tag": self.slug})


class PostQuerySet(models.QuerySet):
    def published(self):
        return self.filter(publish_at__isnull=False, publish_at__lte=timezone.now())


class Post(models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, allow_unicode=True, blank=True)
    summary = models.CharField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences for lists, feeds and link previews."),
    )
    body = models.TextField(
        _("body"),
        max_length=BODY_MAX_LENGTH,
        validators=[MaxLengthValidator(BODY_MAX_LENGTH)],
        help_text=_("Markdown. Raw HTML is shown as text. Write #hashtags in the text."),
    )
    body_html = models.TextField(editable=False, default="")
    language = models.CharField(_("language"), max_length=16, validators=[validate_language])
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_posts",
        verbose_name=_("author"),
    )
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        help_text=_("Empty: draft. In the future: published automatically at that time."),
    )
    lead_image = models.FileField(
        _("lead image"),
        upload_to="news/%Y/",
        blank=True,
        validators=[FileExtensionValidator(IMAGE_EXTENSIONS), validate_image_file],
    )
    lead_image_alt = models.CharField(
        _("lead image text alternative"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    lead_image_credit = models.CharField(_("lead image credit"), max_length=200, blank=True)
    translation_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="translations",
        verbose_name=_("translation of"),
    )
    hashtags = models.ManyToManyField(Hashtag, blank=True, related_name="posts", editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at", "-id"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        indexes = [
            models.Index(fields=["publish_at", "id"], name="post_public_order"),
            models.Index(fields=["language", "publish_at"], name="post_language"),
            models.Index(fields=["translation_of", "publish_at"], name="post_story"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["translation_of", "language"],
                condition=Q(translation_of__isnull=False),
                name="post_one_translation_per_language",
            ),
            models.CheckConstraint(
                condition=Q(lead_image="") | (~Q(lead_image_alt="") & ~Q(lead_image_credit="")),
                name="post_image_has_alt_and_credit",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("news:post", kwargs={"pk": self.pk, "slug": self.slug or "-"})

    @property
    def is_published(self) -> bool:
        return self.publish_at is not None and self.publish_at <= timezone.now()

    @property
    def story_id(self) -> int:
        return self.translation_of_id or self.pk


class Source(models.Model):
    """An outside publication the post cites, e.g. an article in a newspaper."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="sources")
    outlet = models.CharField(_("outlet"), max_length=200, help_text=_("e.g. Le Monde"))
    title = models.CharField(_("title"), max_length=300, blank=True)
    url = models.URLField(_("URL"), max_length=500)

    class Meta:
        ordering = ["id"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return f"{self.outlet}: {self.title or self.url}"


RELATED_MODELS = Q(app_label="museumday", model="activity") | Q(
    app_label="conference", model="session"
)


class RelatedItem(models.Model):
    """A Museum Day activity or a conference session the post is about."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="related_items")
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, limit_choices_to=RELATED_MODELS
    )
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")

    class Meta:
        ordering = ["id"]
        verbose_name = _("related activity or session")
        verbose_name_plural = _("related activities and sessions")
        constraints = [
            models.UniqueConstraint(
                fields=["post", "content_type", "object_id"], name="related_item_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id}"
