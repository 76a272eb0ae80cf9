"""Settings, in one options object (not keyword lists repeated across functions)."""

from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_DB_URL = "sqlite:///marsad.db"


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """Limits and permissions for reading inputs."""

    max_document_bytes: int = 10 * 1024 * 1024  # one article; a JSONL/WARC file may be larger
    timeout_s: float = 20.0  # per HTTP request
    allow_private_urls: bool = False  # fetching loopback/private/link-local addresses
    max_redirects: int = 5
    user_agent: str = "marsad/0.1 (+https://example.invalid/marsad)"


@dataclass(frozen=True, slots=True)
class PipelineOptions:
    """Which extractors run, in which order, and which languages are accepted."""

    extractors: tuple[str, ...] = ("entities", "times", "quantities", "claims", "events")
    languages: frozenset[str] = field(default_factory=lambda: frozenset({"ar"}))
