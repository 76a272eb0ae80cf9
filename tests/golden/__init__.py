"""Golden digests: one SHA-256 per extractor of what it outputs on the project's own texts."""
