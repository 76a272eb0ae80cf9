"""Run the pipeline over inputs: into the store (`ingest_all`) or out as documents (`extract_all`).

A document that fails anywhere (reading, cleaning, language, an extractor's bad span) is an
InputError for that input, recorded and reported; the batch goes on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from itertools import islice

from sqlalchemy.exc import DataError, IntegrityError

from marsad.document import Document
from marsad.errors import InputError
from marsad.ingest import read_inputs
from marsad.pipeline import Pipeline
from marsad.settings import IngestOptions
from marsad.store import Store

Outcome = str  # "stored", "duplicate" or "failed"


@dataclass(slots=True)
class BatchReport:
    stored: int = 0
    duplicates: int = 0
    failures: list[InputError] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def reasons(self) -> Counter[str]:
        return Counter(f.reason for f in self.failures)


def _documents(
    inputs: Iterable[str], pipeline: Pipeline, options: IngestOptions, limit: int | None, prepare_only: bool
) -> Iterator[Document | InputError]:
    items = read_inputs(inputs, options)
    for item in islice(items, limit) if limit else items:
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield pipeline.prepare(item) if prepare_only else pipeline.process(item)
        except InputError as err:
            yield err
        except Exception as exc:  # a stage failed on this document: report it, go on with the rest
            yield _stage_error(item.source, exc)


def _stage_error(source: str, exc: Exception) -> InputError:
    """A failure of cleaning or an extractor on one document, as that document's error. A span
    that does not match the text is a ValueError from the pipeline's check; anything else is a bug
    in a stage, named by its type so that it can be found."""
    if isinstance(exc, ValueError):
        return InputError(source, "extractor", str(exc))
    return InputError(source, "extractor", f"a stage failed on this document: {type(exc).__name__}: {exc}")


def extract_all(
    inputs: Iterable[str], pipeline: Pipeline, options: IngestOptions | None = None, limit: int | None = None
) -> Iterator[Document | InputError]:
    """Documents with all extractions, or the error for each input that failed."""
    return _documents(inputs, pipeline, options or IngestOptions(), limit, prepare_only=False)


def ingest_all(
    inputs: Iterable[str],
    store: Store,
    pipeline: Pipeline,
    options: IngestOptions | None = None,
    limit: int | None = None,
    command: str = "ingest",
    progress: Callable[[Outcome, Document | InputError], None] | None = None,
) -> BatchReport:
    """Store each new document (one transaction each); skip duplicates by content hash."""
    report = BatchReport()
    run_id = store.start_run(command)
    try:
        for item in _documents(inputs, pipeline, options or IngestOptions(), limit, prepare_only=True):
            outcome = _ingest_one(item, store, pipeline, run_id, report)
            if progress:
                progress(outcome, item)
    except BaseException:
        # the store itself failed, or the run was interrupted: the run says so, with its counts
        with suppress(Exception):
            store.finish_run(run_id, report.stored, report.duplicates, report.failed, status="aborted")
        raise
    store.finish_run(run_id, report.stored, report.duplicates, report.failed)
    return report


def _ingest_one(
    item: Document | InputError, store: Store, pipeline: Pipeline, run_id: int, report: BatchReport
) -> Outcome:
    if isinstance(item, Document):
        if store.has(item.content_hash):
            report.duplicates += 1
            return "duplicate"
        try:
            pipeline.extract(item)
        except Exception as exc:  # an extractor failed on this document: report it, go on
            item = _stage_error(item.source, exc)
        else:
            try:
                saved = store.save(item, run_id)
            except (IntegrityError, DataError) as exc:  # this document's rows broke a constraint
                item = InputError(item.source, "store", f"the document could not be stored: {exc.orig}")
            except UnicodeError as exc:  # text the database cannot encode
                item = InputError(item.source, "store", f"the document could not be stored: {exc}")
            else:
                if saved:
                    report.stored += 1
                    return "stored"
                report.duplicates += 1
                return "duplicate"
    report.failures.append(item)
    store.record_failure(run_id, item)
    return "failed"
