"""The named queries of `cypher/`, runnable on Neo4j (the .cypher file) and on the embedded store.

Each embedded function answers exactly what its .cypher file asks, with the same columns and
the same order, so a test can run both and compare rows. Names match as in the Cypher files:
the node's name or any alias, case-insensitively. Stance comes from the `stance` property that
`push` sets on relationships to an Issue, and here from the same derivation (`stance.py`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from importlib import resources

from actorgraph.graph.model import ACTOR_LABELS
from actorgraph.graph.stance import edge_stance
from actorgraph.graph.store import Node, Store

ACTOR_LABEL_NAMES = {label.value for label in ACTOR_LABELS}


def cypher_text(name: str) -> str:
    """The query text of `cypher/<name>.cypher`."""
    path = resources.files("actorgraph.cypher") / f"{name}.cypher"
    if not path.is_file():
        raise KeyError(f"no named query {name!r}; choose one of {', '.join(NAMED_QUERIES)}")
    return path.read_text(encoding="utf-8")


def schema_statements() -> list[str]:
    text = cypher_text("schema")
    lines = [line for line in text.splitlines() if not line.strip().startswith("//")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def _matches(node: Node, text: str) -> bool:
    wanted = text.lower()
    return node.name.lower() == wanted or any(a.lower() == wanted for a in node.aliases)


def _find(nodes: dict[str, Node], text: str, labels: set[str]) -> list[Node]:
    return [n for n in nodes.values() if n.label in labels and _matches(n, text)]


def who(store: Store, issue: str) -> list[dict]:
    rows = []
    names = {n.id: n for n in store.nodes()}
    for node in _find(names, issue, {"Issue"}):
        for edge in store.edges_of(node.id):
            if edge.target == node.id:
                actor = names[edge.source]
                rows.append(
                    {
                        "actor": actor.name,
                        "label": actor.label,
                        "type": edge.type,
                        "stance": edge_stance(edge.type, node.label),
                        "weight": edge.weight,
                    }
                )
    return sorted(rows, key=lambda r: (-r["weight"], r["actor"], r["type"]))


def profile(store: Store, actor: str) -> list[dict]:
    rows = []
    names = {n.id: n for n in store.nodes()}
    for node in _find(names, actor, ACTOR_LABEL_NAMES):
        for edge in store.edges_of(node.id):
            out = edge.source == node.id
            other = names[edge.target if out else edge.source]
            rows.append(
                {
                    "other": other.name,
                    "other_label": other.label,
                    "direction": "out" if out else "in",
                    "type": edge.type,
                    # null for ties to actors, as `r.stance` is on Neo4j (only issue edges carry it)
                    "stance": edge_stance(edge.type, names[edge.target].label),
                    "weight": edge.weight,
                }
            )
    return sorted(rows, key=lambda r: (-r["weight"], r["other"], r["type"], r["direction"]))


def ties(store: Store, a: str, b: str) -> list[dict]:
    nodes = {n.id: n for n in store.nodes()}
    names = {node_id: node.name for node_id, node in nodes.items()}
    rows = []
    for x in _find(nodes, a, ACTOR_LABEL_NAMES):
        for y in _find(nodes, b, ACTOR_LABEL_NAMES):
            for edge in store.edges_between(x.id, y.id):
                rows.append(
                    {
                        "source": names[edge.source],
                        "type": edge.type,
                        "target": names[edge.target],
                        "weight": edge.weight,
                    }
                )
    return sorted(rows, key=lambda r: (-r["weight"], r["source"], r["type"]))


def matrix(store: Store) -> list[dict]:
    nodes = {n.id: n for n in store.nodes()}
    cells: Counter = Counter()
    net: Counter = Counter()
    for edge in store.edges():
        target = nodes[edge.target]
        if target.label == "Issue":
            key = (nodes[edge.source].name, target.name)
            cells[key] += edge.weight
            net[key] += edge.weight * edge_stance(edge.type, target.label)
    return [{"actor": a, "issue": i, "weight": w, "net": net[(a, i)]} for (a, i), w in sorted(cells.items())]


def central(store: Store, limit: int = 10) -> list[dict]:
    nodes = {n.id: n for n in store.nodes()}
    weight: Counter = Counter()
    neighbours: dict[str, set[str]] = defaultdict(set)
    for edge in store.edges():
        for me, other in ((edge.source, edge.target), (edge.target, edge.source)):
            if nodes[me].label in ACTOR_LABEL_NAMES:
                weight[me] += edge.weight
                neighbours[me].add(other)
    rows = [
        {"actor": nodes[k].name, "label": nodes[k].label, "weight": w, "neighbours": len(neighbours[k])}
        for k, w in weight.items()
    ]
    return sorted(rows, key=lambda r: (-r["weight"], r["actor"]))[: int(limit)]


NAMED_QUERIES: dict[str, tuple[Callable[..., list[dict]], tuple[str, ...]]] = {
    "who": (who, ("issue",)),
    "profile": (profile, ("actor",)),
    "ties": (ties, ("a", "b")),
    "matrix": (matrix, ()),
    "central": (central, ("limit",)),
}


def run_embedded(store: Store, name: str, params: dict) -> list[dict]:
    function, expected = NAMED_QUERIES[name]
    missing = [p for p in expected if p not in params]
    if missing:
        raise KeyError(f"query {name!r} needs parameter(s): {', '.join(missing)}")
    return function(store, **{p: params[p] for p in expected})
