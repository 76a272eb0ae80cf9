"""Attributed claims: who says what. A cue ("قال", "أكد", "وفقاً لـ", "بحسب", "نقلت ... عن"), its
source (an entity of the document, or a description such as "مصدر أمني"), the content, and
whether it is quoted. "نقلت رويترز عن مصدر أمني" gives two claims, the second nested in the first.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from marsad.arabic.layer import TextLayer
from marsad.arabic.match import find_word_phrases
from marsad.arabic.normalize import normalize_word
from marsad.arabic.proclitics import letters
from marsad.arabic.tokenize import Token
from marsad.document import Document
from marsad.lexicon import lexicon
from marsad.model import Claim, numbered

SOURCE_MAX_TOKENS = 8
PUNCTUATION = {":", "،", ",", ".", "«", '"', "“", "”", "»", "(", ")", "؛", "-"}
QUOTES_OPEN = {"«", '"', "“"}
QUOTES_CLOSE = {"»": "«", '"': '"', "”": "“"}


@dataclass(frozen=True, slots=True)
class Source:
    """An entity mention that can be a claim's source, ranked: people before organisations before
    places, and a country adjective ("الأميركي" in "وزير الخارجية الأميركي") last."""

    start: int
    end: int
    entity: str
    rank: int


def _rank(etype: str, how: str | None) -> int:
    if how == "nisba":
        return 9
    return {"PER": 0, "ORG": 1, "LOC": 2}.get(etype.split(".")[0], 3)


CUE_PROCLITICS = letters("conjunction")  # "وقال", "فأضاف"
CONTENT_LOOKAHEAD = 20  # tokens after a source in which to look for what opens the content


@cache
def _words(role: str) -> frozenset[str]:
    """Words of a role in `claim_words.tsv`: complementiser, content_start, stop, not_a_source,
    source_noun, subject_first."""
    return frozenset(k for k, v in lexicon("claim_words").items() if role in v[0])


def _stop(word: str) -> bool:
    """Where a source phrase ends: a complementiser, "in", "about", punctuation, a quote."""
    return word in PUNCTUATION or word in _words("stop")


@dataclass(slots=True)
class Cue:
    first: int  # token index of the cue word(s)
    last: int
    kind: str  # verb, prep, continue, participle
    cut: int  # proclitic characters before the cue word ("وقال")


@cache
def _cues() -> dict[tuple[str, ...], str]:
    return {tuple(k.split()): v[0] for k, v in lexicon("claim_cues").items()}


class ClaimExtractor:
    name = "claims"
    version = "2"
    requires = ("text", "entities")
    provides = ("claims",)

    def __call__(self, doc: Document, layer: TextLayer) -> dict[str, Any]:
        mentions = [
            Source(m.start, m.end, e.id, _rank(e.type, m.how)) for e in doc.entities for m in e.mentions
        ]
        claims: list[dict[str, Any]] = []
        for toks, norm in zip(layer.sentence_tokens, layer.sentence_words, strict=True):
            for cue in _find_cues(norm):
                claims += _claims_at(doc, toks, norm, cue, mentions, claims)
        # a nested claim's `parent` is the position of the claim it is reported within
        ids = numbered("c", len(claims))
        for c in claims:
            if c.get("parent") is not None:
                c["parent"] = ids[c["parent"]]
        return {"claims": [Claim(id=i, **c) for i, c in zip(ids, claims, strict=True)]}


def _find_cues(norm: list[str]) -> list[Cue]:
    return [Cue(a, b, kind, cut) for a, b, cut, kind in find_word_phrases(norm, _cues(), CUE_PROCLITICS)]


def _claims_at(
    doc: Document,
    toks: list[Token],
    norm: list[str],
    cue: Cue,
    mentions: list[Source],
    before: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    start = cue.last + 1  # "وفقاً لوزارة": the ل stays on the source's first token
    if cue.kind == "participle":  # "..., مشيرا إلى أن": the speaker of the claim before goes on
        if not before:
            return []
        went_on: dict[str, Any] = {
            "cue": doc.span(toks[cue.first].start + cue.cut, toks[cue.last].end),
            "source": before[-1]["source"],
            "source_text": before[-1]["source_text"],
            **_content(doc, toks, norm, start),
            "source_inferred": True,
        }
        return [went_on] if went_on["content"] is not None else []
    to_that = (
        start + 1 < len(toks)
        and norm[start] == normalize_word("إلى")
        and norm[start + 1] in _words("complementiser")
    )
    subject = _subject_before(toks, norm, cue, mentions) if cue.kind == "verb" else None
    # "وهو ما تشير إليه": no one speaks; but "وكانت تقارير أشارت إلى" and "ولفت إلى أن" do
    if start < len(toks) and norm[start] in _words("not_a_source") and not to_that and subject is None:
        return []
    if to_that:
        start += 1  # "ولفت إلى أن": the source of the claim before goes on
    src_end, source = _source_phrase(toks, norm, start, mentions)
    source_id = source.entity if source else None
    source_text = doc.text[toks[start].start : toks[src_end - 1].end] if src_end > start else None
    inferred = False
    bare = source_text is None and (
        start >= len(toks)
        or norm[start] in _words("complementiser")
        or norm[start] == ":"
        # 'وأضاف "ليس لدينا معلومات"'; after a verb a quote may be the source's name ('نقلت "رويترز"')
        or (cue.kind == "continue" and toks[start].text in QUOTES_OPEN)
    )
    cue_start = toks[cue.first].start + cue.cut
    if subject is not None and src_end == start:  # "وكان المتحدث باسم الجيش، العميد أحمد المسماري، أكد أن"
        first, source = subject
        source_id, source_text = (source.entity if source else None), _phrase(doc, toks, first, cue.first)
        cue_start = toks[first].start
    elif bare and cue.kind in ("continue", "verb") and before:
        source_id, source_text, inferred = before[-1]["source"], before[-1]["source_text"], True
    if source_text is None:
        return []
    cue_end = toks[src_end - 1].end if src_end > start else toks[cue.last].end
    claim: dict[str, Any] = {
        "cue": doc.span(cue_start, cue_end),
        "source": source_id,
        "source_text": source_text,
        **_content(doc, toks, norm, src_end),
    }
    if inferred:
        claim["source_inferred"] = True
    out = [claim]
    if src_end < len(toks) and norm[src_end] == "عن" and cue.kind == "verb":
        out += _nested(doc, toks, norm, src_end, mentions, len(before))
    return out


# "كان" opens a clause whose subject comes before its verb: "وكان قائد الجيش، المشير خليفة
# حفتر، أعلن ...", "وكانت تقارير أشارت إلى ...". The subject names a person or organisation, or
# is a word for sources (`SOURCE_NOUNS`). Both are roles in `claim_words.tsv`.
KANA = _words("subject_first")
SUBJECT_MAX_TOKENS = 10


def _subject_before(
    toks: list[Token], norm: list[str], cue: Cue, mentions: list[Source]
) -> tuple[int, Source | None] | None:
    """The subject between "كان" and a verb cue that has no source after it: (its first token,
    the entity it names, if any)."""
    kana = next(
        (
            k
            for k in range(cue.first - 1, max(-1, cue.first - SUBJECT_MAX_TOKENS - 2), -1)
            if norm[k] in KANA or norm[k][1:] in KANA
        ),
        None,
    )
    if kana is None or kana + 1 >= cue.first:
        return None
    first = kana + 1
    lo, hi = toks[first].start, toks[_last_word(toks, first, cue.first)].end
    inside = sorted(
        (m for m in mentions if lo <= m.start < hi and m.rank <= 1), key=lambda m: (m.rank, m.start)
    )
    if inside:
        return first, inside[0]
    # no one named: a speaker all the same ("وكانت تقارير أشارت"), not a state ("وكان مصابا ... نقل")
    return (first, None) if norm[first] in SOURCE_NOUNS else None


SOURCE_NOUNS = _words("source_noun")


def _last_word(toks: list[Token], first: int, stop: int) -> int:
    """The last token before `stop` that is not punctuation ("المسماري،" -> "المسماري")."""
    last = stop - 1
    while last > first and toks[last].kind == "punct":
        last -= 1
    return last


def _phrase(doc: Document, toks: list[Token], first: int, stop: int) -> str:
    return doc.text[toks[first].start : toks[_last_word(toks, first, stop)].end]


def _nested(
    doc: Document, toks: list[Token], norm: list[str], at: int, mentions: list[Source], parent: int
) -> list[dict[str, Any]]:
    """ "نقلت رويترز عن مصدر أمني": the source quoted by the source."""
    start = at + 1
    end, source = _source_phrase(toks, norm, start, mentions)
    if end == start:
        return []
    return [
        {
            "cue": doc.span(toks[at].start, toks[end - 1].end),
            "source": source.entity if source else None,
            "source_text": doc.text[toks[start].start : toks[end - 1].end],
            "parent": parent,
            **_content(doc, toks, norm, end),
        }
    ]


def _source_phrase(
    toks: list[Token], norm: list[str], start: int, mentions: list[Source]
) -> tuple[int, Source | None]:
    """Where the source phrase after a cue ends, and the entity it names. It ends at a stop word,
    or right after the first person or organisation named in it ("بريت ماكغورك منسق ..."); a
    quoted name belongs to it ("لمعهد \"بروكينغز\" الأميركي")."""
    end = start
    while end < len(toks) and end - start < SOURCE_MAX_TOKENS:
        if toks[end].text in QUOTES_OPEN and end > start:
            close = next(
                (
                    k
                    for k in range(end + 1, min(len(toks), end + 6))
                    if QUOTES_CLOSE.get(toks[k].text) == toks[end].text
                ),
                None,
            )
            if close is None:
                break
            end = close + 1
            continue
        if _stop(norm[end]):
            break
        end += 1
    if end == start:
        return end, None
    lo, hi = toks[start].start, toks[end - 1].end
    inside = sorted((m for m in mentions if lo <= m.start < hi), key=lambda m: (m.rank, m.start))
    if not inside:
        return end, None
    best = inside[0]
    if best.rank <= 1:  # cut after the named person or organisation
        while end - 1 > start and toks[end - 1].start >= best.end and toks[end - 1].text not in QUOTES_CLOSE:
            end -= 1
    return end, best


def _content(doc: Document, toks: list[Token], norm: list[str], i: int) -> dict[str, Any]:
    """What is said: the quotation, or from the complementiser after the source ("إن", "أن",
    "فقد", ":") to the end of the sentence; descriptions of the source before it are skipped
    ("ماكغورك منسق الإدارة ... إلى أنه")."""
    for k in range(i, min(len(toks), i + CONTENT_LOOKAHEAD)):
        if norm[k] in _words("content_start") or norm[k] == ":" or toks[k].text in QUOTES_OPEN:
            i = k
            break
    while i < len(toks) and _stop(norm[i]) and toks[i].text not in QUOTES_OPEN:
        i += 1
    if i >= len(toks):
        return {"content": None, "direct": False}
    quote = next((k for k in range(i, len(toks)) if toks[k].text in QUOTES_OPEN), None)
    if quote is not None and quote - i <= 3:
        close = next(
            (k for k in range(quote + 1, len(toks)) if QUOTES_CLOSE.get(toks[k].text) == toks[quote].text),
            None,
        )
        end = close - 1 if close is not None and close > quote + 1 else len(toks) - 1
        return {
            "content": doc.span(toks[quote + 1].start, toks[end].end) if end > quote else None,
            "direct": True,
        }
    last = len(toks) - 1
    while last > i and toks[last].kind == "punct":
        last -= 1
    return {"content": doc.span(toks[i].start, toks[last].end), "direct": quote is not None}


def make() -> ClaimExtractor:
    return ClaimExtractor()
