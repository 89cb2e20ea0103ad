"""Integration with a real Bolt server (started and stopped by these tests)."""

from __future__ import annotations

import logging

import pytest
from actorgraph.graph.cypher_export import cypher_script
from actorgraph.graph.exports import graph_dict
from actorgraph.graph.model import (
    Document,
    EdgeRecord,
    EdgeType,
    EntityRecord,
    Evidence,
    ExtractionResult,
    NodeLabel,
)
from actorgraph.graph.named_queries import NAMED_QUERIES, run_embedded
from actorgraph.graph.neo4j_server import Neo4jConnectionError, connect, count_graph, push, run_named
from actorgraph.graph.store import Store
from typer.testing import CliRunner

from actorgraph.cli import app
from tests.bolt_server import bolt_server


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with bolt_server(tmp_path_factory.mktemp("bolt")) as s:
        yield s


@pytest.fixture
def driver(server):
    d = connect(server.uri, server.user, server.password)
    d.execute_query("MATCH (n) DETACH DELETE n", database_=server.database)
    yield d
    d.close()


def _fingerprint(driver, database):
    records, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS s, type(r) AS t, b.id AS o, r.weight AS w ORDER BY s, t, o",
        database_=database,
    )
    return [tuple(r.values()) for r in records]


def test_push_creates_the_whole_graph_and_is_idempotent(seed_store, driver, server):
    data = graph_dict(seed_store)
    report = push(seed_store, driver, database=server.database, batch_size=50)
    assert report.nodes == len(data["nodes"]) and report.relationships == len(data["edges"])
    counts = count_graph(driver, server.database)
    assert counts == {"nodes": len(data["nodes"]), "relationships": len(data["edges"])}
    before = _fingerprint(driver, server.database)
    push(seed_store, driver, database=server.database, batch_size=7)
    assert count_graph(driver, server.database) == counts
    assert _fingerprint(driver, server.database) == before
    records, _, _ = driver.execute_query(
        "MATCH (:Country {name: 'Russia'})-[r:IMPRISONED]->(p:Person) RETURN p.name AS name, r.sentences AS s",
        database_=server.database,
    )
    assert records and records[0]["name"] == "Alexei Navalny" and "Navalny" in records[0]["s"][0]


def test_an_interrupted_push_can_be_rerun(seed_store, driver, server):
    class Interrupt(Exception):
        pass

    def stop_after_three(rows, total):
        stop_after_three.calls += 1
        if stop_after_three.calls == 3:
            raise Interrupt

    stop_after_three.calls = 0
    with pytest.raises(Interrupt):
        push(seed_store, driver, database=server.database, batch_size=10, on_batch=stop_after_three)
    partial = count_graph(driver, server.database)
    push(seed_store, driver, database=server.database, batch_size=10)
    full = count_graph(driver, server.database)
    assert partial["nodes"] < full["nodes"]
    data = graph_dict(seed_store)
    assert full == {"nodes": len(data["nodes"]), "relationships": len(data["edges"])}


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("who", {"issue": "election interference"}),
        ("who", {"issue": "Cyberattacks"}),
        ("profile", {"actor": "putin"}),
        ("profile", {"actor": "kremlin"}),
        ("ties", {"a": "Joe Biden", "b": "Vladimir Putin"}),
        ("matrix", {}),
        ("central", {"limit": 5}),
    ],
)
def test_named_queries_give_the_same_rows_on_both_stores(seed_store, driver, server, name, params):
    push(seed_store, driver, database=server.database)
    embedded = run_embedded(seed_store, name, params)
    remote = run_named(driver, name, params, server.database)
    assert embedded, f"{name} found nothing on the embedded store"
    assert remote == embedded


def test_every_named_query_has_a_cypher_file():
    from actorgraph.graph.named_queries import cypher_text

    for name in NAMED_QUERIES:
        assert "MATCH" in cypher_text(name)


def test_hostile_names_are_data_not_cypher(tmp_path, driver, server):
    hostile = "Evil` }) DETACH DELETE n // <script>alert('x')</script> {\"q\": 1}"
    doc = Document("h1", "t", "2022-01-01", "h.txt", "x")
    people = [
        EntityRecord("person:hostile", NodeLabel.PERSON, hostile, {hostile, 'O\'Brien \\ "Q"'}, 1),
        EntityRecord("person:plain", NodeLabel.PERSON, "Plain Name", {"Plain"}, 1),
    ]
    edge = EdgeRecord(
        "person:hostile", "person:plain", EdgeType.MET, Evidence("h1", hostile, 0, 5, "2022-01-01")
    )
    with Store.open(tmp_path / "h.db") as store:
        store.add(ExtractionResult(doc, people, [], [edge]))
        push(store, driver, database=server.database)
        records, _, _ = driver.execute_query(
            "MATCH (n:Person {id: 'person:hostile'}) RETURN n.name AS name, n.aliases AS aliases",
            database_=server.database,
        )
        assert records[0]["name"] == hostile
        assert set(records[0]["aliases"]) == {hostile, 'O\'Brien \\ "Q"'}
        # the exported script rebuilds the same graph
        driver.execute_query("MATCH (n) DETACH DELETE n", database_=server.database)
        for statement in "".join(cypher_script(store)).split(";\n"):
            if statement.strip() and not statement.startswith("//"):
                driver.execute_query(statement, database_=server.database)
        again, _, _ = driver.execute_query(
            "MATCH (n:Person {id: 'person:hostile'})-[r:MET]->() RETURN n.name AS name, r.sentences AS s",
            database_=server.database,
        )
        assert again[0]["name"] == hostile and again[0]["s"] == [hostile]


def test_cypher_script_rebuilds_the_seed_graph(seed_store, driver, server):
    for statement in "".join(cypher_script(seed_store, batch_size=40)).split(";\n"):
        if statement.strip() and not statement.lstrip().startswith("//"):
            driver.execute_query(statement, database_=server.database)
    data = graph_dict(seed_store)
    assert count_graph(driver, server.database) == {
        "nodes": len(data["nodes"]),
        "relationships": len(data["edges"]),
    }


def test_wrong_password_and_unreachable_server_give_clear_errors(server, caplog):
    caplog.set_level(logging.DEBUG)  # the driver's own debug log must not leak the password either
    with pytest.raises(Neo4jConnectionError) as wrong:
        connect(server.uri, server.user, "not-the-password-xyz")
    assert "authentication failed" in str(wrong.value) and "not-the-password-xyz" not in str(wrong.value)
    with pytest.raises(Neo4jConnectionError, match="cannot reach"):
        connect("bolt://127.0.0.1:1", "neo4j", "secret-abc")
    good = connect(server.uri, server.user, server.password)
    good.close()
    assert "LOGON" in caplog.text or "HELLO" in caplog.text  # the handshake was logged…
    for secret in ("not-the-password-xyz", "secret-abc", server.password):
        assert secret not in caplog.text  # …without any password


def test_cli_push_and_query_use_the_environment(seed_store, driver, server, monkeypatch):
    monkeypatch.setenv("NEO4J_URI", server.uri)
    monkeypatch.setenv("NEO4J_USER", server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", server.password)
    runner = CliRunner()
    result = runner.invoke(app, ["push", "--store", str(seed_store.path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert server.password not in result.output
    result = runner.invoke(
        app, ["query", "who", "issue=arms control", "--neo4j", "--store", str(seed_store.path), "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    assert "AGREED_ON" in result.output
    bad = runner.invoke(app, ["push", "--store", str(seed_store.path), "--password", "wrong-pass-123"])
    assert bad.exit_code == 1 and "authentication failed" in bad.output and "wrong-pass-123" not in bad.output
