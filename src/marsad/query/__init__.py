"""Queries across articles, in SQL over the store: the Python API that the CLI, the HTTP API and
the exports share. Every result is a list of typed rows; `to_frame` makes a DataFrame of them.
Documents marked `duplicate_of` another are never counted (docs/query.md)."""

from marsad.query.claims import claims
from marsad.query.entity import entity
from marsad.query.events import events, timeline
from marsad.query.resolve import NotFound
from marsad.query.rows import ClaimRow, EntityPage, EventRow, Ref, TrendRow, flat, to_frame
from marsad.query.trends import trends

__all__ = [
    "ClaimRow",
    "EntityPage",
    "EventRow",
    "NotFound",
    "Ref",
    "TrendRow",
    "claims",
    "entity",
    "events",
    "flat",
    "timeline",
    "to_frame",
    "trends",
]
