#!/usr/bin/env python3
"""Check the event gold of eval/events/gold/*.json against the corpus articles it points into.

Run from the repository root: `python3 eval/events/check_gold.py [CORPUS_ID ...]`. Each gold file
holds corpus ids, offsets and short trigger strings only, never article text: the trigger at
`start`/`end` must be the exact substring of the corpus record's `text`.
"""

import gzip
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent.parent / "shared/data/corpus/arabic_news.jsonl.gz"
ONTOLOGY = HERE.parent.parent / "src/marsad/data/lexicons/event_types.tsv"


def _types() -> dict[str, set[str]]:
    """The ontology's types and subtypes, from the package's copy of it (without KILLING, the
    extractor's own type, which gold never uses)."""
    out = {}
    for line in ONTOLOGY.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            etype, subtypes = line.split("\t")[:2]
            out[etype] = set() if subtypes == "-" else set(subtypes.split(","))
    out.pop("KILLING", None)
    return out


TYPES = _types()
EVENT_KEYS = {"type", "subtype", "trigger", "start", "end", "mentions", "date", "date_precision", "location",
              "country", "killed", "wounded", "actor", "target", "claimed_by", "background", "note"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")
MAX_TRIGGER_WORDS = 4


def corpus_texts(ids: set[str]) -> dict[str, dict]:
    out = {}
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["id"] in ids:
                out[rec["id"]] = rec
    return out


def check(gold: dict, rec: dict) -> list[str]:
    errs = []
    text = rec["text"]
    if gold.get("published") and gold["published"] != (rec.get("date") or "")[:10]:
        errs.append(f"published {gold['published']} != corpus date {rec.get('date')}")

    def span_ok(trigger: str, start: int, end: int, where: str) -> None:
        if not isinstance(start, int) or not isinstance(end, int) or text[start:end] != trigger:
            errs.append(f"{where}: text[{start}:{end}] is not {trigger!r}")
        if len(trigger.split()) > MAX_TRIGGER_WORDS:
            errs.append(f"{where}: trigger longer than {MAX_TRIGGER_WORDS} words")

    for n, ev in enumerate(gold.get("events", [])):
        where = f"event {n}"
        if set(ev) - EVENT_KEYS:
            errs.append(f"{where}: unknown keys {sorted(set(ev) - EVENT_KEYS)}")
        if ev.get("type") not in TYPES:
            errs.append(f"{where}: type {ev.get('type')!r}")
        elif ev.get("subtype") and ev["subtype"] not in TYPES[ev["type"]]:
            errs.append(f"{where}: subtype {ev['subtype']!r} of {ev['type']}")
        span_ok(ev.get("trigger", ""), ev.get("start"), ev.get("end"), where)
        for k, m in enumerate(ev.get("mentions") or []):
            span_ok(m.get("trigger", ""), m.get("start"), m.get("end"), f"{where} mention {k}")
        if ev.get("date") is not None and not DATE.match(str(ev["date"])):
            errs.append(f"{where}: date {ev['date']!r}")
        if ev.get("date_precision") not in (None, "day", "week", "month", "year"):
            errs.append(f"{where}: date_precision {ev['date_precision']!r}")
        if ev.get("country") is not None and not re.match(r"^[A-Z]{2}$", ev["country"]):
            errs.append(f"{where}: country {ev['country']!r}")
        for k in ("killed", "wounded"):
            if ev.get(k) is not None and not isinstance(ev[k], int):
                errs.append(f"{where}: {k} {ev[k]!r} is not an integer")
    return errs


def main(argv: list[str]) -> int:
    files = sorted((HERE / "gold").glob("*.json"))
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in files]
    if argv:
        golds = [g for g in golds if g["corpus_id"] in argv]
    recs = corpus_texts({g["corpus_id"] for g in golds})
    bad = 0
    for g in golds:
        rec = recs.get(g["corpus_id"])
        errs = ["not in the corpus"] if rec is None else check(g, rec)
        for e in errs:
            print(f"{g['corpus_id']}: {e}")
        bad += bool(errs)
    events = sum(len(g.get("events", [])) for g in golds)
    print(f"{len(golds)} gold files, {events} events, {bad} with errors")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
