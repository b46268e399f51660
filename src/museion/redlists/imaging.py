"""Uploaded pictures: checked, cleaned and sized once, and their perceptual hashes.

Works on files and Pillow images only (no database), so the services, the look-up and the
benchmarks share it. A picture is refused with a clear message when it is empty, too large in
bytes or in pixels (a decompression bomb), not an image, damaged, or in a format we do not
take. A kept picture loses its EXIF (GPS position, camera serial…), XMP and comments; its
orientation is applied to the pixels first, so it still shows the right way up.
"""

from __future__ import annotations

import contextlib
import io
import warnings
from dataclasses import dataclass

import imagehash
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

# Format → file extension. JPEG, PNG and WebP are what phones, scanners and browsers make.
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
JPEG_FORMATS = {"JPEG", "MPO"}
THUMBNAIL_BOX = (480, 480)
LARGE_BOX = (1600, 1600)
RENDITION_QUALITY = 85
HASH_BASE_SIDE = 256
# Centre crops of a stored picture also hashed, so a photo framed tighter still finds it.
STORED_CROPS = (1.0, 0.9, 0.8)
HASH_BITS = 64
_SIGN = 1 << (HASH_BITS - 1)
_MODULUS = 1 << HASH_BITS


def max_upload_bytes() -> int:
    return getattr(settings, "REDLISTS_MAX_IMAGE_BYTES", 15 * 1024 * 1024)


def max_pixels() -> int:
    return getattr(settings, "REDLISTS_MAX_IMAGE_PIXELS", 40_000_000)


@dataclass(frozen=True)
class Picture:
    """A checked picture: pixels loaded, turned upright, metadata gone."""

    image: Image.Image
    format: str

    @property
    def extension(self) -> str:
        return FORMATS[self.format]


def open_picture(upload, *, draft_box: tuple[int, int] | None = None) -> Picture:
    """Check an uploaded file and return its pixels upright; ValidationError says what is wrong.

    ``draft_box`` lets JPEG decoding stop at a smaller scale (a look-up needs no 12 megapixels).
    """
    size = getattr(upload, "size", None)
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    limit = max_upload_bytes()
    if size is not None and size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s); the limit is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    if hasattr(upload, "seek"):
        upload.seek(0)
    with warnings.catch_warnings():
        # Pillow only warns up to twice its own pixel limit; here any bomb is an error.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(upload)
            width, height = image.size
            if image.format not in FORMATS and image.format not in JPEG_FORMATS:
                raise ValidationError(
                    _("Pictures in the %(format)s format are not accepted: send JPEG, PNG or WebP.")
                    % {"format": image.format or "?"},
                    code="format",
                )
            if width * height > max_pixels():
                raise _bomb_error()
            if draft_box and image.format in JPEG_FORMATS:
                image.draft("RGB", draft_box)
            image.load()
        except ValidationError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise _bomb_error() from error
        except UnidentifiedImageError as error:
            raise ValidationError(
                _("This file is not a picture we can read: send a JPEG, PNG or WebP photo."),
                code="not_image",
            ) from error
        except (OSError, ValueError, SyntaxError, EOFError) as error:
            raise ValidationError(
                _("The picture is damaged or incomplete: please send it again."), code="damaged"
            ) from error
    # Phones often write MPO (a JPEG with a second, depth or preview, picture): keep the first.
    kept_format = "JPEG" if image.format in JPEG_FORMATS else image.format
    return Picture(image=_upright(image), format=kept_format)


