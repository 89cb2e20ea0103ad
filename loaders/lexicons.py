"""Loading the lexicons (data files in TOML) and merging the user's own on top.

The shipped files live beside this module in `lexicons/`. A user extends them with a folder of
files with the same names, given by `--lexicon DIR` or `ACTORGRAPH_LEXICONS` (several folders
joined with the path separator): lists are appended, tables are merged, nothing is replaced.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from actorgraph.graph.model import EdgeType, normalize_alias
from actorgraph.loaders.agent_words import AgentWords, parse_agent_words

SHIPPED = Path(__file__).parent / "lexicons"
FILES = ("issues", "verbs", "roles", "countries", "actors", "boilerplate")


class LexiconError(ValueError):
    """A lexicon file is malformed; the message names the file and the entry."""


SENSE_WORD_KEYS = (
    "followed_by",
    "not_followed_by",
    "preceded_by",
    "not_preceded_by",
    "near",
    "not_near",
    "head",
    "not_head",
)


@dataclass(frozen=True)
class Sense:
    """Where one trigger of an issue means the issue (the format is documented in issues.toml).

    Word lists hold lower-cased words or phrases; `pos` holds coarse parts of speech.
    """

    trigger: str
    followed_by: tuple[str, ...] = ()
    not_followed_by: tuple[str, ...] = ()
    preceded_by: tuple[str, ...] = ()
    not_preceded_by: tuple[str, ...] = ()
    near: tuple[str, ...] = ()
    not_near: tuple[str, ...] = ()
    head: tuple[str, ...] = ()
    not_head: tuple[str, ...] = ()
    case: str | None = None
    pos: tuple[str, ...] = ()


@dataclass(frozen=True)
class Issue:
    name: str
    topic: str
    triggers: tuple[str, ...]
    harm: bool = False
    cap: str | None = None
    senses: tuple[Sense, ...] = ()
    #: a wrong in itself (corruption, fraud, repression): acting on it is acting against it
    negative: bool = False


def _issue(entry: dict) -> Issue:
    """One `[[issue]]` entry, its senses checked against its triggers."""
    name = entry["name"]
    triggers = tuple(entry["triggers"])
    senses = []
    for raw in entry.get("senses", []):
        where = f"issues: {name!r}: sense {raw!r}"
        unknown = set(raw) - {"trigger", "case", "pos", *SENSE_WORD_KEYS}
        if unknown:
            raise LexiconError(f"{where}: unknown key(s) {sorted(unknown)}")
        if raw.get("trigger") not in triggers:
            raise LexiconError(f"{where}: the trigger is not among the issue's triggers")
        words = {k: tuple(str(w).lower() for w in raw.get(k, ())) for k in SENSE_WORD_KEYS}
        pos = tuple(str(p).upper() for p in raw.get("pos", ()))
        senses.append(Sense(raw["trigger"], **words, case=raw.get("case"), pos=pos))
    cap = entry.get("cap")
    return Issue(
        name,
        entry.get("topic", "Other"),
        triggers,
        bool(entry.get("harm")),
        str(cap) if cap is not None else None,
        tuple(senses),
        bool(entry.get("negative", entry.get("harm"))),
    )


@dataclass(frozen=True)
class RelationClass:
    name: str
    cameo: str
    actor_edge: EdgeType | None
    issue_edge: EdgeType | None
    lemmas: frozenset[str]
    nouns: frozenset[str]
    light: frozenset[tuple[str, str]]
    preps: frozenset[str]
    #: prepositions a light-verb phrase of this class takes its target with, besides the usual
    #: "to", "on", "with", "against", "of": "pointed the finger at X"
    light_preps: frozenset[str] = frozenset()
    blame: bool = False
    symmetric: bool = False
    speech: bool = False
    source_prep: str | None = None
    #: (verb lemma, preposition) pairs: the class applies only with that preposition ("fire at")
    prep_verbs: frozenset[tuple[str, str]] = frozenset()
    #: takes a to-infinitive that is not asserted ("threatened to expel", "urged X to free")
    complement: bool = False
    #: the roles are the other way round: "received arms from X" is X aiding the subject
    converse: bool = False
    #: one-line sentences with the relations they must give: documentation that a test runs;
    #: a known gap (text, expect, why) is run too and must keep failing until it is fixed
    examples: tuple[tuple[str, tuple[tuple[str, str, str], ...], str | None], ...] = ()


@dataclass(frozen=True)
class EventIssue:
    """An event type that instantiates issues, and the ties it gives its doer and its target."""

    issues: tuple[str, ...]
    source: EdgeType | None
    target: EdgeType | None
    #: the doer's tie when the issue is a wrong in itself ("investigated corruption")
    source_negative: EdgeType | None = None
    #: the doer's tie to any wrong the event's own sentence names ("sanctioned X over the coup")
    against_wrongs: EdgeType | None = None


@dataclass(frozen=True)
class Modality:
    """Words that make a clause unasserted: wishes and plans, hedges, conditions."""

    irrealis: frozenset[str] = frozenset()
    hedges: frozenset[str] = frozenset()
    conditionals: frozenset[str] = frozenset()
    irrealis_objects: frozenset[str] = frozenset()
    opposing: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Country:
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    metonyms: tuple[str, ...]


@dataclass(frozen=True)
class RoleHolder:
    role: str
    country: str
    name: str
    start: date
    end: date


@dataclass
class Lexicons:
    issues: list[Issue]
    relations: list[RelationClass]
    countries: list[Country]
    holders: list[RoleHolder]
    titles: dict[str, bool]  # role words -> is a leader role
    honorifics: frozenset[str]
    government_nouns: frozenset[str]
    plural_actors: frozenset[str]
    meeting_nouns: frozenset[str]
    org_suffixes: frozenset[str]
    place_nouns: frozenset[str]
    group_nouns: dict[str, str | None]
    lone_group_nouns: frozenset[str]
    named_groups: dict[str, str]  # normalised alias -> group name
    group_qualifiers: frozenset[str]
    organizations: dict[str, str]  # normalised alias -> canonical name
    organization_forms: frozenset[str]  # the same names and aliases as the press writes them
    boilerplate: dict[str, list[re.Pattern]]
    insults: frozenset[str]
    denial_predicates: frozenset[str]
    praises: frozenset[str]
    #: fighting words that, between people, are a quarrel ("clashed", "sparred")
    verbal_clashes: frozenset[str] = frozenset()
    behest_nouns: frozenset[str] = frozenset()
    #: named word lists single rules read (`[rule_words]` of verbs.toml and actors.toml)
    rule_words: dict[str, frozenset[str]] = field(default_factory=dict)
    modality: Modality = field(default_factory=Modality)
    event_issues: dict[EdgeType, EventIssue] = field(default_factory=dict)
    agents: AgentWords = field(default_factory=AgentWords)  # unnamed agents, stop lists
    # derived look-ups
    country_by_alias: dict[str, str] = field(default_factory=dict)
    country_by_adjective: dict[str, str] = field(default_factory=dict)
    metonym_forms: set[str] = field(default_factory=set)
    verb_classes: dict[str, list[RelationClass]] = field(default_factory=dict)
    noun_classes: dict[str, list[RelationClass]] = field(default_factory=dict)
    light_classes: dict[tuple[str, str], RelationClass] = field(default_factory=dict)
    prep_verb_classes: dict[tuple[str, str], RelationClass] = field(default_factory=dict)
    issue_by_name: dict[str, Issue] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for country in self.countries:
            for form in country.metonyms:
                self.metonym_forms.add(normalize_alias(form))
            for form in (country.name, *country.aliases, *country.metonyms):
                self.country_by_alias[normalize_alias(form)] = country.name
                self.country_by_alias.setdefault(normalize_alias(form.removeprefix("the ")), country.name)
            for form in country.adjectives:
                self.country_by_adjective[normalize_alias(form)] = country.name
        for rel in self.relations:
            for lemma in rel.lemmas:
                self.verb_classes.setdefault(lemma, []).append(rel)
            for noun in rel.nouns:
                self.noun_classes.setdefault(noun, []).append(rel)
            for pair in rel.light:
                self.light_classes.setdefault(pair, rel)
            for pair in rel.prep_verbs:
                self.prep_verb_classes.setdefault(pair, rel)
        self.issue_by_name = {issue.name: issue for issue in self.issues}

    def words(self, name: str) -> frozenset[str]:
        """A rule's named word list; a missing one is a lexicon error, not a silent empty list."""
        try:
            return self.rule_words[name]
        except KeyError:
            raise LexiconError(f"rule_words: no list named {name!r}") from None

    def country_of(self, text: str) -> str | None:
        """The country a name, metonym or demonym stands for, if any."""
        key = normalize_alias(text.removeprefix("the ").removeprefix("The "))
        return self.country_by_alias.get(key) or self.country_by_adjective.get(key)

    def countries_held_by(self, role: str | None, name: str, on: date | None) -> list[str]:
        """Countries in which `name` held `role` (any leader role if None) on a date.

        "President Emmanuel Macron" with no country, or "the Macron government": the name may
        be the holder's full name or its last words.
        """
        norm = normalize_alias(name)
        return list(
            dict.fromkeys(
                h.country
                for h in self.holders
                if (h.role == role if role is not None else self.titles.get(h.role, False))
                and (normalize_alias(h.name) == norm or normalize_alias(h.name).endswith(" " + norm))
                and (on is None or h.start <= on < h.end)
            )
        )

    def holders_of(self, role: str | None, country: str, on: date | None) -> list[str]:
        """Who held `role` (any leader role if None) in `country` on a date."""
        names = []
        for holder in self.holders:
            if holder.country != country:
                continue
            if role is not None and holder.role != role:
                continue
            if role is None and not self.titles.get(holder.role, False):
                continue
            if on is None or holder.start <= on < holder.end:
                names.append(holder.name)
        return list(dict.fromkeys(names))


