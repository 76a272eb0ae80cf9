"""Training the NER tagger, in stages, each cached in a work folder so that a rerun redoes only
what is missing:

0. the gazetteer flags, frozen from the knowledge base as it is now (`ner_gazetteer.tsv`,
   `gazetteer.py`), so that the tagger reads at run time the lists it was trained with;
1. word2vec on the unlabeled corpus: word vectors (`vectors.npz`), and from them k-means word
   clusters, written to the package (`ner_clusters.tsv`, features of `features.py`);
2. a first-stage CRF on the labelled training data (`stage1.crfsuite`, not shipped);
3. that CRF tags corpus articles, and each word's label shares become features
   (`distributions.npz`);
4. the BiLSTM encoder pretrained as a language model on corpus sentences (`encoder.pt`);
5. the BiLSTM-CRF (`train_neural.py`) on the training data, starting from that encoder, written
   to the package (`ner.npz`).

`marsad train ner` runs them. Training needs the `train` extra (gensim, PyTorch, python-crfsuite);
tagging needs only numpy.
"""

from __future__ import annotations

import gzip
import json
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.arabic.normalize import normalize_word
from marsad.arabic.sentences import split_sentences
from marsad.arabic.tokenize import tokenize
from marsad.kb.base import load_kb
from marsad.ner.conll import Sentence, read_conll
from marsad.ner.features import GAZETTEER, clusters, gazetteers, sentence_features, word_features
from marsad.ner.gazetteer import build_gazetteer, write_gazetteer
from marsad.ner.train_neural import (
    NeuralOptions,
    build_vocabulary,
    label_distributions,
    pretrain_encoder,
    train_neural,
)


@dataclass(frozen=True)
class TrainOptions:
    corpus: Path  # JSONL(.gz) of unlabeled articles, for the vectors and the label distributions
    train: tuple[Path, ...]  # CoNLL files
    out_dir: Path  # where the shipped files go
    work_dir: Path = Path(".marsad-train")  # cached stages
    vector_size: int = 100
    epochs: int = 3
    vectors: int = 120_000  # most frequent words that keep a vector
    vocabulary: int = 80_000  # most frequent words that get a cluster
    fine_clusters: int = 512
    coarse_clusters: int = 64
    c1: float = 0.05
    c2: float = 0.01
    iterations: int = 200
    dist_articles: int = 70_000  # corpus articles the first stage tags (all 67,431 of ours)
    pretrain_words: int = 9_000_000  # corpus words the encoder is pretrained on (0: none)
    seed: int = 13
    neural: NeuralOptions = field(default_factory=NeuralOptions)


def _articles(path: Path) -> Iterator[tuple[str, str]]:
    """(title, text) of each article of a JSONL(.gz) corpus."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            yield str(rec.get("title") or ""), str(rec.get("text") or "")


class _Sentences:
    """Normalised token lists of each title and paragraph of the corpus (iterable many times)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __iter__(self) -> Iterator[list[str]]:
        for title, text in _articles(self.path):
            for para in [title, *text.split("\n")]:
                toks = [t.text for t in tokenize(normalize_word(para))]
                if toks:
                    yield toks


