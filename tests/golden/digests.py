"""Compute each extractor's golden digest: what it outputs on a fixed set of the project's own texts.

The texts are `examples/articles/` (the project's example articles) and `tests/golden/texts/`
(written for this; `undated-report.txt` has no publication date, so `times` infers one). Never add
third-party article text.

Annotations are taken from `Document.to_dict()` (the output contract), not from the internal
representation: every top-level field that is a dict with an `extractor` key (`published`) or a
list of such dicts (the layers) is grouped by that key. Each annotation is recorded with its
document (the source, relative to the repository) and field, in output order, with the provenance
keys (`extractor`, `version`) removed and floats rounded to 6 places; the digest is the SHA-256
of that list as canonical JSON (sort_keys, ensure_ascii=False, compact separators).
"""

from __future__ import annotations

import hashlib
import inspect
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DIGESTS = Path(__file__).with_name("digests.json")
TEXTS = (ROOT / "examples/articles", Path(__file__).with_name("texts"))
UPDATE_COMMAND = "PYTHONPATH=src .venv/bin/python -m tests.golden.update"
PROVENANCE = ("extractor", "version")


def golden_documents() -> list[dict[str, Any]]:
    """Run the default pipeline on the golden texts; `to_dict()` of each document, in input order."""
    from marsad.errors import InputError
    from marsad.ingest import read_inputs
    from marsad.registry import build_pipeline

    pipeline = build_pipeline()
    docs = []
    for item in read_inputs(str(p) for p in TEXTS):
        if isinstance(item, InputError):
            raise item
        docs.append(pipeline.process(item).to_dict())
    return docs


def _strip(value: Any) -> Any:
    """The annotation without provenance (in any dict that carries it) and with floats rounded."""
    if isinstance(value, dict):
        drop = PROVENANCE if "extractor" in value else ()
        return {k: _strip(v) for k, v in value.items() if k not in drop}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    if isinstance(value, float):
        return round(value, 6)
    return value


def _where(doc: dict[str, Any]) -> str:
    source = str(doc.get("source") or doc.get("id"))
    prefix = str(ROOT) + "/"
    return source[len(prefix) :] if source.startswith(prefix) else source


def annotations_by_extractor(docs: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """{extractor: [{"document", "field", "annotation"}, ...]} from `to_dict()` output."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for doc in docs:
        for field, value in doc.items():
            items = [value] if isinstance(value, dict) else value if isinstance(value, list) else []
            for item in items:
                if isinstance(item, dict) and item.get("extractor"):  # published from the source: none
                    grouped.setdefault(str(item["extractor"]), []).append(
                        {"document": _where(doc), "field": field, "annotation": _strip(item)}
                    )
    return grouped


def digest(records: list[dict[str, Any]]) -> str:
    canonical = json.dumps(records, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def extractors() -> dict[str, Any]:
    """The default pipeline's extractors by name."""
    from marsad.registry import build_pipeline

    return {ex.name: ex for ex in build_pipeline().extractors}


def current(docs: list[dict[str, Any]] | None = None) -> dict[str, dict[str, str]]:
    """{extractor: {"version", "digest"}} for every extractor in the default pipeline, as of now.
    An annotation stamped with a name no extractor has is an error."""
    docs = golden_documents() if docs is None else docs
    grouped = annotations_by_extractor(docs)
    exs = extractors()
    unknown = sorted(set(grouped) - set(exs))
    if unknown:
        raise ValueError(f"annotations carry extractor names that are not in the pipeline: {unknown}")
    return {
        name: {"version": str(ex.version), "digest": digest(grouped.get(name, []))}
        for name, ex in exs.items()
    }


def version_location(ex: Any) -> str:
    """Where an extractor's `version` is written: 'src/marsad/extract/times.py:23 (TimeExtractor.version)'."""
    cls = type(ex)
    try:
        path = Path(inspect.getsourcefile(cls) or "?")
        lines, first = inspect.getsourcelines(cls)
    except (OSError, TypeError):
        return f"{cls.__module__}.{cls.__qualname__}"
    line = next((first + i for i, text in enumerate(lines) if re.match(r"\s+version\s*[:=]", text)), first)
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    return f"{shown}:{line} ({cls.__qualname__}.version)"


def load(path: Path = DIGESTS) -> dict[str, dict[str, str]]:
    if not path.exists():
        return {}
    data: dict[str, dict[str, str]] = json.loads(path.read_text(encoding="utf-8"))
    return data


def save(digests: dict[str, dict[str, str]], path: Path = DIGESTS) -> None:
    path.write_text(
        json.dumps(digests, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def stale(recorded: dict[str, dict[str, str]], now: dict[str, dict[str, str]]) -> list[str]:
    """Extractors whose output changed while their version did not (each must bump its version)."""
    return sorted(
        name
        for name, cur in now.items()
        if name in recorded
        and recorded[name]["version"] == cur["version"]
        and recorded[name]["digest"] != cur["digest"]
    )
