"""The tagger's gazetteer flags come from the list frozen with the model, not the live knowledge
base: a name added to the knowledge base after training must not change the tags."""

from pathlib import Path

from marsad.kb.base import Entity, KnowledgeBase
from marsad.ner.features import gazetteers, word_features
from marsad.ner.gazetteer import build_gazetteer, write_gazetteer
from marsad.resources import data_file


def _kb() -> KnowledgeBase:
    kb = KnowledgeBase()
    for eid, etype, name in (
        ("p1", "PER", "عباس حلب"),
        ("c1", "LOC.city", "حلب"),
        ("o1", "ORG.party", "حزب الوفد"),
        ("x1", "MISC", "الدولار"),
    ):
        kb.add(Entity(eid, etype, name, name))
        kb.names.append((name, eid))
    return kb


def test_build_takes_stems_of_longer_words_and_keeps_person_words_out_of_places() -> None:
    lists = build_gazetteer(_kb())
    assert lists == {"PER": {"عباس", "حلب"}, "LOC": set(), "ORG": {"حزب", "وفد"}}


def test_written_lists_read_back(tmp_path: Path) -> None:
    path = write_gazetteer(build_gazetteer(_kb()), tmp_path / "g.tsv")
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:]]
    assert sorted(rows) == sorted([["حلب", "PER"], ["عباس", "PER"], ["حزب", "ORG"], ["وفد", "ORG"]])


def test_the_tagger_reads_the_frozen_file() -> None:
    assert data_file("models/ner_gazetteer.tsv").is_file()
    per, loc, org = gazetteers()
    assert per and loc and org and not per & loc
    assert "دمشق" in loc and word_features("دمشق").get("gloc") == 1.0
