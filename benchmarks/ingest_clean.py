"""Ingest + clean throughput on one core: documents/s on 10,000 corpus articles.

    .venv/bin/python benchmarks/ingest_clean.py [--n 10000] [--corpus PATH]

Two numbers: read + clean + language (the pipeline before extractors, no database) and the
whole `ingest` into a fresh SQLite file (one transaction per document). Record the printed
table in docs/benchmarks.md with the machine and date.
"""

from __future__ import annotations

import os
import platform
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path

from common import corpus_args

from marsad.batch import ingest_all
from marsad.document import RawDocument
from marsad.ingest import read_inputs
from marsad.pipeline import Pipeline
from marsad.store import Store


def main() -> int:
    args = corpus_args(__doc__.split("\n")[0], 10000)
    if args is None:
        return 2

    t0 = time.perf_counter()
    raws = [r for r in islice(read_inputs([str(args.corpus)]), args.n) if isinstance(r, RawDocument)]
    read_s = time.perf_counter() - t0
    chars = sum(len(r.text) for r in raws)

    pipeline = Pipeline()
    t0 = time.perf_counter()
    ok = 0
    for raw in raws:
        try:
            pipeline.prepare(raw)
            ok += 1
        except Exception:  # a rejected document still counts as work done
            pass
    clean_s = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(str(Path(tmp) / "bench.db"))
        t0 = time.perf_counter()
        report = ingest_all([str(args.corpus)], store, pipeline, limit=args.n)
        ingest_s = time.perf_counter() - t0
        store.close()

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(raws)
    print(
        f"date: {datetime.now(UTC):%Y-%m-%d}  machine: {platform.machine()}, {platform.processor() or '?'}, "
        f"Python {platform.python_version()}, {os.cpu_count()} cores (1 used)"
    )
    print(f"articles: {n:,}  characters: {chars:,}  accepted: {ok:,}")
    print("| stage | seconds | documents/s | characters/s |")
    print("|---|---:|---:|---:|")
    print(f"| read JSONL.gz | {read_s:.1f} | {n / read_s:,.0f} | {chars / read_s:,.0f} |")
    print(f"| clean + language | {clean_s:.1f} | {n / clean_s:,.0f} | {chars / clean_s:,.0f} |")
    print(
        f"| ingest into SQLite (read, clean, store) | {ingest_s:.1f} | {n / ingest_s:,.0f} "
        f"| {chars / ingest_s:,.0f} |"
    )
    print(
        f"stored {report.stored:,}, duplicates {report.duplicates:,}, failed {report.failed:,}; "
        f"peak RSS {peak_mb:,.0f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
