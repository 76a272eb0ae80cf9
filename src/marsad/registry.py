"""Extractors by name, so that the pipeline's order comes from configuration, not imports.

Each entry is a factory imported only when the pipeline is built. The extraction issues add
theirs here; `PipelineOptions.extractors` names the ones to run, in order.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from marsad.errors import PipelineConfigError
from marsad.pipeline import Extractor, Pipeline
from marsad.settings import PipelineOptions

# name -> "module:factory"
EXTRACTORS: dict[str, str] = {
    "entities": "marsad.extract.entities:make",
    "times": "marsad.extract.times:make",
    "quantities": "marsad.extract.quantities:make",
    "claims": "marsad.extract.claims:make",
    "events": "marsad.extract.events:make",
}


def load_extractor(name: str) -> Extractor:
    target = EXTRACTORS.get(name)
    if target is None:
        known = ", ".join(sorted(EXTRACTORS)) or "none yet"
        raise PipelineConfigError(f"unknown extractor {name!r} (known: {known})")
    module, factory = target.split(":")
    make: Callable[[], Extractor] = getattr(import_module(module), factory)
    return make()


def build_pipeline(options: PipelineOptions | None = None) -> Pipeline:
    options = options or PipelineOptions()
    return Pipeline([load_extractor(n) for n in options.extractors], options)
