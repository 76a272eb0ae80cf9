"""Cleaning: from what a source gave to the one text all offsets refer to."""

from marsad.clean.document import clean

__all__ = ["clean"]
