"""The named queries behind the CLI and the Python API; each returns plain rows (dicts).

Every function takes an open `Store` and returns JSON-ready data, so the same results feed
tables, JSON, CSV and tests. Names are matched forgivingly (see `matching.find_node`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable

from actorgraph.graph.matching import find_node
from actorgraph.graph.model import ACTOR_LABELS, stance
from actorgraph.graph.paths import shortest_paths
from actorgraph.graph.stance import POSITIONS, position, tally
from actorgraph.graph.store import Store

ACTOR_LABEL_NAMES = {label.value for label in ACTOR_LABELS}
TYPED = "type != 'ASSOCIATED_WITH'"


def actors(store: Store, label: str | None = None, limit: int | None = None) -> list[dict]:
    """Actors with how many articles mention them and how much typed evidence ties them."""
    labels = {label} if label else ACTOR_LABEL_NAMES
    marks = ",".join("?" * len(labels))
    rows = store.conn.execute(
        f"""SELECT n.id, n.label, n.name,
               (SELECT count(*) FROM mentions m WHERE m.node_id = n.id) AS articles,
               (SELECT coalesce(sum(weight), 0) FROM edges e WHERE e.source = n.id OR e.target = n.id) AS evidence
            FROM nodes n WHERE n.label IN ({marks})
            ORDER BY evidence DESC, articles DESC, n.name""",
        tuple(sorted(labels)),
    ).fetchall()
    out = []
    for r in rows[:limit] if limit else rows:
        node = store.node(r["id"])
        out.append(
            {
                "id": r["id"],
                "label": r["label"],
                "name": r["name"],
                "aliases": [a for a in node.aliases if a != r["name"]] if node else [],
                "articles": r["articles"],
                "evidence": r["evidence"],
            }
        )
    return out


def issues(store: Store) -> list[dict]:
    rows = store.conn.execute(
        """SELECT n.id, n.name, n.topic, count(DISTINCT e.source) AS actors, coalesce(sum(e.weight), 0) AS evidence
           FROM nodes n LEFT JOIN edges e ON e.target = n.id
           WHERE n.label = 'Issue' GROUP BY n.id ORDER BY evidence DESC, n.name"""
    ).fetchall()
    return [dict(r) for r in rows]


def who(
    store: Store, issue: str, *, include_associated: bool = True, examples: int = 1, limit: int | None = None
) -> list[dict]:
    """Actors tied to an issue, one row per (actor, edge type), strongest first (the top `limit`)."""
    node = find_node(store, issue, {"Issue"})
    skip = "" if include_associated else "AND e.type != 'ASSOCIATED_WITH' "
    rows = store.conn.execute(
        "SELECT e.source, e.type, e.weight, n.name, n.label FROM edges e JOIN nodes n ON n.id = e.source "
        f"WHERE e.target = ? {skip}ORDER BY e.weight DESC, e.source, e.type LIMIT ?",
        (node.id, -1 if limit is None else limit),
    ).fetchall()
    out = []
    for r in rows:
        value = stance(r["type"])
        out.append(
            {
                "issue": node.name,
                "actor": r["name"],
                "actor_id": r["source"],
                "label": r["label"],
                "type": r["type"],
                "stance": value,
                "position": position(value),
                "weight": r["weight"],
                "evidence": store.evidence(r["source"], node.id, r["type"], limit=examples),
            }
        )
    return out


def positions(store: Store, issue: str, *, include_associated: bool = True) -> dict[str, dict[str, int]]:
    """Per position on an issue (for, against, neutral): how many actors and evidence sentences.

    Counted over every edge to the issue, whatever `who --limit` shows. An actor with edges of
    both signs (backs a measure in one article, attacks it in another) counts in both groups,
    as an analyst coding statements counts it.
    """
    node = find_node(store, issue, {"Issue"})
    out = {p: {"actors": 0, "evidence": 0} for p in POSITIONS}
    actors_in: dict[str, set[str]] = {p: set() for p in POSITIONS}
    for source, edge_type, weight in store.conn.execute(
        "SELECT source, type, weight FROM edges WHERE target = ?", (node.id,)
    ):
        if include_associated or edge_type != "ASSOCIATED_WITH":
            group = position(stance(edge_type))
            actors_in[group].add(source)
            out[group]["evidence"] += weight
    for p in POSITIONS:
        out[p]["actors"] = len(actors_in[p])
    return out


def profile(store: Store, actor: str, *, examples: int = 3, limit: int | None = None) -> dict:
    """An actor's aliases, issues and ties to other actors (the `limit` strongest edges), with evidence."""
    node = find_node(store, actor, ACTOR_LABEL_NAMES)
    names = {}
    issue_rows, tie_rows = [], []
    for edge in store.edges_of(node.id, limit=limit):
        other_id = edge.target if edge.source == node.id else edge.source
        if other_id not in names:
            other = store.node(other_id)
            names[other_id] = (other.name, other.label) if other else (other_id, "?")
        other_name, other_label = names[other_id]
        row = {
            "type": edge.type,
            "weight": edge.weight,
            "evidence": store.evidence(edge.source, edge.target, edge.type, limit=examples),
        }
        if other_label == "Issue":
            value = stance(edge.type)
            issue_rows.append({"issue": other_name, **row, "stance": value, "position": position(value)})
        else:
            direction = "out" if edge.source == node.id else "in"
            tie_rows.append({"other": other_name, "other_label": other_label, "direction": direction, **row})
    articles = store.conn.execute("SELECT count(*) FROM mentions WHERE node_id = ?", (node.id,)).fetchone()[0]
    by_issue: dict[str, list[tuple[int, int]]] = {}
    for r in issue_rows:
        by_issue.setdefault(r["issue"], []).append((r["stance"], r["weight"]))
    stances = [{"issue": issue, **tally(pairs)} for issue, pairs in by_issue.items()]
    return {
        "id": node.id,
        "name": node.name,
        "label": node.label,
        "aliases": list(node.aliases),
        "articles": articles,
        "issues": issue_rows,
        # the net position on each issue: evidence for minus evidence against (neutral counts in evidence)
        "stances": sorted(stances, key=lambda r: (-r["evidence"], r["issue"])),
        "ties": tie_rows,
    }


