import networkx as nx
import pytest
from actorgraph.graph import queries
from actorgraph.graph.matching import NodeLookupError, find_node

import actorgraph


@pytest.mark.parametrize("text", ["putin", "VLADIMIR PUTIN", "Vladimir  Putin", "Putin's"])
def test_names_match_forgivingly(seed_store, text):
    assert find_node(seed_store, text.replace("'s", "")).name == "Vladimir Putin"


def test_metonym_lookup_and_close_spelling(seed_store):
    assert find_node(seed_store, "the Kremlin").name == "Russia"
    assert find_node(seed_store, "Navalni").name == "Alexei Navalny"
    with pytest.raises(NodeLookupError, match="no"):
        find_node(seed_store, "Zzyzx Qwerty")


def test_who_lists_actors_by_edge_type(seed_store):
    rows = queries.who(seed_store, "Election Interference", include_associated=False)
    pairs = {(r["actor"], r["type"]) for r in rows}
    assert {("Vladimir Putin", "DENIED"), ("Russia", "INVOLVED_IN"), ("Joe Biden", "ACCUSED")} <= pairs
    assert all(r["weight"] >= 1 and r["evidence"] for r in rows)
    assert rows == sorted(rows, key=lambda r: -r["weight"]) or rows[0]["weight"] >= rows[-1]["weight"]


def test_profile_has_issues_and_ties_with_sentences(seed_store):
    data = queries.profile(seed_store, "navalny")
    assert data["name"] == "Alexei Navalny" and data["label"] == "Person"
    jailers = {t["other"] for t in data["ties"] if t["type"] == "IMPRISONED" and t["direction"] == "in"}
    assert jailers == {"Russia"}  # "the Putin administration" is the Russian state
    assert all(t["evidence"][0]["sentence"] for t in data["ties"])


def test_ties_gives_direct_edges_and_paths(seed_store):
    data = queries.ties(seed_store, "Biden", "Putin")
    assert {"MET", "CRITICIZED"} <= {d["type"] for d in data["direct"]}
    far = queries.ties(seed_store, "Antonov", "Biden")
    assert far["paths"] and all(p["nodes"][0] == "Anatoly Antonov" for p in far["paths"])
    assert all(p["nodes"][-1] == "Joe Biden" for p in far["paths"])


def test_matrix_is_actor_by_issue(seed_store):
    data = queries.matrix(seed_store, include_associated=False)
    row = next(r for r in data["rows"] if r["actor"] == "Vladimir Putin")
    assert row["cells"]["election interference"] >= 2
    assert set(row["cells"]) == set(data["issues"])


def test_python_api_round_trip(tmp_path, seeds):
    with actorgraph.open_store(tmp_path / "api.db") as store:
        summary = actorgraph.load(store, [seeds])
        assert summary.added == 2
        graph = actorgraph.to_networkx(store)
        assert isinstance(graph, nx.MultiDiGraph)
        biden = find_node(store, "Biden").id
        putin = find_node(store, "Putin").id
        assert graph.has_edge(biden, putin, key="MET")
        assert graph.nodes[biden]["label"] == "Person"
