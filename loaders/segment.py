"""Splitting an article into units: the title, headings, bullets, captions, body paragraphs, and
the page furniture (bylines, "Read more" links, credits, comment forms, author bios).

spaCy's sentence splitter does not stop at line breaks, so a headline would run into the first
paragraph; each line is therefore its own unit, and only some kinds feed the graph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from actorgraph.loaders.dates import find_date
from actorgraph.loaders.lexicons import Lexicons

#: Units whose sentences produce entities, issues and typed edges.
EXTRACT_KINDS = frozenset({"title", "bullet", "body"})
#: Units that only add mentions of actors already found in extracted units.
MENTION_KINDS = frozenset({"heading", "caption"})

_BULLET = re.compile(r"^\s*(?:[•●▪■◦‣∙·*\-–—]|\d{1,2}[.)])\s+")
_TERMINAL = re.compile(r"[.!?:;\"”’)\]]\s*$")
_NAME_LINE = re.compile(r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}$")


@dataclass(frozen=True)
class Unit:
    kind: str
    text: str
    start: int  # character offset of `text` in the document text
    place: str | None = None  # the wire dateline's place that opened the paragraph ("VELMAR")
    agency: str | None = None  # the news agency the dateline credits ("Reuters")


def _classify(line: str, index: int, lex: Lexicons) -> str:
    lowered = line.lower()
    if any(p.search(line) for p in lex.boilerplate["readmore"]):
        return "readmore"
    if any(p.search(line) for p in lex.boilerplate["byline"]):
        return "byline"
    if any(p.search(lowered) for p in lex.boilerplate["furniture"]):
        return "boilerplate"
    if find_date(line) and len(line) <= 80:
        return "dateline"
    if _BULLET.match(line):
        return "bullet"
    if any(p.search(line) for p in lex.boilerplate["credit"]):
        return "caption"
    if index == 0:
        return "title"
    if len(line.split()) <= 14 and not _TERMINAL.search(line):
        return "heading"
    return "body"


def segment(text: str, lex: Lexicons) -> list[Unit]:
    units: list[Unit] = []
    offset = 0
    seen_title = False
    for raw in text.split("\n"):
        start = offset + (len(raw) - len(raw.lstrip()))
        offset += len(raw) + 1
        line = raw.strip()
        if not line:
            continue
        kind = _classify(line, 0 if not seen_title else 1, lex)
        if kind == "title":
            seen_title = True
        if kind == "bullet":
            marker = _BULLET.match(line)
            start += marker.end()
            line = line[marker.end() :]
        elif kind == "caption":
            line = _strip_credit(line, lex)
        elif kind == "body" and (dateline := _dateline(line, lex)):
            # "VELMAR, March 3 - Korvanian commandos seized …": the place and date open the
            # story but are no part of its first sentence
            place = _dateline_place(line[:dateline])
            agency = _dateline_agency(line[:dateline])
            start += dateline
            line = line[dateline:]
            units.append(Unit(kind, line, start, place, agency))
            continue
        units.append(Unit(kind, line, start))
    _mark_author_bio(units)
    _mark_after_comment_form(units)
    _mark_repeated_captions(units)
    return units


def _dateline(line: str, lex: Lexicons) -> int:
    """Length of the wire dateline that opens a paragraph, 0 if none."""
    for pattern in lex.boilerplate.get("dateline", []):
        if m := pattern.match(line):
            return m.end()
    return 0


def _dateline_place(dateline: str) -> str | None:
    """ "VELMAR, March 3 (Newswire) -" -> "Velmar": the capitalised words before the comma, the
    agency or the dash."""
    words = re.match(r"\s*([A-Z][A-Z.’'-]+(?:[ -][A-Z][A-Z.’'-]+){0,3})", dateline)
    return words.group(1).title() if words else None


def _dateline_agency(dateline: str) -> str | None:
    """ "WARSAW, Nov 20 (Reuters) -" -> "Reuters": the credited agency, a news organisation the
    reader sees (a parenthesised date or place is none)."""
    credit = re.search(r"\(([A-Z][\w&.' -]{0,38})\)", dateline)
    if credit is None or find_date(credit.group(1)) or any(ch.isdigit() for ch in credit.group(1)):
        return None
    return credit.group(1).strip()


def _strip_credit(line: str, lex: Lexicons) -> str:
    for pattern in lex.boilerplate["credit"]:
        if m := pattern.search(line):
            return line[: m.start()].strip()
    return line


def _mark_author_bio(units: list[Unit]) -> None:
    """A bare name line followed by a paragraph that starts with that name is an author box."""
    for i in range(len(units) - 1):
        line = units[i].text
        if units[i].kind in {"heading", "title"} and _NAME_LINE.match(line):
            if units[i + 1].text.startswith(line) and i > len(units) // 2:
                for j in range(i, len(units)):
                    if units[j].kind not in {"readmore"}:
                        units[j] = Unit("bio", units[j].text, units[j].start)
                return


def _mark_after_comment_form(units: list[Unit]) -> None:
    for i, unit in enumerate(units):
        if unit.kind == "boilerplate":
            for j in range(i + 1, len(units)):
                if units[j].kind in EXTRACT_KINDS | MENTION_KINDS:
                    units[j] = Unit("boilerplate", units[j].text, units[j].start)
            return


def _mark_repeated_captions(units: list[Unit]) -> None:
    """A caption line repeated just above its credited copy is a caption too."""
    for i in range(len(units) - 1):
        if units[i + 1].kind == "caption" and units[i + 1].text.rstrip(".") == units[i].text.rstrip("."):
            units[i] = Unit("caption", units[i].text, units[i].start)
