"""The `marsad` command line (Typer + Rich).

Exit codes: 0 every input was stored, skipped as a duplicate or printed; 1 some inputs failed
(the others were done, the failures are listed); 2 a usage error; 3 nothing could be done (every
input failed, or the document asked for is not in the store).
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.panel import Panel
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from marsad import __version__
from marsad.batch import BatchReport, extract_all, ingest_all
from marsad.document import Document
from marsad.errors import InputError
from marsad.registry import build_pipeline
from marsad.settings import DEFAULT_DB_URL, IngestOptions
from marsad.store import Store

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_NOTHING = 0, 1, 2, 3

app = typer.Typer(
    name="marsad",
    help="Marsad: Arabic news articles in, a provenance-tracked knowledge base out.",
    no_args_is_help=True,
    add_completion=False,
)
out = Console()
err = Console(stderr=True)

DbOption = Annotated[
    str, typer.Option("--db", help="SQLite file path or database URL (postgresql://user@host/db).")
]
InputsArg = Annotated[
    list[str], typer.Argument(help="Files, folders or URLs (.txt .html .jsonl[.gz] .rss/.xml .warc[.gz]).")
]
LimitOption = Annotated[int | None, typer.Option("--limit", min=1, help="Read at most this many documents.")]
PrivateOption = Annotated[
    bool,
    typer.Option("--allow-private-urls", help="Allow fetching loopback, private and link-local addresses."),
]
MaxMbOption = Annotated[float, typer.Option("--max-mb", min=0.001, help="Largest document accepted, in MB.")]
TimeoutOption = Annotated[
    float, typer.Option("--timeout", min=0.1, help="Seconds to wait for a URL or feed.")
]


def _version(value: bool) -> None:
    if value:
        out.print(f"marsad {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Marsad: Arabic news articles in, a provenance-tracked knowledge base out."""


def _options(allow_private: bool, max_mb: float, timeout: float) -> IngestOptions:
    return IngestOptions(
        max_document_bytes=int(max_mb * 1024 * 1024), timeout_s=timeout, allow_private_urls=allow_private
    )


@app.command()
def ingest(
    inputs: InputsArg,
    db: DbOption = DEFAULT_DB_URL,
    limit: LimitOption = None,
    allow_private_urls: PrivateOption = False,
    max_mb: MaxMbOption = 10.0,
    timeout: TimeoutOption = 20.0,
) -> None:
    """Read, clean, extract and store documents; duplicates (same content) are skipped."""
    store = Store(db)
    pipeline = build_pipeline()
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=False) as bar:
        task = bar.add_task("ingesting", total=limit)

        def step(outcome: str, item: Document | InputError) -> None:
            bar.advance(task)
            if isinstance(item, InputError):
                bar.console.print(
                    f"[red]failed[/red] {item.source}: {item.detail} [dim]({item.reason})[/dim]"
                )

        report = ingest_all(
            inputs,
            store,
            pipeline,
            _options(allow_private_urls, max_mb, timeout),
            limit,
            command="ingest " + " ".join(inputs),
            progress=step,
        )
    store.close()
    _summary(report)
    raise typer.Exit(_exit_code(report.stored + report.duplicates, report.failed))


def _summary(report: BatchReport) -> None:
    table = Table(title="ingest summary", show_header=False)
    table.add_row("stored", str(report.stored))
    table.add_row("duplicates skipped", str(report.duplicates))
    table.add_row("failed", str(report.failed))
    for reason, n in sorted(report.reasons.items()):
        table.add_row(f"  {reason}", str(n))
    out.print(table)
    if report.duplicates and not report.stored:
        out.print(
            f"All {report.duplicates} documents were already stored (duplicates); nothing new was stored."
        )


def _exit_code(done: int, failed: int) -> int:
    if failed == 0:
        return EXIT_OK
    return EXIT_PARTIAL if done else EXIT_NOTHING


class OutputFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"


