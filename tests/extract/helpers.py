"""Run an extractor through the pipeline on a text written by the project."""

from typing import Any

from marsad.document import RawDocument
from marsad.pipeline import Pipeline
from marsad.registry import load_extractor


def extract(text: str, published: str | None = "2021-06-29", *names: str) -> dict[str, Any]:
    """The document dict after the named extractors (default: times and quantities)."""
    pipeline = Pipeline([load_extractor(n) for n in names or ("times", "quantities")])
    doc = pipeline.process(RawDocument(source="t", text=text, raw=text, published=published, format="jsonl"))
    return doc.to_dict()


def only(items: list[dict[str, Any]], surface: str) -> dict[str, Any]:
    """The one annotation whose text is `surface`."""
    hits = [i for i in items if i["text"] == surface]
    assert len(hits) == 1, f"{surface!r} not found once in {[i['text'] for i in items]}"
    return hits[0]
