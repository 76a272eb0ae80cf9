"""Training the neural NER tagger with PyTorch (the `train` extra) and writing it for numpy.

The network is the one `neural.py` runs: per token the corpus word vector (frozen, so that words
never seen in training keep what the corpus taught), a trained vector for frequent training words,
affix embeddings, gazetteer and trigger flags and a character convolution; a bidirectional LSTM;
a linear layer to tag scores; a CRF (transition scores, trained on the sentence likelihood).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from marsad.ner.conll import Sentence
from marsad.ner.features import word_features
from marsad.ner.neural import AFFIXES, BUCKETS, DIST, FLAGS, MAX_CHARS, TAGS, NeuralTagger, Vocabulary


@dataclass(frozen=True)
class NeuralOptions:
    epochs: int = 14
    hidden: int = 150
    own_dim: int = 50  # trained vectors for training words seen at least twice
    affix_dim: int = 20
    char_dim: int = 24
    char_filters: int = 50
    dropout: float = 0.5
    lr: float = 2e-3
    batch: int = 32
    chars: int = 300  # most frequent characters that get an id
    seed: int = 1


def label_distributions(tagged: Iterable[Sentence], min_count: int = 3) -> dict[str, Any]:
    """Word -> the DIST features, from sentences a first-stage tagger labelled."""
    counts: dict[str, Counter[str]] = {}
    for s in tagged:
        for token, tag in s:
            counts.setdefault(str(word_features(token)["w"]), Counter())[tag] += 1
    out = {}
    for word, c in counts.items():
        total = sum(c.values())
        if total < min_count:
            continue
        shares = [(c["B-" + t] + c["I-" + t]) / total for t in DIST[:4]]
        starts = sum(n for tag, n in c.items() if tag.startswith("B-")) / total
        out[word] = np.array([*shares, starts, min(np.log1p(total) / 8, 1.0)], np.float32)
    return out


def build_vocabulary(
    sentences: Sequence[Sentence],
    pretrained: Sequence[str],
    opts: NeuralOptions,
    dist: dict[str, Any] | None = None,
) -> Vocabulary:
    words: Counter[str] = Counter(str(word_features(t)["w"]) for s in sentences for t, _ in s)
    chars: Counter[str] = Counter(c for w, n in words.items() for c in w[:MAX_CHARS] for _ in range(n))
    return Vocabulary(
        pretrained,
        sorted(w for w, n in words.items() if n >= 2),
        "".join(sorted(c for c, _ in chars.most_common(opts.chars))),
        dist,
    )


def _network(vocab: Vocabulary, vectors: Any, opts: NeuralOptions) -> Any:
    import torch
    from torch import nn

    class Network(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            pre = np.vstack([np.zeros((1, vectors.shape[1]), np.float32), vectors])
            self.pre = nn.Embedding.from_pretrained(torch.tensor(pre), freeze=True)
            self.own = nn.Embedding(len(vocab.own) + 1, opts.own_dim)
            self.aff = nn.Embedding(BUCKETS, opts.affix_dim)
            self.chr = nn.Embedding(vocab.other_char + 1, opts.char_dim, padding_idx=0)
            self.cnn = nn.Conv1d(opts.char_dim, opts.char_filters, 3, padding=1)
            flags = len(FLAGS) + len(DIST)
            width = vectors.shape[1] + opts.own_dim + AFFIXES * opts.affix_dim + flags + opts.char_filters
            self.drop = nn.Dropout(opts.dropout)
            self.lstm = nn.LSTM(width, opts.hidden, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * opts.hidden, len(TAGS))
            self.trans = nn.Parameter(torch.zeros(len(TAGS), len(TAGS)))
            self.start = nn.Parameter(torch.zeros(len(TAGS)))
            self.end = nn.Parameter(torch.zeros(len(TAGS)))

        def emissions(self, pre: Any, own: Any, aff: Any, flags: Any, chars: Any, lengths: Any) -> Any:
            b, n, w = chars.shape
            c = self.chr(chars.view(b * n, w)).transpose(1, 2)
            c = torch.relu(self.cnn(c)).max(2).values.view(b, n, -1)
            x = torch.cat([self.pre(pre), self.drop(self.own(own)), self.aff(aff).flatten(2), flags, c], -1)
            packed = nn.utils.rnn.pack_padded_sequence(
                self.drop(x), lengths, batch_first=True, enforce_sorted=False
            )
            y, _ = self.lstm(packed)
            y, _ = nn.utils.rnn.pad_packed_sequence(y, batch_first=True, total_length=n)
            return self.out(self.drop(y))

        def nll(self, em: Any, tags: Any, mask: Any) -> Any:
            """Negative log-likelihood of the gold tags under the CRF, summed over the batch."""
            alpha = self.start + em[:, 0]
            gold = self.start[tags[:, 0]] + em[:, 0].gather(1, tags[:, :1]).squeeze(1)
            for t in range(1, em.shape[1]):
                step = torch.logsumexp(alpha.unsqueeze(2) + self.trans + em[:, t].unsqueeze(1), 1)
                alpha = torch.where(mask[:, t : t + 1], step, alpha)
                g = self.trans[tags[:, t - 1], tags[:, t]] + em[:, t].gather(1, tags[:, t : t + 1]).squeeze(1)
                gold = gold + g * mask[:, t]
            last = tags.gather(1, mask.sum(1, keepdim=True) - 1).squeeze(1)
            return (torch.logsumexp(alpha + self.end, 1) - gold - self.end[last]).sum()

    return Network()


def _batch(items: Sequence[tuple[Any, ...]]) -> tuple[Any, ...]:
    import torch

    n = max(len(x[0]) for x in items)
    k = len(items)
    pre, own, tags = (torch.zeros(k, n, dtype=torch.long) for _ in range(3))
    aff = torch.zeros(k, n, AFFIXES, dtype=torch.long)
    flags = torch.zeros(k, n, len(FLAGS) + len(DIST))
    chars = torch.zeros(k, n, MAX_CHARS, dtype=torch.long)
    mask = torch.zeros(k, n, dtype=torch.bool)
    for i, (p, o, a, f, c, y) in enumerate(items):
        m = len(p)
        pre[i, :m], own[i, :m], aff[i, :m] = torch.from_numpy(p), torch.from_numpy(o), torch.from_numpy(a)
        flags[i, :m], chars[i, :m], tags[i, :m] = torch.from_numpy(f), torch.from_numpy(c), torch.tensor(y)
        mask[i, :m] = True
    lengths = torch.tensor([len(x[0]) for x in items])
    return pre, own, aff, flags, chars, lengths, tags, mask


def train_neural(
    sentences: Sequence[Sentence],
    pretrained: Sequence[str],
    vectors: Any,
    out: Path,
    opts: NeuralOptions = NeuralOptions(),
    dist: dict[str, Any] | None = None,
    on_epoch: Callable[[int, NeuralTagger], None] | None = None,
    log: Callable[[str], None] = print,
) -> Path:
    """Train on `sentences` and write the numpy model to `out`; `on_epoch(epoch, tagger)` may
    score each epoch's model (on a development set, never the test split)."""
    import torch

    torch.manual_seed(opts.seed)
    rng = np.random.default_rng(opts.seed)
    vocab = build_vocabulary(sentences, pretrained, opts, dist)
    index = {t: i for i, t in enumerate(TAGS)}
    data = [(*vocab.encode([t for t, _ in s]), [index.get(tag, 0) for _, tag in s]) for s in sentences if s]
    net = _network(vocab, vectors, opts)
    optim = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=opts.lr)
    t0 = time.time()
    for epoch in range(opts.epochs):
        net.train()
        total = 0.0
        order = rng.permutation(len(data))
        for i in range(0, len(order), opts.batch):
            batch = _batch([data[j] for j in order[i : i + opts.batch]])
            pre, own, aff, flags, chars, lengths, tags, mask = batch
            loss = net.nll(net.emissions(pre, own, aff, flags, chars, lengths), tags, mask)
            optim.zero_grad()
            (loss / len(lengths)).backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            optim.step()
            total += float(loss.detach())
        export(net, vocab, out)
        log(f"epoch {epoch + 1}/{opts.epochs}: loss {total / len(data):.3f} ({time.time() - t0:.0f} s)")
        if on_epoch is not None:
            on_epoch(epoch + 1, NeuralTagger(out))
    return out


