"""Extraction as spaCy pipeline components: names, issues, actors and relations on an article `Doc`.

Four factories, in pipeline order (each declares what it `requires` and `assigns`):

- ``actorgraph_names``: repairs the entity spans with what the article says about them
  (`called_names.py`) and writes them back to ``doc.ents``;
- ``actorgraph_issues``: the issue mentions of the article's extracted units, anaphoric
  "the attack" included, in ``doc.spans["actorgraph_issues"]`` (label = issue name);
- ``actorgraph_actors``: the article's first pass (`ArticleActors.learn_names`, name counts);
- ``actorgraph_relations``: the second pass, sentence by sentence: which actor each token stands
  for (``doc.spans["actorgraph_actors"]``, label = actor key, and ``Token._.ag_actors``), then
  the typed relations and ties of that sentence (``Doc._.ag_relations``, ``Span._.ag_relations``),
  and the article's graph records (``Doc._.ag_actors``, ``Doc._.ag_issues``).

Resolution and relations share one component because they interleave: a relation rule may add an
actor (a country found through a title, a role holder from the holders list), and the next
sentence's pronouns and role descriptions are resolved against it. Everything left on the Doc is
plain data (str, int, lists, dicts), so Docs survive ``Doc.to_bytes`` and ``nlp.pipe(n_process=…)``.

**One Doc per article, made of its units.** An article is segmented into lines (`segment.py`)
and each unit is parsed as a Doc of its own, so a heading never runs into the next paragraph and
the NER reads each paragraph alone. `article_doc` joins those unit Docs with `Doc.from_docs` and
records every unit (kind, token range, character offset in the source) in ``Doc._.ag_units``
(`_join` is ``Doc.from_docs(docs, ensure_whitespace=False)`` without its Python loop per token).
Why not parse the article as one Doc, with sentence starts preset at the units? Measured on the
sample articles and seeds (30 articles, same code, same process): that changes 10 of 454
entities and 26 of 774 edges and touches every article (evidence offsets, mention counts), because
the statistical model reads across lines; joining the parsed units changes nothing (0 of 856
results differ, sentence suites included), since every token, tag, arc and entity is the unit
parse's own. A parsed one-token newline Doc separates the units, a sentence of its own, so that
no rule looking at the word before or after a name reaches into the neighbouring unit. The two
rules that read a paragraph as a whole Doc (the entity repair judges a line's casing; issue
triggers must not span two lines) get each unit as a Doc (`unit_docs`): the very Docs that were
joined, or copies when the article Doc came from elsewhere. A Doc made by ``nlp(text)`` without
``ag_units`` is one body unit.

Example (`extraction_pipeline` loads a model of its own and adds the four components):

>>> nlp = extraction_pipeline()
>>> doc = nlp("The EU imposed sanctions on Russia over election interference.")
>>> [(span.text, span.label_) for span in doc.spans["actorgraph_issues"]]
[('sanctions', 'sanctions'), ('election interference', 'election interference')]
>>> [(span.text, span.label_) for span in doc.spans["actorgraph_actors"]]
[('EU', 'organization:european-union'), ('Russia', 'country:russia')]
>>> doc._.ag_actors["country:russia"]["name"]
'Russia'
>>> ("organization:european-union", "SANCTIONED", "country:russia") in {
...     (r["source"], r["type"], r["target"]) for r in doc._.ag_relations
... }
True
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy
from actorgraph.graph.model import EdgeType, NodeLabel, node_id
from actorgraph.loaders.called_names import add_called_names
from actorgraph.loaders.clauses import governs, is_subject
from actorgraph.loaders.event_issues import add_implied_issue_ties
from actorgraph.loaders.issues import IssueMatcher, IssueMention
from actorgraph.loaders.lexicons import Lexicons, load_lexicons
from actorgraph.loaders.mentions import DESCRIPTION_NOUNS, ArticleActors, SentenceActors
from actorgraph.loaders.relations import Relation, SentenceRelations
from actorgraph.loaders.segment import EXTRACT_KINDS, Unit
from actorgraph.loaders.structure import drop_weaker_roles, structural_relations
from spacy.attrs import ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

__all__ = [
    "ACTORS_KEY",
    "COMPONENTS",
    "ISSUES_KEY",
    "article_doc",
    "extraction_pipeline",
    "register_extensions",
    "unit_docs",
    "units_of",
]

#: The components in pipeline order.
COMPONENTS = ("actorgraph_names", "actorgraph_issues", "actorgraph_actors", "actorgraph_relations")
ISSUES_KEY = "actorgraph_issues"
ACTORS_KEY = "actorgraph_actors"
#: Definite nouns that refer back to the last harmful event the article named.
ANAPHORIC_HARMS = {"attack", "hack", "breach", "assault", "strike", "intrusion"}


# ----- extensions -----------------------------------------------------------------------------


def _span_relations(span: Span) -> list[dict]:
    relations = span.doc._.ag_relations or []
    return [r for r in relations if span.start <= r["sentence"][0] and r["sentence"][1] <= span.end]


def _token_actors(token: Token) -> list[str]:
    group = token.doc.spans.get(ACTORS_KEY, ())
    return [s.label_ for s in group if s.start <= token.i < s.end]


def register_extensions() -> None:
    """Install the ``ag_`` extensions (again: ``force=True`` makes this safe to repeat).

    Doc: ``ag_units`` (list of ``[kind, start, end, source_offset]``), ``ag_date`` (ISO date or
    None), ``ag_dateline`` (the place of the wire dateline, or None), ``ag_agency`` (the news
    agency the dateline credits, or None), ``ag_actors`` (key ->
    label, name, aliases, mentions), ``ag_issues`` (name -> key, topic), ``ag_relations`` (list
    of dicts: source, target, type, sentence token range, start and end in the source text,
    sentence text).
    Span: ``ag_relations`` (the relations of the sentences inside the span). Token:
    ``ag_actors`` (the actor keys the token stands for).
    """
    for name in ("ag_units", "ag_date", "ag_dateline", "ag_agency", "ag_actors", "ag_issues", "ag_relations"):
        Doc.set_extension(name, default=None, force=True)
    Span.set_extension("ag_relations", getter=_span_relations, force=True)
    Token.set_extension("ag_actors", getter=_token_actors, force=True)


register_extensions()


# ----- the article Doc ------------------------------------------------------------------------


def units_of(doc: Doc) -> list[tuple[str, int, int, int]]:
    """The units of an article Doc: (kind, token start, token end, character offset in the source).

    A Doc without ``ag_units`` (``nlp(text)``) is one body unit starting at offset 0.
    """
    units = doc._.ag_units
    if units is None:
        return [("body", 0, len(doc), 0)]
    return [(kind, start, end, offset) for kind, start, end, offset in units]


def article_doc(nlp: Language, units: Sequence[Unit], docs: Sequence[Doc], date: str | None = None) -> Doc:
    """One Doc for an article from the Docs of its units (see the module docstring)."""
    if not docs:
        doc = Doc(nlp.vocab, words=[])
        doc._.ag_units, doc._.ag_date = [], date
        return doc
    separator = _separator(nlp)
    parts: list[Doc] = []
    records = []
    start = 0
    for unit, unit_doc in zip(units, docs, strict=True):
        if parts:
            parts.append(separator)
            start += 1
        parts.append(unit_doc)
        records.append([unit.kind, start, start + len(unit_doc), unit.start])
        start += len(unit_doc)
    doc = _join(nlp.vocab, parts)
    doc._.ag_units, doc._.ag_date = records, date
    doc._.ag_dateline = next((u.place for u in units if u.place), None)
    doc._.ag_agency = next((u.agency for u in units if u.agency), None)
    _TRANSIENT[doc] = {"unit_docs": list(docs)}
    return doc


_ARRAY_ATTRS = list(dict.fromkeys([*Doc._get_array_attrs(), SPACY]))


def _join(vocab, docs: list[Doc]) -> Doc:
    """`Doc.from_docs(docs, ensure_whitespace=False)`, the same arrays copied the same way,
    without its two Python loops over every token (words and spaces come from the arrays)."""
    array = numpy.concatenate([d.to_array(_ARRAY_ATTRS) for d in docs])
    strings = vocab.strings
    words = [strings[orth] for orth in array[:, _ARRAY_ATTRS.index(ORTH)].tolist()]
    spaces = [bool(space) for space in array[:, _ARRAY_ATTRS.index(SPACY)].tolist()]
    doc = Doc(vocab, words=words, spaces=spaces)
    doc.from_array(_ARRAY_ATTRS, array)
    return doc


_SEPARATORS: dict[int, Doc] = {}


def _separator(nlp: Language) -> Doc:
    """A parsed "\\n": its own sentence, a SPACE token that no rule takes for a word."""
    key = id(nlp.vocab)
    if key not in _SEPARATORS:
        with nlp.select_pipes(disable=[n for n, _ in nlp.pipeline if n.startswith("actorgraph_")]):
            _SEPARATORS[key] = nlp("\n")
    return _SEPARATORS[key]


#: What the components hand each other that is no plain data (the unit Docs, the article's actor
#: memory): beside the Doc, never in it, so a Doc still serialises; `actorgraph_relations` drops it.
_TRANSIENT: weakref.WeakKeyDictionary[Doc, dict] = weakref.WeakKeyDictionary()


def unit_docs(doc: Doc) -> list[Doc]:
    """Each unit as a Doc of its own, for the rules that read a paragraph as a whole Doc.

    These are the very Docs `article_doc` joined (no copy), the Doc itself when it is one unit,
    or else copies (`Span.as_doc`), made once and shared by the components that follow.
    """
    units = units_of(doc)
    if len(units) == 1 and units[0][1] == 0 and units[0][2] == len(doc):
        return [doc]
    state = _TRANSIENT.setdefault(doc, {})
    if "unit_docs" not in state:
        state["unit_docs"] = [doc[start:end].as_doc() for _kind, start, end, _offset in units]
    return state["unit_docs"]


def _unit_texts(doc: Doc, kinds: frozenset[str]) -> list[str]:
    """The texts of the units of these kinds, cut from the Doc's text (cheaper than `Span.text`)."""
    text = doc.text
    texts = []
    for kind, start, end, _offset in units_of(doc):
        if kind in kinds:
            last = doc[end - 1] if end > start else None
            texts.append("" if last is None else text[doc[start].idx : last.idx + len(last)])
    return texts


