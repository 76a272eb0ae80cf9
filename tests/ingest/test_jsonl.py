import gzip
import json
from pathlib import Path

from marsad.document import RawDocument
from marsad.errors import InputError
from marsad.ingest import read_inputs

from .texts import report


def write_jsonl(path: Path, lines: list[str], gz: bool = False) -> Path:
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


def rec(n: int, **extra: object) -> str:
    return json.dumps(
        {"id": f"r{n}", "title": f"خبر {n}", "date": "2018-02-18", "text": report(n), **extra},
        ensure_ascii=False,
    )


def test_records_with_fields(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [rec(1, url="https://example.org/1", outlet="وكالة"), rec(2)])
    docs = list(read_inputs([str(path)]))
    assert all(isinstance(d, RawDocument) for d in docs)
    first = docs[0]
    assert isinstance(first, RawDocument)
    assert (first.source_id, first.title, first.published, first.url, first.outlet) == (
        "r1",
        "خبر 1",
        "2018-02-18",
        "https://example.org/1",
        "وكالة",
    )
    assert first.source == f"{path}:1"


def test_gzip_is_read_transparently_whatever_the_name(tmp_path: Path) -> None:
    for name in ("b.jsonl.gz", "c.jsonl"):
        path = write_jsonl(tmp_path / name, [rec(1), rec(2), rec(3)], gz=True)
        assert [d.source_id for d in read_inputs([str(path)]) if isinstance(d, RawDocument)] == [
            "r1",
            "r2",
            "r3",
        ]


def test_published_takes_precedence_over_date(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "p.jsonl", [rec(1, published="2021-06-29")])
    (doc,) = read_inputs([str(path)])
    assert isinstance(doc, RawDocument) and doc.published == "2021-06-29"


def test_bad_lines_are_errors_and_reading_goes_on(tmp_path: Path) -> None:
    lines = [rec(1), "{not json", json.dumps([1, 2]), json.dumps({"id": "x", "text": ""}), rec(2)]
    path = write_jsonl(tmp_path / "bad.jsonl", lines)
    items = list(read_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == [
        "RawDocument",
        "InputError",
        "InputError",
        "InputError",
        "RawDocument",
    ]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [e.reason for e in errors] == ["json", "json", "empty"]
    assert errors[0].source == f"{path}:2"


def test_truncated_gzip_keeps_what_was_read_and_reports(tmp_path: Path) -> None:
    data = gzip.compress(("\n".join(rec(n) for n in range(200)) + "\n").encode("utf-8"))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = list(read_inputs([str(path)]))
    assert sum(isinstance(i, RawDocument) for i in items) > 10
    assert isinstance(items[-1], InputError) and items[-1].reason == "truncated"
