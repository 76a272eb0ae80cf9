"""Extractors: small callables with a name, a version and a contract (see marsad.pipeline)."""
