import json
from pathlib import Path

import jsonschema

from ..conftest import ROOT, run_marsad, shared_path
from ..ingest.texts import PAGE, report

SCHEMA = json.loads((ROOT / "docs/schema/document.schema.json").read_text(encoding="utf-8"))


def validate(doc: dict[str, object]) -> None:
    jsonschema.validate(doc, SCHEMA, cls=jsonschema.Draft202012Validator)


def test_seed_article_extracts_clean_and_valid() -> None:
    path = shared_path("examples/seed/article.txt")
    p = run_marsad("extract", str(path))
    assert p.returncode == 0, p.stderr
    doc = json.loads(p.stdout)
    validate(doc)
    text = doc["text"]
    assert "دقائق القراءة" not in text
    assert text.count("وزير الخارجية الأميركي أنتوني بلينكين في صورة جماعية") == 1
    assert doc["dateline"]["text"] == "دبي" and doc["dateline"]["name_en"] == "Dubai"
    assert doc["authors"] == ["الزبير الأنصاري"]
    assert doc["language"] == "ar"


def test_jsonl_keeps_input_order_and_ids(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    recs = [
        {"id": f"x{n}", "title": f"خبر {n}", "published": "2021-06-29", "text": report(n)} for n in range(5)
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    p = run_marsad("extract", str(path), "--format", "jsonl")
    assert p.returncode == 0, p.stderr
    docs = [json.loads(line) for line in p.stdout.splitlines()]
    assert [d["id"] for d in docs] == [f"x{n}" for n in range(5)]
    assert [d["text"] for d in docs] == [r["text"] for r in recs]
    for d in docs:
        validate(d)
        assert d["published"] == {
            "value": "2021-06-29",
            "inferred": False,
            "evidence": ["source metadata"],
            "extractor": None,
            "version": None,
        }


def test_several_inputs_as_a_json_array_and_failures_on_stderr(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(report(1), encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"")
    p = run_marsad("extract", str(tmp_path))
    assert p.returncode == 1  # some inputs failed
    docs = json.loads(p.stdout)
    assert [d["format"] for d in docs] == ["html", "text"]
    assert f"{tmp_path / 'c.txt'}: the input is empty (empty)" in p.stderr


def test_documented_example_follows_the_schema() -> None:
    validate(json.loads((ROOT / "docs/schema/example.json").read_text(encoding="utf-8")))


def test_the_schema_rejects_a_broken_document() -> None:
    doc = json.loads((ROOT / "docs/schema/example.json").read_text(encoding="utf-8"))
    del doc["entities"][0]["mentions"]
    try:
        validate(doc)
    except jsonschema.ValidationError as exc:
        assert "mentions" in exc.message
    else:
        raise AssertionError("schema accepted an entity without mentions")


def test_usage_errors_exit_2() -> None:
    assert run_marsad("extract", "x.txt", "--format", "xml").returncode == 2
    assert run_marsad("frobnicate").returncode == 2