def _read_layers(name: str, extra_dirs: tuple[Path, ...]) -> list[tuple[Path, dict]]:
    layers = []
    for folder in (SHIPPED, *extra_dirs):
        path = folder / f"{name}.toml"
        if path.exists():
            try:
                layers.append((path, tomllib.loads(path.read_text(encoding="utf-8"))))
            except tomllib.TOMLDecodeError as exc:
                raise LexiconError(f"{path}: {exc}") from exc
    return layers


def _merged(name: str, extra_dirs: tuple[Path, ...]) -> dict:
    merged: dict = {}
    for _path, data in _read_layers(name, extra_dirs):
        for key, value in data.items():
            if isinstance(value, list):
                merged.setdefault(key, []).extend(value)
            elif isinstance(value, dict):
                target = merged.setdefault(key, {})
                for sub_key, sub_value in value.items():
                    if isinstance(sub_value, list):
                        target.setdefault(sub_key, []).extend(sub_value)
                    else:
                        target[sub_key] = sub_value
            else:
                merged[key] = value
    return merged


def _edge(value: str | None, where: str) -> EdgeType | None:
    if value is None:
        return None
    try:
        return EdgeType(value)
    except ValueError as exc:
        allowed = ", ".join(e.value for e in EdgeType)
        raise LexiconError(f"{where}: unknown edge type {value!r} (one of {allowed})") from exc


