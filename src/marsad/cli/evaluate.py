"""`marsad eval events GOLD`: the events extractor scored on a gold set kept as corpus ids and
offsets (`eval/events/`), with the metrics of `evaluate.py dev`, at several confidence thresholds."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from marsad.cli.common import EXIT_NOTHING, EXIT_USAGE, err, out

CORPUS = Path("../shared/data/corpus/arabic_news.jsonl.gz")
THRESHOLDS = (0.0, 0.5, 0.7, 0.9)
SPLITS = ("tune", "report", "all")


def eval_events(
    gold: Annotated[Path, typer.Argument(help="The gold folder: articles.tsv and gold/*.json.")] = Path(
        "eval/events"
    ),
    split: Annotated[str, typer.Option(help="tune, report or all.")] = "all",
    corpus: Annotated[Path, typer.Option(help="The JSONL(.gz) corpus the gold points into.")] = CORPUS,
) -> None:
    """Event recall, precision, date and death toll of the pipeline on a gold set."""
    from marsad.evaluation.events import corpus_records, extract, load_gold, score
    from marsad.registry import build_pipeline

    if split not in SPLITS:
        err.print(f"--split must be one of {', '.join(SPLITS)}, not {split!r}")
        raise typer.Exit(EXIT_USAGE)
    if not (gold / "articles.tsv").exists() or not corpus.exists():
        err.print(f"no gold set at {gold} or no corpus at {corpus}")
        raise typer.Exit(EXIT_NOTHING)
    articles = load_gold(gold, None if split == "all" else split)
    docs = extract(build_pipeline(), corpus_records(corpus, [a.corpus_id for a in articles]))
    table = Table(title=f"events on {gold} ({split}: {len(articles)} articles)")
    for col in ("confidence >=", "recall", "precision", "date right", "killed right", "system", "gold"):
        table.add_column(col, justify="right")
    for t in THRESHOLDS:
        s = score(articles, docs, t)
        m = s.metrics()
        table.add_row(
            f"{t:.1f}",
            *(
                f"{m[k]:.3f}"
                for k in ("event_recall", "event_precision_lb", "event_date_right", "killed_right")
            ),
            str(s.counts["ev_sys"]),
            str(s.counts["ev_gold"]),
        )
    out.print(table)
    m = score(articles, docs).metrics()
    for key, value in m.items():
        out.print(f"{key}: {value:.3f}")
