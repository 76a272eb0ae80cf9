"""What the benchmarks share: the corpus they read and the one core they run on."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

# One core: numpy's BLAS (the NER tagger) must not start a thread per core. Set before any
# benchmark imports numpy, which is why every benchmark imports this module first.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

CORPUS = Path(__file__).resolve().parents[2] / "shared/data/corpus/arabic_news.jsonl.gz"


def corpus_args(description: str, n: int) -> argparse.Namespace | None:
    """`--n` and `--corpus` from the command line, the process pinned to one core; None (with a
    message) when the corpus is not there."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--n", type=int, default=n, help="how many corpus articles")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found at {args.corpus}: it lives in ../shared/data/corpus/", file=sys.stderr)
        return None
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    return args