def _lexicons(lexicon_dirs: Iterable[str]) -> Lexicons:
    return load_lexicons(tuple(Path(d) for d in lexicon_dirs))


# ----- actorgraph_names -----------------------------------------------------------------------


def _names_an_organization(span: Span, found, actors: ArticleActors) -> bool:
    """ "Italy fined the charity": a word that refers to an organisation the article named is
    that organisation, not the issue the word could name ("charities and volunteering")."""

    def organization(token: Token) -> bool:
        keys = found.keys_of(token)
        return bool(keys) and all(actors.actors[k].label is NodeLabel.ORGANIZATION for k in keys)

    def describes(token: Token) -> bool:
        # "Epilepsy Action, a patients' charity", "the charity Lifeline": a named body's description
        return token.lemma_.lower() in DESCRIPTION_NOUNS and (
            token.dep_ == "appos"
            and organization(token.head)
            or any(c.dep_ == "appos" and organization(c) for c in token.children)
        )

    return all(organization(t) or describes(t) for t in span)


def _in_a_title(span: Span, lex: Lexicons) -> bool:
    """A trigger that is part of a title or an office's name names the office, not the issue:
    "Trade Minister Budi Santoso", "the EU's trade commissioner", "union leader Walter Ccori"."""
    root = span.root
    if root.dep_ in {"compound", "amod", "nmod"} and root.head.lemma_.lower() in lex.words("office_nouns"):
        return True
    last = span[-1]
    following = span.doc[span.end] if span.end < len(span.doc) else None
    return (
        len(span) > 1  # "union leader X"; a lone "ambassador X" still speaks of diplomacy
        and last.lower_ in lex.titles
        and following is not None
        and following.ent_type_ == "PERSON"
        and following.pos_ == "PROPN"
    )


