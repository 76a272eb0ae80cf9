"""Line rules: page furniture out, captions kept once and marked, credits noted."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from marsad.clean import patterns as P


@dataclass(slots=True)
class Line:
    text: str
    caption: bool = False


@dataclass(slots=True)
class Furniture:
    """What the line rules took out or marked."""

    lines: list[Line]
    removed: list[dict[str, str]] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)


def _fold(s: str) -> str:
    return " ".join(s.split())


def strip_credit(line: str) -> tuple[str, str | None]:
    """A caption without its trailing photo credit, and the credit."""
    m = P.CREDIT_AT_END.search(line)
    if not m or m.start() == 0:
        return line, None
    credit = m.group("credit") or m.group("agency") or m.group("photo")
    return line[: m.start()].rstrip(" -–—|/"), credit.strip()


def remove_furniture(lines: list[str]) -> Furniture:
    out = Furniture([])
    i = 0
    while i < len(lines):
        line = _strip_code(lines[i], out.removed).strip()
        rule = _furniture_rule(line)
        if rule:
            out.removed.append({"rule": rule, "text": line})
            if rule == "credit":
                out.credits.append(line.strip("()[] "))
            i += 1
            continue
        # A caption repeated on consecutive lines (blank lines between allowed): keep it once.
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if line and j < len(lines) and _fold(lines[j]) == _fold(line):
            while j < len(lines) and (not lines[j].strip() or _fold(lines[j]) == _fold(line)):
                if lines[j].strip():
                    out.removed.append({"rule": "repeated_caption", "text": lines[j].strip()})
                j += 1
            caption, credit = strip_credit(line)
            if credit:
                out.credits.append(credit)
                out.removed.append({"rule": "photo_credit", "text": credit})
            out.lines.extend((Line(""), Line(caption, caption=True), Line("")))  # its own paragraph
            i = j
            continue
        out.lines.append(Line(line))
        i += 1
    return out


def _furniture_rule(line: str) -> str | None:
    if not line:
        return None
    if len(line) <= P.READING_TIME_MAX_LEN and P.READING_TIME.search(line):
        return "reading_time"
    if P.NAVIGATION.match(line) or (len(line) <= P.RELATED_MAX_LEN and P.RELATED.match(line)):
        return "navigation"
    if P.CREDIT_LINE.match(line):
        return "credit"
    return None


def _strip_code(line: str, removed: list[dict[str, str]]) -> str:
    """Cut style-sheet and script fragments out of a line, following their brackets."""
    m = P.CODE_START.search(line)
    if m is None:
        return line
    kept: list[str] = []
    pos = 0
    while m is not None:
        end = _code_end(line, m)
        kept.append(line[pos : m.start()])
        removed.append({"rule": "code", "text": line[m.start() : end].strip()})
        pos = end
        m = P.CODE_START.search(line, pos)
    kept.append(line[pos:])
    return " ".join(k.strip() for k in kept if k.strip())


_OPEN, _CLOSE = "{([", "})]"


def _code_end(line: str, start: re.Match[str]) -> int:
    """Where the code that `start` found ends: after its brackets balance and no more code
    follows (the end of the line if they never balance)."""
    depth, quote, opened = 0, "", False
    j = _after_start(start)
    while j < len(line):
        ch = line[j]
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch in _OPEN:
            depth, opened = depth + 1, True
        elif ch in _CLOSE:
            depth -= 1
        j += 1
        if opened and depth <= 0:
            while j < len(line) and line[j] in " ;,)}]":
                j += 1
            nxt = P.CODE_START.match(line, j)
            if nxt is None and not line.startswith(("//", "."), j):
                return j
            depth, opened = 0, False
            if nxt is not None:
                j = _after_start(nxt)
    return len(line)


def _after_start(m: re.Match[str]) -> int:
    """Scanning resumes at a selector's "{", so that brackets inside it ("[type=radio]") are
    not taken for the end of the code."""
    return m.end() - 1 if m.group().endswith("{") else m.start()