def _pairs(entry: dict, key: str, where: str) -> frozenset[tuple[str, str]]:
    pairs = set()
    for pair in entry.get(key, []):
        first, sep, second = str(pair).partition(":")
        if not sep or not first or not second:
            raise LexiconError(f"{where}: {key} entry {pair!r} is not of the form 'verb:word'")
        pairs.add((first.lower(), second.lower()))
    return frozenset(pairs)


def _examples(entry: dict, where: str) -> tuple:
    examples = []
    for example in entry.get("examples", []):
        if not isinstance(example, dict) or not isinstance(example.get("text"), str):
            raise LexiconError(f"{where}: an example needs a text")
        expect = tuple(tuple(triple) for triple in example.get("expect", []))
        if any(len(t) != 3 for t in expect):
            raise LexiconError(f"{where}: example expectations are [source, TYPE, target] triples")
        if example.get("gap") is not None and not isinstance(example["gap"], str):
            raise LexiconError(f"{where}: an example's gap is a sentence saying why it fails")
        examples.append((example["text"], expect, example.get("gap")))
    return tuple(examples)


def _relation(entry: dict) -> RelationClass:
    where = f"verbs.toml relation {entry.get('name', '?')!r}"
    return RelationClass(
        name=entry["name"],
        cameo=str(entry.get("cameo", "")),
        actor_edge=_edge(entry.get("actor_edge"), where),
        issue_edge=_edge(entry.get("issue_edge"), where),
        lemmas=frozenset(entry.get("lemmas", [])),
        nouns=frozenset(entry.get("nouns", [])),
        light=_pairs(entry, "light", where),
        preps=frozenset(entry.get("preps", [])),
        light_preps=frozenset(entry.get("light_preps", [])),
        blame=bool(entry.get("blame", False)),
        symmetric=bool(entry.get("symmetric", False)),
        speech=bool(entry.get("speech", False)),
        source_prep=entry.get("source_prep"),
        prep_verbs=_pairs(entry, "prep_verbs", where),
        complement=bool(entry.get("complement", False)),
        converse=bool(entry.get("converse", False)),
        examples=_examples(entry, where),
    )


def _event_issues(entries: list) -> dict[EdgeType, EventIssue]:
    out: dict[EdgeType, EventIssue] = {}
    for entry in entries:
        where = f"verbs.toml event_issue {entry.get('edge', '?')!r}"
        edge = _edge(entry.get("edge"), where)
        if edge is None:
            raise LexiconError(f"{where}: an event_issue needs an edge")
        known = out.get(edge)
        issues = (*(known.issues if known else ()), *entry.get("issues", []))
        out[edge] = EventIssue(
            tuple(dict.fromkeys(issues)),
            _edge(entry.get("source"), where) if known is None else known.source,
            _edge(entry.get("target"), where) if known is None else known.target,
            _edge(entry.get("source_negative"), where) if known is None else known.source_negative,
            _edge(entry.get("against_wrongs"), where) if known is None else known.against_wrongs,
        )
    return out


