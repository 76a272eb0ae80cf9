"""Hostile and damaged inputs: each is that input's clear error (or a flagged repair), never the
end of the batch and never invented text."""

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from marsad import ingest as ingest_module
from marsad.batch.run import ingest_all
from marsad.errors import InputError
from marsad.ingest import read_inputs
from marsad.ingest.decode import decode
from marsad.pipeline import Pipeline
from marsad.store import Store

ARABIC = "قالت وزارة الدفاع إن قواتها صدت هجوماً على موقع عسكري قرب الحدود الشمالية، وأضافت أن التحقيق مستمر."


@pytest.mark.parametrize("codec", ["cp1256", "iso-8859-6"])
def test_legacy_code_pages_round_trip(codec: str) -> None:
    got = decode(ARABIC.encode(codec), "x.txt")
    assert (got.text, got.encoding, got.replaced) == (ARABIC, codec, 0)


def test_a_few_invalid_bytes_are_replaced_not_read_as_another_code_page() -> None:
    data = ARABIC.encode("utf-8")
    damaged = data[:20] + b"\xff" + data[20:]
    got = decode(damaged, "x.txt")
    assert (got.encoding, got.replaced) == ("utf-8", 1)
    assert got.text.replace("\ufffd", "") == ARABIC


def test_malformed_utf16_is_an_encoding_error() -> None:
    with pytest.raises(InputError) as err:
        decode(b"\xff\xfe" + "نص".encode("utf-16-le") + b"\x00\xd8", "x.txt")  # an unpaired high surrogate
    assert err.value.reason == "encoding"


def _write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_a_bad_input_does_not_stop_the_inputs_after_it(tmp_path: Path) -> None:
    bad = _write(tmp_path, "a.txt", b"\xff\xfe\x00\xd8")
    good = _write(tmp_path, "b.txt", ARABIC.encode("utf-8"))
    items = list(read_inputs([bad, good]))
    assert [type(i).__name__ for i in items] == ["InputError", "RawDocument"]


def test_records_of_unexpected_shape_fail_alone(tmp_path: Path) -> None:
    lines = [
        {"id": 1, "text": ARABIC, "authors": 5, "title": {"x": 1}},
        {"id": 2, "text": 123},
        [1, 2],
        {"id": 3, "text": ARABIC + " \ud800 ."},
        {"id": 4, "text": ARABIC},
    ]
    path = tmp_path / "r.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    items = list(read_inputs([str(path)]))
    assert len(items) == 5
    assert [i.source_id for i in items if not isinstance(i, InputError)] == ["1", "3", "4"]
    assert "\ud800" not in items[3].text and "\ufffd" in items[3].text  # type: ignore[union-attr]


def test_a_reader_bug_is_that_inputs_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(data: bytes, source: str) -> object:
        raise RuntimeError("a bug in a reader")

    monkeypatch.setattr(ingest_module, "read_text", broken)
    jsonl = tmp_path / "r.jsonl"
    jsonl.write_text(json.dumps({"id": "ok", "text": ARABIC}) + "\n", encoding="utf-8")
    items = list(read_inputs([_write(tmp_path, "a.txt", ARABIC.encode()), str(jsonl)]))
    assert isinstance(items[0], InputError) and "a bug in a reader" in items[0].detail
    assert not isinstance(items[1], InputError)


def test_a_lone_surrogate_is_stored(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"id": "s", "title": "عنوان \udc00", "text": ARABIC + " \ud800"}) + "\n")
    store = Store(str(tmp_path / "m.db"))
    try:
        report = ingest_all([str(path)], store, Pipeline())
        assert (report.stored, report.failed) == (1, 0)
    finally:
        store.close()


def test_a_store_that_fails_mid_run_leaves_the_run_aborted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(str(tmp_path / "m.db"))

    def down(*args: object, **kwargs: object) -> bool:
        raise sa.exc.OperationalError("INSERT", {}, Exception("disk I/O error"))

    monkeypatch.setattr(store, "save", down)
    try:
        with pytest.raises(sa.exc.OperationalError):
            ingest_all([_write(tmp_path, "a.txt", ARABIC.encode())], store, Pipeline())
        with store.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT status FROM ingest_runs")).scalar_one() == "aborted"
    finally:
        store.close()
