"""Bytes to text: UTF-8 (with or without BOM; a few invalid bytes replaced and counted), UTF-16 by
BOM, ISO-8859-6 or Windows-1256 on evidence, then a detector."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.arabic.chars import ARABIC_LETTER
from marsad.errors import InputError

_SNIFF = 8192
_MIN_ARABIC_SHARE_1256 = 0.6
_MIN_SPACE_SHARE = 0.05  # Arabic prose has a space every 5-7 characters
# UTF-8 with this many invalid bytes (or fewer) is UTF-8 with damage, not another code page.
_MAX_REPLACED = 8
_MAX_REPLACED_SHARE = 0.001
# Legacy Arabic code pages, tried in this order when the bytes are not UTF-8: ISO-8859-6 leaves
# most bytes above 0xF2 undefined, so text that decodes in it is far more likely to be it.
LEGACY_CODECS = ("iso-8859-6", "cp1256")


def check_size(size: int, limit: int, source: str) -> None:
    if size > limit:
        raise InputError(
            source,
            "too_large",
            f"{size / 1e6:.1f} MB is over the {limit / 1e6:.1f} MB limit for one document",
        )


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # the codec the bytes were read with
    replaced: int = 0  # invalid bytes replaced with U+FFFD


def decode_bytes(data: bytes, source: str) -> str:
    return decode(data, source).text


def decode(data: bytes, source: str) -> Decoded:
    """Decode an input's bytes or raise InputError naming why it cannot be text. Never invents
    text: UTF-8 first; a few invalid bytes in otherwise good UTF-8 are replaced (and counted),
    not a reason to read the whole document as another code page; a legacy Arabic code page
    only when the bytes are not UTF-8 at all and read as Arabic prose in it."""
    if not data.strip():
        raise InputError(source, "empty", "the input is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(source, "encoding", f"the UTF-16 text is malformed: {exc.reason}") from exc
    head = data[:_SNIFF]
    if b"\x00" in head or _control_share(head) > 0.05:
        raise InputError(source, "binary", "the input is binary, not text")
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8-sig", errors="replace")
    replaced = text.count("\ufffd") - data.count("\ufffd".encode())
    if replaced <= max(_MAX_REPLACED, len(text) * _MAX_REPLACED_SHARE):
        return Decoded(text, "utf-8", replaced)
    for codec in LEGACY_CODECS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _looks_like_arabic_prose(text):
            return Decoded(text, codec)
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding in ("utf_8", "utf-8"):
        raise InputError(source, "encoding", "the text encoding could not be recognised")
    return Decoded(str(best), best.encoding)


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
