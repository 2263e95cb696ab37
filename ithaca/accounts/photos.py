"""Profile photos: check an upload is a real, reasonably sized image, then make the
one square JPEG Ithaca keeps. Pillow only; no ORM.

Nothing of the upload is kept: the stored file is re-encoded from decoded
pixels, so metadata (location in EXIF) and anything hidden in the file go.
"""

from __future__ import annotations

import io
import warnings
from typing import IO

from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 5 * 1024 * 1024
# A 12-megapixel phone photo is 4000 x 3000; anything past this is refused before
# its pixels are decoded, so a small file that expands to gigabytes (an image
# bomb) never reaches memory.
MAX_PIXELS = 40_000_000
FORMATS = {"JPEG", "PNG", "WEBP"}
SIZE = 512


class PhotoError(ValueError):
    """The upload cannot be a profile photo; the message is for the person."""


def make_photo(upload: IO[bytes], size: int | None) -> bytes:
    """The square JPEG to store for this upload, or PhotoError saying what is wrong."""
    if size is not None and size > MAX_BYTES:
        raise PhotoError(_("That file is larger than 5 MB: choose a smaller photo."))
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise PhotoError(_("That file is larger than 5 MB: choose a smaller photo."))
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
            _check_header(image)
            image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise PhotoError(_("That image is far too large in pixels to be a photo.")) from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
            if isinstance(exc, PhotoError):
                raise
            raise PhotoError(_("That file is not a JPEG, PNG or WebP image.")) from None
    return _square_jpeg(image)


def _check_header(image: Image.Image) -> None:
    if image.format not in FORMATS:
        raise PhotoError(_("That file is not a JPEG, PNG or WebP image."))
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise PhotoError(_("That image is far too large in pixels to be a photo."))
    if min(width, height) < 32:
        raise PhotoError(_("That image is too small: use one at least 32 pixels wide."))


def _square_jpeg(image: Image.Image) -> bytes:
    image = ImageOps.exif_transpose(image) or image
    if image.mode in ("RGBA", "LA", "P"):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        image = background
    image = ImageOps.fit(image.convert("RGB"), (SIZE, SIZE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85, optimize=True)
    return out.getvalue()
