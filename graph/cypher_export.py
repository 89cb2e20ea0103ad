"""Offline hand-overs to Neo4j: a Cypher script and the CSV files of `neo4j-admin database import`.

The script holds the schema, then the same batched `UNWIND … MERGE` statements `push` sends,
with each batch's rows written as a Cypher literal (strings escaped as JSON escapes, which
Cypher reads the same way), so `cypher-shell -f graph.cypher` or the Browser rebuilds the graph.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from actorgraph.graph.exports import graph_dict
from actorgraph.graph.named_queries import schema_statements
from actorgraph.graph.neo4j_server import node_batches, relationship_batches
from actorgraph.graph.store import Store

ARRAY_DELIMITER = "|"


def cypher_literal(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=True)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"`{k}`: {cypher_literal(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"cannot write {type(value).__name__} as Cypher")


def cypher_script(store: Store, batch_size: int = 500) -> Iterator[str]:
    yield "// actorgraph export: run with `cypher-shell -f FILE` or paste into the Neo4j Browser.\n"
    for statement in schema_statements():
        yield statement + ";\n"
    data = graph_dict(store)
    for batches in (node_batches(data, batch_size), relationship_batches(data, batch_size)):
        for query, rows in batches:
            literal = cypher_literal(rows)
            yield query.replace("UNWIND $rows AS row", f"UNWIND {literal} AS row", 1) + ";\n"


def neo4j_admin_csv(store: Store) -> Iterator[tuple[str, str]]:
    """(file name, CSV text): nodes.csv and relationships.csv with neo4j-admin header types."""
    data = graph_dict(store)
    nodes = io.StringIO()
    writer = csv.writer(nodes)
    writer.writerow(["id:ID", "name", "aliases:string[]", "topic", "date", ":LABEL"])
    for n in data["nodes"]:
        aliases = ARRAY_DELIMITER.join(a.replace(ARRAY_DELIMITER, "/") for a in n["aliases"])
        writer.writerow([n["id"], n["name"], aliases, n.get("topic") or "", n.get("date") or "", n["label"]])
    yield "nodes.csv", nodes.getvalue()
    rels = io.StringIO()
    writer = csv.writer(rels)
    # an empty stance (edges that do not go to an issue) is no property at all for neo4j-admin
    writer.writerow([":START_ID", ":END_ID", ":TYPE", "weight:int", "stance:int", "evidence"])
    for e in data["edges"]:
        writer.writerow(
            [
                e["source"],
                e["target"],
                e["type"],
                e["weight"],
                e.get("stance", ""),
                json.dumps(e["evidence"], ensure_ascii=False),
            ]
        )
    yield "relationships.csv", rels.getvalue()
