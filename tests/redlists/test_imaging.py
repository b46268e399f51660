import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from museion.redlists import imaging

from .pictures import drawn_picture, jpeg_bytes


def upload(content: bytes, name: str = "photo.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="image/jpeg")


def refusal(content: bytes) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        imaging.open_picture(upload(content))
    return caught.value


def png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG that claims a huge size: the shape of a decompression bomb."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    rows = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")
    )


def test_text_file_is_refused_as_not_a_picture():
    error = refusal(b"%PDF-1.7 this is not a picture at all")
    assert error.code == "not_image"
    assert "not a picture we can read" in error.message


def test_empty_file_is_refused():
    assert refusal(b"").code == "empty"


def test_file_over_the_byte_limit_is_refused_with_both_sizes(settings):
    settings.REDLISTS_MAX_IMAGE_BYTES = 10_000
    error = refusal(jpeg_bytes(drawn_picture(1)))
    assert error.code == "too_large"
    assert "limit is 9.8\xa0KB" in error.message


@pytest.mark.parametrize("side", [7_000, 60_000])  # under and over Pillow's own bomb limit
def test_decompression_bomb_is_refused_before_decoding(side):
    error = refusal(png_header_only(side, side))
    assert error.code == "too_many_pixels"
    assert "40 megapixels" in error.message


def test_unsupported_format_is_named():
    buffer = io.BytesIO()
    drawn_picture(2, (200, 150)).save(buffer, "BMP")
    error = refusal(buffer.getvalue())
    assert error.code == "format"
    assert "BMP format are not accepted" in error.message


def test_truncated_jpeg_is_refused_as_damaged():
    content = jpeg_bytes(drawn_picture(3))
    assert refusal(content[: len(content) // 2]).code == "damaged"


def exif_with_gps_and_orientation(orientation: int) -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "PhoneMaker"
    exif[0x8825] = {1: "N", 2: (50.0, 5.0, 0.0), 3: "E", 4: (14.0, 25.0, 0.0)}
    return exif


def test_gps_and_all_exif_are_dropped_and_orientation_applied_to_the_pixels():
    # Stored sideways: red on the left, blue on the right; "turn 90° clockwise to view".
    sideways = Image.new("RGB", (200, 100), (220, 0, 0))
    sideways.paste((0, 0, 220), (100, 0, 200, 100))
    content = jpeg_bytes(sideways, exif=exif_with_gps_and_orientation(6))
    assert Image.open(io.BytesIO(content)).getexif().get_ifd(0x8825)  # the GPS is there

    processed = imaging.process_picture(upload(content), stem="x")

    for stored in (processed.original, processed.thumbnail, processed.large):
        kept = Image.open(io.BytesIO(stored.read()))
        assert kept.size == (100, 200)  # upright: portrait
        assert not kept.getexif()
        assert "xmp" not in kept.info and "exif" not in kept.info
        top, bottom = (
            kept.convert("RGB").getpixel((50, 40)),
            kept.convert("RGB").getpixel((50, 160)),
        )
        assert top[0] > 150 > top[2]  # red went to the top, as the camera meant
        assert bottom[2] > 150 > bottom[0]


def test_renditions_are_jpegs_within_their_box_and_never_enlarged():
    big = imaging.process_picture(upload(jpeg_bytes(drawn_picture(4, (2400, 1800)))))
    small = imaging.process_picture(upload(jpeg_bytes(drawn_picture(5, (300, 200)))))
    sizes = {
        name: Image.open(io.BytesIO(getattr(result, name).read())).size
        for name, result in [("thumbnail", big), ("large", big)]
    }
    assert sizes == {"thumbnail": (480, 360), "large": (1600, 1200)}
    assert Image.open(io.BytesIO(small.large.read())).size == (300, 200)
    assert big.thumbnail.name == "picture-thumb.jpg" and big.original.name == "picture.jpg"


def test_transparent_png_turns_white_not_black_in_renditions():
    picture = Image.new("RGBA", (100, 100), (0, 0, 0, 0))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    processed = imaging.process_picture(upload(buffer.getvalue(), "clear.png"))
    assert processed.original.name.endswith(".png")
    pixel = Image.open(io.BytesIO(processed.thumbnail.read())).getpixel((50, 50))
    assert min(pixel) > 245


def test_hashes_are_signed_64_bit_whole_first_then_crops():
    processed = imaging.process_picture(upload(jpeg_bytes(drawn_picture(6))))
    assert len(processed.hashes) == len(imaging.STORED_CROPS)
    assert all(-(2**63) <= value < 2**63 for value in processed.hashes)
    again = imaging.perceptual_hash(imaging.hash_base(drawn_picture(6)))
    assert bin(imaging.to_unsigned(processed.phash ^ again)).count("1") <= 2


def test_signed_and_unsigned_forms_round_trip():
    for value in (0, 1, 2**63 - 1, 2**63, 2**64 - 1):
        signed = imaging.to_signed(value)
        assert -(2**63) <= signed < 2**63
        assert imaging.to_unsigned(signed) == value


def test_phone_photo_in_mpo_form_is_taken_as_a_jpeg():
    first, second = drawn_picture(7), drawn_picture(8)
    buffer = io.BytesIO()
    first.save(buffer, "MPO", save_all=True, append_images=[second])
    assert Image.open(io.BytesIO(buffer.getvalue())).format == "MPO"
    processed = imaging.process_picture(upload(buffer.getvalue()))
    assert processed.original.name == "picture.jpg"
    kept = Image.open(io.BytesIO(processed.original.read()))
    assert kept.format == "JPEG" and kept.size == first.size
