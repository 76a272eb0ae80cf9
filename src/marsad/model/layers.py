"""One model per annotation layer: entities, times, quantities, claims, events, findings.

References between annotations are ids, never list positions: an event's `claim` is a claim's
`id`, its `actors` are entity ids of the same document, so that SQL can join them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from marsad.model.base import (
    AnnotationId,
    Country,
    EntityId,
    Figure,
    Hedge,
    Kind,
    Precision,
    Provenance,
    Span,
    Vagueness,
    WikidataId,
)

EventType = Literal[
    "ATTACK",
    "CLASH",
    "LEADER_KILLED",
    "ARREST",
    "RELEASE",
    "CLAIM_OF_RESPONSIBILITY",
    "TERRITORY_CHANGE",
    "MILITARY_OPERATION",
    "FORCE_POSTURE",
    "ALLIANCE",
    "MEETING",
    "STATEMENT",
    "AGREEMENT",
    "POPULATION_MOVEMENT",
    "SANCTION",
    "AID",
    "DISCOVERY",
]


HowFound = Literal["tagger", "nisba", "short_form", "surname"] | None


class Mention(Span):
    how: HowFound = Field(
        default=None,
        description="how it was found when not by its name: by the NER tagger, a country adjective, "
        "an in-document short form or a surname alone",
    )


class Entity(Provenance):
    id: EntityId = Field(
        description="the Marsad id: kb:/country:/city: for the knowledge base, u: for "
        "an entity of this document only"
    )
    type: str = Field(pattern=r"^(PER|ORG|LOC|MISC)(\.[a-z_]+)?$")
    name: str = Field(description="canonical Arabic name (for the document's own: as first written)")
    name_en: str | None = None
    wikidata: WikidataId | None = None
    geonames: int | None = Field(default=None, description="the GeoNames id of a place from GeoNames")
    country: Country | None = None
    parent: EntityId | None = Field(default=None, description="the group it is part of (ISWAP: IS)")
    coordinates: tuple[float, float] | None = Field(default=None, description="[latitude, longitude]")
    linked: bool = Field(description="true for a knowledge-base entity, false for the document's own")
    mentions: list[Mention] = Field(min_length=1)


class Time(Span, Provenance):
    id: AnnotationId
    value: str | None = Field(
        description="ISO 8601: 2021-06-28, 2021-06, 2021, 2020-W26, 2014/2021 (interval), P7Y (duration); "
        "null when it cannot be resolved"
    )
    precision: Precision
    anchor: Literal["absolute", "published", "context"] | None = Field(
        default=None, description="what a relative expression was resolved against"
    )
    modifier: Literal["since", "late", "early", "mid", "ago", "season"] | None = None
    part_of_day: str | None = None
    clock: str | None = None
    duration: str | None = Field(
        default=None, description="ISO 8601 duration of an 'ago' or 'for' expression"
    )
    approximate: bool = False
    calendar: Literal["gregorian", "hijri"] = "gregorian"


class Quantity(Span, Provenance):
    id: AnnotationId
    value: int | float | None = Field(description='the number; null for a vague amount ("عشرات")')
    unit: str | None
    kind: Kind = Field(
        default="value", description="one value; a range low..high; a change value_from -> value_to"
    )
    hedge: Hedge | None = None
    vagueness: Vagueness | None = None
    low: int | float | None = None
    high: int | float | None = None
    value_from: int | float | None = Field(default=None, description="a change's first value")
    value_to: int | float | None = Field(default=None, description="a change's last value")
    sense: str | None = Field(default=None, description="killed, wounded, ... for a casualty figure")


class Claim(Provenance):
    id: AnnotationId
    cue: Span
    source: EntityId | None = Field(description="the entity who says it, when linked")
    source_text: str
    source_inferred: bool = Field(default=False, description="the speaker of the claim before goes on")
    content: Span | None
    direct: bool = Field(description="quoted")
    parent: AnnotationId | None = Field(default=None, description="the claim this one is reported within")


class Event(Provenance):
    id: AnnotationId
    trigger: Span
    mentions: list[Span] = Field(default_factory=list, description="further triggers of the same event")
    type: EventType
    subtype: str | None
    actors: list[EntityId]
    targets: list[EntityId]
    location: EntityId | None
    country: Country | None
    location_from: Literal["sentence", "context", "document"] | None
    date: str | None
    date_precision: Precision | None
    killed: Figure | None = None
    wounded: Figure | None = None
    kidnapped: Figure | None = None
    arrested: Figure | None = None
    modality: Literal["asserted", "negated", "planned", "threatened", "hypothetical"]
    claim: AnnotationId | None = Field(description="the claim it is reported under")
    claimed_by: EntityId | None = None
    attack: AnnotationId | None = Field(
        default=None, description="the attack a claim of responsibility claims"
    )
    forms: list[str] = Field(default_factory=list, description="attack forms of a campaign")
    form_triggers: list[Span] = Field(default_factory=list)
    confidence: float = Field(ge=0, le=1)


class Finding(Provenance):
    id: AnnotationId
    kind: str
    message: str
    span: Span | None = None
    total: int | float | None = None
    parts: list[int | float] = Field(default_factory=list)
