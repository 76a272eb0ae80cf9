"""What the commands share: the consoles (results to stdout, progress and errors to stderr), the
exit codes, the options several commands take, and the ingest options they build."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from marsad.settings import IngestOptions

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_NOTHING = 0, 1, 2, 3

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


def _options(allow_private: bool, max_mb: float, timeout: float) -> IngestOptions:
    return IngestOptions(
        max_document_bytes=int(max_mb * 1024 * 1024), timeout_s=timeout, allow_private_urls=allow_private
    )


def _exit_code(done: int, failed: int) -> int:
    if failed == 0:
        return EXIT_OK
    return EXIT_PARTIAL if done else EXIT_NOTHING
