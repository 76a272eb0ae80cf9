"""Rewrite tests/golden/digests.json with today's version and digest of every extractor.

Run from the repository root:  PYTHONPATH=src .venv/bin/python -m tests.golden.update

Refuses (exit 1, nothing written) when an extractor's output on the golden texts changed but its
`version` did not: bump that extractor's `version` attribute first (the message says where).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tests.golden import digests as golden


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.golden.update", description=__doc__.splitlines()[0])
    ap.add_argument("--digests", type=Path, default=golden.DIGESTS, help="the file to rewrite")
    args = ap.parse_args(argv)
    recorded = golden.load(args.digests)
    now = golden.current()
    refused = golden.stale(recorded, now)
    if refused:
        exs = golden.extractors()
        for name in refused:
            print(
                f"refused: {name} output changed but its version is still {now[name]['version']!r}; "
                f"bump it in {golden.version_location(exs[name])}",
                file=sys.stderr,
            )
        print(f"{args.digests} left unchanged", file=sys.stderr)
        return 1
    for name in sorted(set(recorded) | set(now)):
        before, after = recorded.get(name), now.get(name)
        if before == after:
            continue
        if after is None:
            print(f"{name}: dropped (no longer in the pipeline)")
        elif before is None:
            print(f"{name}: recorded version {after['version']} digest {after['digest'][:12]}")
        else:
            print(
                f"{name}: version {before['version']} -> {after['version']}, "
                f"digest {before['digest'][:12]} -> {after['digest'][:12]}"
            )
    if recorded == now:
        print(f"{args.digests} is up to date")
        return 0
    golden.save(now, args.digests)
    print(f"wrote {args.digests}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
