"""Entities: mentions of people, organisations and places linked to the knowledge base.

Names and aliases are found behind proclitics (لداعش، للتحالف); country adjectives refer to
their country ("القوات العراقية" -> Iraq) without a separate entity; short forms resolve inside
the document ("التنظيم" -> the armed group named before it, "التحالف" -> the coalition, a
surname -> the person named in full before it). What the NER tagger finds beyond the knowledge
base's names is linked where it can be (a GeoNames town in the document's country, a person's
name spelt another way) and kept as an unlinked entity of its type where it cannot.

The modules: `mention` (the rules' mention), `matching` (knowledge-base names), `bodies` (state
bodies), `tagged` (the tagger's spans), `short_forms` (short forms and surnames), and
`extractor` (the rules in order, and grouping into entities).
"""

from marsad.extract.entities.extractor import EntityExtractor, find_mentions, make
from marsad.extract.entities.matching import sports_context
from marsad.extract.entities.mention import Mention

__all__ = ["EntityExtractor", "Mention", "find_mentions", "make", "sports_context"]