def extra_dirs_from_env() -> tuple[Path, ...]:
    value = os.environ.get("ACTORGRAPH_LEXICONS", "")
    return tuple(Path(p) for p in value.split(os.pathsep) if p)


@lru_cache(maxsize=8)
def load_lexicons(extra_dirs: tuple[Path, ...] = ()) -> Lexicons:
    extra_dirs = tuple(extra_dirs) + extra_dirs_from_env()
    for folder in extra_dirs:
        if not folder.is_dir():
            raise LexiconError(f"{folder}: lexicon folder not found")
    issues_data = _merged("issues", extra_dirs)
    verbs = _merged("verbs", extra_dirs)
    roles = _merged("roles", extra_dirs)
    countries = _merged("countries", extra_dirs)
    actors = _merged("actors", extra_dirs)
    boiler = _merged("boilerplate", extra_dirs)
    try:
        issues = [_issue(e) for e in issues_data.get("issue", [])]
        titles: dict[str, bool] = {}
        for entry in roles.get("title", []):
            for word in entry["words"]:
                titles[word.lower()] = titles.get(word.lower(), False) or bool(entry.get("leader"))
        holders = [
            RoleHolder(
                e["role"],
                e["country"],
                e["name"],
                date.fromisoformat(str(e["from"])),
                date.fromisoformat(str(e["to"])),
            )
            for e in roles.get("holder", [])
        ]
        organizations = {}
        organization_forms = set()
        for entry in actors.get("organization", []):
            for form in (entry["name"], *entry.get("aliases", [])):
                organizations[normalize_alias(form)] = entry["name"]
                organization_forms.add(form)
        return Lexicons(
            issues=issues,
            relations=[_relation(e) for e in verbs.get("relation", [])],
            countries=[
                Country(
                    e["name"],
                    tuple(e.get("aliases", [])),
                    tuple(e.get("adjectives", [])),
                    tuple(e.get("metonyms", [])),
                )
                for e in countries.get("country", [])
            ],
            holders=holders,
            titles=titles,
            honorifics=frozenset(actors.get("honorifics", [])),
            government_nouns=frozenset(actors.get("government_nouns", [])),
            plural_actors=frozenset(actors.get("plural_actors", [])),
            meeting_nouns=frozenset(actors.get("meeting_nouns", [])),
            org_suffixes=frozenset(actors.get("org_suffixes", [])),
            place_nouns=frozenset(actors.get("place_nouns", [])),
            group_nouns={e["noun"]: e.get("issue") for e in actors.get("group_noun", [])},
            lone_group_nouns=frozenset(e["noun"] for e in actors.get("group_noun", []) if e.get("alone")),
            named_groups={
                normalize_alias(n): n.removeprefix("the ")
                for n in [*actors.get("named_groups", []), *actors.get("peoples", [])]
            },
            group_qualifiers=frozenset(actors.get("group_qualifiers", [])),
            organizations=organizations,
            organization_forms=frozenset(organization_forms),
            boilerplate={
                key: [re.compile(p) for p in boiler.get(key, [])]
                for key in ("readmore", "byline", "credit", "furniture", "dateline")
            },
            insults=frozenset(verbs.get("labels", {}).get("insults", [])),
            denial_predicates=frozenset(verbs.get("labels", {}).get("denial_predicates", [])),
            praises=frozenset(verbs.get("labels", {}).get("praises", [])),
            verbal_clashes=frozenset(verbs.get("labels", {}).get("verbal_clashes", [])),
            behest_nouns=frozenset(verbs.get("labels", {}).get("behest_nouns", [])),
            rule_words={
                name: frozenset(words)
                for table in (verbs.get("rule_words", {}), actors.get("rule_words", {}))
                for name, words in table.items()
            },
            event_issues=_event_issues(verbs.get("event_issue", [])),
            modality=Modality(
                irrealis=frozenset(verbs.get("modality", {}).get("irrealis", [])),
                hedges=frozenset(verbs.get("modality", {}).get("hedges", [])),
                conditionals=frozenset(verbs.get("modality", {}).get("conditionals", [])),
                irrealis_objects=frozenset(verbs.get("modality", {}).get("irrealis_objects", [])),
                opposing=frozenset(verbs.get("modality", {}).get("opposing", [])),
            ),
            agents=parse_agent_words(actors),
        )
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, LexiconError):
            raise
        raise LexiconError(f"malformed lexicon entry: {exc!r}") from exc
