"""Batches: many inputs through the pipeline, bad ones reported, the rest carried on."""

from marsad.batch.run import BatchReport, extract_all, ingest_all

__all__ = ["BatchReport", "extract_all", "ingest_all"]
