"""The commands that read inputs (files, folders, URLs): `marsad ingest` into the store, and
`marsad extract` to stdout without one."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from marsad.batch import BatchReport, extract_all, ingest_all
from marsad.cli.common import (
    DbOption,
    InputsArg,
    LimitOption,
    MaxMbOption,
    PrivateOption,
    TimeoutOption,
    _exit_code,
    _options,
    err,
    out,
)
from marsad.cli.output import OutputFormat, write_json, write_jsonl
from marsad.document import Document
from marsad.errors import InputError
from marsad.registry import build_pipeline
from marsad.settings import DEFAULT_DB_URL
from marsad.store import Store


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
            write_jsonl(item.to_dict())
        else:
            docs.append(item.to_dict())
    if format is OutputFormat.json and docs:
        write_json(docs[0] if len(docs) == 1 else docs)
    sys.stdout.flush()
    raise typer.Exit(_exit_code(done, failed))
