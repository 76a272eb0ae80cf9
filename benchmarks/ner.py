"""NER tagger speed on one core: model load time, tokens/s on corpus articles (each article's
sentences tagged in one batch, as the entities extractor does), peak memory.

.venv/bin/python benchmarks/ner.py [--n 2000]
"""

from __future__ import annotations

import resource
import sys
import time
from itertools import islice

from common import corpus_args

from marsad.arabic.layer import TextLayer
from marsad.document import RawDocument
from marsad.ingest import read_inputs
from marsad.ner.tagger import Tagger


def main() -> int:
    args = corpus_args(__doc__.split("\n")[0], 2000)
    if args is None:
        return 2
    documents: list[list[list[str]]] = []
    for raw in islice(read_inputs([str(args.corpus)]), args.n):
        if isinstance(raw, RawDocument):
            layer = TextLayer(raw.text)
            documents.append([[t.text for t in toks] for toks in layer.sentence_tokens])
    t0 = time.perf_counter()
    tagger = Tagger()
    tagger.tag(["تحميل"])  # the first call loads the word clusters and gazetteers too
    load = time.perf_counter() - t0
    sentences = sum(len(d) for d in documents)
    tokens = sum(len(s) for d in documents for s in d)
    t0 = time.perf_counter()
    for d in documents:
        tagger.tag_many(d)
    seconds = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"model load {load:.2f} s; {len(documents):,} articles, {sentences:,} sentences, "
        f"{tokens:,} tokens in {seconds:.1f} s: "
        f"{tokens / seconds:,.0f} tokens/s on one core; peak RSS {rss:,.0f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
