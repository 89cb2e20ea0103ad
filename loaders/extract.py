"""Document -> ExtractionResult: the rule-based extractor behind `actorgraph load`.

The extractor is a plain object holding the spaCy pipeline, the issue matcher and the
lexicons, so that parsing many articles (`extract_many`) reuses one `nlp.pipe` stream.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

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
from actorgraph.loaders.called_names import add_called_names
from actorgraph.loaders.components import COMPONENTS, article_doc
from actorgraph.loaders.clauses import governs, is_subject
from actorgraph.loaders.issues import IssueMatcher, IssueMention
from actorgraph.loaders.lexicons import Lexicons, load_lexicons
from actorgraph.loaders.mentions import ArticleActors
from actorgraph.loaders.nlp import load_pipeline
from actorgraph.loaders.relations import Relation, SentenceRelations
from actorgraph.loaders.segment import EXTRACT_KINDS, MENTION_KINDS, Unit, segment
from actorgraph.loaders.structure import drop_weaker_roles, structural_relations
from spacy.language import Language
from spacy.tokens import Doc


@dataclass
class _ParsedUnit:
    unit: Unit
    doc: Doc


#: Definite nouns that refer back to the last harmful event the article named.
ANAPHORIC_HARMS = {"attack", "hack", "breach", "assault", "strike", "intrusion"}


def _names_an_event(mention: IssueMention) -> bool:
    """ "ransomware attack", "cyberattacks": a harm named as an event, not as a domain."""
    words = [*mention.span, mention.span.root.head]
    return any(t.lemma_.lower() in ANAPHORIC_HARMS or "attack" in t.lower_ for t in words)


_WORKER: Extractor | None = None  # the forked workers' copy of the parent's extractor


def _extract_in_worker(document: Document) -> ExtractionResult:
    assert _WORKER is not None
    return _WORKER.extract(document)


def result_from_doc(doc: Doc, document: Document) -> ExtractionResult:
    """The graph records an article Doc carries after the components (see `components.py`)."""
    actors = doc._.ag_actors or {}
    issues = doc._.ag_issues or {}
    return ExtractionResult(
        document=document,
        entities=[
            EntityRecord(key, NodeLabel(a["label"]), a["name"], set(a["aliases"]), a["mentions"])
            for key, a in actors.items()
        ],
        issues=[IssueRecord(i["key"], name, i["topic"]) for name, i in issues.items()],
        edges=[
            EdgeRecord(
                r["source"],
                r["target"],
                EdgeType(r["type"]),
                Evidence(document.id, r["text"], r["start"], r["end"], document.date),
            )
            for r in doc._.ag_relations or []
        ],
    )


class Extractor:
    def __init__(self, nlp: Language | None = None, lexicon_dirs: Iterable[Path] = ()) -> None:
        self.nlp = nlp or load_pipeline()
        dirs = tuple(Path(d) for d in lexicon_dirs)
        self.lex: Lexicons = load_lexicons(dirs)
        config = {"lexicon_dirs": [str(d) for d in dirs]}
        self.components = [(name, self.nlp.create_pipe(name, config=config)) for name in COMPONENTS]
        # a pipeline that already has our components parses paragraphs without them
        self._bare = [name for name, _ in self.nlp.pipeline if name.startswith("actorgraph_")]
        self._legacy = bool(__import__("os").environ.get("AG_LEGACY"))  # temporary: old path
        self.issue_matcher = IssueMatcher(self.nlp, self.lex)

    def units(self, document: Document) -> list[Unit]:
        return [u for u in segment(document.text, self.lex) if u.kind in EXTRACT_KINDS | MENTION_KINDS]

    def extract(self, document: Document) -> ExtractionResult:
        units = self.units(document)
        docs = list(self.nlp.pipe((u.text for u in units), disable=self._bare))
        return self._extract_parsed(document, [_ParsedUnit(u, d) for u, d in zip(units, docs, strict=False)])

    def extract_many(
        self, documents: Iterable[Document], batch_size: int = 64, n_process: int = 1
    ) -> Iterator[ExtractionResult]:
        """Results in input order, streaming: never more than a window of articles in memory.

        One process streams every paragraph through a single `nlp.pipe`. With `n_process > 1`
        whole articles go to worker processes (forked, so the loaded model is shared rather
        than loaded again): parsing *and* our rules run in parallel, which is what makes two
        jobs on two cores nearly twice as fast; spaCy's own `n_process` would parallelise the
        parse only and leave the rules to one core.
        """
        if n_process > 1 and "fork" in multiprocessing.get_all_start_methods():
            yield from self._extract_parallel(documents, batch_size, n_process)
            return
        yield from self._extract_stream(documents, batch_size)

    def _extract_parallel(
        self, documents: Iterable[Document], batch_size: int, n_process: int
    ) -> Iterator[ExtractionResult]:
        global _WORKER
        _WORKER = self
        window = max(batch_size, 8) * n_process
        with multiprocessing.get_context("fork").Pool(n_process) as pool:
            source = iter(documents)
            while chunk := list(itertools.islice(source, window)):
                yield from pool.imap(
                    _extract_in_worker, chunk, chunksize=max(1, len(chunk) // (4 * n_process))
                )

    def _extract_stream(self, documents: Iterable[Document], batch_size: int) -> Iterator[ExtractionResult]:

        def unit_stream() -> Iterator[tuple[str, tuple[Document, Unit, int, int]]]:
            for document in documents:
                units = self.units(document)
                if not units:
                    yield "", (document, Unit("empty", "", 0), 0, 0)
                for index, unit in enumerate(units):
                    yield unit.text, (document, unit, index, len(units))

        pending: list[_ParsedUnit] = []
        for doc, (document, unit, index, total) in self.nlp.pipe(
            unit_stream(), as_tuples=True, batch_size=batch_size, disable=self._bare
        ):
            if total:
                pending.append(_ParsedUnit(unit, doc))
            if index == total - 1 or total == 0:
                yield self._extract_parsed(document, pending)
                pending = []

    def _extract_parsed(self, document: Document, parsed: list[_ParsedUnit]) -> ExtractionResult:
        if self._legacy:
            return self._extract_parsed_legacy(document, parsed)
        doc = article_doc(self.nlp, [p.unit for p in parsed], [p.doc for p in parsed], document.date)
        for _name, component in self.components:
            doc = component(doc)
        return result_from_doc(doc, document)

    def _extract_parsed_legacy(self, document: Document, parsed: list[_ParsedUnit]) -> ExtractionResult:
        actors = ArticleActors(self.lex, document.date)
        add_called_names([p.doc for p in parsed], self.lex)
        all_spans = [ent for p in parsed for ent in p.doc.ents]
        actors.learn_names(all_spans)
        actors.count_names(" ".join(p.unit.text for p in parsed if p.unit.kind in EXTRACT_KINDS))

        edges: dict[tuple[str, str, EdgeType, int], EdgeRecord] = {}
        met: list[str] = []  # who took part in the latest meeting the article reported
        last_harm: IssueMention | None = None  # what "the attack" refers back to
        issues: dict[str, IssueRecord] = {}
        extract_mentions: set[str] = set()
        for p in parsed:
            extracting = p.unit.kind in EXTRACT_KINDS
            issue_mentions = self.issue_matcher(p.doc) if extracting else []
            if extracting:
                issue_mentions = self._with_anaphora(p.doc, issue_mentions, last_harm)
                harms = [m for m in issue_mentions if m.issue.harm]
                events = [m for m in harms if _names_an_event(m)]
                if events or harms:
                    last_harm = (events or harms)[-1]
            for sent in p.doc.sents:
                ents = [e for e in p.doc.ents if e.start >= sent.start and e.end <= sent.end]
                found = actors.resolve_sentence(sent, ents, track=extracting)
                if not extracting:
                    continue
                extract_mentions.update(found.all_keys())
                sent_issues = [m for m in issue_mentions if sent.start <= m.span.start < sent.end]
                for m in sent_issues:
                    issues[m.issue.name] = IssueRecord(
                        node_id(NodeLabel.ISSUE, m.issue.name), m.issue.name, m.issue.topic
                    )
                evidence = Evidence(
                    article=document.id,
                    sentence=sent.text.strip(),
                    start=p.unit.start + sent.start_char,
                    end=p.unit.start + sent.end_char,
                    date=document.date,
                )
                relations = SentenceRelations(sent, found, sent_issues, self.lex, actors).relations
                relations += structural_relations(sent, found, actors)
                relations += self._demonym_perpetrators(sent_issues, actors)
                meetings = [r for r in relations if r.type is EdgeType.MET]
                if meetings:
                    met = [meetings[-1].source, meetings[-1].target]

                def tie(source: str, target: str, edge_type: EdgeType, evidence: Evidence = evidence) -> None:
                    edges.setdefault(
                        (source, target, edge_type, evidence.start),
                        EdgeRecord(source, target, edge_type, evidence),
                    )

                typed_pairs = set()
                for rel in relations:
                    tie(rel.source, rel.target, rel.type)
                    typed_pairs.add((rel.source, rel.target))
                sentence_actors = [
                    k for k in found.all_keys() if actors.actors[k].label is not NodeLabel.PLACE
                ]
                for key, issue_key in self._meeting_topics(
                    sent, found, sent_issues, met or actors.main_pair()
                ):
                    if (key, issue_key) not in typed_pairs:
                        typed_pairs.add((key, issue_key))
                        tie(key, issue_key, EdgeType.ASSOCIATED_WITH)
                for key in sentence_actors:
                    group_issue = self._group_issue(actors, key)
                    if group_issue:
                        issue_key = node_id(NodeLabel.ISSUE, group_issue.name)
                        issues[group_issue.name] = IssueRecord(issue_key, group_issue.name, group_issue.topic)
                        tie(key, issue_key, EdgeType.INVOLVED_IN)
                        typed_pairs.add((key, issue_key))
                    actor_tokens = [p.doc[i] for i, keys in found.tokens.items() if key in keys]
                    for m in sent_issues:
                        issue_key = node_id(NodeLabel.ISSUE, m.issue.name)
                        if (key, issue_key) in typed_pairs:
                            continue
                        if any(governs(t, m.span.root) for t in actor_tokens):
                            tie(key, issue_key, EdgeType.ASSOCIATED_WITH)
        drop_weaker_roles(edges)
        entities = [
            EntityRecord(a.key, a.label, a.name, set(a.aliases), a.mentions)
            for a in actors.actors.values()
            if a.key in extract_mentions
            or any(e.source == a.key or e.target == a.key for e in edges.values())
        ]
        kept = {e.key for e in entities} | {i.key for i in issues.values()}
        return ExtractionResult(
            document=document,
            entities=entities,
            issues=list(issues.values()),
            edges=[e for e in edges.values() if e.source in kept and e.target in kept],
        )

    @staticmethod
    def _with_anaphora(doc, mentions: list[IssueMention], last: IssueMention | None) -> list[IssueMention]:
        """ "the attack" after a ransomware attack was reported is that ransomware attack."""
        if last is None:
            return mentions
        covered = {t.i for m in mentions for t in m.span}
        extra = [
            IssueMention(last.issue, doc[t.i : t.i + 1])
            for t in doc
            if t.lemma_.lower() in ANAPHORIC_HARMS
            and t.i not in covered
            and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in t.children)
        ]
        return sorted([*mentions, *extra], key=lambda m: m.span.start)

    def _demonym_perpetrators(self, mentions: list[IssueMention], actors: ArticleActors) -> list[Relation]:
        """ "Russian troop build-up", "Chinese cyberattacks": the country does the harm."""
        relations = []
        for m in mentions:
            if not m.issue.harm:
                continue
            inside = {t.i for t in m.span}
            for child in m.span.root.children:
                if (
                    child.i in inside
                    or child.dep_ not in {"amod", "compound", "nmod"}
                    or child.i > m.span.root.i
                ):
                    continue
                country = self.lex.country_of(child.text)
                if country and child.ent_type_ == "NORP":
                    key = actors.add(NodeLabel.COUNTRY, country, None)
                    relations.append(
                        Relation(key, node_id(NodeLabel.ISSUE, m.issue.name), EdgeType.INVOLVED_IN)
                    )
        return relations

    def _meeting_topics(self, sent, found, mentions, participants: list[str]) -> list[tuple[str, str]]:
        """ "The talks covered arms control": the meeting's participants are tied to its topics."""
        if not mentions or not participants:
            return []
        subjects = {k for i, keys in found.tokens.items() if is_subject(sent.doc[i]) for k in keys}
        if subjects - set(participants):
            return []  # the sentence says itself who talked
        meeting_words = [
            t for t in sent if t.lower_ in self.lex.meeting_nouns and t.pos_ in {"NOUN", "PROPN"}
        ]
        if not meeting_words:
            return []
        pairs = []
        for m in mentions:
            if any(governs(w, m.span.root) for w in meeting_words):
                issue_key = node_id(NodeLabel.ISSUE, m.issue.name)
                pairs += [(key, issue_key) for key in participants]
        return pairs

    def _group_issue(self, actors: ArticleActors, key: str):
        actor = actors.actors[key]
        if actor.label is not NodeLabel.GROUP:
            return None
        noun = actor.name.split()[-1].lower()
        issue_name = self.lex.group_nouns.get(noun)
        return self.lex.issue_by_name.get(issue_name) if issue_name else None
