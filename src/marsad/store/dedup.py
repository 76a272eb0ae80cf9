"""Near-duplicate documents: MinHash over word shingles of the normalised text, with the LSH
bands kept in the store so that a new process still finds copies of documents stored earlier.

An exact copy is already skipped by its content hash; this finds the syndicated copy with
another title or byline and the light rewrite (a sentence changed, a paragraph added), and
marks the later document `duplicate_of` the first one, so that queries count it once.

Signatures are datasketch MinHashes; the banding (how many bands of how many rows) is the one
datasketch's MinHashLSH picks for the threshold. Each band becomes one 64-bit key in
`document_bands`, indexed, so that finding candidates is one indexed look-up, and the
candidates' stored signatures decide (estimated Jaccard similarity >= THRESHOLD).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np
import sqlalchemy as sa
from datasketch import MinHash, MinHashLSH
from sqlalchemy.engine import Connection

from marsad.arabic.normalize import normalize_word
from marsad.store import schema as S

# Estimated Jaccard similarity of 3-word shingle sets at or above which a later document is a
# copy of an earlier one. Measured on 3,000 corpus articles (docs/query.md, "Near-duplicates").
THRESHOLD = 0.8
NUM_PERM = 128
SHINGLE = 3
# Texts shorter than this many words are not compared: a two-line brief shares most of its
# shingles with any other brief of the same agency.
MIN_WORDS = 30
SEED = 1
# datasketch's permutation scheme, fixed so that stored signatures stay comparable across its
# versions; its hash values are 32-bit, stored as little-endian uint32.
SCHEME = "affine32"
_DTYPE = "<u4"

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Signature:
    minhash: MinHash
    keys: tuple[int, ...]  # one per LSH band


def _bands() -> list[tuple[int, int]]:
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    return list(lsh.hashranges)


BANDS = _bands()


def shingles(text: str) -> set[str]:
    words = _WORD.findall(normalize_word(text))
    if len(words) < MIN_WORDS:
        return set()
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> Signature | None:
    """The document's MinHash and band keys; None for a text too short to compare."""
    grams = shingles(text)
    if not grams:
        return None
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    mh.update_batch([g.encode("utf-8") for g in grams])
    return Signature(mh, band_keys(mh))


def band_keys(mh: MinHash) -> tuple[int, ...]:
    """A signed 64-bit key per band (the band's number and its rows, hashed), so that both
    SQLite and PostgreSQL index it as a plain BIGINT."""
    out = []
    for i, (start, end) in enumerate(BANDS):
        digest = hashlib.blake2b(
            i.to_bytes(2, "big") + mh.hashvalues[start:end].astype(_DTYPE).tobytes(), digest_size=8
        ).digest()
        out.append(int.from_bytes(digest, "big", signed=True))
    return tuple(out)


def _minhash(blob: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=np.frombuffer(blob, dtype=_DTYPE), scheme=SCHEME)


def find_original(conn: Connection, sig: Signature) -> str | None:
    """The first stored document that `sig` is a near-duplicate of, or None. A candidate that is
    itself a copy stands for its original, so that a group has one root."""
    b, s, d = S.document_bands.c, S.document_signatures.c, S.documents.c
    candidates = sa.select(b.document_id).where(b.key.in_(sig.keys)).distinct().scalar_subquery()
    rows = conn.execute(
        sa.select(s.document_id, s.signature, d.duplicate_of, d.ingested_at)
        .join(S.documents, d.id == s.document_id)
        .where(s.document_id.in_(candidates))
    ).all()
    best: tuple[float, object, str] | None = None
    for doc_id, blob, dup_of, at in rows:
        if not blob:
            continue
        score = sig.minhash.jaccard(_minhash(blob))
        if score < THRESHOLD:
            continue
        root = dup_of or doc_id
        # the most similar; among equals, the one stored first
        key = (-score, at, root)
        if best is None or key < best:
            best = key
    return best[2] if best else None


def record(conn: Connection, doc_id: str, sig: Signature | None) -> None:
    """Keep the document's signature and band keys; a text too short to compare gets an empty
    signature, which says it was seen."""
    blob = sig.minhash.hashvalues.astype(_DTYPE).tobytes() if sig else b""
    conn.execute(S.document_signatures.insert(), {"document_id": doc_id, "signature": blob})
    if sig:
        conn.execute(S.document_bands.insert(), [{"key": k, "document_id": doc_id} for k in set(sig.keys)])


def backfill(conn: Connection, batch: int = 500) -> int:
    """Sign the documents stored before signatures existed (a store migrated from revision
    0002), in the order they were stored, marking the copies among them. Returns how many."""
    d, s = S.documents.c, S.document_signatures.c
    done = 0
    while True:
        rows = conn.execute(
            sa.select(d.id, d.text)
            .where(~sa.exists().where(s.document_id == d.id))
            .order_by(d.ingested_at, d.id)
            .limit(batch)
        ).all()
        if not rows:
            return done
        for doc_id, text in rows:
            sig = signature(text)
            original = find_original(conn, sig) if sig else None
            if original:
                conn.execute(S.documents.update().where(d.id == doc_id).values(duplicate_of=original))
            record(conn, doc_id, sig)
            done += 1
