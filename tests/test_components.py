"""Extraction as spaCy components (`loaders/components.py`): registered, runnable in `nlp.pipe`,
results on the Doc, and the same records as `Extractor`, which runs them on one Doc per article."""

from __future__ import annotations

import doctest
from pathlib import Path

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
    node_id,
)
from actorgraph.loaders import components
from actorgraph.loaders.called_names import add_called_names
from actorgraph.loaders.clauses import governs
from actorgraph.loaders.components import (
    ACTORS_KEY,
    COMPONENTS,
    ISSUES_KEY,
    IssueFinder,
    article_doc,
    extraction_pipeline,
    register_extensions,
    units_of,
)
from actorgraph.loaders.documents import make_document
from actorgraph.loaders.event_issues import add_implied_issue_ties
from actorgraph.loaders.extract import result_from_doc
from actorgraph.loaders.issues import IssueMention
from actorgraph.loaders.mentions import ArticleActors
from actorgraph.loaders.relations import SentenceRelations
from actorgraph.loaders.segment import EXTRACT_KINDS
from actorgraph.loaders.structure import drop_weaker_roles, structural_relations
from spacy.language import Language
from spacy.tokens import Doc, DocBin

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "examples" / "articles"
TEXTS = [
    "The EU imposed sanctions on Russia over election interference.",
    "German Chancellor Angela Merkel met Joe Biden in Washington to discuss climate change.",
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return extraction_pipeline()


@pytest.fixture(autouse=True)
def _extensions():
    """Every test starts from the registered extensions, whatever an earlier test did."""
    register_extensions()
    yield
    register_extensions()


def _document(text: str) -> Document:
    return Document(id="t", title="", date=None, source="t", text=text)


def test_the_components_are_registered_and_added_in_order(nlp):
    assert all(Language.has_factory(name) for name in COMPONENTS)
    assert nlp.pipe_names[-len(COMPONENTS) :] == list(COMPONENTS)
    analysis = nlp.analyze_pipes()
    assert not any(analysis["problems"].values()), analysis["problems"]


def test_nlp_pipe_puts_issues_actors_and_relations_on_the_doc(nlp):
    sanctions, meeting = list(nlp.pipe(TEXTS))
    assert {s.label_ for s in sanctions.spans[ISSUES_KEY]} == {"sanctions", "election interference"}
    assert {s.label_ for s in meeting.spans[ISSUES_KEY]} == {"climate change"}
    assert [(s.text, s.label_) for s in meeting.spans[ACTORS_KEY]][:2] == [
        ("Angela Merkel", "person:angela-merkel"),
        ("Joe Biden", "person:joe-biden"),
    ]
    merkel = next(t for t in meeting if t.text == "Merkel")
    assert merkel._.ag_actors == ["person:angela-merkel"]
    assert meeting._.ag_actors["person:angela-merkel"]["label"] == "Person"
    triples = {(r["source"], r["type"], r["target"]) for r in meeting._.ag_relations}
    assert ("person:angela-merkel", "MET", "person:joe-biden") in triples
    sentence = next(iter(meeting.sents))
    assert sentence._.ag_relations == meeting._.ag_relations
    assert all(r["text"] == sentence.text for r in meeting._.ag_relations)


def test_the_components_give_what_the_extractor_gives(nlp, extractor):
    for text, doc in zip(TEXTS, nlp.pipe(TEXTS), strict=True):
        document = _document(text)
        assert result_from_doc(doc, document) == extractor.extract(document)


def test_the_docstring_example_runs():
    result = doctest.testmod(components)
    assert result.attempted >= 4 and result.failed == 0


def test_results_are_plain_data_that_survive_serialisation(nlp):
    docs = list(nlp.pipe(TEXTS))
    again = list(DocBin(docs=docs, store_user_data=True).get_docs(nlp.vocab))
    for before, after in zip(docs, again, strict=True):
        document = _document(before.text)
        assert result_from_doc(after, document) == result_from_doc(before, document)
        assert [(s.start, s.label_) for s in after.spans[ISSUES_KEY]] == [
            (s.start, s.label_) for s in before.spans[ISSUES_KEY]
        ]


def test_the_components_run_inside_nlp_pipe_with_two_processes(nlp):
    one = [result_from_doc(d, _document(t)) for t, d in zip(TEXTS, nlp.pipe(TEXTS), strict=True)]
    two = [
        result_from_doc(d, _document(t))
        for t, d in zip(TEXTS, nlp.pipe(TEXTS, n_process=2, batch_size=1), strict=True)
    ]
    assert two == one


def test_the_article_doc_keeps_each_unit_parse_and_separates_units(extractor):
    document = make_document((SAMPLES / "01_geneva_summit.txt").read_text("utf-8"), source="01")
    units = extractor.units(document)
    unit_docs = list(extractor.nlp.pipe(u.text for u in units))
    doc = article_doc(extractor.nlp, units, unit_docs, document.date)
    assert len(units_of(doc)) == len(units)
    for (kind, start, end, offset), unit, alone in zip(units_of(doc), units, unit_docs, strict=True):
        part = doc[start:end]
        assert (kind, offset, part.text) == (unit.kind, unit.start, unit.text)
        assert [(t.text, t.tag_, t.dep_, t.head.i - start, t.ent_type_, t.is_sent_start) for t in part] == [
            (t.text, t.tag_, t.dep_, t.head.i, t.ent_type_, t.is_sent_start) for t in alone
        ]
        if end < len(doc):
            assert doc[end].is_space and doc[end].is_sent_start and doc[end + 1].is_sent_start


def test_an_issue_trigger_never_spans_two_units(extractor):
    """ "fire * shot" would run from a heading ending in "fire" into the next paragraph."""
    document = make_document(
        "Coast guard report\nPatrol boats opened fire\nWarning shots were heard near the island.", source="x"
    )
    units = extractor.units(document)
    unit_docs = list(extractor.nlp.pipe(u.text for u in units))
    finder = dict(extractor.components)["actorgraph_issues"]
    alone = [(m.span.text, m.issue.name) for m in finder.matcher(unit_docs[-1])]
    doc = finder(article_doc(extractor.nlp, units, unit_docs, None))
    body = units_of(doc)[-1]
    assert [(s.text, s.label_) for s in doc.spans[ISSUES_KEY] if s.start >= body[1]] == alone
    assert all(s.end <= body[1] or s.start >= body[1] for s in doc.spans[ISSUES_KEY])


# ----- the equality check: components on the article Doc == the rules on each unit's own Doc -----


def _per_unit_reference(extractor, document: Document) -> ExtractionResult:
    """Extraction as it was before components: the same rules, run on each unit's own Doc."""
    stages = dict(extractor.components)
    issue_finder: IssueFinder = stages["actorgraph_issues"]
    relations = stages["actorgraph_relations"]
    lex = extractor.lex
    units = extractor.units(document)
    docs = list(extractor.nlp.pipe(u.text for u in units))
    actors = ArticleActors(lex, document.date)
    add_called_names(docs, lex)
    actors.learn_names([ent for d in docs for ent in d.ents])
    actors.count_names(" ".join(u.text for u in units if u.kind in EXTRACT_KINDS))
    edges: dict = {}
    met: list[str] = []
    last_harm = None
    issues: dict[str, IssueRecord] = {}
    mentioned: set[str] = set()
    for unit, doc in zip(units, docs, strict=True):
        extracting = unit.kind in EXTRACT_KINDS
        mentions: list[IssueMention] = issue_finder.matcher(doc) if extracting else []
        if extracting:
            mentions = IssueFinder._with_anaphora(doc, 0, len(doc), mentions, last_harm)
            harms = [m for m in mentions if m.issue.harm]
            events = [m for m in harms if components._names_an_event(m)]
            if events or harms:
                last_harm = (events or harms)[-1]
        for sent in doc.sents:
            ents = [e for e in doc.ents if e.start >= sent.start and e.end <= sent.end]
            found = actors.resolve_sentence(sent, ents, track=extracting)
            if not extracting:
                continue
            mentioned.update(found.all_keys())
            sent_issues = [m for m in mentions if sent.start <= m.span.start < sent.end]
            for m in sent_issues:
                issues[m.issue.name] = IssueRecord(
                    node_id(NodeLabel.ISSUE, m.issue.name), m.issue.name, m.issue.topic
                )
            evidence = Evidence(
                document.id,
                sent.text.strip(),
                unit.start + sent.start_char,
                unit.start + sent.end_char,
                document.date,
            )
            found_relations = SentenceRelations(sent, found, sent_issues, lex, actors).relations
            found_relations += structural_relations(sent, found, actors)
            found_relations += relations._demonym_perpetrators(sent_issues, actors)
            meetings = [r for r in found_relations if r.type is EdgeType.MET]
            if meetings:
                met = [meetings[-1].source, meetings[-1].target]

            def tie(source, target, edge_type, evidence=evidence):
                edges.setdefault(
                    (source, target, edge_type, evidence.start),
                    EdgeRecord(source, target, edge_type, evidence),
                )

            typed = set()
            for rel in found_relations:
                tie(rel.source, rel.target, rel.type)
                typed.add((rel.source, rel.target))
            for key, issue_key in relations._meeting_topics(
                sent, found, sent_issues, met or actors.main_pair()
            ):
                if (key, issue_key) not in typed:
                    typed.add((key, issue_key))
                    tie(key, issue_key, EdgeType.ASSOCIATED_WITH)
            for key in [k for k in found.all_keys() if actors.actors[k].label is not NodeLabel.PLACE]:
                group_issue = relations._group_issue(actors, key)
                if group_issue:
                    issue_key = node_id(NodeLabel.ISSUE, group_issue.name)
                    issues[group_issue.name] = IssueRecord(issue_key, group_issue.name, group_issue.topic)
                    tie(key, issue_key, EdgeType.INVOLVED_IN)
                    typed.add((key, issue_key))
                tokens = [doc[i] for i, keys in found.tokens.items() if key in keys]
                for m in sent_issues:
                    issue_key = node_id(NodeLabel.ISSUE, m.issue.name)
                    if (key, issue_key) not in typed and any(governs(t, m.span.root) for t in tokens):
                        tie(key, issue_key, EdgeType.ASSOCIATED_WITH)
    drop_weaker_roles(edges)
    add_implied_issue_ties(edges, extractor.lex, {name: record.key for name, record in issues.items()})
    entities = [
        EntityRecord(a.key, a.label, a.name, set(a.aliases), a.mentions)
        for a in actors.actors.values()
        if a.key in mentioned or any(e.source == a.key or e.target == a.key for e in edges.values())
    ]
    kept = {e.key for e in entities} | {i.key for i in issues.values()}
    return ExtractionResult(
        document,
        entities,
        list(issues.values()),
        [e for e in edges.values() if e.source in kept and e.target in kept],
    )


@pytest.mark.parametrize(
    "name", ["01_geneva_summit.txt", "05_pipeline_ransomware.txt", "13_tenkoro_coup.txt"]
)
def test_extraction_on_the_article_doc_equals_the_rules_on_each_unit(extractor, name):
    document = make_document((SAMPLES / name).read_text("utf-8"), source=name, date="2021-06-16")
    expected = _per_unit_reference(extractor, document)
    assert expected.edges and expected.entities
    assert extractor.extract(document) == expected
    assert list(extractor.extract_many([document])) == [expected]


def test_a_doc_from_elsewhere_gets_unit_copies_and_the_same_result(extractor):
    """Without the unit Docs `article_doc` keeps beside it (a Doc read back from bytes), the
    components copy each unit out of the article Doc and find the same records."""
    document = make_document((SAMPLES / "07_climate_envoys.txt").read_text("utf-8"), source="07")
    units = extractor.units(document)
    joined = article_doc(extractor.nlp, units, list(extractor.nlp.pipe(u.text for u in units)), document.date)
    doc = Doc(extractor.nlp.vocab).from_bytes(joined.to_bytes())
    for _name, component in extractor.components:
        doc = component(doc)
    assert result_from_doc(doc, document) == extractor.extract(document)


def test_an_extractor_on_a_pipeline_with_the_components_parses_units_without_them(nlp, extractor):
    from actorgraph.loaders.extract import Extractor

    document = make_document((SAMPLES / "02_belarus_flight.txt").read_text("utf-8"), source="02")
    assert Extractor(nlp=nlp).extract(document) == extractor.extract(document)
