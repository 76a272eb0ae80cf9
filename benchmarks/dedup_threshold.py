"""How many corpus article pairs each near-duplicate threshold groups, with examples to read.

    .venv/bin/python benchmarks/dedup_threshold.py [--n 3000] [--stride 22] [--show 0.8]

Articles are cleaned as ingest cleans them; every pair whose MinHash-estimated Jaccard
similarity of 3-word shingles is at least 0.5 is found with an LSH at 0.5, then counted per
threshold (estimated and exact similarity); pairs near the chosen threshold are printed.
"""

from __future__ import annotations

import argparse
import os
import sys
from itertools import islice

from common import CORPUS
from datasketch import MinHashLSH

from marsad.document import RawDocument
from marsad.ingest import read_inputs
from marsad.pipeline import Pipeline
from marsad.store import dedup


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=3000, help="how many corpus articles")
    ap.add_argument("--stride", type=int, default=22, help="take every STRIDE-th article (22: all outlets)")
    ap.add_argument("--show", type=float, default=dedup.THRESHOLD, help="print pairs nearest this")
    ap.add_argument("--corpus", default=str(CORPUS))
    args = ap.parse_args()
    if not os.path.exists(args.corpus):
        print(f"corpus not found at {args.corpus}", file=sys.stderr)
        return 2
    base = Pipeline()
    docs, sigs, grams = [], [], []
    for raw in islice(read_inputs([args.corpus]), 0, args.n * args.stride, args.stride):
        if not isinstance(raw, RawDocument):
            continue
        try:
            doc = base.prepare(raw)
        except Exception:
            continue
        sig = dedup.signature(doc.text)
        if sig is None:
            continue
        docs.append(doc)
        sigs.append(sig)
        grams.append(dedup.shingles(doc.text))
    lsh = MinHashLSH(threshold=0.5, num_perm=dedup.NUM_PERM)
    pairs = []
    for i, sig in enumerate(sigs):
        for j in lsh.query(sig.minhash):
            est = sig.minhash.jaccard(sigs[j].minhash)
            exact = len(grams[i] & grams[j]) / len(grams[i] | grams[j])
            pairs.append((est, exact, j, i))
        lsh.insert(i, sig.minhash)
    print(f"{len(docs)} articles of {dedup.MIN_WORDS}+ words; {len(dedup.BANDS)} bands at {dedup.THRESHOLD}")
    print("| threshold | pairs (estimated >=) | pairs (exact >=) | documents grouped (estimated) |")
    print("|---:|---:|---:|---:|")
    for t in (0.5, 0.6, 0.7, 0.8, 0.9, 0.95):
        est = [p for p in pairs if p[0] >= t]
        print(f"| {t} | {len(est)} | {sum(1 for p in pairs if p[1] >= t)} | {len({p[3] for p in est})} |")
    for est, exact, j, i in sorted(pairs, key=lambda p: abs(p[0] - args.show))[:8]:
        a, b = docs[j], docs[i]
        where = [f"{d.source} ({d.outlet}, {d.published and d.published.value})" for d in (a, b)]
        print(f"\n--- est {est:.2f} exact {exact:.2f}: {where[0]} / {where[1]}")
        print("  A:", (a.title or "")[:90], "|", a.text[:160].replace("\n", " "))
        print("  B:", (b.title or "")[:90], "|", b.text[:160].replace("\n", " "))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
