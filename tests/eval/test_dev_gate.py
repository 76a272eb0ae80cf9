"""Quality gate: `../shared/tools/evaluate.py dev` (the public dev set, 20 articles with gold) and
`evaluate.py seed` (the seed article) must not score below the floors pinned here.

Each script runs once per session (module-scoped fixtures) as a subprocess from the repository
root, with this checkout's `src` first on PYTHONPATH and the running interpreter's `bin` first on
PATH, so the `marsad extract` it calls is this checkout's code. Every metric the script prints
must have a row below: a new one fails the gate until it is pinned. Skips when ../shared/tools/
evaluate.py or the gold data is absent. The dev gate takes a while and is marked `slow`.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .. import conftest
from ..conftest import ROOT, shared_path

# The floors. Each was the measured value minus 0.005, rounded down to 3 places. To raise one
# after an improvement: run, from the repository root,
#     PYTHONPATH=src python3 ../shared/tools/evaluate.py dev     (or: ... evaluate.py seed)
# and set the floor to the new value minus 0.005, rounded down; update "measured" beside it.
# Lowering a floor is a decision to accept a regression: say why in the commit message.
#
# metric                        (bound, measured)   "min": the score must be >= bound; "max": <= bound
DEV_FLOORS: dict[str, tuple[str, float, float]] = {
    "entity_recall": ("min", 0.879, 0.884),
    "mention_precision": ("min", 0.832, 0.837),
    "time_value": ("min", 0.837, 0.842),
    "quantity_value": ("min", 0.929, 0.934),
    "event_recall": ("min", 0.850, 0.855),
    "event_precision_lb": ("min", 0.665, 0.670),
    "killed_right": ("min", 0.459, 0.464),
    "event_date_right": ("min", 0.450, 0.455),
    "claim_recall": ("min", 0.878, 0.883),
    "negatives_conflict_events": ("max", 0, 0),  # conflict events found in the negative articles
}
# Seed metrics are fractions of small counts (41/43, ...): the tolerance admits no lost item.
SEED_FLOORS: dict[str, tuple[str, float, float]] = {
    "entities_found": ("min", 0.948, 0.953),  # 41/43 found with the right type
    "entities_linked": ("min", 0.948, 0.953),  # 41/43 linked right
    "times_found": ("min", 0.995, 1.000),  # 12/12
    "times_value": ("min", 0.995, 1.000),  # 12/12
    "quantities_found": ("min", 0.904, 0.909),  # 10/11
    "quantities_value": ("min", 0.904, 0.909),  # 10/11
    "events": ("min", 0.883, 0.889),  # 16/18 right type and an argument
    "claims": ("min", 0.923, 0.929),  # 13/14 right source
    "sum_mismatch": ("min", 1, 1),  # the 83 vs 78 + 3 finding: yes
    "published": ("min", 1, 1),  # inside the gold range: ok
}

# How `evaluate.py seed` prints each metric (a fraction a/b, or yes/no, ok/off).
SEED_LINES = {
    "entities_found": r"entities: found with right type (\d+)/(\d+)",
    "entities_linked": r"entities: .*\blinked right (\d+)/(\d+)",
    "times_found": r"times: found (\d+)/(\d+)",
    "times_value": r"times: .*\bright value (\d+)/(\d+)",
    "quantities_found": r"quantities: found (\d+)/(\d+)",
    "quantities_value": r"quantities: .*\bright value (\d+)/(\d+)",
    "events": r"events: right type \+ argument (\d+)/(\d+)",
    "claims": r"claims: right source (\d+)/(\d+)",
    "sum_mismatch": r"sum mismatch finding: (yes|no)$",
    "published": r"published: .*\b(ok|off)$",
}
HEADLINE = re.compile(r"^([a-z_]+)=(-?\d+(?:\.\d+)?)$")  # the last line: key=value


def evaluate(subcommand: str) -> str:
    """Run `evaluate.py SUBCOMMAND` on this checkout; its stdout (fails with its stderr if it fails)."""
    script = shared_path("tools/evaluate.py")
    shared_path({"dev": "examples/dev/articles/INDEX.tsv", "seed": "examples/seed/gold.json"}[subcommand])
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]),
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
    }
    p = subprocess.run(
        [sys.executable, str(script), subcommand],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert p.returncode == 0, f"evaluate.py {subcommand} failed ({p.returncode}):\n{p.stderr[-3000:]}"
    return p.stdout


def parse_dev(out: str) -> dict[str, float]:
    """`name: 0.884` and `name: 3` lines; the `counts:` and example lines are not metrics."""
    scores: dict[str, float] = {}
    for line in out.splitlines():
        m = re.fullmatch(r"([a-z_]+): (-?\d+(?:\.\d+)?)", line.strip())
        if m:
            scores[m.group(1)] = float(m.group(2))
    head = HEADLINE.match(out.strip().splitlines()[-1])
    assert head and scores.get(head.group(1)) == float(head.group(2)), f"unexpected output:\n{out}"
    return scores


def parse_seed(out: str) -> dict[str, float]:
    lines = [line.strip() for line in out.splitlines() if line.strip()]
    head = HEADLINE.match(lines[-1])
    assert head, f"no headline key=value at the end of:\n{out}"
    scores: dict[str, float] = {}
    for name, pattern in SEED_LINES.items():
        found = [m for line in lines if (m := re.match(pattern, line))]
        assert len(found) == 1, f"seed metric {name!r} ({pattern}) not found once in:\n{out}"
        g = found[0].groups()
        scores[name] = int(g[0]) / int(g[1]) if len(g) == 2 else float(g[0] in ("yes", "ok"))
    unread = [line for line in lines[:-1] if not any(re.match(p, line) for p in SEED_LINES.values())]
    assert not unread, f"evaluate.py seed prints lines this gate does not read (pin them): {unread}"
    assert abs(scores[head.group(1)] - float(head.group(2))) < 0.0005, f"headline disagrees:\n{out}"
    return scores


def check(
    name: str, scores: dict[str, float], floors: dict[str, tuple[str, float, float]], what: str
) -> None:
    assert name in scores, f"evaluate.py {what} no longer prints {name!r}; it printed {sorted(scores)}"
    kind, bound, measured = floors[name]
    got = scores[name]
    if kind == "min":
        assert got >= bound, (
            f"{what} {name} fell to {got:.3f}, below its floor {bound} (it was {measured} when pinned)"
        )
    else:
        assert got <= bound, f"{what} {name} rose to {got:g}, above its ceiling {bound} (it was {measured})"


@pytest.fixture(scope="module")
def dev_scores() -> dict[str, float]:
    return parse_dev(evaluate("dev"))


@pytest.fixture(scope="module")
def seed_scores() -> dict[str, float]:
    return parse_seed(evaluate("seed"))


@pytest.mark.slow
@pytest.mark.parametrize("name", list(DEV_FLOORS))
def test_dev_metric_is_at_least_its_floor(name: str, dev_scores: dict[str, float]) -> None:
    check(name, dev_scores, DEV_FLOORS, "dev")


@pytest.mark.slow
def test_every_dev_metric_is_pinned(dev_scores: dict[str, float]) -> None:
    assert set(dev_scores) == set(DEV_FLOORS), (
        f"evaluate.py dev prints {sorted(set(dev_scores) - set(DEV_FLOORS))} with no floor here, "
        f"or no longer prints {sorted(set(DEV_FLOORS) - set(dev_scores))}"
    )


@pytest.mark.parametrize("name", list(SEED_FLOORS))
def test_seed_metric_is_at_least_its_floor(name: str, seed_scores: dict[str, float]) -> None:
    check(name, seed_scores, SEED_FLOORS, "seed")


def test_the_output_parsers_read_what_evaluate_prints() -> None:
    dev = (
        "entity_recall: 0.884\nnegatives_conflict_events: 2\ncounts: {'ent_gold': 268}\n"
        "  negative-article event: 3 ATTACK x\nentity_recall=0.884\n"
    )
    assert parse_dev(dev) == {"entity_recall": 0.884, "negatives_conflict_events": 2.0}
    seed = (
        "entities: found with right type 41/43, linked right 40/43\ntimes: found 12/12, right value 11/12\n"
        "quantities: found 10/11, right value 10/11\nevents: right type + argument 16/18\n"
        "claims: right source 13/14\nsum mismatch finding: no\n"
        "published: 2021-06-28 (gold range 2021-06-28..2021-07-05) ok\nentities_found=0.953\n"
    )
    got = parse_seed(seed)
    assert got["entities_linked"] == 40 / 43 and got["times_value"] == 11 / 12
    assert (got["sum_mismatch"], got["published"]) == (0.0, 1.0)
    with pytest.raises(AssertionError, match="does not read"):
        parse_seed(seed.replace("entities_found=", "new metric: 1/2\nentities_found="))
    with pytest.raises(AssertionError, match="below its floor"):
        check("events", {"events": 15 / 18}, SEED_FLOORS, "seed")
    with pytest.raises(AssertionError, match="above its ceiling"):
        check("negatives_conflict_events", {"negatives_conflict_events": 1}, DEV_FLOORS, "dev")


def test_skips_saying_what_is_missing_without_the_shared_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(conftest, "SHARED", tmp_path)
    with pytest.raises(pytest.skip.Exception, match=r"needs ../shared/tools/evaluate.py"):
        evaluate("dev")
    (tmp_path / "tools").mkdir()
    (tmp_path / "tools/evaluate.py").write_text("raise SystemExit(9)\n")
    with pytest.raises(pytest.skip.Exception, match=r"needs ../shared/examples/dev/"):
        evaluate("dev")
