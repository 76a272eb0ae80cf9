"""The numpy BiLSTM-CRF: batching, the LSTM, Viterbi and the export from PyTorch, each checked
against a plain reference."""

import itertools
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.ner.neural import FLAGS, MAX_CHARS, NeuralTagger, Vocabulary, bucket, viterbi_many
from marsad.ner.tagger import model_path

SENTENCES = [
    s.split()
    for s in (
        "وقال وزير الخارجية الأردني أيمن الصفدي في عمان إن المحادثات مستمرة .",
        "هاجم مسلحون قرية في ولاية بورنو .",
        "كلمة",
        "أعلنت شركة نوكيا الفنلندية عن هاتف جديد في معرض برشلونة للاتصالات يوم الاثنين .",
    )
]


@pytest.fixture(scope="module")
def tagger() -> NeuralTagger:
    return NeuralTagger(model_path())


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def reference_lstm(x: np.ndarray, w_ih: np.ndarray, w_hh: np.ndarray, b: np.ndarray) -> np.ndarray:
    """One sentence, one token at a time, as the LSTM equations are written."""
    h, c, out = np.zeros(w_hh.shape[1]), np.zeros(w_hh.shape[1]), []
    for xt in x:
        i, f, g, o = np.split(w_ih @ xt + w_hh @ h + b, 4)
        i, f, g, o = _sigmoid(i), _sigmoid(f), np.tanh(g), _sigmoid(o)
        c = f * c + i * g
        h = o * np.tanh(c)
        out.append(h)
    return np.array(out)


def test_batched_lstm_matches_the_equations(tagger: NeuralTagger) -> None:
    p = tagger.p
    inputs = [tagger._inputs(*tagger.vocab.encode(s)) for s in SENTENCES]
    proj = tagger._project(np.concatenate(inputs))
    bounds = np.cumsum([0, *(len(s) for s in SENTENCES)])
    half = proj.shape[1] // 2
    fwd = tagger._lstm(proj[:, :half], bounds, "f", reverse=False)
    bwd = tagger._lstm(proj[:, half:], bounds, "b", reverse=True)
    for k, xs in enumerate(inputs):
        a, b = bounds[k], bounds[k + 1]
        ref_f = reference_lstm(xs, p["w_ih_f"], p["w_hh_f"], p["w_b_f"])
        ref_b = reference_lstm(xs[::-1], p["w_ih_b"], p["w_hh_b"], p["w_b_b"])[::-1]
        assert np.allclose(fwd[a:b], ref_f, atol=1e-4)
        assert np.allclose(bwd[a:b], ref_b, atol=1e-4)


def test_a_sentence_tags_the_same_alone_and_in_a_batch(tagger: NeuralTagger) -> None:
    together = tagger.tag_many(SENTENCES)
    assert together == [tagger.tag(s) for s in SENTENCES]
    assert [len(t) for t in together] == [len(s) for s in SENTENCES]
    assert tagger.tag_many([[], SENTENCES[2], []]) == [[], tagger.tag(SENTENCES[2]), []]


def test_a_full_cache_starts_over_without_losing_tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    small = NeuralTagger(model_path())
    expected = [small.tag(s) for s in SENTENCES]
    monkeypatch.setattr("marsad.ner.neural.CACHE_TOKENS", 15)
    small._cache.clear()
    assert [small.tag(s) for s in SENTENCES] == expected  # the cache fills and is cleared twice
    assert len(small._cache) <= 15


