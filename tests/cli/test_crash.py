"""Killing an ingest mid-run and running it again stores every document exactly once."""

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from marsad.store import Store

from ..conftest import MARSAD
from ..ingest.texts import report
from .test_ingest import summary

N = 4000


def _counts(db: str) -> tuple[int, int]:
    s = Store(db)
    with s.engine.connect() as conn:
        n, distinct = conn.execute(
            sa.text("SELECT count(*), count(DISTINCT content_hash) FROM documents")
        ).one()
    s.close()
    return int(n), int(distinct)


@pytest.mark.slow
def test_kill_then_rerun_stores_each_document_once(db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        "".join(
            json.dumps({"id": f"k{n}", "title": f"خبر {n}", "text": report(n)}, ensure_ascii=False) + "\n"
            for n in range(N)
        ),
        encoding="utf-8",
    )
    Store(db_url).close()  # create the schema before the race starts
    proc = subprocess.Popen(
        [*MARSAD, "ingest", str(path), "--db", db_url], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while _counts(db_url)[0] < 300 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    before, _ = _counts(db_url)
    assert 0 < before < N, f"the ingest was not caught mid-run ({before} of {N} stored)"

    rerun = subprocess.run(
        [*MARSAD, "ingest", str(path), "--db", db_url],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "COLUMNS": "120"},
    )
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert summary(rerun.stdout) == {"stored": N - before, "duplicates skipped": before, "failed": 0}
    assert _counts(db_url) == (N, N)
