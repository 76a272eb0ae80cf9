"""The commands that read the store: `marsad show` (one document) and `marsad stats`."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from marsad.cli.common import EXIT_NOTHING, DbOption, err, out
from marsad.cli.output import print_document, write_json
from marsad.settings import DEFAULT_DB_URL
from marsad.store import Store


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
        write_json(doc)
        return
    print_document(doc)


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
