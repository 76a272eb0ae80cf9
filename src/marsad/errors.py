"""Errors that name the input and the reason, so a batch can report them and go on."""

from __future__ import annotations


class MarsadError(Exception):
    """Base class for errors Marsad reports to users."""


class InputError(MarsadError):
    """One input (file, record, URL) could not be turned into a document.

    `source` names the input, `reason` is a short machine-friendly code (``empty``, ``binary``,
    ``encoding``, ``too_large``, ``not_arabic``, ...), `detail` a sentence for people.
    """

    def __init__(self, source: str, reason: str, detail: str) -> None:
        super().__init__(f"{source}: {detail} [{reason}]")
        self.source = source
        self.reason = reason
        self.detail = detail


class PipelineConfigError(MarsadError):
    """The configured stages do not fit together (a stage needs what no earlier stage provides)."""
