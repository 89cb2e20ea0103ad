import sqlite3

import pytest
from actorgraph.graph import schema
from actorgraph.graph.exports import to_json
from actorgraph.graph.model import (
    Document,
    EdgeRecord,
    EdgeType,
    EntityRecord,
    Evidence,
    ExtractionResult,
    IssueRecord,
    NodeLabel,
)
from actorgraph.graph.store import Store, StoreError
from actorgraph.loaders.sources import SourceError, read_sources

from tests.conftest import SAMPLES


def _result(doc_id, people, edges=(), issues=()):
    doc = Document(doc_id, f"title {doc_id}", "2022-01-02", f"{doc_id}.txt", "text")
    entities = [
        EntityRecord(f"person:{k}", NodeLabel.PERSON, name, set(aliases), 1) for k, name, aliases in people
    ]
    ev = [
        EdgeRecord(s, t, EdgeType(ty), Evidence(doc_id, f"sentence {i}", i * 10, i * 10 + 9, "2022-01-02"))
        for i, (s, ty, t) in enumerate(edges)
    ]
    return ExtractionResult(doc, entities, [IssueRecord(k, n, "Topic") for k, n in issues], ev)


def test_same_article_twice_adds_nothing(tmp_path, extractor, seeds):
    from actorgraph.pipeline import load

    with Store.open(tmp_path / "s.db") as store:
        first = load(store, [str(seeds)], extractor=extractor)
        before = store.counts()
        second = load(store, [str(seeds)], extractor=extractor)
        assert first.added == 2 and second.added == 0 and second.already_loaded == 2
        assert store.counts() == before


def test_surname_alias_merges_but_different_full_names_do_not(tmp_path):
    with Store.open(tmp_path / "s.db") as store:
        store.add(_result("a1", [("ana-lopez", "Ana Lopez", {"Lopez", "Ana Lopez"})]))
        store.add(_result("a2", [("lopez", "Lopez", {"Lopez"})]))
        store.add(_result("a3", [("carlos-lopez", "Carlos Lopez", {"Lopez", "Carlos Lopez"})]))
        names = sorted(n.name for n in store.nodes({"Person"}))
        assert names == ["Ana Lopez", "Carlos Lopez"]
        mentions = {(n, a) for n, a, _ in store.mentions()}
        assert ("person:ana-lopez", "a2") in mentions


def test_a_lone_surname_node_renamed_to_a_full_name_stops_taking_other_full_names(tmp_path):
    with Store.open(tmp_path / "s.db") as store:
        store.add(_result("b1", [("lopez", "Lopez", {"Lopez"})]))
        store.add(_result("b2", [("ana-lopez", "Ana Lopez", {"Lopez", "Ana Lopez"})]))  # joins, renames
        store.add(_result("b3", [("carlos-lopez", "Carlos Lopez", {"Lopez", "Carlos Lopez"})]))
        assert sorted(n.name for n in store.nodes({"Person"})) == ["Ana Lopez", "Carlos Lopez"]
        assert {(n, a) for n, a, _ in store.mentions()} == {
            ("person:lopez", "b1"),
            ("person:lopez", "b2"),
            ("person:carlos-lopez", "b3"),
        }


def test_weights_count_evidence_sentences_across_articles(tmp_path):
    people = [("a", "Alice Able", {"Able"}), ("b", "Bob Baker", {"Baker"})]
    with Store.open(tmp_path / "s.db") as store:
        store.add(
            _result("d1", people, [("person:a", "MET", "person:b"), ("person:a", "CRITICIZED", "person:b")])
        )
        store.add(_result("d2", people, [("person:a", "MET", "person:b")]))
        weights = {(e.type): e.weight for e in store.edges()}
        assert weights == {"MET": 2, "CRITICIZED": 1}
        assert [ev["article"] for ev in store.evidence("person:a", "person:b", "MET")] == ["d1", "d2"]


def test_a_failing_article_leaves_the_store_as_it_was(tmp_path):
    people = [("a", "Alice Able", {"Able"})]
    with Store.open(tmp_path / "s.db") as store:
        store.add(_result("ok", people))
        before = store.counts()
        broken = _result("bad", [("c", "Cara Cole", set()), ("d", "Dan Dole", set())])
        # an edge without evidence fails after the article and its actors were written
        broken.edges.append(EdgeRecord("person:c", "person:d", EdgeType.MET, None))
        with pytest.raises(AttributeError):
            store.add(broken)
        assert store.counts() == before
        assert not store.has_article("bad")


def test_opening_a_missing_store_for_reading_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no store here yet"):
        Store.open(tmp_path / "none.db", create=False)


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("just some notes, not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open store"):
        Store.open(path)


# ----- bulk loads and the schema ------------------------------------------------------------


