"""The neural NER tagger, run with numpy: a bidirectional LSTM over word vectors learned from the
unlabeled corpus, character convolutions, affix embeddings and the gazetteer and trigger flags of
`features.py`, with a CRF layer on top (Viterbi decoding).

Trained with PyTorch by `train_neural.py` (the `train` extra); running it needs only numpy, so the
package carries no deep-learning framework. Weights and vocabularies are one `.npz` file.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from marsad.ner.features import word_features

TAGS = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
FLAGS = ("gper", "gloc", "gorg", "tper", "torg", "tloc", "digit", "latin", "punct")
# Per word, how a first-stage tagger labelled it across the unlabeled corpus: the share of its
# occurrences inside a PERS, LOC, ORG, MISC name, the share at a name's start, and log frequency.
# "نوكيا" seen a thousand times as an organisation says more than one training sentence does.
DIST = ("PERS", "LOC", "ORG", "MISC", "B", "freq")
AFFIXES = 6  # hashed ids per token: stem prefixes of 2 and 3, suffixes of 2 and 3, proclitic, cluster
BUCKETS = 1 << 14
MAX_CHARS = 16


def bucket(text: str) -> int:
    """A stable hash bucket (1..BUCKETS-1; 0 is padding): crc32, not Python's salted hash()."""
    return zlib.crc32(text.encode("utf-8")) % (BUCKETS - 1) + 1


class Vocabulary:
    """Token -> input ids: the pretrained word vector row, the trained word row, affix buckets,
    flags and character ids. Shared by training and tagging so that both see the same inputs."""

    def __init__(
        self,
        pretrained: Sequence[str],
        own: Sequence[str],
        chars: str,
        dist: dict[str, Any] | None = None,
    ) -> None:
        self.pretrained = {w: i + 1 for i, w in enumerate(pretrained)}  # 0: no vector
        self.dist = dist or {}  # word -> array of len(DIST)
        self.own = {w: i + 1 for i, w in enumerate(own)}  # 0: a word not frequent in training
        self.chars = {c: i + 1 for i, c in enumerate(chars)}  # 0: padding, len+1: other
        self.other_char = len(chars) + 1

    def encode(self, tokens: Sequence[str]) -> tuple[Any, Any, Any, Any, Any]:
        n = len(tokens)
        pre = np.zeros(n, np.int64)
        own = np.zeros(n, np.int64)
        aff = np.zeros((n, AFFIXES), np.int64)
        flags = np.zeros((n, len(FLAGS) + len(DIST)), np.float32)
        chars = np.zeros((n, MAX_CHARS), np.int64)
        for i, tok in enumerate(tokens):
            f = word_features(tok)
            w, s = str(f["w"]), str(f["s"])
            pre[i] = self.pretrained.get(w) or self.pretrained.get(s) or 0
            own[i] = self.own.get(w, 0)
            aff[i] = [
                bucket("p2" + s[:2]),
                bucket("p3" + s[:3]),
                bucket("x2" + w[-2:]),
                bucket("x3" + w[-3:]),
                bucket("pre" + str(f.get("pre", ""))),
                bucket("c8" + str(f.get("c8", ""))),
            ]
            flags[i, : len(FLAGS)] = [1.0 if k in f else 0.0 for k in FLAGS]
            d = self.dist.get(w)
            if d is not None:
                flags[i, len(FLAGS) :] = d
            ids = [self.chars.get(c, self.other_char) for c in w[:MAX_CHARS]]
            chars[i, : len(ids)] = ids
        return pre, own, aff, flags, chars


def _sigmoid(x: Any) -> Any:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


