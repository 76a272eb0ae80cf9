"""The NER model's commands: `marsad train ner` (the tagger that ships), `marsad tag` (a CoNLL
file tagged with it) and `marsad eval ner` (its scores on held-out data). The heavy imports are
inside the commands, so that the other commands start without them."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from marsad.cli.common import EXIT_NOTHING, err, out

SHARED = Path("../shared/data")


ANERCORP = SHARED / "ner/anercorp"


def train_ner(
    corpus: Annotated[Path, typer.Option(help="Unlabeled JSONL(.gz) articles for word clusters.")] = SHARED
    / "corpus/arabic_news.jsonl.gz",
    train: Annotated[list[Path], typer.Option(help="CoNLL training files (ANERcorp tags).")] = [  # noqa: B006
        ANERCORP / "ANERCorp_CamelLab_train.txt"
    ],
    extra: Annotated[
        list[Path],
        typer.Option(help="More CoNLL files (NewsFANE, AQMAR); ANERcorp test sentences are dropped."),
    ] = [SHARED / "ner/newsfane_gold/NewsFANE_Gold_2014_170K.txt"],  # noqa: B006
    out_dir: Annotated[Path | None, typer.Option(help="Where the model goes (default: the package).")] = None,
    work_dir: Annotated[
        Path, typer.Option(help="Cache of the stages (vectors, first-stage CRF); delete it to redo them.")
    ] = Path(".marsad-train"),
    epochs: Annotated[int, typer.Option(help="Training epochs of the BiLSTM-CRF.")] = 14,
    dist_articles: Annotated[
        int, typer.Option(help="Corpus articles the first stage tags for the label-share features.")
    ] = 70_000,
    pretrain_words: Annotated[
        int, typer.Option(help="Corpus words the encoder is pretrained on as a language model (0: none).")
    ] = 9_000_000,
) -> None:
    """Train the NER tagger: word vectors and clusters from the corpus, a first-stage CRF whose tags
    of corpus articles become features, an encoder pretrained on corpus sentences, then the
    BiLSTM-CRF that ships."""
    from dataclasses import replace

    from marsad.ner.conll import read_conll
    from marsad.ner.tagger import model_path
    from marsad.ner.train import TrainOptions, extra_sentences, project_misc, train_all

    target = out_dir or model_path().parent
    missing = [str(p) for p in [*train, *extra, corpus] if not p.exists()]
    if missing:
        err.print(f"missing training data: {', '.join(missing)}")
        raise typer.Exit(EXIT_NOTHING)
    opts = TrainOptions(
        corpus=corpus,
        train=tuple(train),
        out_dir=target,
        work_dir=work_dir,
        dist_articles=dist_articles,
        pretrain_words=pretrain_words,
    )
    opts = replace(opts, neural=replace(opts.neural, epochs=epochs))
    base = [s for p in train for s in read_conll(p)]
    test = ANERCORP / "ANERCorp_CamelLab_test.txt"
    exclude = base + (read_conll(test) if test.exists() else [])
    more = project_misc(extra_sentences(tuple(extra), exclude), base)
    path = train_all(opts, base + more, log=err.print)
    out.print(f"wrote {path}")


def tag(
    conll: Annotated[
        Path,
        typer.Option("--conll", help="One token per line (first column), blank lines between sentences."),
    ],
) -> None:
    """Tag a CoNLL file with the shipped NER model: token<TAB>tag lines (BIO, PERS/LOC/ORG/MISC)."""
    from marsad.ner.conll import read_conll
    from marsad.ner.tagger import default_tagger

    sentences = [[t for t, _ in s] for s in read_conll(conll)]
    for tokens, labels in zip(sentences, default_tagger().tag_many(sentences), strict=True):
        for token, label in zip(tokens, labels, strict=True):
            sys.stdout.write(f"{token}\t{label}\n")
        sys.stdout.write("\n")


def eval_ner(
    test: Annotated[Path, typer.Option(help="CoNLL test file with gold tags.")] = ANERCORP
    / "ANERCorp_CamelLab_test.txt",
) -> None:
    """Per-type and micro precision/recall/F1 of the shipped NER model, counted the conlleval way."""
    import time

    from marsad.ner.conll import read_conll, score
    from marsad.ner.tagger import default_tagger

    if not test.exists():
        err.print(f"no test file at {test}")
        raise typer.Exit(EXIT_NOTHING)
    sentences = read_conll(test)
    tagger = default_tagger()
    t0 = time.perf_counter()
    predicted = tagger.tag_many([[t for t, _ in s] for s in sentences])
    seconds = time.perf_counter() - t0
    scores = score([[g for _, g in s] for s in sentences], predicted)
    table = Table(title=f"NER on {test.name}")
    for col in ("type", "precision", "recall", "F1", "gold"):
        table.add_column(col, justify="right")
    for label in scores.labels:
        p, r, f = scores.prf(label)
        table.add_row(
            label,
            f"{100 * p:.2f}",
            f"{100 * r:.2f}",
            f"{100 * f:.2f}",
            str(scores.tp[label] + scores.fn[label]),
        )
    p, r, f = scores.prf()
    table.add_row(
        "micro",
        f"{100 * p:.2f}",
        f"{100 * r:.2f}",
        f"{100 * f:.2f}",
        str(sum(scores.tp.values()) + sum(scores.fn.values())),
    )
    out.print(table)
    tokens = sum(len(s) for s in sentences)
    out.print(f"{tokens:,} tokens in {seconds:.2f} s: {tokens / seconds:,.0f} tokens/s")
    out.print(f"micro_F1={100 * f:.2f}")
