"""The tagger's gazetteer flags, frozen with the model: `marsad train ner` writes the single words
of the knowledge base's person, place and organisation names to `ner_gazetteer.tsv` beside
`ner.npz`, and the tagger reads that file, not the live knowledge base. The knowledge base keeps
changing after training; a flag must mean at run time what it meant when the network learnt it."""

from __future__ import annotations

from pathlib import Path

from marsad.arabic.normalize import normalize_word
from marsad.kb.base import KnowledgeBase
from marsad.ner.features import GAZETTEER_KINDS, stem


def build_gazetteer(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """Kind (PER, LOC, ORG) -> the stems of the words of more than two letters of its names; a
    word of a person's name is not also a place word."""
    words: dict[str, set[str]] = {kind: set() for kind in GAZETTEER_KINDS}
    for name, eid in kb.names:
        target = words.get(kb.entities[eid].coarse)
        if target is not None:
            target.update(stem(normalize_word(w)) for w in name.split() if len(w) > 2)
    words["LOC"] -= words["PER"]
    return {kind: frozenset(found) for kind, found in words.items()}


def write_gazetteer(lists: dict[str, frozenset[str]], path: Path, source: str = "the knowledge base") -> Path:
    with path.open("w", encoding="utf-8") as f:
        f.write(f"# word\tkind   (NER gazetteer flags, frozen at training from {source}; marsad train ner)\n")
        for kind in GAZETTEER_KINDS:
            for word in sorted(lists[kind]):
                f.write(f"{word}\t{kind}\n")
    return path
