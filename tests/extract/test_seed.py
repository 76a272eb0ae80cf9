"""The seed article against its hand-made gold (read from ../shared): times, quantities, the sum
that does not add up, and the inferred publication date."""

import json
from typing import Any

import pytest

from marsad.document import RawDocument
from marsad.registry import build_pipeline

from ..conftest import shared_path

# The gold's names for qualifiers where ours differ.
QUALIFIER = {"approx": "about", "change_from_to": "change"}


@pytest.fixture(scope="module")
def seed() -> tuple[dict[str, Any], dict[str, Any]]:
    path = shared_path("examples/seed/article.txt")
    gold = json.loads(shared_path("examples/seed/gold.json").read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8")
    doc = build_pipeline().process(RawDocument(source=str(path), text=text, raw=text))
    return doc.to_dict(), gold


def _at(items: list[dict[str, Any]], text: str, surface: str) -> list[dict[str, Any]]:
    spans = []
    i = text.find(surface)
    while i >= 0:
        spans.append((i, i + len(surface)))
        i = text.find(surface, i + 1)
    return [x for x in items if any(x["start"] < b and a < x["end"] for a, b in spans)]


def test_every_gold_time_with_its_value(seed: tuple[dict[str, Any], dict[str, Any]]) -> None:
    doc, gold = seed
    for g in gold["times"]:
        found = _at(doc["times"], doc["text"], g["text"])
        assert any(t["value"] == g["value"] for t in found), (g["text"], g["value"], found)


def test_quantities_with_value_unit_and_qualifier(seed: tuple[dict[str, Any], dict[str, Any]]) -> None:
    doc, gold = seed
    right = []
    for g in gold["quantities"]:
        want = g["value"] if isinstance(g["value"], list) else [g["value"]]
        for q in _at(doc["quantities"], doc["text"], g["text"]):
            got = [q.get(k) for k in ("value", "value_from", "value_to")]
            qualifier = q["hedge"] or q["vagueness"] or ("exact" if q["kind"] == "value" else q["kind"])
            if (
                all(w in got for w in want)
                and q["unit"] == g["unit"]
                and qualifier == QUALIFIER.get(g["qualifier"], g["qualifier"])
            ):
                right.append(g["text"])
                break
    # The reading-time line is page furniture: cleaning removes it, so 10 of 11 is the most.
    assert len(right) >= 10, right


def test_sum_mismatch_and_inferred_publication_date(seed: tuple[dict[str, Any], dict[str, Any]]) -> None:
    doc, gold = seed
    assert any(f["kind"] == "sum_mismatch" and f["message"] == "78 + 3 = 81, not 83" for f in doc["findings"])
    lo, hi = gold["document"]["published"]["accept_range"]
    assert doc["published"]["inferred"] is True
    assert lo <= doc["published"]["value"] <= hi
