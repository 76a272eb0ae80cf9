"""Docs that are tested: every command, option and failure reason is documented."""

import re

import pytest
import typer.main

from marsad.cli import app

from .conftest import ROOT

CLI_DOC = (ROOT / "docs/cli.md").read_text(encoding="utf-8")
COMMAND = typer.main.get_command(app)
COMMANDS = sorted(COMMAND.commands)  # type: ignore[attr-defined]


def test_readme_shows_the_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_and_option_is_documented(name: str) -> None:
    assert f"## `marsad {name}" in CLI_DOC
    section = CLI_DOC.split(f"## `marsad {name}", 1)[1].split("\n## ", 1)[0]
    options = [o for p in COMMAND.commands[name].params for o in p.opts if o.startswith("--")]  # type: ignore[attr-defined]
    for opt in options:
        assert f"`{opt}" in section, f"marsad {name} {opt} is not in docs/cli.md"


def test_every_failure_reason_is_documented() -> None:
    reasons: set[str] = set()
    for path in (ROOT / "src/marsad").rglob("*.py"):
        reasons |= set(re.findall(r'InputError\(\s*[^,]+,\s*"([a-z_]+)"', path.read_text(encoding="utf-8")))
    assert len(reasons) > 15
    documented = set(re.findall(r"`([a-z_]+)`", CLI_DOC.split("Failure reasons:", 1)[1].split("\n\n", 1)[0]))
    assert reasons == documented
