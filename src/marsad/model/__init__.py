"""Typed models of the document and its annotation layers: the one definition of the output
contract (see docs/output.md)."""

from marsad.model.base import Figure, Model, Provenance, Span, numbered
from marsad.model.layers import Claim, Entity, Event, Finding, Mention, Quantity, Time
from marsad.model.record import Dateline, DocumentRecord, Published, Removed, record_schema

# Each list layer and its model, in output order.
LAYER_MODELS: dict[str, type[Provenance]] = {
    "entities": Entity,
    "times": Time,
    "quantities": Quantity,
    "events": Event,
    "claims": Claim,
    "findings": Finding,
}

__all__ = [
    "LAYER_MODELS",
    "Claim",
    "Dateline",
    "DocumentRecord",
    "Entity",
    "Event",
    "Figure",
    "Finding",
    "Mention",
    "Model",
    "Provenance",
    "Published",
    "Quantity",
    "Removed",
    "Span",
    "Time",
    "numbered",
    "record_schema",
]