def test_threads_share_one_tagger(monkeypatch: pytest.MonkeyPatch) -> None:
    shared = NeuralTagger(model_path())
    expected = [shared.tag(s) for s in SENTENCES]
    monkeypatch.setattr("marsad.ner.neural.CACHE_TOKENS", 12)  # cleared again and again
    shared._cache.clear()
    work = [SENTENCES[k % len(SENTENCES)] for k in range(400)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads between almost any two bytecodes
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            tagged = list(pool.map(shared.tag, work))
    finally:
        sys.setswitchinterval(interval)
    assert tagged == [expected[k % len(SENTENCES)] for k in range(400)]


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 4), st.integers(2, 3), st.integers(0, 10_000))
def test_viterbi_finds_the_best_path(n: int, k: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    scores, trans = rng.normal(size=(n, k)), rng.normal(size=(k, k))
    start, end = rng.normal(size=k), rng.normal(size=k)

    def total(path: tuple[int, ...]) -> float:
        s = start[path[0]] + end[path[-1]] + sum(scores[t, y] for t, y in enumerate(path))
        return float(s + sum(trans[a, b] for a, b in itertools.pairwise(path)))

    best = max(itertools.product(range(k), repeat=n), key=total)
    assert total(tuple(viterbi_many([scores], trans, start, end)[0])) == pytest.approx(total(best))


def test_vocabulary_ids() -> None:
    vocab = Vocabulary(["باريس", "ماكرون"], ["قال"], "ابتسقلمنور")
    pre, own, _, flags, chars = vocab.encode(["باريس", "وباريس", "قال", "Zebra", "ا" * 40])
    assert list(pre[:3]) == [1, 1, 0]  # "وباريس" finds باريس through its stem
    assert list(own[:3]) == [0, 0, 1]
    assert chars[3, 0] == vocab.other_char and chars.shape[1] == MAX_CHARS
    assert (chars[4] > 0).all()  # truncated to MAX_CHARS, not overflowing
    assert bucket("p2با") == bucket("p2با") and 0 < bucket("x") < 1 << 14
    assert flags[3, FLAGS.index("latin")] == 1.0 and flags[0, FLAGS.index("latin")] == 0.0


def test_export_from_pytorch_matches_numpy(tmp_path: Path) -> None:
    torch = pytest.importorskip("torch", reason="PyTorch (the train extra) trains and exports the model")
    from marsad.ner.train_neural import NeuralOptions, _batch, _network, build_vocabulary, export

    sentences = [[(w, "O") for w in s] for s in SENTENCES]
    words = sorted({w for s in SENTENCES for w in s})
    vectors = np.random.default_rng(3).normal(size=(len(words), 8)).astype(np.float32)
    vocab = build_vocabulary(sentences, words, NeuralOptions())
    net = _network(vocab, vectors, NeuralOptions(hidden=6))
    net.eval()
    with torch.no_grad():
        for p in net.parameters():
            if p.requires_grad:
                p.normal_(0, 0.1)
        data = [(*vocab.encode(s), [0] * len(s)) for s in SENTENCES]
        pre, own, aff, flags, chars, lengths, _, _ = _batch(data)
        expected = net.emissions(pre, own, aff, flags, chars, lengths).numpy()
    export(net, vocab, tmp_path / "m.npz")
    got = NeuralTagger(tmp_path / "m.npz").emissions(SENTENCES)
    for k, em in enumerate(got):
        assert np.allclose(em, expected[k, : len(em)], atol=0.02)  # float16 weights, int8 vectors


def test_pretrained_encoder_is_mapped_onto_another_vocabulary(tmp_path: Path) -> None:
    torch = pytest.importorskip("torch", reason="PyTorch (the train extra) pretrains the encoder")
    from marsad.ner.train_neural import (
        NeuralOptions,
        _load_encoder,
        _network,
        build_vocabulary,
        pretrain_encoder,
    )

    opts = NeuralOptions(hidden=6, batch=2)
    words = sorted({w for s in SENTENCES for w in s})
    vectors = np.random.default_rng(3).normal(size=(len(words), 8)).astype(np.float32)
    twice = [[(w, "O") for w in s] for s in SENTENCES for _ in range(2)]
    big = build_vocabulary(twice, words, opts)  # every word seen twice: each has a row
    # more words asked for than the text has: what there is is used, and saved
    path = pretrain_encoder(big, vectors, SENTENCES * 20, tmp_path / "enc.pt", opts, tokens=10**9, log=str)
    assert not (tmp_path / "enc.partial.pt").exists()  # checkpoints are not left behind
    saved = torch.load(path, weights_only=True)["state"]
    assert "pre.weight" not in saved  # the frozen corpus vectors are not copied into the checkpoint

    small = build_vocabulary(twice[4:], words, opts)  # fewer words, so other row numbers
    net = _network(small, vectors, opts)
    _load_encoder(net, small, path)
    assert torch.equal(net.lstm.weight_hh_l0, saved["lstm.weight_hh_l0"])
    for word, row in small.own.items():
        assert torch.equal(net.own.weight[row], saved["own.weight"][big.own[word]])
    assert any(big.own[w] != row for w, row in small.own.items())  # the mapping did real work
