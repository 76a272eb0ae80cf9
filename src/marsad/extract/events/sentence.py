"""What the event rules read of one sentence: the entity mentions as `Ref`s, and `Sentence`, the
context passed to every rule that needs more than the sentence's words (it replaces the long
parameter lists the rules had: document, tokens, words, offsets, mentions, conflict)."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.arabic.normalize import normalize_word
from marsad.arabic.tokenize import Token
from marsad.document import Document
from marsad.lexicon import lexicon
from marsad.model import Entity

ARMED = ("ORG.armed_group", "ORG.state_force", "ORG.coalition")


@dataclass(slots=True)
class Ref:
    start: int
    end: int
    entity: Entity
    how: str | None
    # named as who leads a force ("التحالف بقيادة واشنطن") or who speaks ("وتقول الولايات المتحدة
    # إنها قتلت"), not as where something happened
    not_place: bool = False


def context_words(role: str) -> frozenset[str]:
    """Words of a role in `event_context_words.tsv` (normalised): led_by, demonstrative, another,
    present_prefix."""
    return frozenset(k for k, (r,) in lexicon("event_context_words").items() if r == role)


# "بقيادة X", "تقوده X": X leads the force named before it.
LEADER_WORDS = context_words("led_by")


def document_refs(doc: Document) -> list[Ref]:
    """Every entity mention of the document in order of entities, but the dateline's: where the
    report was filed is not where it happened."""
    filed_at = doc.dateline.start if doc.dateline else None
    sources = [(c.cue.start, c.cue.end, c.source) for c in doc.claims]
    return [
        Ref(m.start, m.end, e, m.how, _leads(doc.text, m.start) or _speaks(sources, e.id, m.start))
        for e in doc.entities
        for m in e.mentions
        if m.start != filed_at  # where the report was filed, not where it happened
    ]


def _speaks(sources: list[tuple[int, int, str | None]], eid: str, start: int) -> bool:
    """The mention is the source of a claim, within its cue ("وتقول الولايات المتحدة")."""
    return any(a <= start < b and source == eid for a, b, source in sources)


def _leads(text: str, start: int) -> bool:
    before = text[max(0, start - 12) : start].split()
    return bool(before) and normalize_word(before[-1]) in LEADER_WORDS


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a document: its tokens and their normalised words, where it starts and
    ends in the text, its entity mentions (`refs`), all the document's (`context`, for a place
    when the sentence names none), and whether it is about armed conflict (`_conflict`)."""

    doc: Document
    tokens: list[Token]
    words: list[str]
    start: int
    end: int
    refs: list[Ref]
    context: list[Ref]
    conflict: bool

    @classmethod
    def of(
        cls, doc: Document, tokens: list[Token], words: list[str], context: list[Ref], sports: bool
    ) -> Sentence:
        """The sentence of `tokens` (not empty); in a sports report (`sports`) it is never about
        conflict."""
        a, b = tokens[0].start, tokens[-1].end
        refs = [r for r in context if a <= r.start < b]
        conflict = not sports and _conflict(words, refs, doc, a, b)
        return cls(doc, tokens, words, a, b, refs, context, conflict)


CONFLICT_MIN_WORDS = 2


def _conflict(norm: list[str], refs: list[Ref], doc: Document, a: int, b: int) -> bool:
    """A sentence about armed conflict: it names an armed group or a force, counts casualties, or
    has two words of armed conflict (one, "الجيش" in a film review, is not enough)."""
    if any(r.entity.type in ARMED for r in refs):
        return True
    casualties = ("killed", "wounded", "kidnapped")
    if any(a <= q.start < b and q.sense in casualties for q in doc.quantities):
        return True
    words = lexicon("conflict_words")
    return sum(1 for w in norm if w in words or w[1:] in words) >= CONFLICT_MIN_WORDS
