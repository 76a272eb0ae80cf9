"""CoNLL files (one token per line, blank line between sentences) and conlleval-style scoring."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

Sentence = list[tuple[str, str]]  # (token, tag)


def read_conll(path: Path, tag_column: int = -1) -> list[Sentence]:
    """Sentences of (token, tag); a line with one column gets tag "O". U+200E marks are dropped."""
    sents: list[Sentence] = []
    cur: Sentence = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        parts = line.replace("\u200e", "").split()
        if not parts:
            if cur:
                sents.append(cur)
                cur = []
            continue
        cur.append((parts[0], parts[tag_column] if len(parts) > 1 else "O"))
    if cur:
        sents.append(cur)
    return sents


def chunks(tags: list[str]) -> set[tuple[str, int, int]]:
    """Entities as (type, start, end), conlleval style: an I- after another type starts one."""
    out: set[tuple[str, int, int]] = set()
    cur: tuple[str, int] | None = None
    for i, t in enumerate([*tags, "O"]):
        starts = t.startswith("B-") or (t.startswith("I-") and (cur is None or cur[0] != t[2:]))
        if t == "O" or starts:
            if cur:
                out.add((cur[0], cur[1], i))
                cur = None
            if t != "O":
                cur = (t[2:], i)
    return out


@dataclass
class Scores:
    tp: Counter[str]
    fp: Counter[str]
    fn: Counter[str]

    def prf(self, label: str | None = None) -> tuple[float, float, float]:
        tp = sum(self.tp.values()) if label is None else self.tp[label]
        fp = sum(self.fp.values()) if label is None else self.fp[label]
        fn = sum(self.fn.values()) if label is None else self.fn[label]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def labels(self) -> list[str]:
        return sorted(set(self.tp) | set(self.fp) | set(self.fn))


def score(gold: Iterable[list[str]], predicted: Iterable[list[str]]) -> Scores:
    s = Scores(Counter(), Counter(), Counter())
    for g, p in zip(gold, predicted, strict=True):
        ge, pe = chunks(g), chunks(p)
        for e in ge & pe:
            s.tp[e[0]] += 1
        for e in pe - ge:
            s.fp[e[0]] += 1
        for e in ge - pe:
            s.fn[e[0]] += 1
    return s


# NewsFANE's fine types, by the coarse class ANERcorp uses for them.
NEWSFANE_COARSE = {
    **dict.fromkeys(
        (
            "Politician",
            "Athlete",
            "Artist",
            "Scientist",
            "Businessperson",
            "Police",
            "Lawyer",
            "Engineer",
            "Religious_PER",
            "Group",
            "Other_PER",
        ),
        "PERS",
    ),
    **dict.fromkeys(
        (
            "Government",
            "Non-Governmental",
            "Commercial",
            "Educational",
            "Media",
            "Sports",
            "Religious_ORG",
            "Medical-Science",
            "Entertainment",
        ),
        "ORG",
    ),
    **dict.fromkeys(
        (
            "Nation",
            "Population-Center",
            "State-or-Province",
            "County-or-District",
            "GPE-Cluster",
            "Continent",
            "Water-Body",
            "Land-Region-Natural",
            "Celestial",
            "Building-Grounds",
            "Airport",
            "Path",
            "Subarea-Facility",
        ),
        "LOC",
    ),
}


def coarse_tag(tag: str) -> str:
    """A tag of NewsFANE or AQMAR in ANERcorp's four types: fine types mapped, the rest MISC."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, label = tag.split("-", 1)
    if prefix not in ("B", "I"):
        return "O"
    label = label.strip("-`")
    if label in ("PER", "PERS"):
        return f"{prefix}-PERS"
    if label in ("LOC", "ORG", "MISC"):
        return f"{prefix}-{label}"
    return f"{prefix}-{NEWSFANE_COARSE.get(label, 'MISC')}"
