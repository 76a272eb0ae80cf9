"""The text stage: views of a document's text that extractors share, each computed once."""

from __future__ import annotations

from functools import cached_property

from marsad.arabic.normalize import NormalizedText, normalize_for_matching, normalize_word
from marsad.arabic.sentences import split_sentences
from marsad.arabic.tokenize import Token, tokenize


class TextLayer:
    """Normalised view, tokens and sentences of one text, computed lazily."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def normalized(self) -> NormalizedText:
        return normalize_for_matching(self.text)

    @cached_property
    def tokens(self) -> list[Token]:
        return tokenize(self.text)

    @cached_property
    def normalized_tokens(self) -> list[Token]:
        """Tokens of the normalised view (offsets into `normalized.text`)."""
        return tokenize(self.normalized.text)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return split_sentences(self.text)

    @cached_property
    def sentence_tokens(self) -> list[list[Token]]:
        """The tokens of each sentence, in one pass over both."""
        out: list[list[Token]] = []
        toks = self.tokens
        i = 0
        for a, b in self.sentences:
            while i < len(toks) and toks[i].start < a:
                i += 1
            start = i
            while i < len(toks) and toks[i].end <= b:
                i += 1
            out.append(toks[start:i])
        return out

    @cached_property
    def sentence_words(self) -> list[list[str]]:
        """The matching form of each token of each sentence (shared by the claim and event
        extractors, so the normalisation is done once)."""
        return [[normalize_word(t.text) for t in toks] for toks in self.sentence_tokens]
