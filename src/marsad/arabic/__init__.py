"""The Arabic text layer every extractor uses: normalisation with offset maps, tokens,
clitic-aware matching, sentences and language identification."""

from marsad.arabic.match import Match, PhraseMatcher
from marsad.arabic.normalize import NormalizedText, normalize_for_matching, normalize_word
from marsad.arabic.sentences import split_sentences
from marsad.arabic.tokenize import Token, tokenize

__all__ = [
    "Match",
    "NormalizedText",
    "PhraseMatcher",
    "Token",
    "normalize_for_matching",
    "normalize_word",
    "split_sentences",
    "tokenize",
]
