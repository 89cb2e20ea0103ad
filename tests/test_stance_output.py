"""Stance on actor → issue edges: derived from the type, exported everywhere, shown by the queries.

The store is built from hand-written records (no NLP), so these tests are fast and exact.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from importlib import resources

import networkx as nx
import pytest
from actorgraph.graph import exports, named_queries, queries
from actorgraph.graph.cypher_export import cypher_script, neo4j_admin_csv
from actorgraph.graph.html_view import FAMILY_COLOUR, build_network
from actorgraph.graph.json_import import GraphFormatError, parse_graph
from actorgraph.graph.model import (
    EDGE_FAMILY,
    Document,
    EdgeRecord,
    EdgeType,
    EntityRecord,
    Evidence,
    ExtractionResult,
    IssueRecord,
    NodeLabel,
    edge_family,
    stance,
)
from actorgraph.graph.neo4j_server import relationship_batches
from actorgraph.graph.networkx_graph import to_networkx
from actorgraph.graph.stance import edge_stance, position, signed, tally
from actorgraph.graph.store import Store
from typer.testing import CliRunner

from actorgraph.cli import app

runner = CliRunner()

SANCTIONS = "issue:sanctions"
CLIMATE = "issue:climate-change"
ATLANTIS, BOREALIA, UNION, QUELL = (
    "country:atlantis",
    "country:borealia",
    "organization:oceanic-union",
    "person:mara-quell",
)

#: (source, type, target, sentence) per article; one evidence sentence per record.
ARTICLES = {
    "a1": (
        "2024-03-01",
        [
            (ATLANTIS, EdgeType.IMPOSED, SANCTIONS, "Atlantis imposed sanctions on Borealian banks."),
            (ATLANTIS, EdgeType.SANCTIONED, BOREALIA, "Atlantis imposed sanctions on Borealian banks."),
            (UNION, EdgeType.SUPPORTED, SANCTIONS, "The Oceanic Union backed the sanctions."),
            (QUELL, EdgeType.CRITICIZED, SANCTIONS, "Mara Quell condemned the sanctions as cruel."),
            (BOREALIA, EdgeType.REJECTED, SANCTIONS, "Borealia rejected the sanctions outright."),
            (QUELL, EdgeType.RAISED, CLIMATE, "Quell also spoke about climate change."),
        ],
    ),
    "a2": (
        "2024-03-05",
        [
            (ATLANTIS, EdgeType.IMPOSED, SANCTIONS, "Atlantis widened its sanctions."),
            (UNION, EdgeType.CRITICIZED, SANCTIONS, "The Union later criticised the sanctions' reach."),
            (QUELL, EdgeType.SUPPORTED, CLIMATE, "Quell backed action on climate change."),
            (QUELL, EdgeType.MET, ATLANTIS, "Quell met Atlantis's envoy."),
        ],
    ),
}
ENTITIES = [
    (ATLANTIS, NodeLabel.COUNTRY, "Atlantis", {"Atlantis"}),
    (BOREALIA, NodeLabel.COUNTRY, "Borealia", {"Borealia"}),
    (UNION, NodeLabel.ORGANIZATION, "Oceanic Union", {"Oceanic Union", "the Union"}),
    (QUELL, NodeLabel.PERSON, "Mara Quell", {"Mara Quell", "Quell"}),
]


def _result(article: str) -> ExtractionResult:
    date, edges = ARTICLES[article]
    text = " ".join(sentence for *_, sentence in edges)
    records = []
    for source, edge_type, target, sentence in edges:
        start = text.index(sentence)
        records.append(
            EdgeRecord(
                source, target, edge_type, Evidence(article, sentence, start, start + len(sentence), date)
            )
        )
    return ExtractionResult(
        Document(article, f"Story {article}", date, f"{article}.txt", text),
        [EntityRecord(key, label, name, set(aliases), 1) for key, label, name, aliases in ENTITIES],
        [
            IssueRecord(SANCTIONS, "sanctions", "International Affairs"),
            IssueRecord(CLIMATE, "climate change", "Environment"),
        ],
        records,
    )


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "stance.db") as s:
        s.add_many([_result("a1"), _result("a2")])
        yield s


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def _edge(data: dict, source: str, edge_type: str, target: str) -> dict:
    return next(
        e for e in data["edges"] if (e["source"], e["type"], e["target"]) == (source, edge_type, target)
    )


# ----- the derivation ---------------------------------------------------------------------------


def test_stance_is_derived_from_the_type_for_edges_to_issues_only():
    assert [edge_stance(t, "Issue") for t in ("SUPPORTED", "AGREED_ON", "IMPOSED")] == [1, 1, 1]
    assert [edge_stance(t, "Issue") for t in ("CRITICIZED", "REJECTED", "ACCUSED")] == [-1, -1, -1]
    for t in ("RAISED", "DENIED", "INVOLVED_IN", "AFFECTED_BY", "MEDIATED", "ASSOCIATED_WITH"):
        assert edge_stance(t, "Issue") == 0
    assert edge_stance("CRITICIZED", "Person") is None and edge_stance("MENTIONED_IN", "Article") is None
    assert [position(v) for v in (3, -1, 0)] == ["for", "against", "neutral"]
    assert [signed(v) for v in (3, -1, 0)] == ["+3", "-1", "0"]
    assert tally([(1, 2), (-1, 1), (0, 4)]) == {
        "net": 1,
        "for": 2,
        "against": 1,
        "neutral": 4,
        "evidence": 7,
    }


# ----- exports ----------------------------------------------------------------------------------


def test_json_export_gives_edges_to_issues_their_stance(store):
    data = json.loads(exports.to_json(store))
    assert _edge(data, ATLANTIS, "IMPOSED", SANCTIONS)["stance"] == 1
    assert _edge(data, ATLANTIS, "IMPOSED", SANCTIONS)["weight"] == 2
    assert _edge(data, UNION, "SUPPORTED", SANCTIONS)["stance"] == 1
    assert _edge(data, QUELL, "CRITICIZED", SANCTIONS)["stance"] == -1
    assert _edge(data, BOREALIA, "REJECTED", SANCTIONS)["stance"] == -1
    assert _edge(data, QUELL, "RAISED", CLIMATE)["stance"] == 0
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    for edge in data["edges"]:
        if labels[edge["target"]] == "Issue":
            assert edge["stance"] == stance(edge["type"])
        else:  # actor -> actor and MENTIONED_IN: the contract as it was
            assert "stance" not in edge
    assert list(_edge(data, QUELL, "CRITICIZED", SANCTIONS)) == [
        "source",
        "target",
        "type",
        "weight",
        "stance",
        "evidence",
    ]


def test_graphml_and_gexf_carry_stance_as_an_integer(store, tmp_path):
    (tmp_path / "g.graphml").write_text(exports.to_graphml(store), encoding="utf-8")
    graph = nx.read_graphml(tmp_path / "g.graphml")
    assert graph.edges[QUELL, SANCTIONS, "CRITICIZED"]["stance"] == -1
    assert graph.edges[ATLANTIS, SANCTIONS, "IMPOSED"]["stance"] == 1
    assert graph.edges[QUELL, CLIMATE, "RAISED"]["stance"] == 0
    assert "stance" not in graph.edges[ATLANTIS, BOREALIA, "SANCTIONED"]
    root = ET.fromstring(exports.to_graphml(store))
    keys = [k for k in root if k.tag.endswith("key") and k.get("attr.name") == "stance"]
    assert [(k.get("for"), k.get("attr.type")) for k in keys] == [
        ("edge", "long")
    ]  # networkx writes Python ints as long, as it does weight

    (tmp_path / "g.gexf").write_text(exports.to_gexf(store), encoding="utf-8")
    gexf = nx.read_gexf(tmp_path / "g.gexf")
    by_relation = {(u, d["relation"], v): d for u, v, d in gexf.edges(data=True)}
    assert by_relation[(BOREALIA, "REJECTED", SANCTIONS)]["stance"] == -1
    assert by_relation[(UNION, "SUPPORTED", SANCTIONS)]["stance"] == 1
    assert "stance" not in by_relation[(QUELL, "MET", ATLANTIS)]


def test_csv_and_neo4j_csv_have_a_stance_column(store, tmp_path):
    tables = dict(exports.csv_tables(store))
    rows = list(csv.DictReader(io.StringIO(tables["edges.csv"])))
    assert list(rows[0]) == [
        "source",
        "target",
        "type",
        "weight",
        "stance",
        "evidence_count",
        "evidence_json",
    ]
    got = {(r["source"], r["type"], r["target"]): r["stance"] for r in rows}
    assert got[(ATLANTIS, "IMPOSED", SANCTIONS)] == "1"
    assert got[(QUELL, "CRITICIZED", SANCTIONS)] == "-1"
    assert got[(QUELL, "RAISED", CLIMATE)] == "0"
    assert got[(ATLANTIS, "SANCTIONED", BOREALIA)] == ""

    rels = list(csv.reader(io.StringIO(dict(neo4j_admin_csv(store))["relationships.csv"])))
    assert rels[0] == [":START_ID", ":END_ID", ":TYPE", "weight:int", "stance:int", "evidence"]
    neo = {(r[0], r[2], r[1]): r[4] for r in rels[1:]}
    assert neo[(BOREALIA, "REJECTED", SANCTIONS)] == "-1"
    assert neo[(UNION, "SUPPORTED", SANCTIONS)] == "1"
    assert neo[(QUELL, "MET", ATLANTIS)] == ""

    out = _run("export", "--format", "csv", "--out", str(tmp_path / "csv"), "--store", str(store.path))
    assert out == ""
    assert "stance" in (tmp_path / "csv" / "edges.csv").read_text().splitlines()[0]


def test_push_batches_and_cypher_script_set_stance_on_issue_relationships_only(store):
    data = exports.graph_dict(store)
    batches = list(relationship_batches(data, 100))
    for query, rows in batches:
        to_issue = "(b:Issue " in query
        assert ("r.stance = row.stance" in query) == to_issue
        assert all(("stance" in row) == to_issue for row in rows)
    imposed = next(rows for query, rows in batches if "[r:IMPOSED]" in query)
    assert imposed == [{**imposed[0], "source": ATLANTIS, "target": SANCTIONS, "stance": 1, "weight": 2}]
    script = "".join(cypher_script(store))
    assert "r.stance = row.stance" in script
    assert re.search(r"`target`: \"issue:sanctions\", `weight`: 1, [^\n]*`stance`: -1", script)


def test_networkx_graph_carries_stance(store):
    graph = to_networkx(store)
    assert graph.edges[UNION, SANCTIONS, "CRITICIZED"]["stance"] == -1
    assert "stance" not in graph.edges[QUELL, ATLANTIS, "MET"]


# ----- import -----------------------------------------------------------------------------------


def test_json_round_trip_through_import_with_and_without_stance(store, tmp_path):
    exported = exports.to_json(store)
    (tmp_path / "g.json").write_text(exported, encoding="utf-8")
    _run("import", str(tmp_path / "g.json"), "--store", str(tmp_path / "copy.db"))
    assert _run("export", "--format", "json", "--store", str(tmp_path / "copy.db")) == exported + "\n"

    # a file written before stance existed imports too, and comes back with it
    old = json.loads(exported)
    for edge in old["edges"]:
        edge.pop("stance", None)
    (tmp_path / "old.json").write_text(json.dumps(old), encoding="utf-8")
    _run("import", str(tmp_path / "old.json"), "--store", str(tmp_path / "old.db"))
    assert _run("export", "--format", "json", "--store", str(tmp_path / "old.db")) == exported + "\n"


def test_a_stance_that_contradicts_the_type_is_refused(store, tmp_path):
    data = json.loads(exports.to_json(store))
    index = data["edges"].index(_edge(data, QUELL, "CRITICIZED", SANCTIONS))
    data["edges"][index]["stance"] = 1
    (tmp_path / "bad.json").write_text(json.dumps(data), encoding="utf-8")
    result = runner.invoke(app, ["import", str(tmp_path / "bad.json"), "--store", str(tmp_path / "bad.db")])
    assert result.exit_code == 1
    assert (
        f"edges[{index}].stance: +1 contradicts the type CRITICIZED, whose stance is -1"
        in result.output.replace("\n", "")
    )
    assert not (tmp_path / "bad.db").exists()  # refused whole, nothing written


@pytest.mark.parametrize(
    ("edge", "value", "message"),
    [
        ((ATLANTIS, "IMPOSED", SANCTIONS), -1, "-1 contradicts the type IMPOSED, whose stance is +1"),
        ((QUELL, "RAISED", CLIMATE), 1, "+1 contradicts the type RAISED, whose stance is 0"),
        ((BOREALIA, "REJECTED", SANCTIONS), 0, "0 contradicts the type REJECTED, whose stance is -1"),
        ((UNION, "SUPPORTED", SANCTIONS), 2, "expected -1, 0 or 1, got 2"),
        ((UNION, "SUPPORTED", SANCTIONS), True, "expected -1, 0 or 1, got True"),
        ((UNION, "SUPPORTED", SANCTIONS), "+1", "expected -1, 0 or 1, got '+1'"),
        ((UNION, "SUPPORTED", SANCTIONS), None, "expected -1, 0 or 1, got None"),
        ((ATLANTIS, "SANCTIONED", BOREALIA), -1, "only edges to an Issue have a stance"),
    ],
)
def test_bad_stances_are_refused_with_their_place(store, edge, value, message):
    data = json.loads(exports.to_json(store))
    target = _edge(data, *edge)
    target["stance"] = value
    with pytest.raises(
        GraphFormatError, match=rf"edges\[{data['edges'].index(target)}\]\.stance: .*"
    ) as info:
        parse_graph(data)
    assert message in str(info.value)


def test_a_null_stance_on_an_actor_edge_is_accepted(store):
    data = json.loads(exports.to_json(store))
    _edge(data, ATLANTIS, "SANCTIONED", BOREALIA)["stance"] = None
    assert parse_graph(data).edges


# ----- queries: who, profile, matrix ------------------------------------------------------------


def test_who_rows_carry_stance_and_positions_count_actors_and_sentences(store):
    rows = queries.who(store, "sanctions")
    got = {(r["actor"], r["type"]): (r["stance"], r["position"], r["weight"]) for r in rows}
    assert got == {
        ("Atlantis", "IMPOSED"): (1, "for", 2),
        ("Oceanic Union", "SUPPORTED"): (1, "for", 1),
        ("Oceanic Union", "CRITICIZED"): (-1, "against", 1),
        ("Mara Quell", "CRITICIZED"): (-1, "against", 1),
        ("Borealia", "REJECTED"): (-1, "against", 1),
    }
    assert queries.positions(store, "sanctions") == {
        "for": {"actors": 2, "evidence": 3},
        "against": {"actors": 3, "evidence": 3},
        "neutral": {"actors": 0, "evidence": 0},
    }
    # the counts cover the whole issue, whatever --limit shows
    assert len(queries.who(store, "sanctions", limit=1)) == 1


def test_who_cli_groups_for_against_neutral_in_every_format(store):
    rows = json.loads(_run("who", "sanctions", "--store", str(store.path), "-f", "json"))
    assert [r["position"] for r in rows] == ["for", "for", "against", "against", "against"]
    assert rows[0]["actor"] == "Atlantis" and rows[0]["stance"] == 1 and rows[0]["weight"] == 2

    table = list(
        csv.DictReader(io.StringIO(_run("who", "sanctions", "--store", str(store.path), "-f", "csv")))
    )
    assert list(table[0])[:6] == ["position", "actor", "label", "type", "stance", "weight"]
    assert [(r["position"], r["actor"], r["stance"]) for r in table][:3] == [
        ("for", "Atlantis", "1"),
        ("for", "Oceanic Union", "1"),
        ("against", "Borealia", "-1"),
    ]

    text = _run("who", "sanctions", "--store", str(store.path))
    caption = " ".join(text.split())  # the caption wraps at the terminal's width
    assert (
        "for: 2 actors, 3 sentences · against: 3 actors, 3 sentences · neutral: 0 actors, 0 sentences"
        in caption
    )
    assert re.search(r"for\s+│\s+Atlantis\s+│\s+Country\s+│\s+IMPOSED\s+│\s+\+1\s+│\s+2", text)
    assert re.search(r"against\s+│\s+Borealia\s+│.*REJECTED\s+│\s+-1", text)

    climate = json.loads(_run("who", "climate change", "--store", str(store.path), "-f", "json"))
    assert [(r["position"], r["type"]) for r in climate] == [("for", "SUPPORTED"), ("neutral", "RAISED")]


def test_profile_shows_each_issue_with_its_stance(store):
    data = queries.profile(store, "quell")
    issue_rows = {(r["issue"], r["type"]): (r["stance"], r["position"]) for r in data["issues"]}
    assert issue_rows == {
        ("sanctions", "CRITICIZED"): (-1, "against"),
        ("climate change", "SUPPORTED"): (1, "for"),
        ("climate change", "RAISED"): (0, "neutral"),
    }
    assert {r["issue"]: r for r in data["stances"]} == {
        "sanctions": {"issue": "sanctions", "net": -1, "for": 0, "against": 1, "neutral": 0, "evidence": 1},
        "climate change": {
            "issue": "climate change",
            "net": 1,
            "for": 1,
            "against": 0,
            "neutral": 1,
            "evidence": 2,
        },
    }
    assert all("stance" not in t for t in data["ties"])

    as_json = json.loads(_run("profile", "Mara Quell", "--store", str(store.path), "-f", "json"))
    assert as_json["stances"] == data["stances"] and as_json["issues"][0]["stance"] in (-1, 0, 1)
    rows = list(
        csv.DictReader(io.StringIO(_run("profile", "quell", "--store", str(store.path), "-f", "csv")))
    )
    stances = {(r["other"], r["type"]): r["stance"] for r in rows}
    assert stances[("sanctions", "CRITICIZED")] == "-1" and stances[("Atlantis", "MET")] == ""
    text = _run("profile", "quell", "--store", str(store.path))
    assert re.search(r"issue\s+│\s+sanctions\s+│\s+out\s+│\s+CRITICIZED\s+│\s+-1\s+│\s+1", text)
    assert re.search(r"climate change\s+│\s+\+1\s+│\s+1\s+│\s+0\s+│\s+1\s+│\s+2", text)  # the position table


def test_matrix_cells_give_the_net_position_with_evidence_counts(store):
    data = queries.matrix(store)
    rows = {r["actor"]: r for r in data["rows"]}
    assert rows["Atlantis"]["cells"]["sanctions"] == 2 and rows["Atlantis"]["net"]["sanctions"] == 2
    assert rows["Oceanic Union"]["net"]["sanctions"] == 0  # one sentence for, one against
    assert rows["Oceanic Union"]["positions"]["sanctions"] == {
        "net": 0,
        "for": 1,
        "against": 1,
        "neutral": 0,
        "evidence": 2,
    }
    assert rows["Mara Quell"]["net"] == {"sanctions": -1, "climate change": 1}
    assert rows["Borealia"]["cells"]["climate change"] == 0

    text = _run("matrix", "--store", str(store.path))
    assert re.search(r"Atlantis\s+│\s+\+2 \(2\)", text)
    assert re.search(r"Mara Quell\s+│\s+-1 \(1\)\s+│\s+\+1 \(2\)", text)
    assert re.search(r"Oceanic Union\s+│\s+0 \(2\)\s+│\s+│", text)  # empty: no tie to climate change

    table = list(csv.DictReader(io.StringIO(_run("matrix", "--store", str(store.path), "-f", "csv"))))
    assert list(table[0]) == ["actor", "sanctions", "sanctions net", "climate change", "climate change net"]
    quell = next(r for r in table if r["actor"] == "Mara Quell")
    assert (quell["sanctions"], quell["sanctions net"], quell["climate change net"]) == ("1", "-1", "1")
    as_json = json.loads(_run("matrix", "--store", str(store.path), "-f", "json"))
    assert as_json == data


def test_named_queries_return_the_stance(store):
    who = named_queries.run_embedded(store, "who", {"issue": "Sanctions"})
    assert {(r["actor"], r["type"], r["stance"]) for r in who} >= {
        ("Atlantis", "IMPOSED", 1),
        ("Borealia", "REJECTED", -1),
    }
    profile = named_queries.run_embedded(store, "profile", {"actor": "quell"})
    got = {(r["other"], r["type"], r["direction"]): r["stance"] for r in profile}
    assert got[("sanctions", "CRITICIZED", "out")] == -1 and got[("climate change", "RAISED", "out")] == 0
    assert got[("Atlantis", "MET", "out")] is None
    matrix = named_queries.run_embedded(store, "matrix", {})
    assert {"actor": "Oceanic Union", "issue": "sanctions", "weight": 2, "net": 0} in matrix
    assert {"actor": "Atlantis", "issue": "sanctions", "weight": 2, "net": 2} in matrix
    for name in ("who", "profile", "matrix"):
        assert "stance" in named_queries.cypher_text(name)


# ----- every type everywhere --------------------------------------------------------------------


def test_style_grass_colours_every_relationship_type():
    grass = (resources.files("actorgraph.cypher") / "style.grass").read_text(encoding="utf-8")
    styled = set(re.findall(r"^relationship\.([A-Z_]+) \{", grass, re.M))
    assert styled == {t.value for t in EdgeType}


def test_view_colours_every_type_by_a_family_in_its_legend(store):
    assert set(EDGE_FAMILY.values()) | {"neutral"} == set(FAMILY_COLOUR)
    for edge_type in EdgeType:
        assert edge_family(edge_type) in FAMILY_COLOUR
    net = build_network(to_networkx(store, with_evidence=True), {})
    colours = {e["type"]: e["color"] for e in net.edges}
    assert (
        colours["IMPOSED"] == FAMILY_COLOUR["hostile"]
        and colours["SUPPORTED"] == FAMILY_COLOUR["cooperative"]
    )
    assert colours["RAISED"] == FAMILY_COLOUR["neutral"]
    stances = {(e["from"], e["type"], e["to"]): e["stance"] for e in net.edges}
    assert stances[(BOREALIA, "REJECTED", SANCTIONS)] == "against (-1)"
    assert stances[(ATLANTIS, "IMPOSED", SANCTIONS)] == "for (+1)"
    assert stances[(QUELL, "RAISED", CLIMATE)] == "neutral (0)"
    assert stances[(QUELL, "MET", ATLANTIS)] == ""


# ----- Neo4j ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bolt(tmp_path_factory):
    pytest.importorskip("neo4j")
    from tests.bolt_server import bolt_server

    try:
        with bolt_server(tmp_path_factory.mktemp("bolt")) as server:
            yield server
    except RuntimeError as exc:  # no ArcadeDB wheel here: the rest of the file still runs
        pytest.skip(str(exc))


def test_push_sets_stance_and_named_queries_agree_with_the_embedded_store(store, bolt):
    from actorgraph.graph.neo4j_server import connect, push, run_named

    driver = connect(bolt.uri, bolt.user, bolt.password)
    try:
        driver.execute_query("MATCH (n) DETACH DELETE n", database_=bolt.database)
        push(store, driver, database=bolt.database)
        records, _, _ = driver.execute_query(
            "MATCH (a)-[r]->(b) WHERE type(r) <> 'MENTIONED_IN' "
            "RETURN a.id AS s, type(r) AS t, b.id AS o, r.stance AS stance",
            database_=bolt.database,
        )
        pushed = {(r["s"], r["t"], r["o"]): r["stance"] for r in records}
        assert pushed[(ATLANTIS, "IMPOSED", SANCTIONS)] == 1
        assert pushed[(QUELL, "CRITICIZED", SANCTIONS)] == -1
        assert pushed[(QUELL, "RAISED", CLIMATE)] == 0
        assert pushed[(ATLANTIS, "SANCTIONED", BOREALIA)] is None
        push(store, driver, database=bolt.database)  # idempotent, stance included
        again, _, _ = driver.execute_query(
            "MATCH (a)-[r]->(b) WHERE type(r) <> 'MENTIONED_IN' "
            "RETURN a.id AS s, type(r) AS t, b.id AS o, r.stance AS stance",
            database_=bolt.database,
        )
        assert {(r["s"], r["t"], r["o"]): r["stance"] for r in again} == pushed
        for name, params in (
            ("who", {"issue": "sanctions"}),
            ("profile", {"actor": "Quell"}),
            ("matrix", {}),
        ):
            assert run_named(driver, name, params, bolt.database) == named_queries.run_embedded(
                store, name, params
            )
    finally:
        driver.close()
