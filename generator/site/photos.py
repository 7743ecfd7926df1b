"""Photos resized at build time (Pillow), so a phone downloads a small one and a wide screen a
sharper one; metadata (EXIF, GPS) is not copied into what is published."""

from __future__ import annotations

import io

WIDTHS = (480, 960)


def resized(path: str) -> list[tuple[int, int, bytes]]:
    """(width, height, JPEG bytes) for each width in WIDTHS no larger than the original."""
    from PIL import Image, ImageOps  # only sites with photos pay for loading Pillow

    with Image.open(path) as original:
        image = ImageOps.exif_transpose(original).convert("RGB")  # upright, as a camera meant it
    out = []
    for width in WIDTHS:
        if width > image.width and out:
            break
        w = min(width, image.width)
        h = round(image.height * w / image.width)
        buf = io.BytesIO()
        image.resize((w, h), Image.LANCZOS).save(buf, "JPEG", quality=82, optimize=True, progressive=True)
        out.append((w, h, buf.getvalue()))
    return out
