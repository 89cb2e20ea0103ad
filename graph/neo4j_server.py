"""Pushing the store to a Neo4j 5 server (or a Bolt-compatible one) and querying it there.

Labels and relationship types are interpolated into Cypher only after passing the ontology's
enums, and every value travels as a query parameter, so no article text can change a query.
Batches go through the driver's managed transactions (`execute_query`), which retry on
transient errors and avoid the spurious deadlocks some Bolt servers raise on auto-commit
`UNWIND … MERGE`. MERGE on `id` plus SET makes a push idempotent: pushing again, or re-running
an interrupted push, ends with the same graph.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import neo4j
from actorgraph.graph.exports import graph_dict
from actorgraph.graph.model import EdgeType, NodeLabel
from actorgraph.graph.named_queries import cypher_text, schema_statements
from actorgraph.graph.store import Store
from neo4j.exceptions import AuthError, ClientError, Neo4jError, ServiceUnavailable


class Neo4jConnectionError(RuntimeError):
    """The server cannot be reached or refuses the credentials; the message never holds the password."""


@dataclass
class PushReport:
    nodes: int = 0
    relationships: int = 0
    batches: int = 0
    schema_warnings: list[str] | None = None


def connect(uri: str, user: str, password: str) -> neo4j.Driver:
    try:
        driver = neo4j.GraphDatabase.driver(uri, auth=(user, password))
        driver.verify_connectivity()
    except AuthError:
        raise Neo4jConnectionError(f"{uri}: authentication failed for user {user!r}") from None
    except (ServiceUnavailable, OSError) as exc:
        raise Neo4jConnectionError(f"{uri}: cannot reach the server ({type(exc).__name__})") from None
    except ValueError as exc:
        raise Neo4jConnectionError(f"{uri}: not a valid Bolt/Neo4j URI ({exc})") from None
    return driver


def ensure_schema(driver: neo4j.Driver, database: str | None) -> list[str]:
    """Create constraints and indexes; a server that lacks one is reported, not fatal."""
    warnings = []
    for statement in schema_statements():
        try:
            driver.execute_query(statement, database_=database)
        except ClientError as exc:
            warnings.append(f"{statement.split(' IF')[0]}: {exc.message}")
    return warnings


def _label(value: str) -> str:
    return NodeLabel(value).value  # raises ValueError for anything outside the ontology


def _rel_type(value: str) -> str:
    return EdgeType(value).value


def node_batches(data: dict, batch_size: int) -> Iterator[tuple[str, list[dict]]]:
    by_label: dict[str, list[dict]] = defaultdict(list)
    for node in data["nodes"]:
        by_label[_label(node["label"])].append(
            {
                "id": node["id"],
                "name": node["name"],
                "aliases": list(node["aliases"]),
                "topic": node.get("topic"),
                "date": node.get("date"),
                "source": node.get("source"),
            }
        )
    for label, rows in sorted(by_label.items()):
        for i in range(0, len(rows), batch_size):
            query = (
                f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) "
                "SET n.name = row.name, n.aliases = row.aliases, n.topic = row.topic, "
                "n.date = row.date, n.source = row.source"
            )
            yield query, rows[i : i + batch_size]


def relationship_batches(data: dict, batch_size: int) -> Iterator[tuple[str, list[dict]]]:
    labels = {n["id"]: _label(n["label"]) for n in data["nodes"]}
    groups: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for edge in data["edges"]:
        key = (labels[edge["source"]], _rel_type(edge["type"]), labels[edge["target"]])
        evidence = edge["evidence"]
        row = {
            "source": edge["source"],
            "target": edge["target"],
            "weight": edge["weight"],
            "evidence": json.dumps(evidence, ensure_ascii=False),
            "sentences": [e["sentence"] for e in evidence],
            "articles": sorted({e["article"] for e in evidence}),
        }
        if key[2] == NodeLabel.ISSUE:
            row["stance"] = int(edge["stance"])  # graph_dict gives every edge to an issue its stance
        groups[key].append(row)
    for (source_label, rel_type, target_label), rows in sorted(groups.items()):
        # only relationships to an Issue carry a stance; the others get no such property
        stance = ", r.stance = row.stance" if target_label == NodeLabel.ISSUE else ""
        for i in range(0, len(rows), batch_size):
            query = (
                f"UNWIND $rows AS row MATCH (a:{source_label} {{id: row.source}}) "
                f"MATCH (b:{target_label} {{id: row.target}}) MERGE (a)-[r:{rel_type}]->(b) "
                "SET r.weight = row.weight, r.evidence = row.evidence, r.sentences = row.sentences, "
                f"r.articles = row.articles{stance}"
            )
            yield query, rows[i : i + batch_size]


def push(
    store: Store,
    driver: neo4j.Driver,
    *,
    database: str | None = None,
    batch_size: int = 1000,
    on_batch: Callable[[int, int], None] | None = None,
) -> PushReport:
    """Schema first, then nodes, then relationships, each batch in its own managed transaction."""
    report = PushReport(schema_warnings=ensure_schema(driver, database))
    data = graph_dict(store)
    batches = [("node", q, rows) for q, rows in node_batches(data, batch_size)]
    batches += [("rel", q, rows) for q, rows in relationship_batches(data, batch_size)]
    for kind, query, rows in batches:
        driver.execute_query(query, rows=rows, database_=database)
        report.batches += 1
        if kind == "node":
            report.nodes += len(rows)
        else:
            report.relationships += len(rows)
        if on_batch:
            on_batch(len(rows), len(batches))
    return report


def run_named(driver: neo4j.Driver, name: str, params: dict, database: str | None = None) -> list[dict]:
    records, _, _ = driver.execute_query(cypher_text(name), params, database_=database)
    return [dict(r) for r in records]


def count_graph(driver: neo4j.Driver, database: str | None = None) -> dict[str, int]:
    nodes, _, _ = driver.execute_query("MATCH (n) RETURN count(n) AS c", database_=database)
    rels, _, _ = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS c", database_=database)
    return {"nodes": nodes[0]["c"], "relationships": rels[0]["c"]}


__all__ = [
    "Neo4jConnectionError",
    "Neo4jError",
    "PushReport",
    "connect",
    "count_graph",
    "ensure_schema",
    "push",
    "run_named",
]
