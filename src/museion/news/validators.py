from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_IMAGE_BYTES = 5 * 1024 * 1024


def _looks_like_image(head: bytes) -> bool:
    return (
        head.startswith(b"\xff\xd8\xff")
        or head.startswith(b"\x89PNG\r\n\x1a\n")
        or head[:6] in (b"GIF87a", b"GIF89a")
        or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")
        or head[4:12] in (b"ftypavif", b"ftypavis")
    )


def validate_image_file(file) -> None:
    """The file really is a JPEG, PNG, GIF, WebP or AVIF image, and not too big."""
    if file.size > MAX_IMAGE_BYTES:
        raise ValidationError(_("The image is too big: 5 MB at most."), code="image_size")
    file.seek(0)
    head = file.read(16)
    file.seek(0)
    if not _looks_like_image(head):
        raise ValidationError(
            _("This file is not a JPEG, PNG, GIF, WebP or AVIF image."), code="image_type"
        )
