"""Generated test pictures (drawn shapes on a smooth texture) and the edits a photo goes through."""

import io
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter


def drawn_picture(seed: int, size: tuple[int, int] = (800, 600)) -> Image.Image:
    """A picture unlike any other seed's: coloured texture, outlined shapes, spots."""
    rng = random.Random(seed)
    width, height = size
    cells = np.random.default_rng(seed).integers(
        0, 255, (height // 40 + 2, width // 40 + 2, 3), dtype=np.uint8
    )
    picture = Image.fromarray(cells).resize(size, Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(picture)
    for _ in range(rng.randint(6, 12)):
        colour = tuple(rng.randint(0, 255) for _ in range(3))
        x0, y0 = rng.randint(0, width - 50), rng.randint(0, height - 50)
        x1, y1 = x0 + rng.randint(40, width // 2), y0 + rng.randint(40, height // 2)
        shape = rng.choice(["ellipse", "rectangle", "polygon", "line"])
        if shape == "ellipse":
            draw.ellipse([x0, y0, x1, y1], fill=colour, outline=(0, 0, 0), width=3)
        elif shape == "rectangle":
            draw.rectangle([x0, y0, x1, y1], fill=colour, outline=(255, 255, 255), width=4)
        elif shape == "polygon":
            corners = [(rng.randint(0, width), rng.randint(0, height)) for _ in range(5)]
            draw.polygon(corners, fill=colour)
        else:
            draw.line([x0, y0, x1, y1], fill=colour, width=rng.randint(3, 12))
    for _ in range(rng.randint(30, 80)):
        x, y, r = rng.randint(0, width), rng.randint(0, height), rng.randint(2, 8)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=tuple(rng.randint(0, 255) for _ in "rgb"))
    return picture


def jpeg_bytes(picture: Image.Image, quality: int = 90, **options) -> bytes:
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=quality, **options)
    return buffer.getvalue()


def resized(picture: Image.Image) -> Image.Image:
    return picture.resize((picture.width // 2, picture.height // 2), Image.Resampling.LANCZOS)


def cropped_10(picture: Image.Image) -> Image.Image:
    """10 % of the width and height cut away, more on one side than the other."""
    width, height = picture.size
    return picture.crop(
        (int(width * 0.06), int(height * 0.03), int(width * 0.96), int(height * 0.93))
    )


def rotated_5(picture: Image.Image) -> Image.Image:
    return picture.rotate(5, resample=Image.Resampling.BICUBIC, fillcolor=(250, 250, 250))


def recompressed(picture: Image.Image) -> Image.Image:
    return Image.open(io.BytesIO(jpeg_bytes(picture, quality=20))).convert("RGB")


def photographed(picture: Image.Image, seed: int = 0) -> Image.Image:
    """Sensor noise, a slight blur and a colour cast, as a phone photo of a print."""
    pixels = np.asarray(picture).astype(np.float32)
    noise = np.random.default_rng(seed).normal(0, 14, pixels.shape)
    cast = np.array([1.05, 1.0, 0.92], dtype=np.float32)
    noisy = np.clip(pixels * cast + noise, 0, 255).astype(np.uint8)
    return Image.fromarray(noisy).filter(ImageFilter.GaussianBlur(0.8))


EDITS = {
    "resized": resized,
    "cropped 10 %": cropped_10,
    "rotated 5°": rotated_5,
    "re-compressed": recompressed,
    "photographed": photographed,
}
