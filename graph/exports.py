"""Exports of the whole graph: the JSON contract, GraphML, GEXF and CSV.

The JSON form is the contract in ../shared/DESIGN.md (scripts and tests rely on it): nodes
with id, label, name, aliases; edges with source, target, type, weight and evidence, and edges
to an Issue also with their stance (+1 / -1 / 0, derived from the type by `stance.py`). GraphML
and GEXF cannot hold lists, so aliases are joined with " | " and evidence is a JSON string; in
GEXF the relation type is the edge attribute `relation` (GEXF's own `type` means directedness).
`stance` is an integer edge attribute present on edges to an Issue only (in CSV, empty elsewhere).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
from actorgraph.graph.stance import edge_stance
from actorgraph.graph.store import Store

FORMATS = ("json", "graphml", "gexf", "csv", "cypher", "neo4j-csv")


def graph_dict(store: Store, *, include_articles: bool = True) -> dict:
    nodes = [
        {
            "id": n.id,
            "label": n.label,
            "name": n.name,
            "aliases": list(n.aliases),
            **({"topic": n.topic} if n.topic else {}),
        }
        for n in store.nodes()
    ]
    labels = {n["id"]: n["label"] for n in nodes}
    evidence: dict[tuple[str, str, str], list[dict]] = {}
    for key, ev in store.all_evidence():
        evidence.setdefault(key, []).append(ev)
    edges = []
    for e in store.edges():
        value = edge_stance(e.type, labels.get(e.target))
        edges.append(
            {
                "source": e.source,
                "target": e.target,
                "type": e.type,
                "weight": e.weight,
                **({"stance": value} if value is not None else {}),
                "evidence": evidence.get((e.source, e.target, e.type), []),
            }
        )
    if include_articles:
        for a in store.articles():
            nodes.append(
                {
                    "id": f"article:{a['id']}",
                    "label": "Article",
                    "name": a["title"],
                    "aliases": [],
                    "date": a["date"],
                    "source": a["source"],
                }
            )
        for node_id, article, count in store.mentions():
            edges.append(
                {
                    "source": node_id,
                    "target": f"article:{article}",
                    "type": "MENTIONED_IN",
                    "weight": count,
                    "evidence": [],
                }
            )
    return {"nodes": nodes, "edges": edges}


def to_json(store: Store) -> str:
    return json.dumps(graph_dict(store), ensure_ascii=False, indent=2)


def flat_graph(store: Store, *, gexf: bool = False) -> nx.MultiDiGraph:
    """A graph whose attributes are all scalars, as GraphML and GEXF require.

    GEXF reserves `label` (the caption Gephi shows) and an edge's `type` (directed or not), so
    there the node type travels as `kind` with the name as label, and the relation as `relation`.
    """
    data = graph_dict(store)
    graph = nx.MultiDiGraph()
    for n in data["nodes"]:
        graph.add_node(
            n["id"],
            **({"label": n["name"], "kind": n["label"]} if gexf else {"label": n["label"]}),
            name=n["name"],
            aliases=" | ".join(n["aliases"]),
            topic=n.get("topic") or "",
            date=n.get("date") or "",
        )
    for e in data["edges"]:
        graph.add_edge(
            e["source"],
            e["target"],
            key=e["type"],
            **({"relation": e["type"], "label": e["type"]} if gexf else {"type": e["type"]}),
            weight=e["weight"],
            **({"stance": e["stance"]} if "stance" in e else {}),
            evidence=json.dumps(e["evidence"], ensure_ascii=False),
        )
    return graph


def _write_text(graph: nx.MultiDiGraph, writer) -> str:
    buffer = io.BytesIO()
    writer(graph, buffer)
    return buffer.getvalue().decode("utf-8")


def to_graphml(store: Store) -> str:
    return _write_text(flat_graph(store), nx.write_graphml)


def to_gexf(store: Store) -> str:
    return _write_text(flat_graph(store, gexf=True), nx.write_gexf)


def csv_tables(store: Store) -> Iterator[tuple[str, str]]:
    """(file name, CSV text) for nodes.csv and edges.csv (one evidence sentence per edge row)."""
    data = graph_dict(store)
    nodes = io.StringIO()
    writer = csv.writer(nodes)
    writer.writerow(["id", "label", "name", "aliases", "topic"])
    for n in data["nodes"]:
        writer.writerow([n["id"], n["label"], n["name"], " | ".join(n["aliases"]), n.get("topic") or ""])
    yield "nodes.csv", nodes.getvalue()
    edges = io.StringIO()
    writer = csv.writer(edges)
    writer.writerow(["source", "target", "type", "weight", "stance", "evidence_count", "evidence_json"])
    for e in data["edges"]:
        writer.writerow(
            [
                e["source"],
                e["target"],
                e["type"],
                e["weight"],
                e.get("stance", ""),  # empty: the edge does not go to an issue
                len(e["evidence"]),
                json.dumps(e["evidence"], ensure_ascii=False),
            ]
        )
    yield "edges.csv", edges.getvalue()


def write_export(store: Store, fmt: str, out: Path | None) -> list[Path] | str:
    """Write to `out` (a file, or a folder for csv) and return the paths; with no `out`, return text."""
    if fmt in {"csv", "neo4j-csv"}:
        if out is None:
            raise ValueError(f"--format {fmt} writes several CSV files: give a folder with --out")
        from actorgraph.graph.cypher_export import neo4j_admin_csv

        out.mkdir(parents=True, exist_ok=True)
        paths = []
        for name, text in csv_tables(store) if fmt == "csv" else neo4j_admin_csv(store):
            (out / name).write_text(text, encoding="utf-8")
            paths.append(out / name)
        return paths
    if fmt == "cypher":
        from actorgraph.graph.cypher_export import cypher_script

        text = "".join(cypher_script(store))
    else:
        text = {"json": to_json, "graphml": to_graphml, "gexf": to_gexf}[fmt](store)
    if out is None:
        return text
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return [out]
