import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.errors import InputError
from marsad.ingest.decode import decode_bytes

ARABIC = "قالت وزارة الدفاع إن قواتها صدت هجوماً على موقع عسكري قرب الحدود الشمالية."


@pytest.mark.parametrize(
    "data",
    [
        ARABIC.encode("utf-8"),
        b"\xef\xbb\xbf" + ARABIC.encode("utf-8"),
        ARABIC.encode("cp1256"),
        ARABIC.encode("utf-16"),
    ],
    ids=["utf-8", "utf-8-bom", "windows-1256", "utf-16"],
)
def test_encodings_are_recognised(data: bytes) -> None:
    assert decode_bytes(data, "x.txt") == ARABIC


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        (b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64, "binary"),
    ],
)
def test_bad_bytes_are_named(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as exc:
        decode_bytes(data, "bad.txt")
    assert exc.value.reason == reason
    assert "bad.txt" in str(exc.value)


def test_unknown_encoding() -> None:
    # Bytes that are not UTF-8, not plausible Windows-1256 Arabic, and that no detector accepts.
    data = bytes(range(128, 256)) * 20
    with pytest.raises(InputError) as exc:
        decode_bytes(data, "odd.txt")
    assert exc.value.reason == "encoding"
    assert "encoding" in exc.value.detail


@given(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1).filter(
        str.strip
    )
)
def test_any_utf8_text_round_trips(text: str) -> None:
    assert decode_bytes(text.encode("utf-8"), "t.txt") == text
