"""The standing pages (about, Code of Ethics, privacy): Markdown texts, one row per language."""

from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from museion.core.validators import validate_language
from museion.news.models import BODY_MAX_LENGTH


class Page(models.Model):
    """A standing text (about, Code of Ethics, privacy); translations share the slug."""

    slug = models.SlugField(_("slug"), max_length=80)
    language = models.CharField(_("language"), max_length=16, validators=[validate_language])
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(
        _("body"),
        max_length=BODY_MAX_LENGTH,
        validators=[MaxLengthValidator(BODY_MAX_LENGTH)],
        help_text=_("Markdown. Raw HTML is shown as text."),
    )
    body_html = models.TextField(editable=False, default="")
    translation_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="translations",
        verbose_name=_("translation of"),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["slug", "language"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        constraints = [
            models.UniqueConstraint(fields=["slug", "language"], name="page_slug_language")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"

    def get_absolute_url(self) -> str:
        return reverse("pages:page", kwargs={"slug": self.slug})