def train_all(opts: TrainOptions, sentences: list[Sentence], log: Any = print) -> Path:
    """Every stage, skipping those whose output is already in `opts.work_dir`."""
    import numpy as np

    opts.work_dir.mkdir(parents=True, exist_ok=True)
    freeze_gazetteer(opts)
    vec_path = opts.work_dir / "vectors.npz"
    if not vec_path.exists():
        words, vectors = train_vectors(opts, log)
        np.savez(vec_path, words=np.array(words), vectors=vectors)
        write_clusters(words, vectors, opts)
    z = np.load(vec_path)
    words, vectors = [str(w) for w in z["words"]], z["vectors"]
    if not (opts.out_dir / "ner_clusters.tsv").exists():
        write_clusters(words, vectors, opts)
    stage1 = opts.work_dir / "stage1.crfsuite"
    if not stage1.exists():
        train_crf(opts, sentences, stage1, log)
    dist_path = opts.work_dir / "distributions.npz"
    if not dist_path.exists():
        dist = label_distributions(tag_corpus(stage1, opts.corpus, opts.dist_articles, log))
        np.savez(dist_path, words=np.array(list(dist)), shares=np.array(list(dist.values())))
    z = np.load(dist_path)
    dist = dict(zip((str(w) for w in z["words"]), z["shares"], strict=True))
    encoder = opts.work_dir / "encoder.pt"
    if opts.pretrain_words and not encoder.exists():
        vocab = build_vocabulary(sentences, words, opts.neural, dist)
        text = corpus_sentences(opts.corpus, opts.dist_articles)
        pretrain_encoder(vocab, vectors, text, encoder, opts.neural, opts.pretrain_words, log)
    init = encoder if opts.pretrain_words else None
    out = opts.out_dir / "ner.npz"
    return train_neural(sentences, words, vectors, out, opts.neural, dist=dist, log=log, init=init)


def freeze_gazetteer(opts: TrainOptions) -> Path:
    """The knowledge base's name words, cached with the other stages (the CRF and the network
    must see the same lists) and copied beside the model."""
    cached = opts.work_dir / "ner_gazetteer.tsv"
    if not cached.exists():
        write_gazetteer(build_gazetteer(load_kb()), cached)
    path = opts.out_dir / Path(GAZETTEER).name
    if path.resolve() != cached.resolve():
        shutil.copyfile(cached, path)
    gazetteers.cache_clear()
    word_features.cache_clear()
    return path


