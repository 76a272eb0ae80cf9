"""Token features for NER: the word and its clitic-stripped stem, affixes, shape, word clusters
learned from unlabeled news, gazetteer and trigger-word flags, and the same for the neighbours.
The first-stage CRF (`train.py`) uses them all; the shipped network (`neural.py`) reads the
per-word ones through `word_features`."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache

from marsad.arabic.normalize import normalize_word
from marsad.lexicon import lexicon
from marsad.resources import data_file, read_tsv

# Proclitic strings stripped to find a word's stem, longest first.
PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "ولل", "لل", "ال", "و", "ب", "ل", "ف")


@cache
def triggers() -> dict[str, str]:
    """Words that announce a name of a type right after them (`ner_triggers.tsv`): الرئيس -> PER."""
    return {k: v[0] for k, v in lexicon("ner_triggers").items()}


def stem(word: str) -> str:
    for p in PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 2:
            return word[len(p) :]
    return word


CLUSTERS = "models/ner_clusters.tsv"


@cache
def clusters() -> dict[str, tuple[str, str]]:
    """Word -> (coarse, fine) cluster ids, learned from the unlabeled corpus (train.py)."""
    if not data_file(CLUSTERS).is_file():
        return {}
    return {word: (coarse, fine) for word, coarse, fine in read_tsv(CLUSTERS)}


GAZETTEER = "models/ner_gazetteer.tsv"
GAZETTEER_KINDS = ("PER", "LOC", "ORG")


@cache
def gazetteers() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Single words of person, place and organisation names, as the tagger was trained with them
    (`ner_gazetteer.tsv`, frozen by `marsad train ner`; see `gazetteer.py`)."""
    words: dict[str, set[str]] = {kind: set() for kind in GAZETTEER_KINDS}
    if data_file(GAZETTEER).is_file():
        for word, kind in read_tsv(GAZETTEER):
            words[kind].add(word)
    return frozenset(words["PER"]), frozenset(words["LOC"]), frozenset(words["ORG"])


@lru_cache(maxsize=200_000)
def word_features(token: str) -> dict[str, str | float]:
    """Features of one token, cached (words repeat): callers copy, never change, the dict."""
    n = normalize_word(token)
    s = stem(n)
    per, loc, org = gazetteers()
    f: dict[str, str | float] = {
        "w": n,
        "s": s,
        "p2": s[:2],
        "p3": s[:3],
        "x1": n[-1:],
        "x2": n[-2:],
        "x3": n[-3:],
        "len": str(min(len(s), 8)),
    }
    if n != s:
        f["pre"] = n[: len(n) - len(s)]
    cl = clusters().get(n) or clusters().get(s)
    if cl:
        f["c4"], f["c8"] = cl
    if any(c.isdigit() for c in token):
        f["digit"] = 1.0
    if any("a" <= c.lower() <= "z" for c in token):
        f["latin"] = 1.0
    if not any(c.isalnum() for c in token):
        f["punct"] = 1.0
    for name, gaz in (("gper", per), ("gloc", loc), ("gorg", org)):
        if s in gaz:
            f[name] = 1.0
    trigger = triggers().get(s) or triggers().get(n)
    if trigger:
        f["t" + trigger.lower()] = 1.0
    return f


_NEIGHBOUR_KEYS = ("w", "s", "c4", "c8", "gper", "gloc", "gorg", "tper", "torg", "tloc", "punct", "x2")


def sentence_features(tokens: Sequence[str]) -> list[dict[str, str | float]]:
    base = [word_features(t) for t in tokens]
    out = []
    for i, own in enumerate(base):
        f: dict[str, str | float] = {"bias": 1.0, **own}
        for d in (-2, -1, 1, 2):
            j = i + d
            if not 0 <= j < len(base):
                f[f"{d}:edge"] = 1.0
                continue
            for key in _NEIGHBOUR_KEYS if abs(d) == 1 else ("w", "s", "c4", "tper", "torg", "tloc"):
                if key in base[j]:
                    f[f"{d}:{key}"] = base[j][key]
        if i > 0:
            f["-1w|w"] = f"{base[i - 1]['s']}|{own['s']}"
        if i + 1 < len(base):
            f["w|+1w"] = f"{own['s']}|{base[i + 1]['s']}"
        out.append(f)
    return out