def _neighbours(store: Store) -> Callable[[str], set[str]]:
    def neighbours(node_id: str) -> set[str]:
        rows = store.conn.execute(
            "SELECT target FROM edges WHERE source = ? UNION SELECT source FROM edges WHERE target = ?",
            (node_id, node_id),
        )
        return {r[0] for r in rows}

    return neighbours


def ties(store: Store, a: str, b: str, *, max_paths: int = 5, examples: int = 2) -> dict:
    """Direct edges between two actors (both directions) and the shortest paths joining them."""
    node_a = find_node(store, a, ACTOR_LABEL_NAMES)
    node_b = find_node(store, b, ACTOR_LABEL_NAMES)
    direct = [
        {
            "source": store.node(e.source).name,
            "target": store.node(e.target).name,
            "type": e.type,
            "weight": e.weight,
            "evidence": store.evidence(e.source, e.target, e.type, limit=examples),
        }
        for e in sorted(store.edges_between(node_a.id, node_b.id), key=lambda e: -e.weight)
    ]
    paths = []
    for path in shortest_paths(node_a.id, node_b.id, _neighbours(store), max_paths=max_paths):
        steps = []
        for u, v in zip(path, path[1:], strict=False):
            types = sorted({e.type for e in store.edges_between(u, v)})
            steps.append({"from": store.node(u).name, "to": store.node(v).name, "types": types})
        paths.append({"nodes": [store.node(n).name for n in path], "steps": steps})
    return {"a": node_a.name, "b": node_b.name, "direct": direct, "paths": paths}


def matrix(store: Store, *, include_associated: bool = True) -> dict:
    """The two-mode view: actors × issues, each cell the evidence count of their edges.

    Beside the counts (`cells`), each row has the net position per issue (`net`: evidence for
    minus evidence against) and its parts (`positions`: net, for, against, neutral, evidence).
    """
    cells: dict[str, Counter] = defaultdict(Counter)
    signs: dict[str, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    rows = store.conn.execute(
        "SELECT e.source, e.target, e.type, e.weight FROM edges e JOIN nodes t ON t.id = e.target "
        "WHERE t.label = 'Issue'"
    )
    for r in rows:
        if include_associated or r["type"] != "ASSOCIATED_WITH":
            cells[r["source"]][r["target"]] += r["weight"]
            signs[r["source"]][r["target"]].append((stance(r["type"]), r["weight"]))
    names = {n.id: n.name for n in store.nodes()}
    issue_totals: Counter = Counter()
    for counter in cells.values():
        issue_totals.update(counter)
    issue_ids = [i for i, _ in sorted(issue_totals.items(), key=lambda kv: (-kv[1], names[kv[0]]))]
    actor_ids = sorted(cells, key=lambda a: (-sum(cells[a].values()), names[a]))
    out_rows = []
    for a in actor_ids:
        parts = {names[i]: tally(signs[a].get(i, ())) for i in issue_ids}
        out_rows.append(
            {
                "actor": names[a],
                "cells": {names[i]: cells[a].get(i, 0) for i in issue_ids},
                "net": {issue: p["net"] for issue, p in parts.items()},
                "positions": parts,
            }
        )
    return {"issues": [names[i] for i in issue_ids], "rows": out_rows}