class NameRepair:
    """Entity spans repaired across the article's units (`called_names.add_called_names`)."""

    def __init__(self, lex: Lexicons) -> None:
        self.lex = lex

    def __call__(self, doc: Doc) -> Doc:
        units = units_of(doc)
        views = unit_docs(doc)
        add_called_names(views, self.lex)
        if len(views) == 1 and views[0] is doc:
            return doc
        doc.ents = [
            Span(doc, start + e.start, start + e.end, label=e.label_, kb_id=e.kb_id_, span_id=e.id_)
            for (_kind, start, _end, _offset), view in zip(units, views, strict=True)
            for e in view.ents
        ]
        return doc


@Language.factory(
    "actorgraph_names",
    requires=["token.tag", "token.dep", "doc.ents"],
    assigns=["doc.ents"],
    default_config={"lexicon_dirs": []},
)
def make_name_repair(nlp: Language, name: str, lexicon_dirs: list[str]) -> NameRepair:
    return NameRepair(_lexicons(lexicon_dirs))


# ----- actorgraph_issues ----------------------------------------------------------------------


def _names_an_event(mention: IssueMention) -> bool:
    """ "ransomware attack", "cyberattacks": a harm named as an event, not as a domain."""
    words = [*mention.span, mention.span.root.head]
    return any(t.lemma_.lower() in ANAPHORIC_HARMS or "attack" in t.lower_ for t in words)


