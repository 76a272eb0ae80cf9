"""The shipped NER model: tag token sequences with BIO labels (PERS, LOC, ORG, MISC)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

from marsad.ner.neural import NeuralTagger

MODEL = "data/models/ner.npz"


def model_path() -> Path:
    return Path(str(resources.files("marsad").joinpath(MODEL)))


class Tagger:
    def __init__(self, path: Path | None = None) -> None:
        path = path or model_path()
        if not path.is_file():
            raise FileNotFoundError(f"no NER model at {path}: train one with `marsad train ner`")
        self._model = NeuralTagger(path)

    def tag(self, tokens: Sequence[str]) -> list[str]:
        return self._model.tag(tokens) if tokens else []

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tags of many sentences at once: faster than one by one (the network runs on batches)."""
        return self._model.tag_many(sentences)


@cache
def default_tagger() -> Tagger:
    return Tagger()