@app.command()
def extract(
    inputs: InputsArg,
    format: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="json (one object, or an array for several) or jsonl."),
    ] = OutputFormat.json,
    limit: LimitOption = None,
    allow_private_urls: PrivateOption = False,
    max_mb: MaxMbOption = 10.0,
    timeout: TimeoutOption = 20.0,
) -> None:
    """Print the extracted documents as JSON, without a database. Errors go to stderr."""
    pipeline = build_pipeline()
    docs: list[dict[str, object]] = []
    done = failed = 0
    for item in extract_all(inputs, pipeline, _options(allow_private_urls, max_mb, timeout), limit):
        if isinstance(item, InputError):
            failed += 1
            err.print(f"failed {item.source}: {item.detail} ({item.reason})", markup=False, highlight=False)
            continue
        done += 1
        if format is OutputFormat.jsonl:
            sys.stdout.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
        else:
            docs.append(item.to_dict())
    if format is OutputFormat.json and docs:
        payload = docs[0] if len(docs) == 1 else docs
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()
    raise typer.Exit(_exit_code(done, failed))


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(help="Document id, the source's own id, or the content hash.")],
    db: DbOption = DEFAULT_DB_URL,
    json_out: Annotated[bool, typer.Option("--json", help="Print the stored document as JSON.")] = False,
) -> None:
    """Show one stored document."""
    store = Store(db)
    doc = store.get(doc_id)
    store.close()
    if doc is None:
        err.print(f"no document {doc_id!r} in {db}")
        raise typer.Exit(EXIT_NOTHING)
    if json_out:
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return
    meta = Table(show_header=False, box=None)
    pub = doc["published"] or {}
    dateline = doc["dateline"] or {}
    for key, value in (
        ("id", doc["id"]),
        ("title", doc["title"]),
        ("published", f"{pub.get('value')}{' (inferred)' if pub.get('inferred') else ''}" if pub else "—"),
        ("dateline", " / ".join(x for x in (dateline.get("text"), dateline.get("name_en")) if x) or "—"),
        ("authors", "، ".join(doc["authors"]) or "—"),
        ("outlet", doc["outlet"] or "—"),
        ("url", doc["url"] or "—"),
        ("language", doc["language"]),
        ("source", doc["source"]),
        ("removed", ", ".join(r["rule"] for r in doc["removed"]) or "—"),
        (
            "annotations",
            ", ".join(
                f"{k} {len(doc[k])}"
                for k in ("entities", "times", "quantities", "events", "claims", "findings")
            ),
        ),
    ):
        meta.add_row(f"[bold]{key}[/bold]", str(value))
    out.print(meta)
    out.print(Panel(doc["text"], title="text"))
    if doc["entities"]:
        table = Table(title="entities")
        for col in ("name", "type", "name_en", "wikidata", "mentions"):
            table.add_column(col)
        for e in doc["entities"]:
            table.add_row(
                e["name"],
                e["type"],
                e.get("name_en") or "—",
                e.get("wikidata") or "—",
                str(len(e["mentions"])),
            )
        out.print(table)
    for layer, columns in _SHOWN.items():
        if doc[layer]:
            table = Table(title=layer)
            for col in ("text", *columns):
                table.add_column(col)
            for item in doc[layer]:
                surface = item.get("text") or (item.get("trigger") or item.get("cue") or {}).get("text", "")
                table.add_row(surface, *(str(item[c]) if item.get(c) is not None else "—" for c in columns))
            out.print(table)


# What `marsad show` lists of each layer, beside the surface text.
_SHOWN = {
    "times": ("value", "precision"),
    "quantities": ("value", "unit", "qualifier", "sense"),
    "findings": ("kind", "message"),
    "claims": ("source_text", "source", "direct"),
    "events": ("type", "subtype", "actors", "location", "date", "killed", "modality"),
}


@app.command()
def stats(db: DbOption = DEFAULT_DB_URL) -> None:
    """Counts of what the store holds."""
    store = Store(db)
    s = store.stats()
    store.close()
    table = Table(title=f"marsad store: {db}")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, n in s["counts"].items():
        table.add_row(name, f"{n:,}")
    out.print(table)
    out.print(f"published: {s['published']['min'] or '—'} .. {s['published']['max'] or '—'}")
    if s["outlets"]:
        out.print("outlets: " + ", ".join(f"{o} ({n:,})" for o, n in s["outlets"]))
    if s["failures"]:
        out.print("failures by reason: " + ", ".join(f"{r} ({n:,})" for r, n in s["failures"].items()))


train_app = typer.Typer(help="Train the models that ship in the package.", no_args_is_help=True)
eval_app = typer.Typer(help="Evaluate the shipped models on held-out data.", no_args_is_help=True)
app.add_typer(train_app, name="train")
app.add_typer(eval_app, name="eval")

SHARED = Path("../shared/data")
ANERCORP = SHARED / "ner/anercorp"


@train_app.command("ner")
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


@app.command()
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


@eval_app.command("ner")
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


if __name__ == "__main__":  # pragma: no cover
    app()
