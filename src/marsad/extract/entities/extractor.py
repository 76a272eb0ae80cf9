"""The entities extractor: the mentions of each rule in the order they depend on one another
(`find_mentions`), grouped into one entity per id with the ids of the output."""

from __future__ import annotations

from hashlib import sha1
from typing import Any, cast

from marsad.arabic.layer import TextLayer
from marsad.document import Document
from marsad.extract.entities.bodies import _body_short_forms, _located_bodies
from marsad.extract.entities.matching import _kb_mentions, _namesakes, _without_common_nouns
from marsad.extract.entities.mention import Mention
from marsad.extract.entities.short_forms import _short_forms, _surnames
from marsad.extract.entities.tagged import _tagged_mentions
from marsad.kb.base import Entity, KnowledgeBase, load_kb
from marsad.model import Entity as EntityModel
from marsad.model import Mention as MentionModel
from marsad.model.layers import HowFound


class EntityExtractor:
    name = "entities"
    version = "2"
    requires = ("text",)
    provides = ("entities",)

    def __init__(self, use_tagger: bool = True) -> None:
        self.use_tagger = use_tagger

    def __call__(self, doc: Document, layer: TextLayer) -> dict[str, Any]:
        kb = load_kb()
        unlinked: dict[str, Entity] = {}
        mentions = find_mentions(layer, kb, unlinked if self.use_tagger else None)
        return {"entities": _group(doc, kb, unlinked, mentions)}


def find_mentions(
    layer: TextLayer, kb: KnowledgeBase, unlinked: dict[str, Entity] | None = None
) -> list[Mention]:
    """Mentions linked to the knowledge base; with `unlinked`, also what the tagger finds that the
    knowledge base does not know, as new entities collected there."""
    out = _kb_mentions(layer, kb)
    out += _located_bodies(layer, kb, out)
    out += _body_short_forms(layer, out)  # before the tagger makes "وزارة الداخلية" a new body
    if unlinked is not None:
        out += _tagged_mentions(layer, kb, out, unlinked)
    out = _without_common_nouns(layer, out)
    entities = {**kb.entities, **(unlinked or {})}
    out += _surnames(layer, entities, out)
    out += _short_forms(layer, entities, out)
    return sorted(_namesakes(layer, kb, out), key=lambda x: x.start)


def _group(
    doc: Document, kb: KnowledgeBase, unlinked: dict[str, Entity], mentions: list[Mention]
) -> list[EntityModel]:
    """One entity per id with its mentions in order. A knowledge-base entity keeps its Marsad id;
    one only the tagger found gets an id of this document's own (`u:` and a hash of the document
    and its type and name), so that the same name in two documents is two entities until the
    cross-article layer merges them on evidence."""
    by_id: dict[str, EntityModel] = {}
    doc_hash = doc.content_hash
    for m in mentions:
        span = doc.span(m.start, m.end)
        mention = MentionModel(
            start=span.start,
            end=span.end,
            text=span.text,
            how=cast(HowFound, None if m.how == "name" else m.how),
        )
        item = by_id.get(m.entity)
        if item is not None:
            item.mentions.append(mention)
            continue
        linked = m.entity in kb.entities
        entity: Entity = kb.entities[m.entity] if linked else unlinked[m.entity]
        fields = entity.fields()
        if not linked:
            fields["id"] = "u:" + sha1(f"{doc_hash}|{entity.id}".encode()).hexdigest()[:16]
        by_id[m.entity] = EntityModel(**fields, linked=linked, mentions=[mention])
    return list(by_id.values())


def make() -> EntityExtractor:
    return EntityExtractor()
