"""The `marsad` command line (Typer + Rich).

Exit codes: 0 every input was stored, skipped as a duplicate or printed; 1 some inputs failed
(the others were done, the failures are listed); 2 a usage error; 3 nothing could be done (every
input failed, or the document asked for is not in the store).

The commands live by group in `inputs` (ingest, extract), `stored` (show, stats), `ner`
(train ner, tag, eval ner) and `evaluate` (eval events), with what they share in `common` and
document output in `output`.
They are registered here, in the order `marsad --help` lists them.
"""

from __future__ import annotations

from typing import Annotated

import typer

from marsad import __version__
from marsad.cli.common import EXIT_NOTHING, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, out
from marsad.cli.evaluate import eval_events
from marsad.cli.inputs import extract, ingest
from marsad.cli.ner import eval_ner, tag, train_ner
from marsad.cli.stored import show, stats

__all__ = ["EXIT_NOTHING", "EXIT_OK", "EXIT_PARTIAL", "EXIT_USAGE", "app"]

app = typer.Typer(
    name="marsad",
    help="Marsad: Arabic news articles in, a provenance-tracked knowledge base out.",
    no_args_is_help=True,
    add_completion=False,
)


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


app.command()(ingest)
app.command()(extract)
app.command()(show)
app.command()(stats)

train_app = typer.Typer(help="Train the models that ship in the package.", no_args_is_help=True)
eval_app = typer.Typer(
    help="Evaluate the shipped models and extractors on held-out data.", no_args_is_help=True
)
app.add_typer(train_app, name="train")
app.add_typer(eval_app, name="eval")

train_app.command("ner")(train_ner)
app.command()(tag)
eval_app.command("ner")(eval_ner)
eval_app.command("events")(eval_events)
