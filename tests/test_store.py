import pytest
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
