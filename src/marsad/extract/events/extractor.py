"""The events extractor: each sentence's triggers made events (`event.py`), their tolls attached,
then merged across the document (`coreference.py`), numbered and typed."""

from __future__ import annotations

from typing import Any

from marsad.arabic.layer import TextLayer
from marsad.document import Document
from marsad.extract.entities import sports_context
from marsad.extract.events.coreference import ANOTHER, TOLL_REPORT, _corefer, _link_responsibility, _restated
from marsad.extract.events.event import _event
from marsad.extract.events.sentence import Sentence, document_refs
from marsad.extract.events.tolls import _attach_tolls
from marsad.extract.events.triggers import find_triggers
from marsad.model import Event, numbered


class EventExtractor:
    name = "events"
    version = "2"
    requires = ("text", "entities", "times", "quantities", "claims")
    provides = ("events",)

    def __call__(self, doc: Document, layer: TextLayer) -> dict[str, Any]:
        refs = document_refs(doc)
        sports = sports_context(layer) and not any(r.entity.type == "ORG.armed_group" for r in refs)
        events: list[dict[str, Any]] = []
        sentence_of: dict[int, int] = {}
        for n, (toks, norm) in enumerate(zip(layer.sentence_tokens, layer.sentence_words, strict=True)):
            if not toks:
                continue
            s = Sentence.of(doc, toks, norm, refs, sports)
            found = find_triggers(norm)
            told = [event for f in found if (event := _event(s, f)) is not None]
            kills = [toks[f.first].start for f in found if f.trigger.type == "KILLING" and f.trigger.verb]
            for event in _restated(_attach_tolls(told, s, kills), doc.text):
                events.append(event)
                sentence_of[id(event)] = n
        countries = frozenset(r.entity.id for r in refs if r.entity.type == "LOC.country")
        events = _corefer(events, doc.text, sentence_of, countries)
        for e, eid in zip(events, numbered("ev", len(events)), strict=True):
            e.pop(TOLL_REPORT, None)
            e.pop(ANOTHER, None)
            e["id"] = eid
        _link_responsibility(events)
        return {"events": [Event(**e) for e in events]}


def make() -> EventExtractor:
    return EventExtractor()
