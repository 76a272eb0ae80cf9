"""The output contract: the JSON Schema is generated from the typed models, and what `marsad
extract` prints follows it, with no field it does not name."""

import json

import jsonschema
import pytest

from marsad.model import record_schema

from .conftest import ROOT, run_marsad

COMMITTED = ROOT / "docs/schema/document.schema.json"
EXAMPLES = sorted(p for p in (ROOT / "examples/articles").iterdir() if p.name != "README.md")


def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(COMMITTED.read_text(encoding="utf-8")))


def test_committed_schema_is_the_generated_one() -> None:
    assert json.loads(COMMITTED.read_text(encoding="utf-8")) == record_schema(), (
        "docs/schema/document.schema.json differs from the models: "
        "run `python -m marsad.model > docs/schema/document.schema.json`"
    )


def test_schema_forbids_unknown_fields_everywhere() -> None:
    schema = record_schema()
    objects = [schema, *schema["$defs"].values()]
    assert all(o.get("additionalProperties") is False for o in objects if o.get("type") == "object")


def test_example_articles_validate() -> None:
    p = run_marsad("extract", *map(str, EXAMPLES), "--format", "jsonl")
    assert p.returncode == 0, p.stderr
    docs = [json.loads(line) for line in p.stdout.splitlines()]
    assert len(docs) >= len(EXAMPLES)
    validator = _validator()
    for doc in docs:
        errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(doc)]
        assert errors == [], doc["source"]
    assert any(d["events"] for d in docs) and any(d["claims"] for d in docs)


@pytest.mark.parametrize(
    ("where", "field"),
    [((), "extra"), (("events", 0), "killed_total"), (("entities", 0, "mentions", 0), "note")],
)
def test_a_field_the_schema_does_not_name_is_rejected(where: tuple[object, ...], field: str) -> None:
    doc = json.loads((ROOT / "docs/schema/example.json").read_text(encoding="utf-8"))
    _validator().validate(doc)
    target = doc
    for key in where:
        target = target[key]
    target[field] = 1
    with pytest.raises(jsonschema.ValidationError, match="Additional properties"):
        _validator().validate(doc)


def test_a_toll_is_always_a_figure() -> None:
    doc = json.loads((ROOT / "docs/schema/example.json").read_text(encoding="utf-8"))
    doc["events"][0]["killed"] = 12
    with pytest.raises(jsonschema.ValidationError):
        _validator().validate(doc)
