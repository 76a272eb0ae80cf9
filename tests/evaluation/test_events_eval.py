"""Scoring events against gold kept as corpus ids and offsets, on a tiny corpus written here."""

import gzip
import json
from pathlib import Path

import pytest

from marsad.evaluation.events import corpus_records, extract, load_gold, score
from marsad.registry import build_pipeline

NIGER = (
    "قتل 9 جنود في هجوم شنه مسلحون من بوكو حرام على نقطة تفتيش للجيش في ديفا بالنيجر يوم الاثنين. "
    "وقال مسؤول محلي إن الهجوم استمر ساعتين."
)
SOMALIA = (
    "اندلعت اشتباكات عنيفة بين القوات الحكومية ومسلحي حركة الشباب في مقديشو أمس، وأسفرت عن مقتل 4 جنود. "
    "وكان هجوم آخر قد وقع قبل شهر في كيسمايو."
)


def _event(text: str, trigger: str, **kw: object) -> dict[str, object]:
    start = text.index(trigger)
    return {"trigger": trigger, "start": start, "end": start + len(trigger), **kw}


@pytest.fixture
def gold_set(tmp_path: Path) -> tuple[Path, Path]:
    corpus = tmp_path / "corpus.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as f:
        for rid, text in (("T:niger", NIGER), ("T:somalia", SOMALIA), ("T:other", "نص آخر.")):
            f.write(json.dumps({"id": rid, "title": "خبر", "date": "2018-03-07", "text": text}) + "\n")
    folder = tmp_path / "gold-set"
    (folder / "gold").mkdir(parents=True)
    (folder / "articles.tsv").write_text(
        "# corpus_id\tregion\toutlet\tyear\tsplit\nT:niger\tsahel\tx\t2018\treport\n"
        "T:somalia\tsomalia\tx\t2018\ttune\n",
        encoding="utf-8",
    )
    gold = {
        "T:niger": [
            _event(NIGER, "هجوم", type="ATTACK", country="NE", date="2018-03-05", killed=9),
        ],
        "T:somalia": [
            _event(SOMALIA, "اشتباكات", type="CLASH", country="SO", date="2018-03-06", killed=4),
            _event(
                SOMALIA, "هجوم آخر", type="ATTACK", country="SO", date="2018-02", killed=None, background=True
            ),
        ],
    }
    for rid, events in gold.items():
        path = folder / "gold" / (rid.replace(":", "__") + ".json")
        path.write_text(
            json.dumps({"corpus_id": rid, "events": events}, ensure_ascii=False), encoding="utf-8"
        )
    return corpus, folder


def test_scores_follow_the_dev_metrics(gold_set: tuple[Path, Path]) -> None:
    corpus, folder = gold_set
    gold = load_gold(folder)
    assert [g.corpus_id for g in gold] == ["T:niger", "T:somalia"]
    docs = extract(build_pipeline(), corpus_records(corpus, [g.corpus_id for g in gold]))
    m = score(gold, docs).metrics()
    # the background attack in Kismayo is missed: 2 of 3 found, both emitted events right
    assert m == {
        "event_recall": 2 / 3,
        "event_precision_lb": 1.0,
        "killed_right": 1.0,
        "event_date_right": 2 / 3,
    }
    assert score(gold, docs, threshold=1.01).metrics()["event_recall"] == 0.0


def test_a_split_is_scored_alone(gold_set: tuple[Path, Path]) -> None:
    corpus, folder = gold_set
    report = load_gold(folder, "report")
    assert [g.corpus_id for g in report] == ["T:niger"]
    docs = extract(build_pipeline(), corpus_records(corpus, ["T:niger"]))
    assert score(report, docs).metrics()["event_recall"] == 1.0


@pytest.mark.slow
def test_the_eval_events_command(gold_set: tuple[Path, Path]) -> None:
    from ..conftest import run_marsad

    corpus, folder = gold_set
    p = run_marsad("eval", "events", str(folder), "--corpus", str(corpus), "--split", "report")
    assert p.returncode == 0, p.stderr
    assert "event_recall: 1.000" in p.stdout and "(report: 1 articles)" in p.stdout
    assert run_marsad("eval", "events", str(folder), "--split", "half").returncode == 2
    assert run_marsad("eval", "events", str(folder / "none")).returncode == 3
