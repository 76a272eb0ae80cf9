"""Every lexicon entry is stored in a form the matcher can find (spaCy's Arabic like_num missed
"عشرة" because an entry was stored in presentation forms), and every file keeps to the columns
its header declares. The files are found by globbing the folder: a new lexicon is checked from
the day it is added."""

from pathlib import Path

import pytest

from marsad.arabic.normalize import normalize_word
from marsad.clean.characters import clean_characters
from marsad.lexicon import (
    PRESENTATION_FORMS,
    Column,
    checked_rows,
    columns,
    lexicon,
    load_rows,
    parse_header,
    word_ranks,
)
from marsad.model.layers import EventType

from .conftest import ROOT

DATA = ROOT / "src/marsad/data"
NAMES = sorted(p.stem for p in (DATA / "lexicons").glob("*.tsv"))
# Knowledge-base files that declare their columns (the others are generated tables).
KB_FILES = sorted(
    f"kb/{p.name}" for p in (DATA / "kb").glob("*.tsv") if "\n#:" in "\n" + p.read_text(encoding="utf-8")
)


def test_the_folder_is_globbed() -> None:
    assert {"event_triggers", "event_types", "proclitics", "word_ranks"} <= set(NAMES)
    assert {"kb/state_bodies.tsv", "kb/short_city_names.tsv"} <= set(KB_FILES)


@pytest.mark.parametrize("name", NAMES)
def test_entries_are_clean_and_unambiguous(name: str) -> None:
    rows = load_rows(name)  # loading checks each field against its column
    assert rows
    cols = columns(f"lexicons/{name}.tsv")
    assert all(len(row) == len(cols) for row in rows)
    for row in rows:
        for col, value in zip(cols, row, strict=True):
            if not isinstance(value, str) or col.kind == "token":
                continue  # a corpus token is ranked as the corpus has it (see word_ranks below)
            assert value == value.strip() and value, f"{name}: empty or padded {col.name} in {row}"
            assert not PRESENTATION_FORMS.search(value), f"{name}: {value!r} is in presentation forms"
        form = row[0]
        if cols[0].kind != "token":
            assert form == clean_characters(form), f"{name}: {form!r} is not clean text"
            assert not PRESENTATION_FORMS.search(normalize_word(form))
        assert normalize_word(form).strip(), f"{name}: {form!r} normalises to nothing"


@pytest.mark.parametrize("name", NAMES)
def test_no_key_is_listed_twice(name: str) -> None:
    """Spelling variants that normalise alike ("أبريل", "إبريل") may both be listed, with the same
    values (loading checks that); the same key written twice may not."""
    keys = [row[0] for row in load_rows(name)]
    assert len(set(keys)) == len(keys), f"{name}: {sorted({k for k in keys if keys.count(k) > 1})}"
    assert len(lexicon(name)) <= len(keys)


@pytest.mark.parametrize("relative", KB_FILES)
def test_kb_files_keep_to_their_columns(relative: str) -> None:
    rows = checked_rows(relative)
    assert rows
    keys = [row[0] for row in rows]
    assert len(set(keys)) == len(keys)


def test_event_types_are_the_ontology() -> None:
    """event_types.tsv is ../shared/spec/events.md's table, and the output model's types; KILLING
    is the extractor's own (it becomes a toll or LEADER_KILLED)."""
    types = {row[0] for row in load_rows("event_types")}
    assert types == {*EventType.__args__, "KILLING"}
    subtypes = {row[0]: row[1] for row in load_rows("event_types")}
    assert subtypes["ATTACK"][:3] == ("armed_assault", "ambush", "bombing")
    assert subtypes["CLASH"] == ()


def _columns(header: str) -> tuple[Column, ...]:
    return parse_header(["# prose", f"#: {header}"], "test")


@pytest.mark.parametrize(
    ("header", "field", "value"),
    [
        ("w\tn:int", "3", 3),
        ("w\tx:float", "0.5", 0.5),
        ("w\tflag:bool", "y", True),
        ("w\tflag:bool", "n", False),
        ("w\tk:a|b", "b", "b"),
        ("w\troles:list(a|b)", "a,b", ("a", "b")),
        ("w\troles:list", "-", ()),
        ("w\tt:@event_types", "ATTACK", "ATTACK"),
    ],
)
def test_columns_read_their_type(header: str, field: str, value: object) -> None:
    col = _columns(header)[1]
    assert col.read(field, {"w": "x", col.name: field}) == value


@pytest.mark.parametrize(
    ("header", "field", "error"),
    [
        ("w\tn:int", "three", "not a number"),
        ("w\tflag:bool", "v", "not y or n"),
        ("w\tk:a|b", "c", "not one of"),
        ("w\troles:list(a|b)", "a,c", "not among"),
        ("w\tt:@event_types", "FIGHT", "not in lexicon"),
        ("w", "\ufed3\ufef2", "presentation forms"),  # "في" in presentation forms
    ],
)
def test_a_field_against_its_column_is_an_error(header: str, field: str, error: str) -> None:
    col = _columns(header)[-1]
    with pytest.raises(ValueError, match=error):
        col.read(field, {"w": field, col.name: field})


def test_a_subtype_must_be_its_types() -> None:
    type_col, sub_col = _columns("w\ttype:@event_types\tsubtype:@event_types[type]")[1:]
    assert sub_col.read("airstrike", {"type": "ATTACK"}) == "airstrike"
    assert sub_col.read("-", {"type": "ATTACK"}) == "-"
    with pytest.raises(ValueError, match="lists for 'CLASH'"):
        sub_col.read("airstrike", {"type": "CLASH"})
    assert type_col.kind == "ref"


def test_a_file_needs_its_header() -> None:
    with pytest.raises(ValueError, match="needs one '#:' line"):
        parse_header(["# prose only"], "x.tsv")
    with pytest.raises(ValueError, match="bad column type"):
        _columns("w\tn:number")


def test_a_bad_row_names_its_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad import lexicon as lexmod

    (tmp_path / "lexicons").mkdir()
    (tmp_path / "lexicons/bad.tsv").write_text("#: w\tn:int\nواحد\t1\nاثنان\ttwo\n", encoding="utf-8")
    monkeypatch.setattr(lexmod, "data_file", lambda relative: tmp_path / relative)
    with pytest.raises(ValueError, match=r"lexicons/bad.tsv:3: n 'two' is not a number"):
        lexmod.checked_rows.__wrapped__("lexicons/bad.tsv")


def test_a_conflicting_duplicate_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad import lexicon as lexmod

    monkeypatch.setattr(lexmod, "load_rows", lambda name: (("أحمد", "1"), ("احمد", "2")))
    with pytest.raises(ValueError, match="listed twice"):
        lexmod.lexicon.__wrapped__("x")


def test_units_and_duals_are_disjoint() -> None:
    assert not set(lexicon("units")) & set(lexicon("unit_duals"))


def test_word_ranks_are_normalised_words_ranked_once() -> None:
    ranks = word_ranks()
    assert sorted(ranks.values()) == list(range(len(ranks)))
    assert ranks["في"] < ranks[normalize_word("الحكومة")] < ranks.get(normalize_word("ماكرون"), len(ranks))
    assert all(normalize_word(w) == w for w in list(ranks)[:2000])
    # The corpus has a few words in presentation forms; the cleaner folds them, so they never match.
    folded = [w for w in ranks if PRESENTATION_FORMS.search(w)]
    assert len(folded) <= 20
