"""Bytes to text: UTF-8 (with or without BOM), UTF-16 by BOM, Windows-1256, then a detector."""

from __future__ import annotations

from marsad.arabic.chars import ARABIC_LETTER
from marsad.errors import InputError

_SNIFF = 8192
_MIN_ARABIC_SHARE_1256 = 0.6
_MIN_SPACE_SHARE = 0.05  # Arabic prose has a space every 5-7 characters


def check_size(size: int, limit: int, source: str) -> None:
    if size > limit:
        raise InputError(
            source,
            "too_large",
            f"{size / 1e6:.1f} MB is over the {limit / 1e6:.1f} MB limit for one document",
        )


def decode_bytes(data: bytes, source: str) -> str:
    """Decode an input's bytes or raise InputError naming why it cannot be text."""
    if not data.strip():
        raise InputError(source, "empty", "the input is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    head = data[:_SNIFF]
    if b"\x00" in head or _control_share(head) > 0.05:
        raise InputError(source, "binary", "the input is binary, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1256", errors="replace")
    if _looks_like_arabic_prose(text):
        return text
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(source, "encoding", "the text encoding could not be recognised")
    return str(best)


def _control_share(head: bytes) -> float:
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls / max(1, len(head))


def _looks_like_arabic_prose(text: str) -> bool:
    """Windows-1256 decodes any bytes; only mostly-Arabic letters in space-separated words count."""
    sample = text[:_SNIFF]
    letters = sum(1 for ch in sample if ch.isalpha())
    share = len(ARABIC_LETTER.findall(sample)) / max(1, letters)
    spaces = sum(1 for ch in sample if ch.isspace()) / max(1, len(sample))
    return share >= _MIN_ARABIC_SHARE_1256 and spaces >= _MIN_SPACE_SHARE
