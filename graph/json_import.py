"""Reading a graph back from the JSON export contract, so a graph can move between stores.

The contract (README, "JSON export contract") is checked strictly: a file that does not follow
it is refused with the place and the reason, never half-imported. What it holds is restored as
it is, ids included; nothing is re-resolved, so JSON → store → JSON gives the same JSON.
An edge's `stance` is optional (older files have none) and, when present, checked against its
type; the store derives it again on export, so it is never stored twice.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from actorgraph.graph.model import EdgeType, NodeLabel
from actorgraph.graph.stance import edge_stance, signed

ARTICLE_PREFIX = "article:"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class GraphFormatError(ValueError):
    """The JSON does not follow the export contract; the message says where."""


@dataclass
class GraphSnapshot:
    nodes: list[dict] = field(default_factory=list)  # id, label, name, aliases, topic
    articles: list[dict] = field(default_factory=list)  # id, title, date, source
    edges: list[dict] = field(default_factory=list)  # source, target, type, weight, evidence
    mentions: list[tuple[str, str, int]] = field(default_factory=list)  # node, article, count


def _text(value: object, where: str, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise GraphFormatError(f"{where}: expected a string, got {type(value).__name__}")
    if _CONTROL.search(value):
        raise GraphFormatError(f"{where}: control characters are not allowed")
    return value


def _int(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise GraphFormatError(f"{where}: expected a whole number ≥ 0")
    return value


def _check_stance(edge: dict, edge_type: str, target_label: str, where: str) -> None:
    """`stance` may be left out (files written before it existed); when given it must be what
    the type says, since the store derives it from the type and would silently change it."""
    if "stance" not in edge:
        return
    value = edge["stance"]
    expected = edge_stance(edge_type, target_label)
    if expected is None:
        if value is not None:
            raise GraphFormatError(
                f"{where}: only edges to an Issue have a stance, this one goes to a {target_label}"
            )
        return
    if isinstance(value, bool) or not isinstance(value, int) or value not in (-1, 0, 1):
        raise GraphFormatError(f"{where}: expected -1, 0 or 1, got {value!r}")
    if value != expected:
        raise GraphFormatError(
            f"{where}: {signed(value)} contradicts the type {edge_type}, whose stance is {signed(expected)}"
        )


def parse_graph(data: object) -> GraphSnapshot:
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("nodes"), list)
        or not isinstance(data.get("edges"), list)
    ):
        raise GraphFormatError('expected {"nodes": [...], "edges": [...]}')
    snapshot = GraphSnapshot()
    labels = {label.value for label in NodeLabel}
    known: dict[str, str] = {}
    for i, node in enumerate(data["nodes"]):
        where = f"nodes[{i}]"
        if not isinstance(node, dict):
            raise GraphFormatError(f"{where}: expected an object")
        node_id = _text(node.get("id"), f"{where}.id")
        label = _text(node.get("label"), f"{where}.label")
        if label not in labels:
            raise GraphFormatError(f"{where}.label: {label!r} is not one of {', '.join(sorted(labels))}")
        if node_id in known:
            raise GraphFormatError(f"{where}.id: {node_id!r} appears twice")
        known[node_id] = label
        name = _text(node.get("name"), f"{where}.name")
        if label == NodeLabel.ARTICLE:
            if not node_id.startswith(ARTICLE_PREFIX):
                raise GraphFormatError(f"{where}.id: article ids start with {ARTICLE_PREFIX!r}")
            snapshot.articles.append(
                {
                    "id": node_id.removeprefix(ARTICLE_PREFIX),
                    "title": name,
                    "date": _text(node.get("date"), f"{where}.date", optional=True),
                    "source": _text(node.get("source") or "", f"{where}.source"),
                }
            )
            continue
        aliases = node.get("aliases", [])
        if not isinstance(aliases, list):
            raise GraphFormatError(f"{where}.aliases: expected a list")
        snapshot.nodes.append(
            {
                "id": node_id,
                "label": label,
                "name": name,
                "aliases": [_text(a, f"{where}.aliases[{j}]") for j, a in enumerate(aliases)],
                "topic": _text(node.get("topic"), f"{where}.topic", optional=True),
            }
        )
    types = {t.value for t in EdgeType}
    article_ids = {a["id"] for a in snapshot.articles}
    for i, edge in enumerate(data["edges"]):
        where = f"edges[{i}]"
        if not isinstance(edge, dict):
            raise GraphFormatError(f"{where}: expected an object")
        source = _text(edge.get("source"), f"{where}.source")
        target = _text(edge.get("target"), f"{where}.target")
        for end, value in (("source", source), ("target", target)):
            if value not in known:
                raise GraphFormatError(f"{where}.{end}: no node has the id {value!r}")
        edge_type = _text(edge.get("type"), f"{where}.type")
        if edge_type not in types:
            raise GraphFormatError(f"{where}.type: {edge_type!r} is not a relationship type of the ontology")
        weight = _int(edge.get("weight", 1), f"{where}.weight")
        _check_stance(edge, edge_type, known[target], f"{where}.stance")
        if edge_type == EdgeType.MENTIONED_IN:
            snapshot.mentions.append((source, target.removeprefix(ARTICLE_PREFIX), weight))
            continue
        evidence = edge.get("evidence", [])
        if not isinstance(evidence, list):
            raise GraphFormatError(f"{where}.evidence: expected a list")
        rows = []
        for j, ev in enumerate(evidence):
            at = f"{where}.evidence[{j}]"
            if not isinstance(ev, dict):
                raise GraphFormatError(f"{at}: expected an object")
            article = _text(ev.get("article"), f"{at}.article")
            if article not in article_ids:
                raise GraphFormatError(f"{at}.article: no Article node has the id {ARTICLE_PREFIX}{article}")
            rows.append(
                {
                    "article": article,
                    "sentence": _text(ev.get("sentence"), f"{at}.sentence"),
                    "start": _int(ev.get("start"), f"{at}.start"),
                    "end": _int(ev.get("end"), f"{at}.end"),
                    "date": _text(ev.get("date"), f"{at}.date", optional=True),
                }
            )
        snapshot.edges.append(
            {"source": source, "target": target, "type": edge_type, "weight": weight, "evidence": rows}
        )
    return snapshot


def read_graph_json(text: str) -> GraphSnapshot:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise GraphFormatError(f"not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from exc
    return parse_graph(data)
