import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from marsad.document import RawDocument
from marsad.errors import InputError
from marsad.ingest import read_inputs

from .texts import PAGE


def write_warc(path: Path, pages: list[tuple[str, str, str]], gz: bool = True) -> Path:
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=gz)
        for url, ctype, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(body.encode("utf-8")), http_headers=headers
                )
            )
    return path


def test_html_responses_become_documents(tmp_path: Path) -> None:
    pages = [
        ("https://example.org/a", "text/html; charset=utf-8", PAGE),
        ("https://example.org/logo.png", "image/png", "not html"),
        ("https://example.org/b", "text/html", PAGE.replace("ثلاثة", "أربعة")),
    ]
    for gz in (True, False):
        path = write_warc(tmp_path / f"crawl{gz}.warc{'.gz' if gz else ''}", pages, gz)
        docs = list(read_inputs([str(path)]))
        assert all(isinstance(d, RawDocument) for d in docs)
        assert [d.url for d in docs if isinstance(d, RawDocument)] == [
            "https://example.org/a",
            "https://example.org/b",
        ]
        assert all(d.format == "warc" and d.title for d in docs if isinstance(d, RawDocument))


def test_broken_record_is_reported_and_earlier_pages_kept(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "broken.warc", [("https://example.org/a", "text/html", PAGE)], gz=False)
    with path.open("ab") as f:
        f.write(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\n<html>cut")
    items = list(read_inputs([str(path)]))
    assert isinstance(items[0], RawDocument)
    assert isinstance(items[-1], InputError) and items[-1].reason in ("warc", "no_main_text", "html")
    assert str(path) in items[-1].source


def test_garbage_is_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage" * 10)
    (err,) = read_inputs([str(path)])
    assert isinstance(err, InputError) and err.reason == "warc"
