"""Latency of the cross-article queries: p50/p95 of 100 queries of each kind.

    .venv/bin/python benchmarks/queries.py [--n 2000] [--corpus PATH] [--db URL_OR_PATH]

Ingests the first N corpus articles with every extractor into a fresh SQLite store (or, with
--db, uses that store as it is: an SQLite path or a PostgreSQL URL), then times, on one core:
events of an actor with its affiliates in a country and year; an entity page; a timeline;
trends by region per month. Parameters cycle through what the store holds most of. Record the
printed table in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from itertools import cycle, islice
from pathlib import Path

import sqlalchemy as sa
from common import CORPUS  # sets the BLAS threads to one before numpy loads

from marsad import query as Q
from marsad.batch import ingest_all
from marsad.registry import build_pipeline
from marsad.store import Store
from marsad.store import schema as S


def _ingest(n: int, corpus: Path) -> Store:
    path = Path(tempfile.mkdtemp(prefix="marsad-bench-")) / "marsad.db"
    store = Store(str(path))
    t0 = time.perf_counter()
    report = ingest_all([str(corpus)], store, build_pipeline(), limit=n, command="benchmark")
    dt = time.perf_counter() - t0
    print(
        f"ingested {report.stored:,} ({report.duplicates} duplicates, {report.failed} failed) in {dt:.0f} s "
        f"({report.stored / dt:.1f} documents/s) into {path} ({path.stat().st_size / 1e6:.0f} MB)"
    )
    return store


def _top(store: Store, q: sa.Select, k: int) -> list[tuple]:
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(q.limit(k)).all()]


def _cases(store: Store) -> dict[str, list[Callable[[], object]]]:
    e, a, m, n = S.events.c, S.event_arguments.c, S.mentions.c, S.entities.c
    count = sa.func.count()
    # the actors' groups: an affiliate's events are asked for by its parent, as an analyst would
    root = sa.func.coalesce(n.parent, n.id)
    combos = _top(
        store,
        sa.select(root, e.country, sa.func.substr(e.date_start, 1, 4))
        .select_from(
            S.event_arguments.join(S.events, e.id == a.event_id).join(S.entities, n.id == a.entity_id)
        )
        .where(a.role == "actor", e.country.is_not(None), e.date_start.is_not(None))
        .group_by(root, e.country, sa.func.substr(e.date_start, 1, 4))
        .order_by(count.desc()),
        25,
    )
    by_mentions = sa.select(m.entity_id).group_by(m.entity_id).order_by(count.desc())
    entities = [r[0] for r in _top(store, by_mentions, 50)]
    by_events = sa.select(a.entity_id).where(a.role == "actor").group_by(a.entity_id).order_by(count.desc())
    actors = [r[0] for r in _top(store, by_events, 20)]
    return {
        "events: actor + affiliates, country, year": [
            (lambda c=c: Q.events(store, actor=c[0], country=c[1], since=c[2], until=c[2])) for c in combos
        ],
        "entity page": [(lambda i=i: Q.entity(store, i)) for i in entities],
        "timeline": [(lambda i=i: Q.timeline(store, i)) for i in entities],
        "trends by region per month": [
            (lambda i=i: Q.trends(store, actor=i, by="region", per="month")) for i in actors
        ]
        + [lambda: Q.trends(store, by="region", per="month")],
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=2000, help="how many corpus articles to ingest")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--db", help="time this store as it is instead of ingesting")
    ap.add_argument("--runs", type=int, default=100)
    args = ap.parse_args()
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    if args.db:
        store = Store(args.db)
    elif not args.corpus.exists():
        print(f"corpus not found at {args.corpus}: it lives in ../shared/data/corpus/", file=sys.stderr)
        return 2
    else:
        store = _ingest(args.n, args.corpus)
    stats = store.stats()["counts"]
    print(
        f"date: {datetime.now(UTC):%Y-%m-%d}  machine: {platform.machine()}, "
        f"Python {platform.python_version()}, {store.engine.dialect.name}, 1 core  "
        f"documents: {stats['documents']:,}  events: {stats['events']:,}  mentions: {stats['mentions']:,}"
    )
    print("| query | runs | p50 ms | p95 ms | max ms | rows (mean) |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, calls in _cases(store).items():
        if not calls:
            print(f"| {name} | 0 | | | | |")
            continue
        for call in calls[:3]:  # warm the caches (knowledge base, SQLite pages) once
            call()
        times, sizes = [], []
        for call in islice(cycle(calls), args.runs):
            t0 = time.perf_counter()
            out = call()
            times.append((time.perf_counter() - t0) * 1000)
            sizes.append(len(out) if isinstance(out, list) else 1)
        times.sort()
        p95 = times[max(0, round(0.95 * len(times)) - 1)]
        print(
            f"| {name} | {len(times)} | {statistics.median(times):.1f} | {p95:.1f} | {times[-1]:.1f} | "
            f"{statistics.mean(sizes):.1f} |"
        )
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
