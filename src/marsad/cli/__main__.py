"""`python -m marsad.cli`, as the `marsad` console script."""

from marsad.cli import app

app()
