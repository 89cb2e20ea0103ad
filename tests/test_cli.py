import csv
import io
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from typer.testing import CliRunner

from actorgraph.cli import EXIT_PARTIAL, app
from tests.conftest import SAMPLES

runner = CliRunner()


@pytest.fixture(scope="module")
def cli_store(tmp_path_factory, seeds):
    path = tmp_path_factory.mktemp("cli") / "cli.db"
    result = runner.invoke(app, ["load", str(seeds), str(SAMPLES), "--store", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    articles = len(list(seeds.glob("*.txt"))) + len(list(SAMPLES.glob("*.txt")))
    assert summary["articles_added"] == articles and summary["new_actors"] > 20 and summary["new_edges"] > 50
    return path


def _run(*args):
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_loading_again_reports_nothing_new(cli_store, seeds):
    out = _run("load", str(seeds), "--store", str(cli_store), "--format", "json")
    data = json.loads(out)
    assert data["articles_added"] == 0 and data["already_loaded"] == 2 and data["new_edges"] == 0


def test_queries_in_json_csv_and_table(cli_store):
    rows = json.loads(_run("who", "election interference", "--store", str(cli_store), "-f", "json"))
    assert any(r["actor"] == "Vladimir Putin" and r["type"] == "DENIED" for r in rows)
    table = list(csv.DictReader(io.StringIO(_run("actors", "--store", str(cli_store), "-f", "csv"))))
    assert {"Joe Biden", "Xie Zhenhua", "Belarus"} <= {r["name"] for r in table}
    assert "Vladimir Putin" in _run("profile", "putin", "--store", str(cli_store))
    ties = json.loads(_run("ties", "kerry", "xie", "--store", str(cli_store), "-f", "json"))
    assert "MET" in {d["type"] for d in ties["direct"]}
    matrix = json.loads(_run("matrix", "--store", str(cli_store), "-f", "json"))
    assert "climate change" in matrix["issues"]
    issues = json.loads(_run("issues", "--store", str(cli_store), "-f", "json"))
    assert {"name", "topic", "actors", "evidence"} <= set(issues[0])


def test_unknown_actor_is_a_clear_error(cli_store):
    result = runner.invoke(app, ["profile", "Nobody Atall", "--store", str(cli_store)])
    assert result.exit_code == 1
    assert "no Country/Group/Organization/Person matches 'Nobody Atall'" in result.output.replace("\n", "")


def test_missing_store_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["actors", "--store", str(tmp_path / "nope.db")])
    assert result.exit_code == 1 and "no store here yet" in result.output


def test_partial_failure_has_its_own_exit_code(tmp_path):
    (tmp_path / "ok.txt").write_text("Talks in Oslo\n\nNorway hosted talks with Sweden on trade.")
    result = runner.invoke(
        app,
        [
            "load",
            str(tmp_path / "ok.txt"),
            str(tmp_path / "missing.txt"),
            "--store",
            str(tmp_path / "p.db"),
            "-f",
            "json",
        ],
    )
    assert result.exit_code == EXIT_PARTIAL
    data = json.loads(result.stdout)
    assert data["articles_added"] == 1
    assert data["errors"] == [{"source": str(tmp_path / "missing.txt"), "reason": "no such file or folder"}]


def test_json_export_follows_the_contract(cli_store):
    data = json.loads(_run("export", "--format", "json", "--store", str(cli_store)))
    labels = {"Person", "Organization", "Country", "Group", "Issue", "Place", "Article"}
    ids = {n["id"] for n in data["nodes"]}
    for node in data["nodes"]:
        assert {"id", "label", "name", "aliases"} <= set(node) and node["label"] in labels
    for edge in data["edges"]:
        assert {"source", "target", "type", "weight", "evidence"} <= set(edge)
        assert edge["source"] in ids and edge["target"] in ids
        for ev in edge["evidence"]:
            assert set(ev) == {"article", "sentence", "start", "end", "date"}
        if edge["type"] != "MENTIONED_IN":
            assert len(edge["evidence"]) == edge["weight"]
    assert any(e["type"] == "MENTIONED_IN" for e in data["edges"])


def test_graphml_gexf_and_csv_exports_parse(cli_store, tmp_path):
    _run("export", "--format", "graphml", "--out", str(tmp_path / "g.graphml"), "--store", str(cli_store))
    graph = nx.read_graphml(tmp_path / "g.graphml")
    assert graph.number_of_edges() > 50
    _run("export", "--format", "gexf", "--out", str(tmp_path / "g.gexf"), "--store", str(cli_store))
    ET.parse(tmp_path / "g.gexf")
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_nodes() == graph.number_of_nodes()
    _run("export", "--format", "csv", "--out", str(tmp_path / "csv"), "--store", str(cli_store))
    nodes = list(csv.DictReader((tmp_path / "csv" / "nodes.csv").open()))
    edges = list(csv.DictReader((tmp_path / "csv" / "edges.csv").open()))
    assert len(nodes) == graph.number_of_nodes() and len(edges) == graph.number_of_edges()


def test_help_teaches(cli_store):
    out = _run("--help")
    for command in ("load", "who", "profile", "ties", "matrix", "export"):
        assert command in out
    assert "Examples" in _run("load", "--help")


def test_neo4j_admin_csv_export_has_typed_headers_and_every_row(cli_store, tmp_path):
    _run("export", "--format", "neo4j-csv", "--out", str(tmp_path / "import"), "--store", str(cli_store))
    data = json.loads(_run("export", "--format", "json", "--store", str(cli_store)))
    with (tmp_path / "import" / "nodes.csv").open() as f:
        nodes = list(csv.reader(f))
    with (tmp_path / "import" / "relationships.csv").open() as f:
        rels = list(csv.reader(f))
    assert nodes[0] == ["id:ID", "name", "aliases:string[]", "topic", "date", ":LABEL"]
    assert rels[0] == [":START_ID", ":END_ID", ":TYPE", "weight:int", "stance:int", "evidence"]
    assert len(nodes) - 1 == len(data["nodes"]) and len(rels) - 1 == len(data["edges"])
    assert {row[5] for row in nodes[1:]} <= {
        "Person",
        "Organization",
        "Country",
        "Group",
        "Issue",
        "Place",
        "Article",
    }
