"""`marsad ingest` as a user runs it: real files, a real HTTP server, a real database."""

import io
import json
import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from marsad.store import Store

from ..conftest import Route, run_marsad
from ..ingest.texts import PAGE, report


def count(db: str, table: str = "documents") -> int:
    s = Store(db)
    with s.engine.connect() as conn:
        n = conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()
    s.close()
    return int(n)


def failures(db: str) -> list[tuple[str, str]]:
    s = Store(db)
    with s.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT source, reason FROM failures ORDER BY id")).all()
    s.close()
    return [(a, b) for a, b in rows]


def summary(stdout: str) -> dict[str, int]:
    return {k: int(v) for k, v in re.findall(r"(stored|duplicates skipped|failed)\s*│\s*(\d+)", stdout)}


def _broken_warc(path: Path) -> None:
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://example.org/ok",
                "response",
                payload=io.BytesIO(PAGE.replace("ثلاثة", "سبعة").encode()),
                http_headers=headers,
            )
        )
        f.write(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\n<html>cut")


def _bad_input(kind: str, tmp: Path, base: str) -> tuple[str, str]:
    """(input, expected reason) for each kind of bad input the issue names."""
    if kind == "empty":
        (tmp / "empty.txt").write_bytes(b"")
        return str(tmp / "empty.txt"), "empty"
    if kind == "binary":
        (tmp / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 4)
        return str(tmp / "image.txt"), "binary"
    if kind == "encoding":
        (tmp / "odd.txt").write_bytes(bytes(range(128, 256)) * 20)
        return str(tmp / "odd.txt"), "encoding"
    if kind == "hostile_html":
        (tmp / "hostile.html").write_text(
            "<html><body>" + "<div>" * 5000 + "<script>alert(1)</script></body>"
        )
        return str(tmp / "hostile.html"), "no_main_text"
    if kind == "truncated_html":
        (tmp / "cut.html").write_text("<html><head><title>عنوان</title></head><body><p", encoding="utf-8")
        return str(tmp / "cut.html"), "no_main_text"
    if kind == "huge":
        with (tmp / "huge.txt").open("wb") as f:
            f.truncate(50 * 1024 * 1024)  # a 50 MB document
        return str(tmp / "huge.txt"), "too_large"
    if kind == "feed_timeout":
        return base + "/slow-feed", "timeout"
    if kind == "broken_warc":
        _broken_warc(tmp / "crawl.warc")
        return str(tmp / "crawl.warc"), "warc"
    if kind == "not_arabic":
        (tmp / "english.txt").write_text(
            "The ministry said on Monday that its forces had repelled an attack on a border post. " * 5
        )
        return str(tmp / "english.txt"), "not_arabic"
    raise AssertionError(kind)


BAD = [
    "empty",
    "binary",
    "encoding",
    "hostile_html",
    "truncated_html",
    "huge",
    "feed_timeout",
    "broken_warc",
    "not_arabic",
]


@pytest.mark.slow  # a process per bad input (~2 s each); the readers' own tests cover them fast
@pytest.mark.parametrize("kind", BAD)
def test_bad_input_is_named_recorded_and_the_batch_goes_on(
    kind: str, tmp_path: Path, http_server: tuple[str, dict[str, Route]]
) -> None:
    base, routes = http_server
    routes["/slow-feed"] = Route(b"<rss></rss>", "application/rss+xml", delay=5)
    bad, reason = _bad_input(kind, tmp_path, base)
    good = tmp_path / "good.txt"
    good.write_text(report(1), encoding="utf-8")
    db = str(tmp_path / "m.db")
    p = run_marsad("ingest", bad, str(good), "--db", db, "--allow-private-urls", "--timeout", "1")
    assert p.returncode == 1, p.stdout + p.stderr  # partial: something failed, the rest was stored
    message = " ".join(p.stderr.split())
    assert bad in message and f"({reason})" in message, message
    assert (bad, reason) in [(s.split("#")[0] if kind == "broken_warc" else s, r) for s, r in failures(db)]
    expected_stored = 2 if kind == "broken_warc" else 1  # the WARC's good page before the damage counts
    assert summary(p.stdout)["stored"] == expected_stored and count(db) == expected_stored


def test_every_input_failing_exits_3(tmp_path: Path) -> None:
    (tmp_path / "e.txt").write_bytes(b"")
    p = run_marsad("ingest", str(tmp_path / "e.txt"), "--db", str(tmp_path / "m.db"))
    assert p.returncode == 3
    assert summary(p.stdout) == {"stored": 0, "duplicates skipped": 0, "failed": 1}


@pytest.mark.slow
def test_examples_then_show_and_stats(tmp_path: Path) -> None:
    from ..conftest import ROOT

    db = str(tmp_path / "demo.db")
    p = run_marsad("ingest", str(ROOT / "examples/articles"), "--db", db)
    assert p.returncode == 0, p.stderr
    assert summary(p.stdout) == {"stored": 7, "duplicates skipped": 0, "failed": 0}
    shown = run_marsad("show", "example-wire-1", "--db", db, "--json")
    doc = json.loads(shown.stdout)
    assert doc["title"] == "الصومال: مقتل قيادي في حركة الشباب بغارة جوية"
    assert doc["dateline"]["name_en"] == "Mogadishu"
    text_view = run_marsad("show", doc["stored_id"], "--db", db)
    assert "Mogadishu" in text_view.stdout and "نشرة تجريبية" in text_view.stdout
    stats = run_marsad("stats", "--db", db)
    assert re.search(r"documents\s*│\s*7", stats.stdout)
    assert run_marsad("show", "nope", "--db", db).returncode == 3


def _corpus_twice(db: str) -> None:
    from ..conftest import shared_path

    corpus = shared_path("data/corpus/arabic_news.jsonl.gz")
    first = run_marsad("ingest", str(corpus), "--limit", "2000", "--db", db, timeout=900)
    assert first.returncode == 0, first.stderr[-2000:]
    assert summary(first.stdout) == {"stored": 2000, "duplicates skipped": 0, "failed": 0}
    assert count(db) == 2000
    second = run_marsad("ingest", str(corpus), "--limit", "2000", "--db", db, timeout=900)
    assert second.returncode == 0
    assert summary(second.stdout) == {"stored": 0, "duplicates skipped": 2000, "failed": 0}
    assert "already stored (duplicates)" in second.stdout
    assert count(db) == 2000


@pytest.mark.slow
def test_corpus_2000_twice_sqlite(tmp_path: Path) -> None:
    _corpus_twice(str(tmp_path / "corpus.db"))


@pytest.mark.slow
@pytest.mark.postgres
def test_corpus_2000_twice_postgresql(postgres_url: str) -> None:
    _corpus_twice(postgres_url)
