"""Scoring extraction on the sentence suite: one short sentence per construction, with its triples.

Whole-article gold says how good the graph is; it cannot say *which construction* fails. The
suite (format in docs/annotation.md, files in tests/data/sentences/ and tests/data/issues/)
holds wire-style sentences, each with the relations a reader codes (`expect`), the structural
links it asserts (`structural`) and the triples it must not give (`forbid`), tagged with the
construction it exercises and whether its names are real or invented. Invented names matter:
no gazetteer can carry them, so their row shows what the parse and the lexicons do alone.

Reported per slice (all, real, invented, each construction, each relation class):
- *link recall*: the two actors of an expected relation are joined by some event edge;
- *typed recall*: the exact (source, TYPE, target) triple was found (direction ignored for the
  symmetric types MET, AGREED_WITH, COOPERATED_WITH);
- *precision*: found event triples that a reader coded, over all found (a sentence marked
  `no_event` makes every triple it yields a false positive).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from actorgraph.graph.model import (
    ACTOR_LABELS,
    SYMMETRIC_TYPES,
    Document,
    EdgeType,
    ExtractionResult,
    NodeLabel,
    normalize_alias,
)
from actorgraph.loaders.extract import Extractor

STRUCTURAL = frozenset({EdgeType.MEMBER_OF, EdgeType.LEADER_OF, EdgeType.REPRESENTS})
_LEADING = re.compile(r"^(the|a|an)\s+")

Triple = tuple[str, str, str]


class SuiteError(ValueError):
    """A suite file is unreadable or a line breaks the format; the message says where."""


@dataclass(frozen=True)
class SentenceCase:
    id: str
    text: str
    names: str
    construction: str
    cls: str
    expect: tuple[Triple, ...]
    structural: tuple[Triple, ...] = ()
    forbid: tuple[Triple, ...] = ()
    scope: str = "actor"  # which found edges count for precision: actor -> actor, or actor -> issue


@dataclass
class Tally:
    expected: int = 0
    typed: int = 0
    linked: int = 0
    found: int = 0
    correct: int = 0
    forbidden: int = 0

    @property
    def typed_recall(self) -> float:
        return self.typed / self.expected if self.expected else 1.0

    @property
    def link_recall(self) -> float:
        return self.linked / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    def as_dict(self) -> dict:
        return {
            "expected": self.expected,
            "link_recall": round(self.link_recall, 3),
            "typed_recall": round(self.typed_recall, 3),
            "precision": round(self.precision, 3),
            "found": self.found,
            "forbidden_found": self.forbidden,
        }


@dataclass
class CaseResult:
    case: SentenceCase
    found: set[Triple]
    missed: set[Triple]
    spurious: set[Triple]
    structural_missed: set[Triple]
    forbidden: set[Triple]


@dataclass
class SuiteReport:
    slices: dict[str, Tally] = field(default_factory=dict)
    structural: Tally = field(default_factory=Tally)
    cases: list[CaseResult] = field(default_factory=list)

    def as_dict(self, errors: bool = False) -> dict:
        data: dict = {
            "sentences": len(self.cases),
            "slices": {name: t.as_dict() for name, t in self.slices.items()},
            "structural_recall": round(self.structural.typed_recall, 3),
            "structural_expected": self.structural.expected,
        }
        if errors:
            data["errors"] = [
                {
                    "id": r.case.id,
                    "text": r.case.text,
                    "missed": sorted(map(list, r.missed)),
                    "spurious": sorted(map(list, r.spurious)),
                    "structural_missed": sorted(map(list, r.structural_missed)),
                    "forbidden": sorted(map(list, r.forbidden)),
                }
                for r in self.cases
                if r.missed or r.spurious or r.structural_missed or r.forbidden
            ]
        return data


def _triples(value: object, where: str) -> tuple[Triple, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(
        isinstance(t, list) and len(t) == 3 and all(isinstance(x, str) for x in t) for t in value
    ):
        raise SuiteError(f"{where}: expected a list of [source, TYPE, target] triples")
    types = {t.value for t in EdgeType}
    for triple in value:
        if triple[1] not in types:
            raise SuiteError(f"{where}: {triple[1]!r} is not a relation type of the ontology")
    return tuple(tuple(t) for t in value)  # type: ignore[misc]


def read_suite(paths: Iterable[Path]) -> list[SentenceCase]:
    """Every case of the given .jsonl files (or of the .jsonl files in given folders)."""
    files: list[Path] = []
    for path in paths:
        files += sorted(path.rglob("*.jsonl")) if path.is_dir() else [path]
    cases = []
    for file in files:
        scope = "issue" if file.parent.name == "issues" or file.stem.startswith("stance") else "actor"
        try:
            lines = file.read_text("utf-8").splitlines()
        except OSError as exc:
            raise SuiteError(f"{file}: {exc}") from exc
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            where = f"{file}:{number}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise SuiteError(f"{where}: malformed JSON ({exc})") from exc
            if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                raise SuiteError(f"{where}: a case needs at least a text")
            if "expect" not in row:
                continue  # a line of another suite (issue senses): not a relation case
            cases.append(
                SentenceCase(
                    id=str(row.get("id", where)),
                    text=row["text"],
                    names=str(row.get("names", "invented")),
                    construction=str(row.get("construction", "stance" if scope == "issue" else "")),
                    cls=str(row.get("class", "")),
                    expect=_triples(row.get("expect"), f"{where}: expect"),
                    structural=_triples(row.get("structural"), f"{where}: structural"),
                    forbid=_triples(row.get("forbid"), f"{where}: forbid"),
                    scope=scope,
                )
            )
    return cases


def _norm(name: str) -> str:
    text = normalize_alias(name).replace(" 's", "'s").replace("’", "'")
    return _LEADING.sub("", text)


def _canonical(triple: Triple) -> Triple:
    source, edge_type, target = triple
    if edge_type in SYMMETRIC_TYPES and target < source:
        return (target, edge_type, source)
    return triple


def _found_triples(result: ExtractionResult, case: SentenceCase) -> tuple[set[Triple], set[Triple]]:
    """(event triples in the case's scope, structural triples), named as the case names them."""
    gold_names = {x for t in (*case.expect, *case.structural, *case.forbid) for x in (t[0], t[2])}
    by_form = {_norm(n): n for n in gold_names}
    labels = {e.key: e.label for e in result.entities}
    names: dict[str, str] = {}
    for entity in result.entities:
        forms = [_norm(f) for f in (entity.name, *entity.aliases)]
        names[entity.key] = next((by_form[f] for f in forms if f in by_form), entity.name)
    for issue in result.issues:
        names[issue.key] = issue.name
    issue_keys = {i.key for i in result.issues}
    events: set[Triple] = set()
    structural: set[Triple] = set()
    for edge in result.edges:
        if labels.get(edge.source) not in ACTOR_LABELS or edge.type is EdgeType.ASSOCIATED_WITH:
            continue
        to_issue = edge.target in issue_keys
        if not to_issue and labels.get(edge.target) not in ACTOR_LABELS | {NodeLabel.PLACE}:
            continue
        triple = _canonical((names[edge.source], edge.type.value, names[edge.target]))
        if edge.type in STRUCTURAL:
            structural.add(triple)
        elif to_issue == (case.scope == "issue"):
            events.add(triple)
    return events, structural


def _slices(case: SentenceCase) -> list[str]:
    return ["all", f"names:{case.names}", f"construction:{case.construction}"]


def evaluate_suite(cases: list[SentenceCase], extractor: Extractor | None = None) -> SuiteReport:
    extractor = extractor or Extractor()
    report = SuiteReport()
    documents = (Document(f"suite-{c.id}", "", None, c.id, c.text) for c in cases)
    for case, result in zip(cases, extractor.extract_many(documents), strict=True):
        found, structural = _found_triples(result, case)
        expect = {_canonical(t) for t in case.expect}
        wanted_structural = set(case.structural)
        pairs = {frozenset((s, o)) for s, _t, o in found}
        forbidden = found & {_canonical(t) for t in case.forbid}
        for name in _slices(case):
            tally = report.slices.setdefault(name, Tally())
            tally.expected += len(expect)
            tally.typed += len(expect & found)
            tally.linked += sum(frozenset((s, o)) in pairs for s, _t, o in expect)
            tally.found += len(found)
            tally.correct += len(found & expect)
            tally.forbidden += len(forbidden)
        for triple in expect:
            tally = report.slices.setdefault(f"class:{triple[1]}", Tally())
            tally.expected += 1
            tally.typed += triple in found
            tally.linked += frozenset((triple[0], triple[2])) in pairs
        for triple in found:
            tally = report.slices.setdefault(f"class:{triple[1]}", Tally())
            tally.found += 1
            tally.correct += triple in expect
        report.structural.expected += len(wanted_structural)
        report.structural.typed += len(wanted_structural & structural)
        report.cases.append(
            CaseResult(
                case,
                found,
                expect - found,
                found - expect,
                wanted_structural - structural,
                forbidden,
            )
        )
    report.slices = dict(sorted(report.slices.items(), key=lambda kv: (kv[0] != "all", kv[0])))
    return report
