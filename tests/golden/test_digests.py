"""Golden digests: an extractor's `version` changes whenever its output on the golden texts does.

tests/golden/digests.json records, for each extractor of the default pipeline, its `version` and
the SHA-256 of its annotations on `examples/articles/` and `tests/golden/texts/` (how the digest is
made: tests/golden/digests.py). When an extractor's output changes on purpose:

  1. bump its `version` attribute (the failure message names the file and line), then
  2. run, from the repository root:  PYTHONPATH=src .venv/bin/python -m tests.golden.update

The update refuses to record a changed digest under an unchanged version.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from tests.golden import digests as golden
from tests.golden import update


@pytest.fixture(scope="module")
def docs() -> list[dict[str, Any]]:
    return golden.golden_documents()


@pytest.fixture(scope="module")
def now(docs: list[dict[str, Any]]) -> dict[str, dict[str, str]]:
    return golden.current(docs)


def test_every_extractor_has_its_recorded_digest(now: dict[str, dict[str, str]]) -> None:
    recorded = golden.load()
    assert recorded, f"{golden.DIGESTS} is missing or empty: run {golden.UPDATE_COMMAND}"
    exs = golden.extractors()
    problems = []
    for name, cur in now.items():
        rec = recorded.get(name)
        if rec is None:
            problems.append(f"{name}: not in digests.json; run {golden.UPDATE_COMMAND}")
        elif rec["digest"] != cur["digest"] and rec["version"] == cur["version"]:
            problems.append(
                f"{name}: its output on the golden texts changed but its version is still "
                f"{cur['version']!r}: bump the extractor's `version` in {golden.version_location(exs[name])} "
                f"and run {golden.UPDATE_COMMAND}"
            )
        elif rec != cur:
            problems.append(
                f"{name}: version {cur['version']!r}, but digests.json records {rec['version']!r}: "
                f"run {golden.UPDATE_COMMAND}"
            )
    problems += [
        f"{name}: in digests.json but not in the pipeline; run {golden.UPDATE_COMMAND}"
        for name in sorted(set(recorded) - set(now))
    ]
    assert not problems, "\n".join(problems)


def test_the_golden_texts_exercise_every_extractor(docs: list[dict[str, Any]]) -> None:
    grouped = golden.annotations_by_extractor(docs)
    assert set(grouped) == set(golden.extractors())
    assert all(len(items) >= 3 for items in grouped.values()), {k: len(v) for k, v in grouped.items()}
    # the undated text's inferred publication date is part of the times digest
    assert any(r["field"] == "published" for r in grouped["times"])


def test_annotations_carry_their_extractors_version(docs: list[dict[str, Any]]) -> None:
    exs = golden.extractors()
    for doc in docs:
        for value in doc.values():
            for item in [value] if isinstance(value, dict) else value if isinstance(value, list) else []:
                if isinstance(item, dict) and item.get("extractor"):
                    assert item["version"] == exs[item["extractor"]].version, item


def _doc(**fields: Any) -> dict[str, Any]:
    return {"id": "d1", "source": "x.txt", "text": "نص", **fields}


def test_digest_ignores_provenance_and_sees_content() -> None:
    ent = {"start": 0, "end": 2, "text": "نص", "type": "LOC", "extractor": "entities", "version": "1"}
    pub = {"value": "2021-08-12", "inferred": True, "extractor": "times", "version": "1"}
    base = golden.annotations_by_extractor([_doc(entities=[ent], published=pub, times=[])])
    assert set(base) == {"entities", "times"} and base["times"][0]["field"] == "published"

    bumped = golden.annotations_by_extractor(
        [_doc(entities=[{**ent, "version": "2"}], published={**pub, "version": "7"}, times=[])]
    )
    assert golden.digest(bumped["entities"]) == golden.digest(base["entities"])
    assert golden.digest(bumped["times"]) == golden.digest(base["times"])

    changed = golden.annotations_by_extractor([_doc(entities=[{**ent, "type": "ORG"}], published=pub)])
    assert golden.digest(changed["entities"]) != golden.digest(base["entities"])
    moved = golden.annotations_by_extractor([_doc(entities=[ent], published={**pub, "value": "2021-08-13"})])
    assert golden.digest(moved["times"]) != golden.digest(base["times"])


def test_update_refuses_a_changed_digest_under_the_same_version(
    now: dict[str, dict[str, str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(golden, "current", lambda docs=None: copy.deepcopy(now))
    path = tmp_path / "digests.json"
    old = copy.deepcopy(now)
    old["claims"]["digest"] = "0" * 64
    golden.save(old, path)

    assert update.main(["--digests", str(path)]) == 1
    err = capsys.readouterr().err
    assert "refused: claims" in err and "src/marsad/extract/claims.py:" in err
    assert json.loads(path.read_text(encoding="utf-8")) == old

    old["claims"]["version"] = "0"  # the version was bumped since: the new digest is recorded
    golden.save(old, path)
    assert update.main(["--digests", str(path)]) == 0
    assert json.loads(path.read_text(encoding="utf-8")) == now


def test_docs_name_each_version_attribute_and_the_update_command() -> None:
    doc = (golden.ROOT / "docs/extractors.md").read_text(encoding="utf-8")
    for name, ex in golden.extractors().items():
        assert f"| `{name}` | `{type(ex).__qualname__}.version` |" in doc
    assert golden.UPDATE_COMMAND in doc and golden.UPDATE_COMMAND in (update.__doc__ or "")
