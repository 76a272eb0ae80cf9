"""The pieces every layer is made of: a strict model base, spans, provenance, figures.

Pydantic v2 models, so that one definition gives mypy its types, the JSON Schema its contract
(`docs/schema/document.schema.json` is generated from these) and the HTTP API its payloads.
Unset is spelled one way: `None` (JSON `null`), never an absent key; empty lists are `[]`.
"""

from __future__ import annotations

from typing import Annotated, Literal, cast, get_args

from pydantic import BaseModel, ConfigDict, Field

# ISO 3166-1 alpha-2, upper case: "IQ", "NG".
Country = Annotated[str, Field(pattern=r"^[A-Z]{2}$")]
WikidataId = Annotated[str, Field(pattern=r"^Q[0-9]+$")]
# A Marsad entity id (docs/output.md, "Ids"): kb:…, country:…, city:…, u:… (the document's own).
EntityId = Annotated[str, Field(pattern=r"^(kb|country|city|u):.+$")]
# An annotation's id within its document: t1 (time), q1 (quantity), c1 (claim), ev1 (event), f1.
AnnotationId = Annotated[str, Field(pattern=r"^(t|q|c|ev|f)[0-9]+$")]
ISODate = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]

Precision = Literal["day", "week", "month", "year", "decade", "interval", "duration"]
# How a number is hedged: "أكثر من 20" is more_than 20.
Hedge = Literal["about", "more_than", "at_least", "at_most", "less_than", "up_to"]
# One value; a range low..high ("بين 28 و34"); a change value_from -> value_to ("من 5200 إلى 3 آلاف").
Kind = Literal["value", "range", "change"]
# A number said only by its order of magnitude: "عشرات القتلى" is dozens (its value is null).
Vagueness = Literal[
    "vague", "dozens", "hundreds", "thousands", "tens_of_thousands", "hundreds_of_thousands", "millions"
]


HEDGES = frozenset(get_args(Hedge))
VAGUENESS = frozenset(get_args(Vagueness))


def qualifier_parts(qualifier: str) -> tuple[Kind, Hedge | None, Vagueness | None]:
    """(kind, hedge, vagueness) of one qualifier word class of the lexicons (`qualifiers.tsv`,
    the vague number words): "more_than" is a hedge, "dozens" a vagueness, "range" a kind."""
    kind = cast(Kind, qualifier if qualifier in ("range", "change") else "value")
    hedge = cast(Hedge, qualifier) if qualifier in HEDGES else None
    vague = cast(Vagueness, qualifier) if qualifier in VAGUENESS else None
    return kind, hedge, vague


class Model(BaseModel):
    """Strict: an unknown field is an error, so that shapes cannot drift silently."""

    model_config = ConfigDict(extra="forbid")


class Span(Model):
    """A half-open [start, end) range of code points into the document's text, with its copy."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Provenance(Model):
    """Which extractor, at which version, produced an annotation (set by the pipeline)."""

    extractor: str = ""
    version: str = ""


class Figure(Model):
    """A casualty figure of an event: always this shape, never a bare number."""

    value: int | float | None
    hedge: Hedge | None = None
    vagueness: Vagueness | None = None
    quantity: AnnotationId | None = Field(default=None, description="the quantity it was read from")


def numbered(prefix: str, count: int) -> list[str]:
    """Annotation ids for a layer's items in order: t1, t2, ..."""
    return [f"{prefix}{i}" for i in range(1, count + 1)]
