"""Marsad: Arabic news articles in, a provenance-tracked knowledge base out."""

__version__ = "0.1.0"
