"""Property-based tests: hostile and random text through loaders, the store and every export."""

from __future__ import annotations

import csv
import io
import json
import re
import tempfile
from pathlib import Path

import networkx as nx
from actorgraph.graph import exports
from actorgraph.graph.cypher_export import cypher_literal, cypher_script
from actorgraph.graph.html_view import write_view
from actorgraph.graph.json_import import read_graph_json
from actorgraph.graph.model import (
    Document,
    EdgeRecord,
    EdgeType,
    EntityRecord,
    Evidence,
    ExtractionResult,
    IssueRecord,
    NodeLabel,
    node_id,
)
from actorgraph.graph.store import Store
from actorgraph.loaders.documents import make_document
from actorgraph.loaders.sources import SourceError, read_sources
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

HOSTILE_PIECES = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "`",
    "'",
    '"',
    "{",
    "}",
    "\\",
    "]]>",
    "--",
    "//",
    "MATCH (n) DETACH DELETE n",
    "&amp;",
    "\u202e",
    "😀",
    "|",
    ",",
    "\n",
]
# What extraction can produce: any text but control characters (the loader strips those).
safe_chars = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff")
text_piece = st.one_of(st.sampled_from(HOSTILE_PIECES), st.text(safe_chars, min_size=1, max_size=8))
hostile_text = st.lists(text_piece, min_size=1, max_size=6).map("".join).filter(lambda s: s.strip() != "")
NO_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def extraction(draw) -> ExtractionResult:
    names = draw(st.lists(hostile_text, min_size=2, max_size=4, unique_by=lambda s: s.strip().lower()))
    labels = [draw(st.sampled_from([NodeLabel.PERSON, NodeLabel.COUNTRY, NodeLabel.GROUP])) for _ in names]
    entities = [
        EntityRecord(
            node_id(label, f"{name}-{i}"), label, name, {name, draw(hostile_text)}, draw(st.integers(1, 5))
        )
        for i, (name, label) in enumerate(zip(names, labels, strict=True))
    ]
    issue_name = draw(hostile_text)
    issue = IssueRecord(node_id(NodeLabel.ISSUE, issue_name), issue_name, draw(hostile_text))
    title = draw(hostile_text)
    date = draw(st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())))
    doc = Document(
        draw(st.text("0123456789abcdef", min_size=16, max_size=16)), title, date, draw(hostile_text), "x"
    )
    edges = []
    for k in range(draw(st.integers(1, 4))):
        source = entities[k % len(entities)]
        target = draw(st.sampled_from([*entities, issue]))
        if target.key == source.key:
            continue
        edge_type = (
            EdgeType.RAISED if target is issue else draw(st.sampled_from([EdgeType.MET, EdgeType.WARNED]))
        )
        edges.append(
            EdgeRecord(
                source.key, target.key, edge_type, Evidence(doc.id, draw(hostile_text), k, k + 5, date)
            )
        )
    return ExtractionResult(doc, entities, [issue], edges)


def _store_with(results: list[ExtractionResult], folder: Path) -> Store:
    store = Store.open(folder / "g.db")
    for result in results:
        store.add(result)
    return store


@SETTINGS
@given(st.lists(extraction(), min_size=1, max_size=3))
def test_json_store_json_round_trip_loses_nothing(results):
    with tempfile.TemporaryDirectory() as tmp:
        with _store_with(results, Path(tmp)) as store:
            first = exports.to_json(store)
        with Store.open(Path(tmp) / "copy.db") as copy:
            copy.restore(read_graph_json(first))
            assert exports.to_json(copy) == first


@SETTINGS
@given(st.lists(extraction(), min_size=1, max_size=2))
def test_every_export_carries_hostile_names_unchanged(results):
    with tempfile.TemporaryDirectory() as tmp, _store_with(results, Path(tmp)) as store:
        nodes = {n.id: n for n in store.nodes()}
        edges = {(e.source, e.target, e.type): e.weight for e in store.edges()}

        readers = (
            (nx.read_graphml, exports.to_graphml(store), "type"),
            (nx.read_gexf, exports.to_gexf(store), "relation"),
        )
        for reader, text, relation in readers:
            graph = reader(io.BytesIO(text.encode("utf-8")))
            for nid, node in nodes.items():
                assert graph.nodes[nid]["name"] == node.name
                assert graph.nodes[nid]["aliases"] == " | ".join(node.aliases)
            typed = [(u, v, d) for u, v, d in graph.edges(data=True) if d[relation] != "MENTIONED_IN"]
            assert len(typed) == len(edges)
            for u, v, data in typed:
                assert edges[(u, v, data[relation])] == int(data["weight"])
                assert all(ev["sentence"] for ev in json.loads(data["evidence"]))

        tables = dict(exports.csv_tables(store))
        rows = {r["id"]: r for r in csv.DictReader(io.StringIO(tables["nodes.csv"]))}
        assert all(rows[nid]["name"] == node.name for nid, node in nodes.items())

        script = "".join(cypher_script(store))
        for node in nodes.values():
            assert cypher_literal(node.name) in script
        assert "DETACH DELETE" not in script.replace(cypher_literal("MATCH (n) DETACH DELETE n")[1:-1], "")

        page = Path(tmp) / "v.html"
        write_view(store, page)
        html = page.read_text("utf-8")
        block = html.split('<script id="graph-data" type="application/json">', 1)[1].split("</script>", 1)[0]
        assert "<" not in block and ">" not in block
        drawn = {n["id"]: n["label"] for n in json.loads(block)["nodes"]}
        assert all(drawn[nid] == nodes[nid].name for nid in drawn)


@SETTINGS
@given(st.text(max_size=300))
def test_documents_never_carry_control_characters(text):
    if not text.strip():
        return
    doc = make_document(text, source="s")
    assert not NO_CONTROL.search(doc.text) and not NO_CONTROL.search(doc.title)
    assert len(doc.title) <= 300 and len(doc.id) == 16
    assert make_document(doc.text, source="s").id == doc.id


@SETTINGS
@given(st.binary(max_size=2000), st.sampled_from([".txt", ".md", ".html", ".jsonl"]))
def test_any_bytes_give_documents_or_clear_errors(raw, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"f{suffix}"
        path.write_bytes(raw)
        for item in read_sources([str(path)]):
            if isinstance(item, SourceError):
                assert item.source.startswith(str(path)) and item.reason and "\n" not in item.reason
            else:
                assert item.text.strip() and not NO_CONTROL.search(item.text)
