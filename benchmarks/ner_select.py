"""Choosing the NER model's settings without the test split: the last sixth of ANERcorp train is
held out as a development set; the whole training pipeline (first-stage CRF, its corpus label
counts, the pretrained encoder, the BiLSTM-CRF) runs on the rest, and each epoch is scored on
the development set.

    .venv/bin/python benchmarks/ner_select.py [--epochs 18] [--seed 1] [--dist-articles 70000]
        [--pretrain-words 9000000]   (0: no pretrained encoder)

Needs the `train` extra and the word vectors of `marsad train ner` (`WORK_DIR/vectors.npz`).
About an hour and a half on two cores, mostly tagging the corpus and pretraining (the first-stage
CRF and the encoder are cached in WORK_DIR/select/); the numbers go into docs/models/ner.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from marsad.ner.conll import read_conll, score
from marsad.ner.neural import NeuralTagger
from marsad.ner.train import (
    TrainOptions,
    corpus_sentences,
    extra_sentences,
    project_misc,
    tag_corpus,
    train_crf,
)
from marsad.ner.train_neural import build_vocabulary, label_distributions, pretrain_encoder, train_neural

DATA = Path(__file__).resolve().parents[2] / "shared/data"
NER = DATA / "ner"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=18)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work-dir", type=Path, default=Path(".marsad-train"))
    ap.add_argument("--dist-articles", type=int, default=TrainOptions.dist_articles)
    ap.add_argument("--pretrain-words", type=int, default=TrainOptions.pretrain_words)
    args = ap.parse_args()
    train_path = NER / "anercorp/ANERCorp_CamelLab_train.txt"
    vectors = args.work_dir / "vectors.npz"
    if not train_path.exists() or not vectors.exists():
        print(f"needs {train_path} and {vectors} (run `marsad train ner` once)", file=sys.stderr)
        return 2
    sentences = read_conll(train_path)
    cut = len(sentences) * 5 // 6
    train, dev = sentences[:cut], sentences[cut:]
    test = read_conll(NER / "anercorp/ANERCorp_CamelLab_test.txt")  # excluded from extras, never scored
    newsfane = (NER / "newsfane_gold/NewsFANE_Gold_2014_170K.txt",)
    data = train + project_misc(extra_sentences(newsfane, sentences + test), train)
    print(f"train {len(train):,} sentences (+ NewsFANE: {len(data):,}), dev {len(dev):,}", flush=True)

    work = args.work_dir / "select"
    work.mkdir(parents=True, exist_ok=True)
    opts = TrainOptions(corpus=DATA / "corpus/arabic_news.jsonl.gz", train=(), out_dir=work, work_dir=work)
    stage1 = work / "stage1.crfsuite"
    if not stage1.exists():
        train_crf(opts, data, stage1)
    dist = label_distributions(tag_corpus(stage1, opts.corpus, args.dist_articles))
    z = np.load(vectors)
    gold = [[t for _, t in s] for s in dev]
    tokens = [[w for w, _ in s] for s in dev]

    def on_epoch(epoch: int, tagger: NeuralTagger) -> None:
        t0 = time.time()
        s = score(gold, tagger.tag_many(tokens))
        p, r, f = s.prf()
        per_type = "  ".join(f"{label} {100 * s.prf(label)[2]:.2f}" for label in s.labels)
        took = time.time() - t0
        print(f"epoch {epoch:2d}: dev P={100 * p:.2f} R={100 * r:.2f} F1={100 * f:.2f}  {per_type}", end="")
        print(f"  ({took:.1f} s)", flush=True)

    neural = replace(opts.neural, epochs=args.epochs, seed=args.seed)
    words = [str(w) for w in z["words"]]
    encoder = work / "encoder.pt"
    if args.pretrain_words and not encoder.exists():
        vocab = build_vocabulary(data, words, neural, dist)
        text = corpus_sentences(opts.corpus, args.dist_articles)
        pretrain_encoder(vocab, z["vectors"], text, encoder, neural, args.pretrain_words)
    init = encoder if args.pretrain_words else None
    out = work / "dev.npz"
    train_neural(data, words, z["vectors"], out, neural, dist=dist, on_epoch=on_epoch, log=print, init=init)
    return 0


if __name__ == "__main__":
    sys.exit(main())