def _bomb_error() -> ValidationError:
    message = _(
        "The picture has too many pixels to be processed safely; the limit is %(limit)s megapixels."
    ) % {"limit": max_pixels() // 1_000_000}
    return ValidationError(message, code="too_many_pixels")


def _upright(image: Image.Image) -> Image.Image:
    """Apply the EXIF orientation to the pixels and drop every piece of metadata but the colours."""
    icc = image.info.get("icc_profile")
    # Unreadable EXIF: the pixels stay as they are, and the EXIF goes anyway.
    with contextlib.suppress(ValueError, TypeError, OSError, SyntaxError):
        ImageOps.exif_transpose(image, in_place=True)
    upright = image
    if upright.mode not in ("RGB", "RGBA", "L", "LA"):
        upright = upright.convert("RGBA" if "transparency" in upright.info else "RGB")
    upright.info = {"icc_profile": icc} if icc else {}
    return upright


def validate_image_upload(upload) -> None:
    """A form field validator: the same checks as open_picture, nothing kept."""
    open_picture(upload)
    upload.seek(0)


def encode_original(picture: Picture) -> bytes:
    """The picture to keep: same format, upright, no EXIF/XMP/comments (the ICC profile stays)."""
    image = picture.image
    options: dict = {}
    if icc := image.info.get("icc_profile"):
        options["icc_profile"] = icc
    if picture.format == "JPEG":
        image = _flatten(image) if image.mode not in ("RGB", "L") else image
        options.update(quality=92, optimize=True)
    elif picture.format == "WEBP":
        options.update(quality=90)
    buffer = io.BytesIO()
    image.save(buffer, picture.format, **options)
    return buffer.getvalue()


def _flatten(image: Image.Image) -> Image.Image:
    """RGB on a white ground (transparent parts of PNG/WebP turn white, not black)."""
    if image.mode in ("RGBA", "LA"):
        ground = Image.new("RGB", image.size, (255, 255, 255))
        ground.paste(image.convert("RGBA"), mask=image.convert("RGBA").getchannel("A"))
        return ground
    return image.convert("RGB")


def render(image: Image.Image, box: tuple[int, int]) -> bytes:
    """A JPEG no larger than ``box`` (never enlarged)."""
    copy = _flatten(image)
    if copy is image:
        copy = image.copy()
    copy.thumbnail(box, Image.Resampling.LANCZOS, reducing_gap=3.0)
    buffer = io.BytesIO()
    copy.save(buffer, "JPEG", quality=RENDITION_QUALITY, optimize=True, progressive=True)
    return buffer.getvalue()


def hash_base(image: Image.Image) -> Image.Image:
    """The small grey picture every hash is computed from, so stored and looked-up agree."""
    grey = _flatten(image).convert("L")
    grey.thumbnail((HASH_BASE_SIDE, HASH_BASE_SIDE), Image.Resampling.BILINEAR, reducing_gap=2.0)
    return grey


def perceptual_hash(base: Image.Image) -> int:
    """The 64-bit DCT hash of a hash base, as a signed integer (fits a BigIntegerField)."""
    return to_signed(int(str(imagehash.phash(base)), 16))


def centre_crop(image: Image.Image, fraction: float) -> Image.Image:
    if fraction >= 1:
        return image
    width, height = image.size
    left = round(width * (1 - fraction) / 2)
    top = round(height * (1 - fraction) / 2)
    return image.crop((left, top, width - left, height - top))


def stored_hashes(base: Image.Image) -> list[int]:
    """The hashes kept for a stored picture: the whole of it first (its ``phash``), then crops."""
    return [perceptual_hash(centre_crop(base, fraction)) for fraction in STORED_CROPS]


def to_signed(value: int) -> int:
    return value - _MODULUS if value >= _SIGN else value


def to_unsigned(value: int) -> int:
    return value % _MODULUS


@dataclass(frozen=True)
class ProcessedPicture:
    original: ContentFile
    thumbnail: ContentFile
    large: ContentFile
    hashes: list[int]
    upright: Image.Image  # the cleaned pixels, for anything else computed once (embeddings)

    @property
    def phash(self) -> int:
        return self.hashes[0]


def process_picture(upload, *, stem: str = "picture") -> ProcessedPicture:
    """Everything a stored picture needs, computed once: cleaned original, renditions, hashes."""
    picture = open_picture(upload)
    return ProcessedPicture(
        original=ContentFile(encode_original(picture), name=f"{stem}.{picture.extension}"),
        thumbnail=ContentFile(render(picture.image, THUMBNAIL_BOX), name=f"{stem}-thumb.jpg"),
        large=ContentFile(render(picture.image, LARGE_BOX), name=f"{stem}-large.jpg"),
        hashes=stored_hashes(hash_base(picture.image)),
        upright=picture.image,
    )
