"""A stage that fails on one document fails that document only: the batch goes on and says why."""

from pathlib import Path
from typing import Any

from marsad.arabic.layer import TextLayer
from marsad.batch import extract_all, ingest_all
from marsad.document import Document
from marsad.errors import InputError
from marsad.pipeline import Pipeline
from marsad.store import Store

from .ingest.texts import report


class Fragile:
    """An extractor with a bug that shows on documents mentioning "المحافظة رقم 2"."""

    name = "fragile"
    version = "1"
    requires = ("text",)
    provides = ("findings",)

    def __call__(self, doc: Document, layer: TextLayer) -> dict[str, Any]:
        if "رقم 2 " in doc.text:
            return {}["boom"]  # type: ignore[no-any-return]
        return {"findings": []}


def inputs(tmp_path: Path) -> list[str]:
    paths = []
    for n in (1, 2, 3):
        p = tmp_path / f"{n}.txt"
        p.write_text(report(n), encoding="utf-8")
        paths.append(str(p))
    return paths


def test_extract_goes_on_past_a_failing_stage(tmp_path: Path) -> None:
    items = list(extract_all(inputs(tmp_path), Pipeline([Fragile()])))
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "Document"]
    err = items[1]
    assert isinstance(err, InputError) and err.reason == "extractor" and "KeyError" in err.detail
    assert err.source.endswith("2.txt")


def test_ingest_records_the_failure_and_stores_the_rest(tmp_path: Path) -> None:
    store = Store(str(tmp_path / "m.db"))
    rep = ingest_all(inputs(tmp_path), store, Pipeline([Fragile()]))
    assert (rep.stored, rep.failed) == (2, 1)
    assert store.stats()["failures"] == {"extractor": 1}
    assert store.stats()["counts"]["documents"] == 2
    store.close()
