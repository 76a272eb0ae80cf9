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
from marsad.ner.features import clusters, word_features
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
    pretrain_dropout: float = 0.2


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

        def encode(self, pre: Any, own: Any, aff: Any, flags: Any, chars: Any, lengths: Any) -> Any:
            """The BiLSTM's states, forward half then backward half."""
            b, n, w = chars.shape
            c = self.chr(chars.view(b * n, w)).transpose(1, 2)
            c = torch.relu(self.cnn(c)).max(2).values.view(b, n, -1)
            x = torch.cat([self.pre(pre), self.drop(self.own(own)), self.aff(aff).flatten(2), flags, c], -1)
            packed = nn.utils.rnn.pack_padded_sequence(
                self.drop(x), lengths, batch_first=True, enforce_sorted=False
            )
            y, _ = self.lstm(packed)
            y, _ = nn.utils.rnn.pad_packed_sequence(y, batch_first=True, total_length=n)
            return y

        def emissions(self, pre: Any, own: Any, aff: Any, flags: Any, chars: Any, lengths: Any) -> Any:
            return self.out(self.drop(self.encode(pre, own, aff, flags, chars, lengths)))

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


def pretrain_encoder(
    vocab: Vocabulary,
    vectors: Any,
    sentences: Iterable[Sequence[str]],
    out: Path,
    opts: NeuralOptions = NeuralOptions(),
    tokens: int = 9_000_000,
    log: Callable[[str], None] = print,
) -> Path:
    """Pretrain the tagger's encoder as a language model on unlabeled sentences: at each word the
    forward LSTM predicts the word cluster of the next word, the backward LSTM that of the word
    before. Names in context ("قال الرئيس ..." before a rare word) are what the few labelled
    sentences cannot teach; the encoder learns them from millions of corpus words. Predicting one of
    ~500 clusters, not the word, keeps the output layer small enough for a CPU. Writes the encoder
    weights with the vocabulary they index (`train_neural(init=...)` maps them onto its own)."""
    import torch
    from torch import nn

    torch.manual_seed(opts.seed)
    rng = np.random.default_rng(opts.seed)
    cluster_of = {w: int(fine) + 1 for w, (_, fine) in clusters().items()}  # 0: no cluster (rare)
    classes = max(cluster_of.values(), default=0) + 1
    net = _network(vocab, vectors, opts)
    net.drop.p = opts.pretrain_dropout
    heads = nn.ModuleList([nn.Linear(opts.hidden, classes), nn.Linear(opts.hidden, classes)])
    params = [p for p in [*net.parameters(), *heads.parameters()] if p.requires_grad]
    optim = torch.optim.Adam(params, lr=opts.lr)
    loss_fn = nn.CrossEntropyLoss(ignore_index=-1)

    def step(items: list[tuple[Any, ...]]) -> float:
        pre, own, aff, flags, chars, lengths, target, mask = _batch(items)
        y = net.drop(net.encode(pre, own, aff, flags, chars, lengths))
        target = target.masked_fill(~mask, -1)
        h = opts.hidden
        nxt = torch.cat([target[:, 1:], torch.full_like(target[:, :1], -1)], 1)
        prev = torch.cat([torch.full_like(target[:, :1], -1), target[:, :-1]], 1)
        loss = loss_fn(heads[0](y[..., :h]).flatten(0, 1), nxt.flatten())
        loss = loss + loss_fn(heads[1](y[..., h:]).flatten(0, 1), prev.flatten())
        optim.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 5.0)
        optim.step()
        return float(loss.detach())

    def save(path: Path) -> None:  # the frozen word vectors are not saved: the tagger has them already
        state = {k: v for k, v in net.state_dict().items() if k != "pre.weight"}
        torch.save({"state": state, "own": list(vocab.own), "chars": "".join(vocab.chars)}, path)

    # checkpoints go beside `out`, so that an interrupted run leaves no `out` that looks finished
    partial = out.with_suffix(".partial.pt")

    def train_on(pool: list[tuple[Any, ...]]) -> None:
        pool.sort(key=lambda x: len(x[0]))  # batches of similar length pad little
        batches = [pool[i : i + opts.batch] for i in range(0, len(pool), opts.batch)]
        for k in rng.permutation(len(batches)):
            losses.append(step(batches[k]))

    net.train()
    losses: list[float] = []
    pool: list[tuple[Any, ...]] = []
    seen, pooled, t0 = 0, 0, time.time()
    for sentence in sentences:
        for i in range(0, len(sentence), 60):  # long sentences in pieces of 60 words
            toks = sentence[i : i + 60]
            if len(toks) >= 3:
                ids = [cluster_of.get(str(word_features(t)["w"]), 0) for t in toks]
                pool.append((*vocab.encode(toks), ids))
                pooled += len(toks)
        if len(pool) < opts.batch * 64 and seen + pooled < tokens:
            continue
        train_on(pool)
        before, seen, pooled, pool = seen, seen + pooled, 0, []
        if seen // 1_000_000 > before // 1_000_000:  # a checkpoint every million words
            save(partial)
            log(f"pretraining: {seen:,} words, loss {np.mean(losses[-500:]):.3f} ({time.time() - t0:.0f} s)")
        if seen >= tokens:
            break
    if pool:  # the text ran out first
        train_on(pool)
    save(out)
    partial.unlink(missing_ok=True)
    return out


def _load_encoder(net: Any, vocab: Vocabulary, path: Path) -> None:
    """Copy pretrained encoder weights into `net`; rows of trained words and characters are
    matched by the word or character, since the two vocabularies differ."""
    import torch

    saved = torch.load(path, weights_only=True)
    state = saved["state"]
    with torch.no_grad():
        for name, table, rows in (("own", vocab.own, saved["own"]), ("chr", vocab.chars, saved["chars"])):
            old = {w: i + 1 for i, w in enumerate(rows)}
            weight = getattr(net, name).weight
            src = state.pop(f"{name}.weight")
            weight[0] = src[0]  # a word without a row of its own; for characters, padding
            for w, i in table.items():
                if w in old:
                    weight[i] = src[old[w]]
            if name == "chr":  # the row of characters outside the list
                weight[vocab.other_char] = src[len(rows) + 1]
        keep = {k: v for k, v in state.items() if k.startswith(("lstm.", "aff.", "cnn."))}
        net.load_state_dict(keep, strict=False)


def train_neural(
    sentences: Sequence[Sentence],
    pretrained: Sequence[str],
    vectors: Any,
    out: Path,
    opts: NeuralOptions = NeuralOptions(),
    dist: dict[str, Any] | None = None,
    on_epoch: Callable[[int, NeuralTagger], None] | None = None,
    log: Callable[[str], None] = print,
    init: Path | None = None,
) -> Path:
    """Train on `sentences` and write the numpy model to `out`; `on_epoch(epoch, tagger)` may
    score each epoch's model (on a development set, never the test split). `init`: an encoder
    from `pretrain_encoder` to start from."""
    import torch

    torch.manual_seed(opts.seed)
    rng = np.random.default_rng(opts.seed)
    vocab = build_vocabulary(sentences, pretrained, opts, dist)
    index = {t: i for i, t in enumerate(TAGS)}
    data = [(*vocab.encode([t for t, _ in s]), [index.get(tag, 0) for _, tag in s]) for s in sentences if s]
    net = _network(vocab, vectors, opts)
    if init is not None:
        _load_encoder(net, vocab, init)
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