class NeuralTagger:
    """The network of one `.npz` file (written by `train_neural.export`)."""

    def __init__(self, path: Path) -> None:
        z = np.load(path, allow_pickle=False)

        def text(key: str) -> str:  # word lists are stored as UTF-8 bytes, not pickled objects
            return bytes(z[key]).decode("utf-8")

        dist_words = text("dist_words")
        shares = z["dist"].astype(np.float32)
        dist = dict(zip(dist_words.split("\n"), shares, strict=True)) if dist_words else {}
        self.vocab = Vocabulary(
            text("pretrained_words").split("\n"), text("own_words").split("\n"), text("chars"), dist
        )
        self.pre_q, self.pre_scale = z["pre_q"], z["pre_scale"]  # dequantized per lookup, not at load
        self.p = {k: z[k].astype(np.float32) for k in z.files if k.startswith("w_")}
        self._cache: dict[str, Any] = {}

    def tag(self, tokens: Sequence[str]) -> list[str]:
        return self.tag_many([tokens])[0]

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        out: list[list[str]] = [[] for _ in sentences]
        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        p = self.p
        for start in range(0, len(order), 64):  # similar lengths together: less padding
            batch = order[start : start + 64]
            emissions = self.emissions([sentences[i] for i in batch])
            paths = viterbi_many(emissions, p["w_trans"], p["w_start"], p["w_end"])
            for i, path in zip(batch, paths, strict=True):
                out[i] = [TAGS[k] for k in path]
        return out

    def emissions(self, sentences: Sequence[Sequence[str]]) -> list[Any]:
        """Per sentence, an (n, len(TAGS)) array of tag scores."""
        p = self.p
        lengths = [len(s) for s in sentences]
        proj = self._token_inputs([t for s in sentences for t in s])  # (tokens, 2 * 4 * hidden)
        bounds = np.cumsum([0, *lengths])
        half = proj.shape[1] // 2
        fwd = self._lstm(proj[:, :half], bounds, "f", reverse=False)
        bwd = self._lstm(proj[:, half:], bounds, "b", reverse=True)
        scores = np.concatenate([fwd, bwd], axis=1) @ p["w_out"].T + p["w_out_b"]
        return [scores[bounds[k] : bounds[k + 1]] for k in range(len(sentences))]

    def _token_inputs(self, tokens: Sequence[str]) -> Any:
        """Each token's input to the LSTM gates of both directions: a function of the token alone,
        so computed once per distinct token and kept (news repeats its words). The rows of this
        call are held in a local dict, so another thread clearing the cache (a server tagging
        documents in threads) takes nothing from under it; dict get, clear and update are atomic."""
        cache = self._cache
        rows: dict[str, Any] = {t: cache.get(t) for t in dict.fromkeys(tokens)}
        missing = [t for t, row in rows.items() if row is None]
        if missing:
            new = self._project(self._inputs(*self.vocab.encode(missing)))
            rows.update(zip(missing, new, strict=True))
            if len(cache) + len(missing) > CACHE_TOKENS:
                cache.clear()  # start over rather than keep track of use: simple, and rare
            cache.update(zip(missing, new, strict=True))
        return np.stack([rows[t] for t in tokens])

    def _inputs(self, pre: Any, own: Any, aff: Any, flags: Any, chars: Any) -> Any:
        p = self.p
        n = len(pre)
        c = p["w_chr"][chars]  # (n, MAX_CHARS, dim); row 0 is zeros (padding)
        c = np.pad(c, ((0, 0), (1, 1), (0, 0)))
        k = p["w_cnn"].shape[2]
        windows = np.concatenate([c[:, j : j + MAX_CHARS] for j in range(k)], axis=2)  # (n, L, k*dim)
        kernel = p["w_cnn"].transpose(0, 2, 1).reshape(p["w_cnn"].shape[0], -1)  # (out, k*dim)
        conv = np.maximum(windows @ kernel.T + p["w_cnn_b"], 0.0).max(axis=1)
        return np.concatenate(
            [
                self.pre_q[pre].astype(np.float32) * self.pre_scale[pre, None],
                p["w_own"][own],
                p["w_aff"][aff].reshape(n, -1),
                flags,
                conv,
            ],
            axis=1,
        )

    def _project(self, x: Any) -> Any:
        """Inputs (tokens, features) -> input terms of the gates, forward then backward."""
        p = self.p
        return np.concatenate([x @ p["w_ih_f"].T + p["w_b_f"], x @ p["w_ih_b"].T + p["w_b_b"]], axis=1)

    def _lstm(self, proj: Any, bounds: Any, d: str, reverse: bool) -> Any:
        """One direction of the LSTM over every sentence at once (PyTorch's gate order i, f, g, o).
        Sentences are laid out left-aligned in a (sentences, longest) grid, reversed for the
        backward direction, so padding only ever comes after a sentence's last token."""
        p = self.p
        w_hh = p[f"w_hh_{d}"].T
        hidden = w_hh.shape[0]
        lengths = np.diff(bounds)
        by_length = np.argsort(-lengths, kind="stable")  # longest first: live sentences are a prefix
        lengths, starts, ends = lengths[by_length], bounds[:-1][by_length], bounds[1:][by_length]
        steps = np.arange(int(lengths.max()))
        live = steps[None, :] < lengths[:, None]  # (sentences, longest)
        rows = (ends[:, None] - 1 - steps[None, :]) if reverse else (starts[:, None] + steps[None, :])
        rows = np.where(live, rows, 0)
        grid = proj[rows]  # (sentences, longest, 4 * hidden)
        h = np.zeros((len(lengths), hidden), np.float32)
        c = np.zeros_like(h)
        states = np.empty((len(lengths), len(steps), hidden), np.float32)
        alive = live.sum(axis=0)  # sentences still running at each step
        for t in steps:
            k = alive[t]
            gates = grid[:k, t] + h[:k] @ w_hh
            sig = _sigmoid(gates)
            g = np.tanh(gates[:, 2 * hidden : 3 * hidden])
            c[:k] = sig[:, hidden : 2 * hidden] * c[:k] + sig[:, :hidden] * g
            h[:k] = sig[:, 3 * hidden :] * np.tanh(c[:k])
            states[:k, t] = h[:k]
        out = np.empty((len(proj), hidden), np.float32)
        out[rows[live]] = states[live]
        return out


# Distinct tokens whose gate inputs are kept between calls (4.8 kB each: 120 MB at most).
CACHE_TOKENS = 25_000


def viterbi_many(emissions: Sequence[Any], trans: Any, start: Any, end: Any) -> list[list[int]]:
    """The best tag sequence of each sentence under its emission scores (n, K) and the transition
    scores, for many sentences at once (one numpy step per position, not per sentence)."""
    lengths = np.array([len(e) for e in emissions])
    n, k = len(emissions), len(start)
    grid = np.zeros((n, int(lengths.max()), k), np.float32)
    for i, e in enumerate(emissions):
        grid[i, : len(e)] = e
    best = start + grid[:, 0]
    back = np.zeros(grid.shape, np.int64)
    for t in range(1, grid.shape[1]):
        cand = best[:, :, None] + trans  # (n, from, to)
        back[:, t] = cand.argmax(axis=1)
        best = np.where((t < lengths)[:, None], cand.max(axis=1) + grid[:, t], best)
    tag = (best + end).argmax(axis=1)
    paths = np.zeros((n, grid.shape[1]), np.int64)
    for t in range(grid.shape[1] - 1, -1, -1):
        # At a sentence's last position its best final tag; before it, the back-pointer of t + 1.
        follow = back[np.arange(n), np.minimum(t + 1, grid.shape[1] - 1), tag]
        tag = np.where(t == lengths - 1, tag, np.where(t < lengths - 1, follow, tag))
        paths[:, t] = tag
    return [paths[i, : lengths[i]].tolist() for i in range(n)]
