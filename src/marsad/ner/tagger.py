"""The shipped NER model: tag token sequences with BIO labels (PERS, LOC, ORG, MISC)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from marsad.ner.features import sentence_features

MODEL = "data/models/ner.crfsuite"


def model_path() -> Path:
    return Path(str(resources.files("marsad").joinpath(MODEL)))


class Tagger:
    def __init__(self, path: Path | None = None) -> None:
        path = path or model_path()
        if not path.is_file():
            raise FileNotFoundError(f"no NER model at {path}: train one with `marsad train ner`")
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))

    def tag(self, tokens: Sequence[str]) -> list[str]:
        if not tokens:
            return []
        return list(self._tagger.tag(sentence_features(tokens)))


@cache
def default_tagger() -> Tagger:
    return Tagger()
