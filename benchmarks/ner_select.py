"""Choosing the NER training data without the test split: the last sixth of ANERcorp train is
held out as a development set, and each candidate set of training data is scored on it.

    .venv/bin/python benchmarks/ner_select.py

(Uses the word clusters already in the package; about 2 minutes a candidate on 2 cores.)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from marsad.ner.conll import read_conll, score
from marsad.ner.tagger import Tagger
from marsad.ner.train import TrainOptions, extra_sentences, project_misc, train_crf

NER = Path(__file__).resolve().parents[2] / "shared/data/ner"


def main() -> int:
    train_path = NER / "anercorp/ANERCorp_CamelLab_train.txt"
    if not train_path.exists():
        print(f"needs {train_path}", file=sys.stderr)
        return 2
    sentences = read_conll(train_path)
    cut = len(sentences) * 5 // 6
    train, dev = sentences[:cut], sentences[cut:]
    test = read_conll(NER / "anercorp/ANERCorp_CamelLab_test.txt")  # excluded from extras, never scored
    newsfane = (NER / "newsfane_gold/NewsFANE_Gold_2014_170K.txt",)
    aqmar = tuple(sorted(p for p in (NER / "aqmar").glob("*.txt")))
    candidates = {
        "ANERcorp": (),
        "ANERcorp + NewsFANE": newsfane,
        "ANERcorp + NewsFANE + AQMAR": newsfane + aqmar,
    }
    print(f"train {len(train):,} sentences, dev {len(dev):,} (the last sixth of ANERcorp train)")
    for name, extra in candidates.items():
        more = project_misc(extra_sentences(extra, sentences + test), train) if extra else []
        with tempfile.TemporaryDirectory() as tmp:
            opts = TrainOptions(corpus=Path(), train=(), out_dir=Path(tmp))
            model = train_crf(opts, sentences=train + more, log=lambda *_: None)
            tagger = Tagger(model)
            s = score([[t for _, t in x] for x in dev], [tagger.tag([w for w, _ in x]) for x in dev])
        p, r, f = s.prf()
        print(f"{name:32s} dev micro P={100 * p:.2f} R={100 * r:.2f} F1={100 * f:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