def train_vectors(opts: TrainOptions, log: Any = print) -> tuple[list[str], Any]:
    """Word2vec on the corpus: the most frequent words and their unit-length vectors."""
    import numpy as np
    from gensim.models import Word2Vec

    t0 = time.time()
    w2v = Word2Vec(
        sentences=_Sentences(opts.corpus),
        vector_size=opts.vector_size,
        window=5,
        min_count=5,
        workers=2,
        epochs=opts.epochs,
        seed=opts.seed,
    )
    words = list(w2v.wv.index_to_key[: opts.vectors])
    vectors = np.asarray([w2v.wv[w] for w in words], dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    log(f"word2vec: {len(w2v.wv):,} words in {time.time() - t0:.0f} s")
    return words, vectors


def write_clusters(words: list[str], vectors: Any, opts: TrainOptions) -> Path:
    """k-means over the vectors of the most frequent words: a fine cluster per word and a coarse
    one above it."""
    words, vectors = words[: opts.vocabulary], vectors[: opts.vocabulary]
    fine, centroids = kmeans(vectors, opts.fine_clusters, opts.seed)
    coarse_of_fine, _ = kmeans(centroids, opts.coarse_clusters, opts.seed)
    path = opts.out_dir / "ner_clusters.tsv"
    with path.open("w", encoding="utf-8") as f:
        f.write(f"# word\tcoarse\tfine   (word2vec + k-means on {opts.corpus.name}; marsad train ner)\n")
        for word, k in zip(words, fine, strict=True):
            f.write(f"{word}\t{coarse_of_fine[k]}\t{k}\n")
    clusters.cache_clear()
    return path


def tag_corpus(model: Path, corpus: Path, articles: int, log: Any = print) -> Iterator[Sentence]:
    """The first `articles` corpus articles, sentence by sentence, tagged by the CRF at `model`."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    t0 = time.time()
    for toks in corpus_sentences(corpus, articles):
        toks = toks[:120]
        yield list(zip(toks, tagger.tag(sentence_features(toks)), strict=True))
    log(f"first stage tagged {articles:,} corpus articles at most in {time.time() - t0:.0f} s")


def corpus_sentences(corpus: Path, articles: int) -> Iterator[list[str]]:
    """The tokens of each sentence of the first `articles` corpus articles (title first)."""
    for done, (title, body) in enumerate(_articles(corpus)):
        if done >= articles:
            break
        text = f"{title}\n{body}"
        for a, b in split_sentences(text):
            toks = [t.text for t in tokenize(text[a:b])]
            if toks:
                yield toks


def kmeans(x: Any, k: int, seed: int, iterations: int = 25) -> tuple[Any, Any]:
    """Spherical k-means (cosine): labels and centroids."""
    import numpy as np

    rng = np.random.default_rng(seed)
    centroids = x[rng.choice(len(x), size=k, replace=False)].copy()
    labels = np.zeros(len(x), dtype=np.int64)
    for _ in range(iterations):
        labels = np.concatenate(
            [np.argmax(x[i : i + 8192] @ centroids.T, axis=1) for i in range(0, len(x), 8192)]
        )
        for j in range(k):
            members = x[labels == j]
            if len(members):
                c = members.sum(axis=0)
                centroids[j] = c / (np.linalg.norm(c) + 1e-9)
    return labels, centroids


def train_crf(opts: TrainOptions, sentences: list[Sentence], path: Path, log: Any = print) -> Path:
    """The first-stage CRF over the features of `features.py`."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for s in sentences:
        trainer.append(sentence_features([t for t, _ in s]), [tag for _, tag in s])
    trainer.set_params(
        {
            "c1": opts.c1,
            "c2": opts.c2,
            "max_iterations": opts.iterations,
            "feature.possible_transitions": True,
        }
    )
    t0 = time.time()
    trainer.train(str(path))
    tokens = sum(len(s) for s in sentences)
    log(f"first-stage CRF: {len(sentences):,} sentences, {tokens:,} tokens in {time.time() - t0:.0f} s")
    return path


def extra_sentences(paths: tuple[Path, ...], exclude: list[Sentence]) -> list[Sentence]:
    """NewsFANE/AQMAR sentences in ANERcorp's tag set, minus any whose text is in `exclude`
    (ANERcorp train, already there, and ANERcorp test, which must never be trained on)."""
    from marsad.ner.conll import coarse_tag

    def key(s: Sentence) -> str:
        return normalize_word("".join(t for t, _ in s))

    seen = {key(s) for s in exclude}
    out = []
    for path in paths:
        for s in read_conll(path):
            if key(s) not in seen:
                out.append([(t, coarse_tag(tag)) for t, tag in s])
    return out


def project_misc(sentences: list[Sentence], reference: list[Sentence], min_count: int = 2) -> list[Sentence]:
    """ANERcorp tags currencies, religions, prizes and events as MISC ("دولار", "الإسلام", "نوبل");
    NewsFANE leaves them untagged. Where such a name (seen at least `min_count` times as MISC in
    `reference`) stands untagged in `sentences`, tag it MISC, so the two corpora agree."""
    from collections import Counter

    from marsad.ner.conll import chunks

    counts: Counter[tuple[str, ...]] = Counter()
    for s in reference:
        for label, a, b in chunks([t for _, t in s]):
            if label == "MISC":
                counts[tuple(normalize_word(t) for t, _ in s[a:b])] += 1
    names = {k for k, n in counts.items() if n >= min_count}
    longest = max((len(k) for k in names), default=0)
    out = []
    for s in sentences:
        words = [normalize_word(t) for t, _ in s]
        tags = [t for _, t in s]
        i = 0
        while i < len(s):
            for n in range(min(longest, len(s) - i), 0, -1):
                if tuple(words[i : i + n]) in names and all(t == "O" for t in tags[i : i + n]):
                    tags[i : i + n] = ["B-MISC"] + ["I-MISC"] * (n - 1)
                    i += n - 1
                    break
            i += 1
        out.append([(t, tag) for (t, _), tag in zip(s, tags, strict=True)])
    return out
