"""Images and people for the profile tests."""

from __future__ import annotations

import io
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image


def image_bytes(fmt: str = "PNG", size: tuple[int, int] = (200, 120)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 40, 40)).save(out, format=fmt)
    return out.getvalue()


def upload(name: str = "me.png", data: bytes | None = None, kind: str = "image/png") -> Any:
    return SimpleUploadedFile(name, image_bytes() if data is None else data, content_type=kind)


def bomb() -> bytes:
    """A tiny PNG that claims 30,000 x 30,000 pixels: 900 megapixels once decoded."""
    out = io.BytesIO()
    Image.new("1", (30_000, 30_000)).save(out, format="PNG", optimize=True)
    return out.getvalue()


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client
