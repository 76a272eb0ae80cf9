"""The pipeline: ingest -> clean -> text -> extractors -> (store).

An extractor is a plain object with a `name`, a `version`, what it `requires` and what it
`provides` (layer names), and `__call__(doc) -> {layer: [annotation, ...]}`, each annotation the
layer's typed model (`marsad.model`). It computes; the pipeline checks the models' type and spans,
stamps provenance on each annotation and sets them on the document.
What each extractor requires is checked when the pipeline is built, not when a document fails.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

from marsad.arabic.langid import detect_language
from marsad.arabic.layer import TextLayer
from marsad.clean import clean
from marsad.document import LAYERS, Document, RawDocument
from marsad.errors import InputError, PipelineConfigError
from marsad.model import LAYER_MODELS, Published
from marsad.settings import PipelineOptions

# What the clean and text stages give every document before any extractor runs.
BASE_PROVIDES = frozenset(
    {"text", "title", "published", "dateline", "authors", "language", "tokens", "sentences"}
)

# Document fields an extractor may provide (a model, not a list), set only where the source gave none.
DOC_FIELDS = {"published": Published}

Annotations = dict[str, Any]


@runtime_checkable
class Extractor(Protocol):
    name: str
    version: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, doc: Document, layer: TextLayer) -> Annotations: ...


class Pipeline:
    """Runs the stages on one RawDocument at a time; raises InputError for a document it rejects."""

    def __init__(self, extractors: Sequence[Extractor] = (), options: PipelineOptions | None = None) -> None:
        self.options = options or PipelineOptions()
        self.extractors = list(extractors)
        available = set(BASE_PROVIDES)
        for ex in self.extractors:
            missing = [r for r in ex.requires if r not in available]
            if missing:
                raise PipelineConfigError(
                    f"extractor {ex.name!r} requires {', '.join(missing)}, which no earlier stage provides"
                )
            unknown = [p for p in ex.provides if p not in LAYERS and p not in DOC_FIELDS]
            if unknown:
                raise PipelineConfigError(f"extractor {ex.name!r} provides unknown layers {unknown}")
            available.update(ex.provides)

    def process(self, raw: RawDocument) -> Document:
        return self.extract(self.prepare(raw))

    def prepare(self, raw: RawDocument) -> Document:
        """Clean and identify the language; InputError for an empty or non-Arabic article.
        Cheap, so that a store can skip a duplicate before the extractors run."""
        doc = clean(raw)
        if not doc.text.strip():
            raise InputError(raw.source, "empty", "nothing is left of the article after cleaning")
        guess = detect_language(doc.text)
        doc.language = guess.language
        if guess.language not in self.options.languages:
            raise InputError(
                raw.source,
                "not_arabic",
                f"the article is in '{guess.language}', not Arabic "
                f"({guess.arabic_share:.0%} of its letters are Arabic)",
            )
        return doc

    def extract(self, doc: Document) -> Document:
        layer = TextLayer(doc.text)
        for ex in self.extractors:
            self._apply(ex, ex(doc, layer), doc)
        return doc

    @staticmethod
    def _apply(ex: Extractor, found: Annotations, doc: Document) -> None:
        for name, items in found.items():
            if name not in ex.provides:
                raise PipelineConfigError(
                    f"extractor {ex.name!r} returned {name!r}, which it does not provide"
                )
            if name in DOC_FIELDS:
                # A document field an extractor may fill where the source left it empty.
                if not isinstance(items, DOC_FIELDS[name]):
                    raise PipelineConfigError(f"extractor {ex.name!r} returned {name!r} that is not a model")
                if getattr(doc, name) is None:
                    setattr(doc, name, items.model_copy(update={"extractor": ex.name, "version": ex.version}))
                continue
            model = LAYER_MODELS[name]
            for item in items:
                if not isinstance(item, model):
                    got = type(item).__name__
                    raise PipelineConfigError(
                        f"extractor {ex.name!r} returned a {got} in {name!r}, not a {model.__name__}"
                    )
                doc.check_spans(item, f"{ex.name} {ex.version}")
                item.extractor, item.version = ex.name, ex.version
            getattr(doc, name).extend(items)