class IssueFinder:
    """Issue mentions of the extracted units to ``doc.spans[spans_key]``, label = issue name.

    The matcher runs on each extracted unit as a Doc of its own (`unit_docs`), as it was built
    to: a trigger never spans two units, and its sense checks see the unit's own words. "The
    attack" after a reported attack is that attack's issue (the last harm of the units before).
    """

    def __init__(self, matcher: IssueMatcher, spans_key: str = ISSUES_KEY) -> None:
        self.matcher = matcher
        self.spans_key = spans_key

    def find(self, doc: Doc) -> list[IssueMention]:
        mentions: list[IssueMention] = []
        last_harm: IssueMention | None = None
        for (kind, start, end, _offset), view in zip(units_of(doc), unit_docs(doc), strict=True):
            if kind not in EXTRACT_KINDS:
                continue
            unit_mentions = [
                IssueMention(m.issue, Span(doc, start + m.span.start, start + m.span.end, label=m.issue.name))
                for m in self.matcher(view)
            ]
            unit_mentions = self._with_anaphora(doc, start, end, unit_mentions, last_harm)
            harms = [m for m in unit_mentions if m.issue.harm]
            events = [m for m in harms if _names_an_event(m)]
            if events or harms:
                last_harm = (events or harms)[-1]
            mentions += unit_mentions
        return mentions

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[self.spans_key] = [m.span for m in self.find(doc)]
        return doc

    @staticmethod
    def _with_anaphora(
        doc: Doc, start: int, end: int, mentions: list[IssueMention], last: IssueMention | None
    ) -> list[IssueMention]:
        """ "the attack" after a ransomware attack was reported is that ransomware attack."""
        if last is None:
            return mentions
        covered = {t.i for m in mentions for t in m.span}
        extra = [
            IssueMention(last.issue, Span(doc, t.i, t.i + 1, label=last.issue.name))
            for t in doc[start:end]
            if t.lemma_.lower() in ANAPHORIC_HARMS
            and t.i not in covered
            and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in t.children)
        ]
        return sorted([*mentions, *extra], key=lambda m: m.span.start)


@Language.factory(
    "actorgraph_issues",
    requires=["token.lemma", "token.tag", "token.dep", "doc.ents"],
    assigns=["doc.spans"],
    default_config={"lexicon_dirs": [], "spans_key": ISSUES_KEY},
)
def make_issue_finder(nlp: Language, name: str, lexicon_dirs: list[str], spans_key: str) -> IssueFinder:
    return IssueFinder(IssueMatcher(nlp, _lexicons(lexicon_dirs)), spans_key)


# ----- actorgraph_actors ----------------------------------------------------------------------


class ActorNames:
    """The article's first pass: the people, countries, acronyms and groups it names in full."""

    def __init__(self, lex: Lexicons) -> None:
        self.lex = lex

    def __call__(self, doc: Doc) -> Doc:
        actors = ArticleActors(self.lex, doc._.ag_date)
        actors.dateline_place = doc._.ag_dateline
        actors.learn_names(list(doc.ents))
        actors.count_names(" ".join(_unit_texts(doc, EXTRACT_KINDS)))
        _TRANSIENT.setdefault(doc, {})["actors"] = actors
        return doc


@Language.factory(
    "actorgraph_actors",
    requires=["doc.ents", "token.dep"],
    assigns=[],
    default_config={"lexicon_dirs": []},
)
def make_actor_names(nlp: Language, name: str, lexicon_dirs: list[str]) -> ActorNames:
    return ActorNames(_lexicons(lexicon_dirs))