def export(net: Any, vocab: Vocabulary, out: Path) -> None:
    """Write the weights numpy needs: word vectors as int8 with a scale per row (a quarter of the
    size), the rest as float16; the tests bound what that rounding changes."""
    state = {k: v.detach().numpy() for k, v in net.state_dict().items()}
    pre = state["pre.weight"]
    scale = np.abs(pre).max(axis=1) / 127.0 + 1e-12
    half = lambda a: np.asarray(a, dtype=np.float16)  # noqa: E731
    text = lambda s: np.frombuffer(s.encode("utf-8"), dtype=np.uint8)  # noqa: E731
    arrays = {
        "pretrained_words": text("\n".join(sorted(vocab.pretrained, key=vocab.pretrained.__getitem__))),
        "own_words": text("\n".join(sorted(vocab.own, key=vocab.own.__getitem__))),
        "chars": text("".join(sorted(vocab.chars, key=vocab.chars.__getitem__))),
        "dist_words": text("\n".join(vocab.dist)),
        "dist": half(np.array(list(vocab.dist.values()), np.float32).reshape(-1, len(DIST))),
        "pre_q": np.round(pre / scale[:, None]).astype(np.int8),
        "pre_scale": scale.astype(np.float32),
        "w_own": half(state["own.weight"]),
        "w_aff": half(state["aff.weight"]),
        "w_chr": half(state["chr.weight"]),
        "w_cnn": half(state["cnn.weight"]),
        "w_cnn_b": half(state["cnn.bias"]),
        "w_out": half(state["out.weight"]),
        "w_out_b": half(state["out.bias"]),
        "w_trans": half(state["trans"]),
        "w_start": half(state["start"]),
        "w_end": half(state["end"]),
    }
    for d, suffix in (("f", ""), ("b", "_reverse")):
        arrays[f"w_ih_{d}"] = half(state[f"lstm.weight_ih_l0{suffix}"])
        arrays[f"w_hh_{d}"] = half(state[f"lstm.weight_hh_l0{suffix}"])
        arrays[f"w_b_{d}"] = half(state[f"lstm.bias_ih_l0{suffix}"] + state[f"lstm.bias_hh_l0{suffix}"])
    tmp = out.with_suffix(".tmp.npz")
    np.savez_compressed(tmp, **arrays)
    tmp.replace(out)
