"""Word lists as data (`marsad/data/lexicons/*.tsv`), loaded once, keyed by their matching form.

Below both the extractors and the NER tagger, which share them (`ner_triggers`, word ranks), so
that neither imports the other for a word list.

Checked columns: every file declares its columns in a header line, `#:` then one spec a column,
tab-separated, `name` or `name:type`:

    text (the default)   any non-empty text, not in Arabic presentation forms
    token                any non-empty text, as a corpus has it (word_ranks: a few words of
                         the corpus are in presentation forms, and are ranked all the same)
    int, float           a number, read as one
    bool                 y or n, read as True or False
    a|b|c                one of these words
    list, list(a|b|c)    comma-separated words (of these), read as a tuple; "-" for none
    @name                a key of lexicon `name` ("@event_types")
    @name[column]        "-", or one of the words lexicon `name` lists for this row's `column`
                         ("subtype:@event_types[type]": a subtype of the row's type)

A file that breaks its header is an error when it is loaded, with its line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from marsad.arabic.normalize import normalize_word
from marsad.resources import data_file

WORD_RANKS = "lexicons/word_ranks.tsv"
HEADER = "#:"
# Arabic presentation forms A (U+FB50-U+FDFF) and B (U+FE70-U+FEFF): a word stored in them never
# matches the text, which the cleaner has brought back to the plain letters.
PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
_SPEC = re.compile(r"^(?P<name>\w+)(?::(?P<type>.+))?$")
_REF = re.compile(r"^@(?P<ref>\w+)(?:\[(?P<by>\w+)\])?$")
_LIST = re.compile(r"^list(?:\((?P<choices>[\w|]+)\))?$")

# A field's value, as its column's type reads it: str, int, float, bool or tuple[str, ...].
Value = Any


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: str  # text, token, int, float, bool, enum, list, ref
    choices: tuple[str, ...] = ()  # the words of an enum or a list, () for any
    ref: str = ""  # the lexicon a ref names
    by: str = ""  # the column of the same row whose value is the key into `ref`

    def read(self, field: str, row: dict[str, str]) -> Value:
        """The value of `field`, or ValueError saying what is wrong with it."""
        if not field:
            raise ValueError(f"{self.name} is empty")
        if self.kind == "token":
            return field
        if PRESENTATION_FORMS.search(field):
            raise ValueError(f"{self.name} {field!r} is written in Arabic presentation forms")
        if self.kind == "text":
            return field
        if self.kind in ("int", "float"):
            try:
                return int(field) if self.kind == "int" else float(field)
            except ValueError:
                raise ValueError(f"{self.name} {field!r} is not a number ({self.kind})") from None
        if self.kind == "bool":
            if field not in ("y", "n"):
                raise ValueError(f"{self.name} {field!r} is not y or n")
            return field == "y"
        if self.kind == "enum":
            if field not in self.choices:
                raise ValueError(f"{self.name} {field!r} is not one of {', '.join(self.choices)}")
            return field
        if self.kind == "list":
            items = () if field == "-" else tuple(w.strip() for w in field.split(","))
            wrong = [w for w in items if not w or (self.choices and w not in self.choices)]
            if wrong:
                raise ValueError(f"{self.name} {field!r}: {wrong} not among {', '.join(self.choices)}")
            return items
        return self._ref(field, row)

    def _ref(self, field: str, row: dict[str, str]) -> str:
        target = lexicon(self.ref)
        if not self.by:
            if normalize_word(field) not in target:
                raise ValueError(f"{self.name} {field!r} is not in lexicon {self.ref}")
            return field
        key = row[self.by]
        allowed = target.get(normalize_word(key))
        if field != "-" and (allowed is None or field not in allowed[0]):
            raise ValueError(f"{self.name} {field!r} is not one that {self.ref} lists for {key!r}")
        return field


def parse_column(spec: str) -> Column:
    m = _SPEC.match(spec.strip())
    if m is None:
        raise ValueError(f"bad column spec {spec!r}")
    name, kind = m.group("name"), (m.group("type") or "text").strip()
    if kind in ("text", "token", "int", "float", "bool"):
        return Column(name, kind)
    if lst := _LIST.match(kind):
        return Column(
            name, "list", tuple((lst.group("choices") or "").split("|")) if lst.group("choices") else ()
        )
    if ref := _REF.match(kind):
        return Column(name, "ref", ref=ref.group("ref"), by=ref.group("by") or "")
    if re.fullmatch(r"[\w.\-]+(?:\|[\w.\-]+)+", kind):
        return Column(name, "enum", tuple(kind.split("|")))
    raise ValueError(f"bad column type {kind!r} for {name}")


def parse_header(lines: list[str], where: str) -> tuple[Column, ...]:
    specs = [line[len(HEADER) :] for line in lines if line.startswith(HEADER)]
    if len(specs) != 1:
        raise ValueError(f"{where}: needs one '{HEADER}' line declaring its columns, has {len(specs)}")
    columns = tuple(parse_column(s) for s in specs[0].strip().split("\t"))
    names = [c.name for c in columns]
    for c in columns:
        if c.by and c.by not in names:
            raise ValueError(f"{where}: column {c.name} refers to a column {c.by} it does not have")
    if len(set(names)) != len(names):
        raise ValueError(f"{where}: a column name is used twice")
    return columns


@cache
def columns(relative: str) -> tuple[Column, ...]:
    """The columns `marsad/data/<relative>` declares."""
    lines = data_file(relative).read_text(encoding="utf-8").splitlines()
    return parse_header(lines, relative)


@cache
def checked_rows(relative: str) -> tuple[tuple[Value, ...], ...]:
    """Rows of `marsad/data/<relative>` (tab-separated, `#` comments and blank lines skipped),
    each field read as its column declares; ValueError with the line number if one is not."""
    lines = data_file(relative).read_text(encoding="utf-8").splitlines()
    cols = parse_header(lines, relative)
    out: list[tuple[Value, ...]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) != len(cols):
            raise ValueError(f"{relative}:{number}: {len(fields)} fields, the header declares {len(cols)}")
        row = {c.name: f for c, f in zip(cols, fields, strict=True)}
        try:
            out.append(tuple(c.read(f, row) for c, f in zip(cols, fields, strict=True)))
        except ValueError as e:
            raise ValueError(f"{relative}:{number}: {e}") from None
    return tuple(out)


def load_rows(name: str) -> tuple[tuple[Value, ...], ...]:
    """Rows of a lexicon file, `marsad/data/lexicons/<name>.tsv`, as written (the first field not
    normalised), checked and typed."""
    return checked_rows(f"lexicons/{name}.tsv")


@cache
def lexicon(name: str) -> dict[str, tuple[Value, ...]]:
    """{matching form of the first field: the other fields}; a later duplicate is an error."""
    out: dict[str, tuple[Value, ...]] = {}
    for row in load_rows(name):
        key = normalize_word(row[0])
        if key in out and out[key] != row[1:]:
            raise ValueError(f"lexicon {name}: {row[0]!r} is listed twice with different values")
        out[key] = row[1:]
    return out


def words(name: str) -> frozenset[str]:
    """The matching forms of a one-column lexicon (or of the first column of any)."""
    return frozenset(lexicon(name))


@cache
def word_ranks() -> dict[str, int]:
    """Normalised word -> its frequency rank in the unlabeled news corpus (0 is the most frequent),
    for telling a common word from a rare one (a clitic reading, a surname). Its own file, with the
    rank written out: the NER tagger's clusters may be retrained and reordered without moving it."""
    return {word: rank for word, rank in checked_rows(WORD_RANKS)}