# ----- actorgraph_relations -------------------------------------------------------------------


class RelationFinder:
    """Sentence by sentence: resolve the actors, then find the sentence's relations and ties."""

    def __init__(self, lex: Lexicons, issues_key: str = ISSUES_KEY) -> None:
        self.lex = lex
        self.issues_key = issues_key

    def __call__(self, doc: Doc) -> Doc:
        if "actors" not in _TRANSIENT.get(doc, {}):  # run without actorgraph_actors: do its pass here
            ActorNames(self.lex)(doc)
        actors: ArticleActors = _TRANSIENT[doc]["actors"]
        units = units_of(doc)
        ents_by_unit: list[list[Span]] = [[] for _ in units]
        mentions_by_unit: list[list[IssueMention]] = [[] for _ in units]
        self._bucket(units, doc.ents, ents_by_unit, lambda e: e.start)
        issue_spans = doc.spans.get(self.issues_key, [])
        issue_mentions = [
            IssueMention(self.lex.issue_by_name[s.label_], s)
            for s in issue_spans
            if s.label_ in self.lex.issue_by_name
        ]
        self._bucket(units, issue_mentions, mentions_by_unit, lambda m: m.span.start)
        sents_by_unit: list[list[Span]] = [[] for _ in units]
        self._bucket(units, list(doc.sents), sents_by_unit, lambda s: s.start)

        edges: dict[tuple[str, str, EdgeType, int], dict] = {}
        met: list[str] = []  # who took part in the latest meeting the article reported
        issues: dict[str, tuple[str, str]] = {}
        extract_mentions: set[str] = set()
        if doc._.ag_agency:
            # "(Reuters)": the agency credited by the dateline is a news organisation the article
            # names; it reports, so it takes no issue and no edge
            agency = actors.add(NodeLabel.ORGANIZATION, doc._.ag_agency)
            actors.actors[agency].mentions += 1  # the dateline's credit is a mention
            extract_mentions.add(agency)
        actor_spans: list[Span] = []
        for (kind, unit_start, _unit_end, offset), unit_ents, unit_mentions, unit_sents in zip(
            units, ents_by_unit, mentions_by_unit, sents_by_unit, strict=True
        ):
            extracting = kind in EXTRACT_KINDS
            char_base = offset - doc[unit_start].idx if unit_sents else 0
            for sent in unit_sents:
                ents = [e for e in unit_ents if e.start >= sent.start and e.end <= sent.end]
                found = actors.resolve_sentence(sent, ents, track=extracting)
                if not extracting:
                    actor_spans += self._actor_spans(doc, found)
                    continue
                extract_mentions.update(found.all_keys())
                sent_issues = [
                    m
                    for m in unit_mentions
                    if sent.start <= m.span.start < sent.end
                    # "Italy fined the charity": a description of an actor is no issue mention
                    and not _names_an_organization(m.span, found, actors)
                    # "Trade Minister Budi Santoso", "union leader Walter Ccori": a title
                    and not _in_a_title(m.span, self.lex)
                ]
                for m in sent_issues:
                    issues[m.issue.name] = (node_id(NodeLabel.ISSUE, m.issue.name), m.issue.topic)
                evidence = {
                    "sentence": [sent.start, sent.end],
                    "text": sent.text.strip(),
                    "start": char_base + sent.start_char,
                    "end": char_base + sent.end_char,
                }
                structural = structural_relations(sent, found, actors)  # first: who serves whom
                relations = SentenceRelations(sent, found, sent_issues, self.lex, actors).relations
                relations += structural
                relations += self._demonym_perpetrators(sent_issues, actors)
                meetings = [r for r in relations if r.type is EdgeType.MET]
                if meetings:
                    met = [meetings[-1].source, meetings[-1].target]

                def tie(source: str, target: str, edge_type: EdgeType, evidence: dict = evidence) -> None:
                    edges.setdefault(
                        (source, target, edge_type, evidence["start"]),
                        {"source": source, "target": target, "type": str(edge_type), **evidence},
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
                        issues[group_issue.name] = (issue_key, group_issue.topic)
                        tie(key, issue_key, EdgeType.INVOLVED_IN)
                        typed_pairs.add((key, issue_key))
                    actor_tokens = [doc[i] for i, keys in found.tokens.items() if key in keys]
                    for m in sent_issues:
                        issue_key = node_id(NodeLabel.ISSUE, m.issue.name)
                        if (key, issue_key) in typed_pairs:
                            continue
                        if any(governs(t, m.span.root) for t in actor_tokens):
                            tie(key, issue_key, EdgeType.ASSOCIATED_WITH)
                actor_spans += self._actor_spans(doc, found)
        drop_weaker_roles(edges)
        add_implied_issue_ties(edges, self.lex, {name: key for name, (key, _topic) in issues.items()})
        in_edges = {key for e in edges.values() for key in (e["source"], e["target"])}
        # "called on Dravenia": a name first read as a place and then as the state it is, with no
        # edge of its own as a place, is that state alone (one node per entity)
        country_names = {a.name for a in actors.actors.values() if a.label is NodeLabel.COUNTRY}
        graph_actors = {
            a.key: {
                "label": str(a.label),
                "name": a.name,
                "aliases": sorted(a.aliases),
                "mentions": a.mentions,
            }
            for a in actors.actors.values()
            if (a.key in extract_mentions or a.key in in_edges)
            and not (a.label is NodeLabel.PLACE and a.name in country_names and a.key not in in_edges)
        }
        for a in actors.actors.values():
            if a.label is NodeLabel.PLACE and a.key not in graph_actors and a.name in country_names:
                state = graph_actors.get(node_id(NodeLabel.COUNTRY, a.name))
                if state is not None:  # its mentions are the state's
                    state["mentions"] += a.mentions
        kept = set(graph_actors) | {key for key, _topic in issues.values()}
        doc.spans[ACTORS_KEY] = actor_spans
        doc._.ag_actors = graph_actors
        doc._.ag_issues = {name: {"key": key, "topic": topic} for name, (key, topic) in issues.items()}
        doc._.ag_relations = [e for e in edges.values() if e["source"] in kept and e["target"] in kept]
        _TRANSIENT.pop(doc, None)
        return doc

    @staticmethod
    def _bucket(units, items, buckets, start_of) -> None:
        """Items sorted by start into the unit that holds them (separators hold nothing)."""
        index = 0
        for item in items:
            start = start_of(item)
            while index < len(units) - 1 and start >= units[index][2]:
                index += 1
            if units and units[index][1] <= start < units[index][2]:
                buckets[index].append(item)

    @staticmethod
    def _actor_spans(doc: Doc, found: SentenceActors) -> list[Span]:
        """One span per run of tokens standing for the same actor, labelled with its key."""
        spans: list[Span] = []
        runs: dict[str, list[int]] = {}
        for i in sorted(found.tokens):
            for key in found.tokens[i]:
                run = runs.get(key)
                if run is not None and run[1] == i:
                    run[1] = i + 1
                    continue
                if run is not None:
                    spans.append(Span(doc, run[0], run[1], label=key))
                runs[key] = [i, i + 1]
        spans += [Span(doc, a, b, label=key) for key, (a, b) in runs.items()]
        return sorted(spans, key=lambda s: (s.start, s.end, s.label_))

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


@Language.factory(
    "actorgraph_relations",
    requires=["doc.ents", "doc.spans", "token.dep"],
    assigns=["doc.spans", "doc._.ag_actors", "doc._.ag_issues", "doc._.ag_relations"],
    default_config={"lexicon_dirs": [], "issues_key": ISSUES_KEY},
)
def make_relation_finder(
    nlp: Language, name: str, lexicon_dirs: list[str], issues_key: str
) -> RelationFinder:
    return RelationFinder(_lexicons(lexicon_dirs), issues_key)


# ----- the pipeline ---------------------------------------------------------------------------


def extraction_pipeline(lexicon_dirs: Iterable[Path | str] = (), nlp: Language | None = None) -> Language:
    """A Language with the four components added after the model's own.

    Loads a model of its own unless `nlp` is given: `load_pipeline()` returns the one pipeline
    that `Extractor` parses paragraphs with, which should stay bare.
    """
    if nlp is None:
        from actorgraph.loaders.nlp import load_model

        nlp = load_model()
    config = {"lexicon_dirs": [str(d) for d in lexicon_dirs]}
    for name in COMPONENTS:
        nlp.add_pipe(name, config=config)
    return nlp