def _index_names(path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        conn.close()


def test_a_bulk_load_gives_the_same_store_as_article_by_article(tmp_path, extractor, seeds):
    documents = [d for d in read_sources([str(SAMPLES), str(seeds)]) if not isinstance(d, SourceError)]
    results = [extractor.extract(d) for d in documents]
    with Store.open(tmp_path / "bulk.db") as bulk:
        with bulk.bulk():
            assert set(schema.missing_indexes(bulk.conn)) == set(schema.DEFERRABLE_INDEXES)
            bulk.add_many(results[:5])
            bulk.add_many(results[5:])
        assert schema.missing_indexes(bulk.conn) == []
        bulk_json = to_json(bulk)
    with Store.open(tmp_path / "rows.db") as rows:
        for result in results:
            rows.add(result)
        rows_json = to_json(rows)
    assert len(results) >= 10 and bulk_json == rows_json
    assert set(schema.DEFERRABLE_INDEXES) <= _index_names(tmp_path / "bulk.db")


def test_evidence_repeated_inside_one_article_counts_once_with_or_without_the_index(tmp_path):
    people = [("a", "Alice Able", {"Able"}), ("b", "Bob Baker", {"Baker"}), ("a2", "Able", {"Able"})]
    twice = _result("d1", people, [("person:a", "MET", "person:b")])
    # the same sentence again, and once more through a second key that resolves to the same node
    twice.edges.append(twice.edges[0])
    twice.edges.append(EdgeRecord("person:a2", "person:b", EdgeType.MET, twice.edges[0].evidence))
    for name, deferred in (("plain.db", False), ("bulk.db", True)):
        with Store.open(tmp_path / name) as store:
            if deferred:
                with store.bulk():
                    report = store.add(twice)
            else:
                report = store.add(twice)
            assert report.new_evidence == 1 and report.new_edges == 1
            assert [e.weight for e in store.edges()] == [1]
            assert store.counts()["evidence"] == 1


def test_a_schema_1_store_is_upgraded_in_place_and_keeps_every_row(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA_1)
    conn.executescript(
        "INSERT INTO meta VALUES ('schema_version', '1');"
        "INSERT INTO articles VALUES ('d1', 't', '2021-06-16', 'd1.txt', 'now');"
        "INSERT INTO nodes VALUES ('person:a', 'Person', 'Alice Able', NULL), ('person:b', 'Person', 'Bob Baker', NULL);"
        "INSERT INTO aliases VALUES ('person:a', 'alice able', 'Alice Able'), ('person:a', 'able', 'Able'),"
        " ('person:b', 'bob baker', 'Bob Baker'), ('person:b', 'baker', 'Baker');"
        "INSERT INTO edges VALUES ('person:a', 'person:b', 'MET', 2, '2021-06-16', '2021-06-16');"
        "INSERT INTO evidence VALUES ('person:a', 'person:b', 'MET', 'd1', 'They met.', 0, 9, '2021-06-16'),"
        " ('person:a', 'person:b', 'MET', 'd1', 'They met again.', 10, 25, '2021-06-16');"
    )
    conn.commit()
    conn.close()
    assert "sqlite_autoindex_evidence_1" in _index_names(path)

    with Store.open(path) as store:
        assert store.meta()["schema_version"] == str(schema.SCHEMA_VERSION)
        assert [ev["sentence"] for ev in store.evidence("person:a", "person:b", "MET")] == [
            "They met.",
            "They met again.",
        ]
        with pytest.raises(sqlite3.IntegrityError):  # evidence is still unique, now by evidence_key
            store.conn.execute(
                "INSERT INTO evidence VALUES ('person:a', 'person:b', 'MET', 'd1', 'x', 0, 9, NULL)"
            )
        joinable = dict(store.conn.execute("SELECT alias, joinable FROM aliases").fetchall())
        assert joinable == {"Alice Able": 1, "Able": 0, "Bob Baker": 1, "Baker": 0}
        report = store.add(
            _result(
                "d2",
                [("a", "Alice Able", set()), ("b", "Bob Baker", set())],
                [("person:a", "MET", "person:b")],
            )
        )
        assert report.new_evidence == 1 and store.edges_between("person:a", "person:b")[0].weight == 3
    names = _index_names(path)
    assert "sqlite_autoindex_evidence_1" not in names and set(schema.DEFERRABLE_INDEXES) <= names


def test_a_store_written_by_a_newer_version_is_refused_not_rewritten(tmp_path):
    path = tmp_path / "new.db"
    with Store.open(path) as store:
        store.conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    for readonly in (False, True):
        with pytest.raises(StoreError, match="newer actorgraph"):
            Store.open(path, readonly=readonly)


# The schema version 1 wrote, kept here verbatim so the upgrade is tested on a real old file.
SCHEMA_1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, date TEXT, source TEXT NOT NULL, loaded_at TEXT NOT NULL
);
CREATE TABLE nodes (id TEXT PRIMARY KEY, label TEXT NOT NULL, name TEXT NOT NULL, topic TEXT);
CREATE INDEX nodes_label ON nodes(label);
CREATE TABLE aliases (
    node_id TEXT NOT NULL REFERENCES nodes(id), norm TEXT NOT NULL, alias TEXT NOT NULL,
    PRIMARY KEY (node_id, norm)
) WITHOUT ROWID;
CREATE INDEX aliases_norm ON aliases(norm);
CREATE TABLE edges (
    source TEXT NOT NULL REFERENCES nodes(id), target TEXT NOT NULL REFERENCES nodes(id),
    type TEXT NOT NULL, weight INTEGER NOT NULL, first_date TEXT, last_date TEXT,
    PRIMARY KEY (source, target, type)
) WITHOUT ROWID;
CREATE INDEX edges_source_weight ON edges(source, weight DESC);
CREATE INDEX edges_target_weight ON edges(target, weight DESC);
CREATE TABLE evidence (
    source TEXT NOT NULL, target TEXT NOT NULL, type TEXT NOT NULL,
    article TEXT NOT NULL REFERENCES articles(id), sentence TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, date TEXT,
    UNIQUE (source, target, type, article, start)
);
CREATE TABLE mentions (
    node_id TEXT NOT NULL REFERENCES nodes(id), article TEXT NOT NULL REFERENCES articles(id),
    count INTEGER NOT NULL, PRIMARY KEY (node_id, article)
) WITHOUT ROWID;
CREATE INDEX mentions_article ON mentions(article);
"""
