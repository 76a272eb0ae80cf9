"""The extractor interface: name, version, requires/provides checked when the pipeline is built,
spans checked against the text, provenance stamped on every annotation."""

from dataclasses import dataclass, field
from typing import Any

import pytest

from marsad.arabic.layer import TextLayer
from marsad.document import Document, RawDocument
from marsad.errors import InputError, PipelineConfigError
from marsad.model import Finding, Span
from marsad.pipeline import Extractor, Pipeline
from marsad.registry import build_pipeline
from marsad.settings import PipelineOptions

from .ingest.texts import REPORT


@dataclass
class WordFinder:
    """A toy extractor: every occurrence of `word` becomes a finding."""

    word: str
    name: str = "word-finder"
    version: str = "1"
    requires: tuple[str, ...] = ("text", "tokens")
    provides: tuple[str, ...] = ("findings",)
    shift: int = 0
    calls: list[str] = field(default_factory=list)

    def __call__(self, doc: Document, layer: TextLayer) -> dict[str, list[Finding]]:
        self.calls.append(doc.id)
        found = []
        for tok in layer.tokens:
            if tok.text == self.word:
                s = tok.start + self.shift
                span = Span(start=s, end=s + len(tok.text), text=tok.text)
                found.append(Finding(id=f"f{len(found) + 1}", kind="word", message=self.word, span=span))
        return {"findings": found}


def raw(text: str = REPORT) -> RawDocument:
    return RawDocument(source="t.txt", text=text, raw=text)


def test_extractor_output_lands_in_its_layer_with_provenance() -> None:
    finder = WordFinder("المنطقة")
    assert isinstance(finder, Extractor)
    doc = Pipeline([finder]).process(raw())
    (f,) = doc.findings
    assert f.span is not None and doc.text[f.span.start : f.span.end] == "المنطقة"
    assert (f.extractor, f.version) == ("word-finder", "1")


def test_an_annotation_that_is_not_its_layers_model_is_refused() -> None:
    class DictFinder(WordFinder):
        def __call__(self, doc: Document, layer: TextLayer) -> dict[str, list[Any]]:
            return {"findings": [{"kind": "word", "message": "x"}]}

    with pytest.raises(PipelineConfigError, match="returned a dict in 'findings', not a Finding"):
        Pipeline([DictFinder("x")]).process(raw())


def test_a_span_that_does_not_match_the_text_is_refused() -> None:
    with pytest.raises(ValueError, match="does not match the text"):
        Pipeline([WordFinder("المنطقة", shift=1)]).process(raw())


def test_requirements_are_checked_when_the_pipeline_is_built() -> None:
    needy = WordFinder("x", name="needs-entities", requires=("text", "entities"))
    with pytest.raises(PipelineConfigError, match=r"needs-entities.*requires entities"):
        Pipeline([needy])
    provider = WordFinder("x", name="entity-maker", provides=("entities",))
    Pipeline([provider, needy])  # fine once an earlier stage provides them


def test_an_unknown_layer_is_refused() -> None:
    with pytest.raises(PipelineConfigError, match="unknown layers"):
        Pipeline([WordFinder("x", provides=("sentiment",))])


def test_the_order_comes_from_configuration() -> None:
    with pytest.raises(PipelineConfigError, match="unknown extractor 'nope'"):
        build_pipeline(PipelineOptions(extractors=("nope",)))


def test_non_arabic_and_empty_articles_are_rejected_with_reasons() -> None:
    with pytest.raises(InputError) as exc:
        Pipeline().process(
            raw("The army said five soldiers were killed in an attack near the border on Monday.")
        )
    assert exc.value.reason == "not_arabic" and "'en'" in exc.value.detail
    with pytest.raises(InputError) as exc:
        Pipeline().process(raw("دقائق القراءة - 5\n(رويترز)"))
    assert exc.value.reason == "empty"


def test_other_languages_can_be_allowed() -> None:
    doc = Pipeline(options=PipelineOptions(languages=frozenset({"ar", "en"}))).process(
        raw("The army said five soldiers were killed in an attack near the border on Monday.")
    )
    assert doc.language == "en"
