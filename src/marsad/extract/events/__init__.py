"""Events: typed happenings (shared/spec/events.md) found from trigger words, with actors,
targets, place, date, casualties, modality and the claim they are reported under.

Words of violence outside conflict ("هجوم" in a football report, "قتل الوقت") are not events: a
trigger marked as needing conflict counts only in a sentence that names an armed group or a
force, counts casualties, or uses words of armed conflict, and never in a sports report that
names no armed group.

The modules, in the order the extractor uses them: `sentence` (mentions and the per-sentence
context), `triggers`, `event` (one trigger's event) with `arguments`, `tolls` and `modality`,
`coreference` (one event per happening in the document), and `extractor`.
"""

from marsad.extract.events.extractor import EventExtractor, make
from marsad.extract.events.sentence import Ref, Sentence

__all__ = ["EventExtractor", "Ref", "Sentence", "make"]
