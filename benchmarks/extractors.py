"""Throughput of each extractor, and of all of them together, on corpus articles, one core.

    .venv/bin/python benchmarks/extractors.py [--n 2000] [--corpus PATH]

Documents are read and cleaned first (not timed); each extractor is then run over all of them
through the pipeline's checks. Record the printed table in docs/benchmarks.md.
"""

from __future__ import annotations

import platform
import resource
import sys
import time
from datetime import UTC, datetime
from itertools import islice

from common import corpus_args

from marsad.arabic.layer import TextLayer
from marsad.document import Document, RawDocument
from marsad.ingest import read_inputs
from marsad.pipeline import Pipeline
from marsad.registry import load_extractor
from marsad.settings import PipelineOptions


def main() -> int:
    args = corpus_args(__doc__.split("\n")[0], 2000)
    if args is None:
        return 2
    base = Pipeline()
    docs: list[Document] = []
    for raw in islice(read_inputs([str(args.corpus)]), args.n):
        if not isinstance(raw, RawDocument):
            continue
        try:
            docs.append(base.prepare(raw))
        except Exception:  # rejected articles are not part of this measurement
            continue
    chars = sum(len(d.text) for d in docs)
    names = PipelineOptions().extractors
    print(
        f"date: {datetime.now(UTC):%Y-%m-%d}  machine: {platform.machine()}, "
        f"Python {platform.python_version()}, "
        f"1 core  documents: {len(docs):,}  characters: {chars:,}"
    )
    print("| extractor | seconds | documents/s | characters/s | annotations |")
    print("|---|---:|---:|---:|---:|")
    total = 0.0
    for name in names:
        ex = load_extractor(name)
        t0 = time.perf_counter()
        found = 0
        for doc in docs:
            out = ex(doc, TextLayer(doc.text))
            found += sum(len(v) for v in out.values() if isinstance(v, list))
            Pipeline._apply(ex, out, doc)  # later extractors read what earlier ones found
        dt = time.perf_counter() - t0
        total += dt
        print(f"| {name} | {dt:.1f} | {len(docs) / dt:,.0f} | {chars / dt:,.0f} | {found:,} |")
    print(f"| all ({' + '.join(names)}) | {total:.1f} | {len(docs) / total:,.0f} | {chars / total:,.0f} | |")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
