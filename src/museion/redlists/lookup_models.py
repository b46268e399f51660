"""What the photo look-up compares: the hashes of each stored picture, whole and cropped."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PictureHash(models.Model):
    """One perceptual hash of a Red List picture or of a reported object's photo.

    A picture has one row per centre crop (100, 90, 80 % kept); the look-up keeps them all in
    memory (hash_index), so this table is read whole, once per change, never searched.
    """

    image = models.ForeignKey(
        "redlists.ObjectImage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="lookup_hashes",
    )
    photo = models.ForeignKey(
        "redlists.ReportPhoto",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="lookup_hashes",
    )
    crop = models.PositiveSmallIntegerField(_("share of the picture kept (%)"), default=100)
    value = models.BigIntegerField(_("perceptual hash"))

    class Meta:
        verbose_name = _("picture hash")
        verbose_name_plural = _("picture hashes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(image__isnull=False, photo__isnull=True)
                | models.Q(image__isnull=True, photo__isnull=False),
                name="picture_hash_has_one_owner",
            )
        ]

    def __str__(self) -> str:
        return f"{self.value:x}"


class PictureEmbedding(models.Model):
    """The vector an operator's embedding model gives a stored picture (embeddings.py)."""

    image = models.ForeignKey(
        "redlists.ObjectImage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="embeddings",
    )
    photo = models.ForeignKey(
        "redlists.ReportPhoto",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="embeddings",
    )
    model = models.CharField(_("model"), max_length=120, db_index=True)
    vector = models.BinaryField(_("vector (float32)"))

    class Meta:
        verbose_name = _("picture embedding")
        verbose_name_plural = _("picture embeddings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(image__isnull=False, photo__isnull=True)
                | models.Q(image__isnull=True, photo__isnull=False),
                name="picture_embedding_has_one_owner",
            )
        ]

    def __str__(self) -> str:
        return self.model
