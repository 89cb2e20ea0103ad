"""Scoring extraction against hand-made gold annotations: entities, actor–issue ties, typed relations.

A gold file (JSON, one per article) names the article file and lists what a careful reader
finds in it:

    {"file": "07_climate_envoys.txt",
     "entities": [{"name": "John Kerry", "label": "Person", "aliases": ["Kerry"]}, ...],
     "actor_issue": [["John Kerry", "climate change"], ...],
     "relations": [["John Kerry", "MET", "Xie Zhenhua"], ...]}

Issues are named as in the issue taxonomy. A predicted actor matches a gold entity when they
share a label and a surface form (name or alias, compared like store aliases). Scores are
micro-averaged over all articles: every gold item counts once, whichever article it is in.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from actorgraph.graph.model import (
    ACTOR_LABELS,
    SYMMETRIC_TYPES,
    EdgeType,
    ExtractionResult,
    normalize_alias,
    stance,
)
from actorgraph.loaders.extract import Extractor
from actorgraph.loaders.sources import SourceError, read_sources

TASKS = ("entities", "actor_issue", "relations")


class GoldError(ValueError):
    """A gold file is unreadable or inconsistent; the message names the file and the fault."""


@dataclass(frozen=True)
class GoldArticle:
    path: Path
    file: str
    entities: list[dict]
    actor_issue: set[tuple[str, str]]
    relations: set[tuple[str, str, str]]
    stances: dict[tuple[str, str], int] = field(default_factory=dict)  # (actor, issue) -> -1/0/+1
    #: a held-out file not yet measured: scored only on request, so nobody tunes on it unawares
    sealed: bool = False


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, predicted: set, gold: set) -> None:
        self.true_positives += len(predicted & gold)
        self.false_positives += len(predicted - gold)
        self.false_negatives += len(gold - predicted)

    def as_dict(self) -> dict:
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "tp": self.true_positives,
            "fp": self.false_positives,
            "fn": self.false_negatives,
        }


@dataclass
class StanceScore:
    """Of the actor–issue ties found that the gold gives a stance, how many have the right one."""

    correct: int = 0
    judged: int = 0

    def as_dict(self) -> dict:
        return {
            "accuracy": round(self.correct / self.judged, 3) if self.judged else None,
            "correct": self.correct,
            "judged": self.judged,
        }


@dataclass
class ArticleErrors:
    file: str
    missed: dict[str, list] = field(default_factory=dict)  # task -> gold items not found
    spurious: dict[str, list] = field(default_factory=dict)  # task -> found items not in gold


@dataclass
class Report:
    scores: dict[str, Score]
    articles: list[ArticleErrors]
    skipped: list[str]
    stance: StanceScore = field(default_factory=StanceScore)

    def as_dict(self) -> dict:
        return {
            "articles": len(self.articles),
            "scores": {task: self.scores[task].as_dict() for task in TASKS},
            "stance": self.stance.as_dict(),
            "errors": [
                {"file": a.file, "missed": a.missed, "spurious": a.spurious}
                for a in self.articles
                if any(a.missed.values()) or any(a.spurious.values())
            ],
            "skipped": self.skipped,
        }


def _pairs(rows: object, width: int, where: str) -> list[tuple[str, ...]]:
    if not isinstance(rows, list) or not all(
        isinstance(r, list) and len(r) == width and all(isinstance(x, str) for x in r) for r in rows
    ):
        raise GoldError(f"{where}: expected a list of [{', '.join(['name'] * width)}] lists")
    return [tuple(r) for r in rows]


def read_gold(path: Path) -> GoldArticle:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("file"), str):
        raise GoldError(f'{path}: expected an object with "file", "entities", "actor_issue", "relations"')
    entities = data.get("entities", [])
    labels = {label.value for label in ACTOR_LABELS}
    for i, e in enumerate(entities):
        if not isinstance(e, dict) or not isinstance(e.get("name"), str) or e.get("label") not in labels:
            raise GoldError(
                f"{path}: entities[{i}] needs a name and a label among {', '.join(sorted(labels))}"
            )
    names = {e["name"] for e in entities}
    rows = data.get("actor_issue", [])
    stances: dict[tuple[str, str], int] = {}
    if isinstance(rows, list) and any(isinstance(r, list) and len(r) == 3 for r in rows):
        for row in _pairs(
            [r for r in rows if isinstance(r, list) and len(r) == 3], 3, f"{path}: actor_issue"
        ):
            if row[2] not in _STANCE_MARKS:
                raise GoldError(f"{path}: actor_issue stance {row[2]!r} is not one of +, -, 0")
            stances[(row[0], row[1])] = _STANCE_MARKS[row[2]]
        rows = [r[:2] if isinstance(r, list) and len(r) == 3 else r for r in rows]
    actor_issue = set(_pairs(rows, 2, f"{path}: actor_issue"))
    relations = {_canonical(r) for r in _pairs(data.get("relations", []), 3, f"{path}: relations")}
    types = {t.value for t in EdgeType}
    for actor, _issue in actor_issue:
        if actor not in names:
            raise GoldError(f"{path}: actor_issue names {actor!r}, which is not among the entities")
    for source, edge_type, _target in relations:
        if edge_type not in types or edge_type == EdgeType.ASSOCIATED_WITH:
            raise GoldError(f"{path}: {edge_type!r} is not a typed relation of the ontology")
        if source not in names:
            raise GoldError(f"{path}: relations name {source!r}, which is not among the entities")
    sealed = "not yet measured" in str(data.get("heldout", ""))
    return GoldArticle(path, data["file"], entities, actor_issue, relations, stances, sealed)  # type: ignore[arg-type]


_STANCE_MARKS = {"+": 1, "-": -1, "−": -1, "0": 0}


def _canonical(triple: tuple[str, ...]) -> tuple[str, str, str]:
    """One direction for the symmetric types: A MET B and B MET A are the same relation."""
    source, edge_type, target = triple
    if edge_type in SYMMETRIC_TYPES and target < source:
        return (target, edge_type, source)
    return (source, edge_type, target)


def _forms(name: str, aliases: Iterable[str]) -> set[str]:
    return {normalize_alias(f) for f in (name, *aliases)} - {""}


def _align(result: ExtractionResult, gold: GoldArticle) -> dict[str, str]:
    """Predicted actor key → gold entity name (or the predicted name when nothing in gold matches)."""
    gold_forms = [(g["name"], g["label"], _forms(g["name"], g.get("aliases", []))) for g in gold.entities]
    names: dict[str, str] = {}
    taken: set[str] = set()
    actors = [e for e in result.entities if e.label in ACTOR_LABELS]
    # Exact names first, so "Russia" claims the gold "Russia" before an alias-sharing rival.
    actors.sort(key=lambda e: not any(normalize_alias(e.name) in f for _, _, f in gold_forms))
    for entity in actors:
        forms = _forms(entity.name, entity.aliases)
        match = next(
            (g for g, label, f in gold_forms if g not in taken and label == entity.label.value and forms & f),
            None,
        )
        if match:
            taken.add(match)
        names[entity.key] = match or f"{entity.name} [{entity.label.value}]"
    return names


def score_article(result: ExtractionResult, gold: GoldArticle) -> dict[str, tuple[set, set]]:
    """(predicted, gold) item sets per task for one article."""
    names = _align(result, gold)
    issue_names = {i.key: i.name for i in result.issues}
    entity_label = {e.key: e.label for e in result.entities}
    predicted_entities = {names[k] for k, label in entity_label.items() if label in ACTOR_LABELS}
    gold_entities = {g["name"] for g in gold.entities}
    actor_issue: set[tuple[str, str]] = set()
    relations: set[tuple[str, str, str]] = set()
    positions: dict[tuple[str, str], list[int]] = {}
    for edge in result.edges:
        source = names.get(edge.source)
        if source is None:
            continue  # places are not actors
        if edge.target in issue_names:
            actor_issue.add((source, issue_names[edge.target]))
            target = issue_names[edge.target]
            positions.setdefault((source, target), []).append(stance(edge.type))
        elif entity_label.get(edge.target) in ACTOR_LABELS:
            target = names[edge.target]
        else:
            continue
        if edge.type is not EdgeType.ASSOCIATED_WITH:
            relations.add(_canonical((source, edge.type.value, target)))
    return {
        "entities": (predicted_entities, gold_entities),
        "actor_issue": (actor_issue, gold.actor_issue),
        "relations": (relations, gold.relations),
        "stance": ({pair: _net(values) for pair, values in positions.items()}, gold.stances),
    }


def _net(values: list[int]) -> int:
    """An actor's position on an issue in one article: the sign of its stances' sum."""
    total = sum(values)
    return (total > 0) - (total < 0)


def evaluate(
    gold_dir: Path,
    article_dirs: list[Path],
    extractor: Extractor | None = None,
    pattern: str = "*.json",
    unseal: bool = False,
) -> Report:
    """Score every gold file; held-out files marked "not yet measured" only with `unseal`."""
    gold_files = sorted(gold_dir.glob(pattern))
    if not gold_files:
        raise GoldError(f"{gold_dir}: no gold .json files")
    golds = [g for g in map(read_gold, gold_files) if unseal or not g.sealed]
    extractor = extractor or Extractor()
    scores = {task: Score() for task in TASKS}
    stance_score = StanceScore()
    articles: list[ArticleErrors] = []
    skipped: list[str] = []
    for gold in golds:
        path = next((d / gold.file for d in article_dirs if (d / gold.file).is_file()), None)
        if path is None:
            skipped.append(f"{gold.file}: not found in {', '.join(map(str, article_dirs))}")
            continue
        document = next(iter(read_sources([str(path)])))
        if isinstance(document, SourceError):
            skipped.append(str(document))
            continue
        errors = ArticleErrors(gold.file)
        scored = score_article(extractor.extract(document), gold)
        found_stances, gold_stances = scored.pop("stance")
        for pair, wanted_stance in gold_stances.items():
            if pair in found_stances:
                stance_score.judged += 1
                stance_score.correct += found_stances[pair] == wanted_stance
        for task, (predicted, wanted) in scored.items():
            scores[task].add(predicted, wanted)
            errors.missed[task] = sorted(
                map(list, wanted - predicted) if task != "entities" else wanted - predicted
            )
            errors.spurious[task] = sorted(
                map(list, predicted - wanted) if task != "entities" else predicted - wanted
            )
        articles.append(errors)
    return Report(scores, articles, skipped, stance_score)


def draft_gold(result: ExtractionResult, file: str) -> dict:
    """What the extractor finds, in the gold format: a starting point for a person to correct."""
    actors = {e.key: e for e in result.entities if e.label in ACTOR_LABELS}
    issues = {i.key: i.name for i in result.issues}
    actor_issue, relations = set(), set()
    for edge in result.edges:
        if edge.source not in actors:
            continue
        source = actors[edge.source].name
        target = issues.get(edge.target) or (actors[edge.target].name if edge.target in actors else None)
        if target is None:
            continue
        if edge.target in issues:
            actor_issue.add((source, target))
        if edge.type is not EdgeType.ASSOCIATED_WITH:
            relations.add((source, edge.type.value, target))
    return {
        "file": file,
        "entities": [
            {"name": e.name, "label": e.label.value, "aliases": sorted(e.aliases - {e.name})}
            for e in sorted(actors.values(), key=lambda e: (e.label.value, e.name))
        ],
        "actor_issue": sorted(map(list, actor_issue)),
        "relations": sorted(map(list, relations)),
    }
