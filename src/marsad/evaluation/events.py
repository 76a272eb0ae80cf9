"""Score the events extractor on a gold set kept as corpus ids, offsets and short trigger strings.

The gold (`eval/events/`: `articles.tsv` with each article's split, `gold/*.json` with its events)
points into corpus records that stay outside the repository; `corpus_records` reads them from the
shared corpus. The metrics are those of `../shared/tools/evaluate.py dev`, computed the same way,
so that the numbers on the project's own set and on the public dev set compare:

- event recall: gold conflict events found with the right type (aligned first by an overlapping
  trigger or mention, then by type and country) and the right country;
- event precision (a lower bound): system conflict events aligned with a gold one of the right
  country, over all system conflict events;
- date right / killed right: of the gold events that have a date / a death toll, those found
  with that date (at its precision) / that toll.

`score(..., threshold=t)` keeps only system events whose confidence is at least `t`, for the
precision-recall trade-off.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.document import Document
from marsad.errors import InputError
from marsad.ingest.jsonl import record_to_raw
from marsad.model import Event
from marsad.pipeline import Pipeline

CONFLICT_TYPES = frozenset(
    {
        "ATTACK",
        "CLASH",
        "LEADER_KILLED",
        "ARREST",
        "RELEASE",
        "CLAIM_OF_RESPONSIBILITY",
        "MILITARY_OPERATION",
        "TERRITORY_CHANGE",
    }
)


@dataclass(frozen=True, slots=True)
class GoldArticle:
    corpus_id: str
    split: str
    region: str
    events: tuple[dict[str, Any], ...]


@dataclass(slots=True)
class Scores:
    counts: Counter[str] = field(default_factory=Counter)

    def ratio(self, num: str, den: str) -> float:
        return self.counts[num] / max(1, self.counts[den])

    def metrics(self) -> dict[str, float]:
        return {
            "event_recall": self.ratio("ev_found", "ev_gold"),
            "event_precision_lb": self.ratio("ev_sys_ok", "ev_sys"),
            "killed_right": self.ratio("kill_ok", "kill_gold"),
            "event_date_right": self.ratio("date_ok", "date_gold"),
        }


def load_gold(folder: Path, split: str | None = None) -> list[GoldArticle]:
    """The articles of `folder/articles.tsv` (of one split, or all) that have a gold file."""
    out = []
    for line in (folder / "articles.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        corpus_id, region, _outlet, _year, part = line.split("\t")[:5]
        path = folder / "gold" / (corpus_id.replace(":", "__") + ".json")
        if (split is None or part == split) and path.exists():
            gold = json.loads(path.read_text(encoding="utf-8"))
            out.append(GoldArticle(corpus_id, part, region, tuple(gold.get("events", []))))
    return out


def corpus_records(path: Path, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The corpus records with these ids, read from the (gzipped) JSONL corpus."""
    wanted = set(ids)
    out: dict[str, dict[str, Any]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["id"] in wanted:
                out[rec["id"]] = rec
    return out


def extract(pipeline: Pipeline, records: dict[str, dict[str, Any]]) -> dict[str, Document | None]:
    """Each record through the pipeline as `evaluate.py` gives it (id, title, published, text)."""
    out: dict[str, Document | None] = {}
    for rid, rec in records.items():
        fields = {"id": rid, "title": rec.get("title"), "published": rec.get("date"), "text": rec["text"]}
        try:
            out[rid] = pipeline.process(record_to_raw(fields, rid))
        except InputError:
            out[rid] = None
    return out


def score(gold: Sequence[GoldArticle], docs: dict[str, Document | None], threshold: float = 0.0) -> Scores:
    scores = Scores()
    for article in gold:
        doc = docs.get(article.corpus_id)
        system = [] if doc is None else [e for e in doc.events if e.type in CONFLICT_TYPES]
        system = [e for e in system if e.confidence >= threshold]
        _score_article(scores.counts, [g for g in article.events if g["type"] in CONFLICT_TYPES], system, doc)
    return scores


def _score_article(
    agg: Counter[str], gold: list[dict[str, Any]], system: list[Event], doc: Document | None
) -> None:
    text = doc.text if doc else ""
    agg["ev_sys"] += len(system)
    used: set[int] = set()
    align: dict[int, int] = {}
    for gi, g in enumerate(gold):  # by an overlapping trigger or mention
        occ = _occurrences(text, g.get("trigger") or "\x00")
        for k, e in enumerate(system):
            if k in used or e.type != g["type"]:
                continue
            spans = [(s.start, s.end) for s in (e.trigger, *e.mentions)]
            if any(a < oe and os_ < b for a, b in spans for os_, oe in occ):
                align[gi] = k
                used.add(k)
                break
    for gi, g in enumerate(gold):  # then by type and country
        if gi in align:
            continue
        for k, e in enumerate(system):
            if k in used or e.type != g["type"] or (g.get("country") and e.country != g["country"]):
                continue
            align[gi] = k
            used.add(k)
            break
    for gi, g in enumerate(gold):
        agg["ev_gold"] += 1
        agg["kill_gold"] += g.get("killed") is not None
        agg["date_gold"] += bool(g.get("date"))
        if gi not in align:
            continue
        e = system[align[gi]]
        if g.get("country") and e.country != g["country"]:
            continue
        agg["ev_found"] += 1
        agg["ev_sys_ok"] += 1
        if g.get("killed") is not None and e.killed is not None and e.killed.value == g["killed"]:
            agg["kill_ok"] += 1
        if g.get("date") and _date_ok(e.date, str(g["date"])):
            agg["date_ok"] += 1


def _occurrences(text: str, s: str) -> list[tuple[int, int]]:
    out, i = [], text.find(s)
    while i >= 0:
        out.append((i, i + len(s)))
        i = text.find(s, i + 1)
    return out


def _date_ok(got: str | None, want: str) -> bool:
    """As `evaluate.py`: the same value, or a day inside the month or year the gold gives."""
    got = got or ""
    return bool(want) and (
        got == want or (got[: len(want)] == want and len(got) in (len(want), len(want) + 3))
    )
