"""Within-article actor resolution: which actor each token stands for.

One `ArticleActors` lives for one article. A first pass (`learn_names`) collects the people the
article names in full, so that later surface forms ("Ms Ardern", "Ardern", "the Ardern-led team")
attach to one node. The second pass (`resolve_sentence`) maps tokens to actor keys: named
entities (with the NER's label mistakes corrected by what the article says about them),
metonyms and demonyms to countries, role descriptions ("the Russian leader") to the person who
holds the role, unnamed collectives to `Group`s, and pronouns to their most likely antecedent.

The first pass also learns what the article establishes for itself (`agents.py`): invented
countries ("Zamrovian" ↔ "Zamrovia", "Zamrovia's navy"), acronyms and short forms of its
organisations ("PDVSA", "the Commission"), and which named group a group noun stands for
("Russian hackers" in an article about Clop, "a Russian ransomware gang"). Unnamed agents
("Greek patrol boats", "a Moroccan court", "Egypt's intelligence chief") become `Group`s on
their head noun, tied to their country. Capitalised common words ("Member States", "Brexit")
are never actors (`not_actors` in `actors.toml`); the entity spans themselves are repaired
before all this (`called_names.py`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from actorgraph.graph.model import EdgeType, NodeLabel, node_id
from actorgraph.graph.model import normalize_alias as _normalize_alias
from actorgraph.loaders.agents import AgentFinder, guess_country, learn_countries, learn_named_groups
from actorgraph.loaders.lexicons import Lexicons
from actorgraph.loaders.slots import acts, known_word, phrase_end, relative_pronouns
from spacy.tokens import Span, Token

ACTOR_ENT_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
#: the same few names are normalised again and again within an article
normalize_alias = lru_cache(maxsize=1 << 16)(_normalize_alias)
_SUBJECT_PRONOUNS = {"he", "she"}
_OBJECT_PRONOUNS = {"him", "her"}
_PLURAL_PRONOUNS = {"they", "them", "their"}
#: verbs of a free relative that labels what the clause's subject speaks of ("what it called")
_FREE_RELATIVE_LABELS = frozenset({"call", "describe", "term", "label", "brand", "dub", "see", "consider"})
_DOTTED_ABBREVIATION = re.compile(r"^(?:[A-Z]\.){2,}$")  # "U.S.", "U.K."
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
#: possessives that are part of a name inside it ("People's Liberation Army", "Workers' Party")
_NAME_POSSESSIVES = frozenset(
    {
        "people's",
        "workers'",
        "women's",
        "children's",
        "farmers'",
        "peasants'",
        "citizens'",
        "veterans'",
        "lawyers'",
        "journalists'",
        "teachers'",
        "miners'",
        "doctors'",
        "patients'",
        "mothers'",
        "employers'",
        "traders'",
        "nations'",
        "states'",
        "writers'",
        "students'",
    }
)
_NAME_TOKEN = re.compile(r"^[^\W\d_][\w'’.-]*$")
_COUNTERPART_ROLES = {"counterpart", "opposite number"}
#: "talks in Vienna", "recalled to Moscow": a capital after these is the place, not the state.
_LOCATIVE_PREPS = {
    "in",
    "at",
    "to",
    "into",
    "near",
    "inside",
    "outside",
    "around",
    "across",
    "toward",
    "towards",
}


@lru_cache(maxsize=8)
def _name_word(word: str, inside: bool) -> str:
    """A word of a name without its possessive, unless the possessive belongs to the name."""
    if inside and word.lower().replace("’", "'") in _NAME_POSSESSIVES:
        return word
    return _POSSESSIVE.sub("", word)


def _head_of_name(parts: list[str]) -> str | None:
    """The noun a short form keeps: "Forces" of "Armed Forces of Malta", "Commission" of "European Commission"."""
    for i, word in enumerate(parts[1:], 1):
        if word in {"of", "for", "on", "against", "in"}:  # "Mission for the Stabilisation of …"
            return parts[i - 1] if parts[i - 1][:1].isupper() else None
    return parts[-1]


def _plural_heads(phrases: frozenset[str]) -> frozenset[str]:
    return frozenset(p.split()[-1] for p in phrases)


_NOT_NAME_ENTS = frozenset(
    {"DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "LOC", "FAC", "QUANTITY"}
)


def _word_before_of(span: Span) -> Token | None:
    """ "town" in "the town of Lagunas", "Secretary" in "Secretary of State"."""
    doc = span.doc
    return doc[span.start - 2] if span.start > 1 and doc[span.start - 1].lower_ == "of" else None


#: Prepositions after which a lone name is where something happens, not who ("in Mytilene").
_WHERE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "around"})
#: "residents of X", "the outskirts of X": X is a place
_DWELLER_NOUNS = frozenset(
    {"resident", "inhabitant", "outskirts", "outskirt", "mayor", "townspeople", "villager"}
)
#: "the X border crossing", "the X air base": a site named after its place
_SITE_NOUNS = frozenset(
    {
        "crossing",
        "base",
        "airport",
        "airfield",
        "airbase",
        "harbour",
        "harbor",
        "checkpoint",
        "camp",
        "border",
        "terminal",
        "refinery",
        "garrison",
        "outpost",
    }
)


def _where(span: Span) -> bool:
    """A one-word name where things happen: "in Mytilene", "residents of Kaldar", "the
    Medininkai border crossing"."""
    root = span.root
    if len(span) != 1:
        return False
    if root.dep_ == "pobj" and root.head.lower_ in _WHERE_PREPS:
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in _DWELLER_NOUNS:
        return True
    head = root
    while head.dep_ == "compound" and head.head.pos_ == "NOUN":
        head = head.head
    return head is not root and head.lemma_.lower() in _SITE_NOUNS


def _place_of_person(span: Span) -> bool:
    """ "Archbishop Teodoro Vance of Porto Lume": a name after a person's "of" is their see or town."""
    before = _word_before_of(span)
    return before is not None and before.ent_type_ == "PERSON" and before.pos_ == "PROPN"


def author_participle(word: str) -> bool:
    """ "drafted", "backed", "led", "run": the second half of "Kethmar-drafted", "Iran-backed"."""
    return word.islower() and (word.endswith("ed") or word in {"led", "run", "built", "made", "held"})


def _acts_as_state(token: Token) -> bool:
    """A subject, object or possessor, or the party after "with", "by", "between": not "advanced
    on Aleppo", which names a city whatever the verb."""
    if not acts(token):
        return False
    node = token
    while node.dep_ in {"conj", "appos"} and node.head.i != node.i:
        node = node.head
    return node.dep_ != "pobj" or node.head.lower_ in {"with", "by", "between"}


def _capitalised_word(span: Span) -> bool:
    """An English word capitalised only because it opens the sentence and modifies the next noun."""
    token = span[0]
    doc = token.doc
    return (
        len(span) == 1
        and token.i == token.sent.start
        and token.i + 1 < len(doc)
        and doc[token.i + 1].pos_ == "NOUN"
        and known_word(token.lower_)
    )


_BODY = frozenset({NodeLabel.ORGANIZATION})
_ARMED = frozenset({NodeLabel.ORGANIZATION, NodeLabel.GROUP})
#: Descriptions that refer back to a named actor ("the regulator"), with the labels it may have.
_DESCRIPTIONS: dict[str, frozenset[NodeLabel]] = {
    **{
        w: _BODY
        for w in (
            "regulator",
            "watchdog",
            "commission",
            "committee",
            "agency",
            "ministry",
            "court",
            "company",
            "firm",
            "group",
            "bloc",
            "alliance",
            "organisation",
            "organization",
            "association",
            "studio",
            "insurer",
            "bank",
            "party",
            "union",
            "council",
            "operator",
            "carrier",
            "airline",
            "maker",
            "manufacturer",
            "producer",
            "miner",
            "developer",
            "broadcaster",
            "newspaper",
            "charity",
            "federation",
            "forum",
            "body",
            "tribunal",
            "authority",
            "office",
            "department",
            "lab",
            "chain",
            "network",
            "platform",
            "mission",
            "bureau",
            "directorate",
            "board",
            "inspectorate",
            "service",
        )
    },
    **{
        w: _ARMED
        for w in ("junta", "militia", "gang", "rebels", "movement", "front", "network", "collective")
    },
}
#: The words for a kind of body ("the charity", "a patients' charity"), which describe an
#: actor rather than name an issue.
DESCRIPTION_NOUNS = frozenset(_DESCRIPTIONS)
#: Words for the same unnamed crowd in one article: one node, under the first word.
_SAME_CROWD = {"demonstrators": "protesters", "protestors": "protesters", "marchers": "protesters"}
#: Descriptions generic enough to mean the last organisation named, with no other clue.
_GENERIC_DESCRIPTIONS = frozenset({"company", "firm", "group", "regulator", "watchdog", "agency"})
_BUSINESS_DESCRIPTIONS = frozenset({"company", "firm"})

#: Parts of speech no actor finder looks at: skipping them first keeps the token loop cheap.
_NEVER_ACTORS = frozenset(
    {"DET", "ADP", "PUNCT", "AUX", "CCONJ", "SCONJ", "PART", "SPACE", "SYM", "NUM", "ADV", "INTJ"}
)

_COUNTRY_ENDINGS = ("ia", "land", "stan", "ea", "ay", "ana", "ria", "ova", "any")


@dataclass
class Actor:
    key: str
    label: NodeLabel
    name: str
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0
    roles: set[tuple[str, str | None]] = field(default_factory=set)
    #: an unnamed agent's country and its tie to it ("Greek patrol boats" MEMBER_OF Greece)
    affiliation: tuple[str, EdgeType] | None = None
    #: what the article calls it ("Tessaro Games, a Busan studio"): for "the studio" later
    descriptions: set[str] = field(default_factory=set)


@dataclass
class SentenceActors:
    """Token index -> actor keys for one sentence, plus the role of each resolved token."""

    tokens: dict[int, list[str]] = field(default_factory=dict)

    def add(self, token: Token, keys: list[str]) -> None:
        if keys:
            self.tokens[token.i] = list(dict.fromkeys(keys))

    def keys_of(self, token: Token) -> list[str]:
        return self.tokens.get(token.i, [])

    def all_keys(self) -> list[str]:
        return list(dict.fromkeys(k for keys in self.tokens.values() for k in keys))


class ArticleActors:
    def __init__(self, lexicons: Lexicons, article_date: str | None) -> None:
        self.lex = lexicons
        self.date = date.fromisoformat(article_date) if article_date else None
        self.actors: dict[str, Actor] = {}
        self._full_names: dict[str, str] = {}  # normalised full name -> key
        self._name_parts: dict[str, set[str]] = {}  # normalised surname or first name -> keys
        self._name_counts: Counter[str] = Counter()
        self._recent_people: list[str] = []
        self._recent_bodies: list[str] = []  # organisations, groups and countries, in order named
        self._last_subject_people: list[str] = []
        self._last_subject_group: list[str] = []
        self._last_subject_orgs: list[str] = []
        self._last_subject_countries: list[str] = []
        self._states_of: dict[str, list[str]] = {}  # person or agent -> states it leads or serves
        self._event_doers: dict[str, list[str]] = {}  # relation class -> doers of its last event
        self._main_pair: list[str] | None = None
        self.local_countries: dict[str, str] = {}  # normalised name or demonym -> country
        self.dateline_place: str | None = None  # "Selt" of "SELT, Nov 14 —"
        self._town_words: set[str] = set()  # one-word names the article uses as towns
        self._dateline_country: str | None = None  # the country the dateline's story is about
        self._lexicon_countries: dict[str, str | None] = {}  # memo of the lexicon's look-up
        self._org_aliases: dict[str, str] = {}  # "pdvsa", "commission" -> the organisation's name
        self._org_short_names: dict[str, str] = {}  # "nexalto" -> "Nexalto Technologies"
        self.named_group_for: dict[str, str] = {}  # "hackers" -> "Clop" when the article says so
        self.agents = AgentFinder(self)
        self._plural_heads = _plural_heads(lexicons.plural_actors)
        agents = lexicons.agents
        self._org_endings = lexicons.org_suffixes | agents.org_name_endings  # last words of organisations
        # last words no person's name has: "… International", "Civic Alliance", "… Army"
        self._never_surnames = self._org_endings | agents.party_nouns | agents.body_heads
        # last words that make a name with a place word in it a body ("Tarn Valley Liberation Front")
        self._body_name_heads = agents.body_heads | agents.never_place_heads

    # ----- registry -------------------------------------------------------------------------

    def add(self, label: NodeLabel, name: str, surface: str | None = None) -> str:
        if label is NodeLabel.ORGANIZATION and " " not in name:
            # "Nexalto", whichever rule found it, is the "Nexalto Technologies" the article named
            name = self._org_short_names.get(normalize_alias(name), name)
        key = node_id(label, name)
        actor = self.actors.get(key)
        if actor is None:
            actor = self.actors[key] = Actor(key, label, name, {name})
        if surface:
            actor.aliases.add(surface)
        return key

    def _register_person(self, parts: list[str], surface: str) -> str:
        name = " ".join(parts)
        existing = self._full_names.get(normalize_alias(name))
        if existing:
            self.actors[existing].aliases.add(surface)
            return existing
        key = self.add(NodeLabel.PERSON, name, surface)
        self._full_names[normalize_alias(name)] = key
        if len(parts) >= 2:
            self.actors[key].aliases.add(parts[-1])
            particles = self.lex.agents.name_particles
            # every name word: "Lula" in "Luiz Inacio Lula da Silva", not "da"
            for part in parts:
                if part.lower() not in particles:
                    self._name_parts.setdefault(normalize_alias(part), set()).add(key)
        return key

    def find_person(self, text: str) -> str | None:
        norm = normalize_alias(_POSSESSIVE.sub("", text))
        if norm in self._full_names:
            return self._full_names[norm]
        keys = self._name_parts.get(norm, set())
        if len(keys) == 1:
            return next(iter(keys))
        # a plural family name ("the Smiths") or a name with a stray suffix
        if norm.endswith("s") and len(self._name_parts.get(norm[:-1], set())) == 1:
            return next(iter(self._name_parts[norm[:-1]]))
        return None

    def country_of(self, text: str) -> str | None:
        """A country from the lexicon, or one the article itself establishes ("Zamrovia")."""
        try:
            known = self._lexicon_countries[text]
        except KeyError:
            known = self._lexicon_countries[text] = self.lex.country_of(text)
        return known or self.local_countries.get(
            normalize_alias(_POSSESSIVE.sub("", text).removeprefix("the ").removeprefix("The "))
        )

    # ----- pass 1: names --------------------------------------------------------------------

    def clean_name(self, span: Span) -> list[str]:
        """Name words of a span without determiners, honorifics, titles and possessives."""
        # whitespace words, so hyphenated names ("Yoon Suk-yeol") stay whole
        raw = span.text.split()
        words = [_name_word(w, inside=i < len(raw) - 1).strip('.,;:!?"“”()') for i, w in enumerate(raw)]
        words = [w for w in words if w and w != "-"]
        while words and (
            words[0].lower() in {"the", "a", "an"}
            or words[0].lower().rstrip(".") in self.lex.honorifics
            or words[0].lower() in self.lex.titles
            or self._country_prefix(words[0])
        ):
            if len(words) == 1:
                break
            words = words[1:]
        return words

    def _country_prefix(self, word: str) -> bool:
        """ "German" or "Russia's" before a name is no part of it; "Chad" in "Chad Smith" is."""
        norm = normalize_alias(_POSSESSIVE.sub("", word))
        return norm in self.lex.country_by_adjective or (
            self.country_of(word) is not None
            and (_POSSESSIVE.search(word) is not None or norm in self.local_countries)
        )

    def _is_name(self, parts: list[str]) -> bool:
        """Capitalised name words (any script: "Šefčovič"), particles inside ("von der")."""
        particles = self.lex.agents.name_particles

        def prefixed(word: str) -> bool:  # "al-Nasseri", "el-Sisi", "bin-Talal"
            head, _, rest = word.partition("-")
            return head.lower() in particles and rest[:1].isupper()

        return bool(parts) and all(
            _NAME_TOKEN.match(p)
            and (p[:1].isupper() or prefixed(p) or 0 < i < len(parts) - 1 and p.lower() in particles)
            for i, p in enumerate(parts)
        )

    def _preceded_by_title(self, span: Span) -> bool:
        if span.start == 0:
            return False
        before = span.doc[span.start - 1].lower_.rstrip(".")
        return before in self.lex.honorifics or before in self.lex.titles

    def _is_person_like(self, span: Span) -> bool:
        """NER says ORG/GPE but the article treats it as a person."""
        if self._preceded_by_title(span):
            return True
        root = span.root
        person_nouns = {"politician", "leader", "man", "woman"}
        for other in (*root.children, root.head):
            rel = other.dep_ if other.i != root.head.i else root.dep_
            if rel == "appos":
                head_word = other.lemma_.lower()
                if head_word in self.lex.titles or head_word in person_nouns:
                    return True
        if root.dep_ == "appos" and root.head.head.lower_ == "of":
            holder = root.head.head.head  # "the governor of the National Bank, Nadia Osterhaus"
            if holder.lemma_.lower() in self.lex.titles:
                return True
        # "Osterhaus, who had raised rates": only people are "who"
        return bool(relative_pronouns(root) & {"who", "whom"})

    def learn_names(self, spans: list[Span]) -> None:
        learn_countries(self, spans)
        self._learn_dateline_country(spans)
        self._learn_org_aliases(spans)
        learn_named_groups(self, spans)
        singles: list[tuple[list[str], str]] = []
        for span in spans:
            if span.label_ not in ACTOR_ENT_LABELS or any(t.like_num for t in span):
                continue
            text = span.text
            if self.country_of(text) or normalize_alias(text) in self.lex.organizations:
                continue
            if self._not_an_actor(span):
                continue
            if span[-1].lower_ in self._never_surnames:
                continue  # "Transparency International" is no person, whatever the NER says
            if _capitalised_word(span):
                continue  # "Riot police …" at the start of a sentence
            if "-" in text and span.label_ != "PERSON":
                continue
            if span.label_ != "PERSON" and not self._is_person_like(span):
                continue
            parts = self.clean_name(span)
            if not self._is_name(parts):
                continue
            if len(parts) == 1 and _where(span):
                continue  # "a prosecutor in Mytilene": a one-word name where things happen
            if _place_of_person(span):
                continue
            if len(parts) == 1 and "which" in relative_pronouns(span.root):
                continue  # "Qarim, which hosted the talks": no person is a "which"
            if len(parts) >= 2:
                self._register_person(parts, text)
            else:
                singles.append((parts, text))
        # "a ceremony in Morasi" once: "Morasi" is a town everywhere in the article, unless it is
        # the last name of a person the article names in full
        self._town_words = {
            normalize_alias(s.text)
            for s in spans
            if len(s) == 1 and s.label_ in {"PERSON", "GPE", "LOC"} and (_where(s) or _place_of_person(s))
        } | ({normalize_alias(self.dateline_place)} if self.dateline_place else set())
        for parts, surface in singles:
            if normalize_alias(parts[0]) in self._org_short_names:
                continue  # "Nexalto", short for an organisation the article names in full
            key = self.find_person(parts[0])
            if key:
                self.actors[key].aliases.add(parts[0])
            elif normalize_alias(parts[0]) not in self._town_words:
                self._register_person(parts, surface)

    def _learn_dateline_country(self, spans: list[Span]) -> None:
        """ "SELT, Nov 14 — … in Nuvaria's northern province": a dateline place the lexicons do
        not know is the capital of the first country the article names, so "accused Selt of" is
        Nuvaria's doing (it stays a place wherever it is only where things happen)."""
        place = self.dateline_place
        if not place or self.country_of(place):
            return
        for span in spans:
            text = _POSSESSIVE.sub("", span.text).strip()
            if span.label_ not in {"GPE", "NORP", "ORG", "PERSON", "LOC"} or normalize_alias(
                text
            ) == normalize_alias(place):
                continue
            country = self.country_of(text)
            if (
                country is None
                and span.label_ == "GPE"
                and len(span) == 1
                and text.endswith(_COUNTRY_ENDINGS)
            ):
                country = text  # "Nuvaria's north": a state the article has not yet shown acting
            if country:
                self._dateline_country = country
                return

    def _dateline_capital(self, span: Span) -> list[str]:
        """The dateline's place acting as a state ("urged Selt to", "Selt said"): its country."""
        if (
            self._dateline_country is None
            or normalize_alias(span.text.removeprefix("the ")) != normalize_alias(self.dateline_place or "")
            or not _acts_as_state(span.root)
        ):
            return []
        return [self.add(NodeLabel.COUNTRY, self._dateline_country, span.text)]

    def _learn_org_aliases(self, spans: list[Span]) -> None:
        """Acronyms defined in parentheses and short forms: "PDVSA", "the Commission"."""
        heads: dict[str, set[str]] = {}
        firsts: dict[str, set[str]] = {}
        acronyms: dict[str, set[str]] = {}
        for span in spans:
            if span.label_ != "ORG":
                continue
            parts = [w for w in self.clean_name(span) if w]
            if not parts:
                continue
            name = " ".join(parts)
            if normalize_alias(name) in self.lex.organizations:
                if len(parts) >= 2 and parts[-1][:1].isupper():
                    heads.setdefault(normalize_alias(parts[-1]), set()).add(name)  # "the Fund"
                continue
            doc, end = span.doc, span.end
            if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
                self._org_aliases.setdefault(normalize_alias(doc[end + 1].text), name)
            words = [t.lower_ for t in doc[end : end + 3]]
            if (
                words
                in (
                    [",", "known", "as"],
                    ["(", "known", "as"],
                )
                and end + 3 < len(doc)
                and doc[end + 3].text[:1].isupper()
            ):
                # "the UN Mission for the Stabilisation of Tavunde, known as MISTA"
                self._org_aliases.setdefault(normalize_alias(doc[end + 3].text), name)
            if len(parts) >= 2 and parts[-1][:1].isupper():
                head = _head_of_name(parts)
                if head and self.country_of(head) is None:  # "Armed Forces of Malta" is no "Malta"
                    heads.setdefault(normalize_alias(head), set()).add(name)
                initials = "".join(w[0] for w in parts if w[:1].isupper())
                if len(initials) >= 3:  # "NLF" for the "Ndari Liberation Front", never defined
                    acronyms.setdefault(initials.lower(), set()).add(name)
            first = parts[0]
            if (
                len(parts) >= 2
                and parts[-1].lower() in self._org_endings
                and first[:1].isupper()
                and not known_word(first.lower())
                and self.country_of(first) is None
            ):
                # "Nexalto" for "Nexalto Technologies", even in a headline before the full name
                firsts.setdefault(normalize_alias(first), set()).add(name)
        for head, names in heads.items():
            if len(names) == 1 and head not in self.lex.organizations:
                self._org_aliases.setdefault(head, next(iter(names)))
        for acronym, names in acronyms.items():
            if len(names) == 1 and acronym not in self.lex.organizations:
                self._org_aliases.setdefault(acronym, next(iter(names)))
        for first, names in firsts.items():
            if len(names) == 1 and first not in self.lex.organizations:
                self._org_aliases.setdefault(first, next(iter(names)))
                self._org_short_names.setdefault(first, next(iter(names)))

    def _national(self, word: str) -> bool:
        """ "a Frenchwoman", "two Dutchmen": a national of a state, no name."""
        nationality = re.fullmatch(r"(\w+?)(?:wo)?m[ae]n", word)
        return nationality is not None and self.lex.country_of(nationality.group(1)) is not None

    def _not_an_actor(self, span: Span) -> bool:
        """A capitalised common word ("Member States", "Brexit", "post-Brexit") is no actor."""
        stop = self.lex.agents.not_actors
        text = _POSSESSIVE.sub("", span.text).strip()
        if len(span) == 1 and self._national(text):
            return True
        if normalize_alias(text) in stop or normalize_alias(text.removeprefix("the ")) in stop:
            return True
        if span.label_ != "PERSON" and text[:1].islower() and not text.startswith(("the ", "a ")):
            return True  # "post-Brexit": a prefixed adjective, not a name
        last = text.rsplit(None, 1)[-1].lower() if span.label_ in {"ORG", "EVENT"} and len(span) > 1 else ""
        words = text.split()
        inner = [words[i - 1].lower() for i in range(2, len(words) - 1) if words[i] in {"on", "of"}][:1]
        if last and inner and inner[0] in self.lex.agents.not_actor_heads:
            last = inner[0]  # "the Vienna Convention on Diplomatic Relations": a treaty
        if last in self.lex.agents.not_actor_heads and last not in self.lex.place_nouns:
            # "the Climate Summit", "the Paris Agreement": an event or a document; but "the
            # Meridian Pact rejected …": a body's name, as its subject shows
            acting = (
                last in self.lex.agents.body_heads
                and span.root.dep_ == "nsubj"
                and span.root.head.pos_ == "VERB"
            )
            return not acting
        before = span.doc[span.start - 1] if span.start > 0 else None
        return before is not None and normalize_alias(f"{before.text} {text}") in stop

    def count_names(self, text: str) -> None:
        for _norm, key in self._full_names.items():
            surname = self.actors[key].name.split()[-1]
            self._name_counts[key] += len(re.findall(rf"\b{re.escape(surname)}\b", text))

    def main_pair(self, label: NodeLabel = NodeLabel.PERSON) -> list[str]:
        """The two most-mentioned people: what "both leaders" or "the two" refers to."""
        if label is NodeLabel.PERSON:
            ranked = [k for k, _ in self._name_counts.most_common() if k in self.actors]
            return ranked[:2] if len(ranked) >= 2 else []
        ranked = sorted(
            (a for a in self.actors.values() if a.label is label),
            key=lambda a: -a.mentions,
        )
        return [a.key for a in ranked[:2]] if len(ranked) >= 2 else []

    def record_affiliation(self, key: str, state: str) -> None:
        """The article said `key` leads, represents or belongs to the state `state`."""
        states = self._states_of.setdefault(key, [])
        if state not in states:
            states.append(state)

    def states_of(self, key: str) -> list[str]:
        """The states the article has said `key` leads, represents or belongs to, so far."""
        return self._states_of.get(key, [])

    def record_event(self, relation_class: str, doers: list[str]) -> None:
        """The article's latest event of this class was done by `doers` ("Russia vetoed …")."""
        self._event_doers[relation_class] = list(doers)

    def doers_of(self, relation_class: str) -> list[str]:
        """Who did the article's latest event of this class: what "the veto" refers back to."""
        return self._event_doers.get(relation_class, [])

    def last_subject_organization(self) -> str | None:
        """The organisation the latest sentence about one was about: what "its" stands for."""
        return self._last_subject_orgs[-1] if self._last_subject_orgs else None

    def home_country(self) -> str | None:
        """The one country the article is about so far, if one clearly leads the others: whose
        office an unplaced title is ("Mines Minister Fatou Kesse" in a story from Tavessa)."""
        ranked = sorted(
            (a for a in self.actors.values() if a.label is NodeLabel.COUNTRY), key=lambda a: -a.mentions
        )
        if not ranked or ranked[0].mentions < 1:
            return None
        if len(ranked) > 1 and (ranked[0].mentions < 2 or 2 * ranked[1].mentions > ranked[0].mentions):
            # no country leads: the one the dateline reports from, if the article names it
            dateline = self._dateline_country or (
                self.country_of(self.dateline_place) if self.dateline_place else None
            )
            named = {a.name for a in ranked}
            return dateline if dateline in named else None
        return ranked[0].name

    def last_subject_country(self) -> str | None:
        """The country the latest sentence with a country subject was about ("Its water
        minister, Grace Mutonga, said …" after "Kavundi accuses Lumara …")."""
        return self._last_subject_countries[-1] if self._last_subject_countries else None

    # ----- pass 2: sentences ----------------------------------------------------------------

    def resolve_span(self, span: Span) -> list[str]:
        text = _POSSESSIVE.sub("", span.text).strip()
        if not text:
            return []
        if span.label_ == "NORP" and span.root.dep_ in {"amod", "compound", "npadvmod", "nmod"}:
            return []  # a demonym modifier: handled by groups and role descriptions
        group = self.lex.named_groups.get(normalize_alias(text))
        if group:
            return [self.add(NodeLabel.GROUP, group, text)]
        alias = self._org_aliases.get(normalize_alias(text.removeprefix("the ").removeprefix("The ")))
        if alias and self.find_person(text) is None:
            return [self.add(NodeLabel.ORGANIZATION, alias, text)]
        capital = self._dateline_capital(span)
        if capital:
            return capital
        if self._not_an_actor(span):
            return []
        root = span.root
        if (
            root.dep_ in {"compound", "nmod"}
            and root.head.pos_ == "NOUN"
            and any(c.dep_ in {"appos", "npadvmod"} and c.ent_type_ == "ORG" for c in root.head.children)
        ):
            return []  # "the UN refugee agency, UNHCR": the agency is the actor, named after
        country = self.country_of(text)
        before_of = _word_before_of(span) if len(span) == 1 else None
        if not country and before_of is not None and before_of.lower_ in self.lex.agents.locality_nouns:
            return [self.add(NodeLabel.PLACE, text, text)]  # "the province of Harlo"
        if country:
            if self._locative_metonym(span, text):
                return [self.add(NodeLabel.PLACE, text.removeprefix("the ").removeprefix("The "), text)]
            return [self.add(NodeLabel.COUNTRY, country, text)]
        guessed = guess_country(text) if len(span) == 1 and text.endswith("ans") else None
        if guessed and normalize_alias(guessed) in self.local_countries:
            return [self.add(NodeLabel.GROUP, text, text)]  # "called on Kalvorans": the people
        if len(span) == 1 and span.root.dep_ in {"amod", "compound"} and span.root.head.pos_ == "NOUN":
            guessed = guess_country(text)
            if guessed and normalize_alias(guessed) in self.local_countries:
                return []  # "under Tavessan soil": the article's demonym, whatever the NER said
        if span.label_ == "ORG" and (
            all(t.tag_ in {"NN", "NNS"} and t.text[1:].islower() for t in span) or _capitalised_word(span)
        ):
            # a common word the NER capitalised ("Ransomware attack shuts …", "Chemical weapons
            # watchdog blames …"), not "TikTok"
            return []
        org = self.lex.organizations.get(normalize_alias(text.removeprefix("the ")))
        if org:
            return [self.add(NodeLabel.ORGANIZATION, org, text)]
        if "-" in text:
            words = re.split(r"\s*-\s*", text)
            if len(words) == 2 and author_participle(words[1]):
                # "a Kethmar-drafted resolution", "Kremlin-backed": the author, not a name
                return self._author(words[0])
            keys = [self._resolve_part(part) for part in words]
            if keys and all(keys):
                return keys  # type: ignore[return-value]
        if len(span) == 1 and span[0].pos_ == "PROPN":
            org = self.organization_named_first(span[0].text)
            if org is not None:  # "Nexalto" after "Nexalto Technologies"
                self.actors[org].aliases.add(text)
                return [org]
        parts = self.clean_name(span)
        person = self.find_person(" ".join(parts)) if parts else None
        if person:
            self.actors[person].aliases.add(text)
            return [person]
        label = span.label_
        if label == "PERSON" and span[-1].lower_ in self._never_surnames:
            label = "ORG"  # "Transparency International", "Aquila Rotorcraft": not a person
        if label == "PERSON":
            if not self._is_name(parts) or any(t.like_num for t in span):
                return []
            if _capitalised_word(span):
                return []  # "Riot police …": a capitalised word, not a name
            if (
                _where(span)
                or _place_of_person(span)
                or len(parts) == 1
                and normalize_alias(text) in self._town_words
            ):
                return [self.add(NodeLabel.PLACE, text, text)]  # "a prosecutor in Mytilene": a town
            return [self._register_person(parts, text)]
        if (
            label == "ORG"
            and len(span) == 1
            and normalize_alias(text) in self._town_words
            and not acts(span.root)
        ):
            return [self.add(NodeLabel.PLACE, text, text)]  # "the laboratory in Kelmsk"
        if label == "ORG":
            parts = self._org_name(span) or parts
            people = [k for t in span if (k := self.find_person(t.text)) and t.pos_ == "PROPN"]
            if people:
                return list(dict.fromkeys(people))
            return self._organization(span, parts)
        if span.label_ in {"GPE", "LOC", "FAC"}:
            name = " ".join(parts) if parts else text
            last = span[-1].lower_
            if (
                last in self.lex.agents.never_place_heads
                or span.label_ in {"LOC", "FAC"}
                and acts(span.root)
                and last in self.lex.agents.body_heads
            ):
                # "the Inner Sea Concord", "the Harud High Court": a body, not a place; "blamed
                # the Ashkari Brigades" whatever the verb
                return [self.add(NodeLabel.ORGANIZATION, name, text)]
            if (
                (span.label_ == "GPE" or span.label_ == "LOC" and name.endswith(_COUNTRY_ENDINGS))
                and len(span) == 1
                and span.root.tag_ != "NNPS"
                and _acts_as_state(span.root)
            ):
                # a place the lexicons do not know that does things ("Varenia lodged a protest
                # with Drashiva") is a state; one that is only where things happen stays a place
                return [self.add(NodeLabel.COUNTRY, name, text)]
            return [self.add(NodeLabel.PLACE, name, text)]
        if span.label_ == "NORP" and span.root.tag_ in {"NNPS", "NNS"}:
            return [self.add(NodeLabel.GROUP, " ".join(parts) or text, text)]
        return []

    def _lexicon_country(self, token: Token) -> list[str]:
        """A country name or capital the NER missed ("Kyiv warns of …")."""
        if token.pos_ != "PROPN" or token.dep_ in {"amod", "compound"}:
            return []
        country = self.country_of(token.text)
        if country is None:
            return []
        if self._locative_metonym(token.doc[token.i : token.i + 1], token.text):
            return [self.add(NodeLabel.PLACE, token.text, token.text)]
        return [self.add(NodeLabel.COUNTRY, country, token.text)]

    def _locative_metonym(self, span: Span, text: str) -> bool:
        norm = normalize_alias(text.removeprefix("the ").removeprefix("The "))
        if norm not in self.lex.metonym_forms:
            return False
        root = span.root
        return root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE_PREPS

    def _author(self, name: str) -> list[str]:
        """Whoever "X-drafted", "X-backed" names: a state, a known person or organisation, or
        else an organisation the text names only so."""
        key = self._resolve_part(name) or self.organization_named_first(name)
        if key is None and name[:1].isupper() and not known_word(name.lower()):
            key = self.add(NodeLabel.ORGANIZATION, name, name)
        return [key] if key else []

    def _resolve_part(self, part: str) -> str | None:
        country = self.country_of(part)
        if country:
            return self.add(NodeLabel.COUNTRY, country, part)
        return self.find_person(part)

    @staticmethod
    def _org_name(span: Span) -> list[str]:
        """An organisation keeps its demonym and its title words ("Australian Federal Police",
        "Reporters Without Borders"); only an article and a possessive go."""
        raw = [w for w in span.text.split() if not w.startswith("(")]  # "(CNSR)" is its acronym
        first = next((i for i, w in enumerate(raw) if w.lower() not in {"the", "a", "an"}), 0)

        def own(i: int, word: str) -> bool:
            # inside a body's name a possessive after its first word, or a plural one, is part
            # of it: "Prosecutor General's Office", "Mindoro Fishers' Alliance"
            return i < len(raw) - 1 and (i > first or word.endswith(("s'", "s’")))

        words = [
            w
            if _DOTTED_ABBREVIATION.match(w)
            else (w if own(i, w) else _name_word(w, inside=i < len(raw) - 1)).strip('.,;:!?"“”()')
            for i, w in enumerate(raw)
        ]
        words = [w for w in words if w and w != "-"]
        while words and words[0].lower() in {"the", "a", "an"}:
            words = words[1:]
        return words

    def _organization(self, span: Span, parts: list[str]) -> list[str]:
        if not parts or " ".join(parts).lower() in self.lex.titles:
            return []  # "Defence Minister" before a name: a title, not an organisation
        before_of = _word_before_of(span)
        if (
            before_of is not None
            and len(parts) == 1
            and (before_of.is_title or before_of.lower_ in self.lex.agents.not_actor_heads)
        ):
            # "Secretary of State": a title; "the town of Lagunas": a place; not organisations
            # ("the office of Google" is one)
            return []
        name_words = list(parts)
        doc = span.doc
        nxt = span.end
        if nxt < len(doc) and doc[nxt].lower_ in self.lex.org_suffixes and doc[nxt].pos_ in {"NOUN", "PROPN"}:
            name_words.append(doc[nxt].text.capitalize())
        heads = self.lex.agents.place_heads
        place_word = any(
            w.lower() in self.lex.place_nouns and nxt_word != "for"  # a "Centre for …" is a body
            for w, nxt_word in zip(name_words, [*name_words[1:], ""], strict=True)
        )
        if (place_word and name_words[-1].lower() not in self._body_name_heads) or (
            len(name_words) > 2 and name_words[0].lower() in heads and name_words[1] == "of"
        ):  # "Tarn Valley" is a place, the "Tarn Valley Liberation Front" a body
            return [self.add(NodeLabel.PLACE, " ".join(name_words), span.text)]
        key = self.add(NodeLabel.ORGANIZATION, " ".join(name_words), span.text)
        if len(name_words) > len(parts):
            self.actors[key].aliases.add(" ".join(parts))  # "Civic Dawn" of "the Civic Dawn party"
        if len(name_words) > 2 and self.country_of(name_words[0]) is not None:
            # "U.S. Department of Justice" is also the "Department of Justice"
            self.actors[key].aliases.add(" ".join(name_words[1:]))
        self._state_body(key, span)
        return [key]

    def _state_body(self, key: str, span: Span) -> None:
        """ "the Tarvonian Supreme Court", "the Russian Foreign Ministry", "Poland's Internal
        Security Agency", "the Armed Forces of Malta": a body of its country."""
        words = [w for w in span.text.split() if w.lower() not in {"the", "a", "an"}]
        if self.actors[key].affiliation is not None:
            return
        owner = self._owning_state(span, words)
        if owner is not None:
            state, body_words = owner
            head = body_words[-1].lower() if body_words else ""
            # "the Armed Forces of Malta" serve in their state's forces; its agencies act for it;
            # a named court, bank or commission the annotators tie to no state
            edge = (
                EdgeType.MEMBER_OF
                if head in self.lex.agents.armed_heads - self.lex.agents.party_nouns
                else EdgeType.REPRESENTS
                if head in self.lex.agents.state_body_heads
                else None
            )
            if edge is not None:
                self.actors[key].affiliation = (self.add(NodeLabel.COUNTRY, state, None), edge)
            return
        if len(words) < 2:
            return
        spec = self.lex.agents.nouns.get(" ".join(words[1:]).lower())
        if spec is None or normalize_alias(words[0]) in self.lex.agents.not_country_demonyms:
            return
        country = self.country_of(words[0]) or guess_country(words[0])
        if country and spec and normalize_alias(words[0]) not in self.lex.country_by_alias:
            self.actors[key].affiliation = (self.add(NodeLabel.COUNTRY, country, None), spec.edge)

    def _owning_state(self, span: Span, words: list[str]) -> tuple[str, list[str]] | None:
        """The state that owns a named body, and the body's own words: "Brantova's" before the
        name, or "of Vietnam" closing it."""
        doc = span.doc
        if span.start >= 2 and doc[span.start - 1].tag_ == "POS":
            state = self.country_of(doc[span.start - 2].text)
            if state is not None and doc[span.start - 2].ent_type_ != "PERSON":
                return state, words
        if len(words) >= 3 and words[-2] == "of" and (state := self.country_of(words[-1])):
            return state, words[:-2]
        return None

    def resolve_sentence(self, sent: Span, entity_spans: list[Span], track: bool = True) -> SentenceActors:
        """Map tokens to actors; `track=False` (headings, captions) leaves pronoun history alone."""
        found = SentenceActors()
        covered: set[int] = set()
        for span in entity_spans:
            keys = self.resolve_span(span)
            if not keys:
                continue
            for token in span:
                found.add(token, keys)
                covered.add(token.i)
            self._extend_org_suffix(span, keys, found, covered)
        for token in sent:
            if token.i in covered or token.pos_ in _NEVER_ACTORS:
                continue  # articles, prepositions, punctuation, auxiliaries: never an actor
            keys = (
                self._named_by_clause(token, found)
                or self._lexicon_country(token)
                or self._government(token, found)
                or self._plural_phrase(token)
                or self._role(token, found)
                or self.agents.named_group(token)
                or self.agents.agent(token, found)
                or self._group(token, found)
                or self._pronoun(token, found, sent)
                or self._described(token, found)
                or self._acting_name(token, covered, found)
            )
            if keys:
                found.add(token, keys)
        if track:
            self._remember(sent, found)
        for key in found.all_keys():
            self.actors[key].mentions += 1
        return found

    def _only_places(self, tokens: list[Token], found: SentenceActors) -> bool:
        return all(
            found.keys_of(t) and all(self.actors[k].label is NodeLabel.PLACE for k in found.keys_of(t))
            for t in tokens
        )

    def _acting_name(self, token: Token, covered: set[int], found: SentenceActors | None = None) -> list[str]:
        """A capitalised name the NER missed, in a slot where actors stand ("Zamrovia imposed
        tariffs"): an actor. A known person's name or first name is that person; a single word
        shaped like a country name is a country, others an organisation."""
        if not token.is_title or not acts(token):
            return []
        if token.pos_ != "PROPN" and (token.pos_ not in {"NOUN", "ADJ", "VERB"} or known_word(token.lower_)):
            return []  # "Norhaval held joint exercises": the small model tags unknown names as nouns
        if (
            normalize_alias(token.text) in self.lex.agents.not_actors
            or token.lower_ in self.lex.titles
            or token.lower_ in self.lex.agents.not_actor_heads
            or token.lower_ in self.lex.group_nouns  # "Gunmen from the front seized …"
            or token.lower_ in self.lex.agents.nouns
        ):
            return []
        words = [t for t in token.subtree if t.i <= token.i and t.dep_ == "compound" and t.pos_ == "PROPN"]
        placed = [t for t in words if t.i in covered]
        if placed and not (
            found is not None
            and token.lower_ in self.lex.agents.body_heads
            and self._only_places(placed, found)
        ):
            return []  # part of a name already resolved ("the Inner Sea" + "Concord" is the body's)
        misdated = (
            token.ent_type_ in {"DATE", "TIME"} and token.pos_ == "PROPN" and not known_word(token.lower_)
        )
        if token.ent_type_ in _NOT_NAME_ENTS and not placed and not misdated:
            return []  # but "Norhaval" tagged as a date is a name all the same
        if self._national(token.text):
            return []
        name = token.doc[min(t.i for t in [*words, token]) : token.i + 1].text
        if placed:
            key = self.add(NodeLabel.ORGANIZATION, name, name)
            for t in placed:
                found.add(t, [key])
            return [key]
        person = self.find_person(name) or self._person_by_first_name(name)
        if person:
            return [person]
        alias = self._org_aliases.get(normalize_alias(name))
        if alias:  # "the Fund said …" after "the International Monetary Fund"
            return [self.add(NodeLabel.ORGANIZATION, alias, name)]
        start = min(t.i for t in [*words, token])
        if self._is_person_like(token.doc[start : token.i + 1]):
            # "Dolgan, a former judge who leads the Civic Alliance": a person the NER missed
            return [self._register_person(name.split(), name)]
        if not words and token.lower_.endswith(_COUNTRY_ENDINGS):
            return [self.add(NodeLabel.COUNTRY, name, name)]
        return [self.add(NodeLabel.ORGANIZATION, name, name)]

    def organization_named_first(self, word: str) -> str | None:
        """The one organisation the article named whose name begins with this word."""
        norm = normalize_alias(word)
        orgs = [
            a.key
            for a in self.actors.values()
            if a.label is NodeLabel.ORGANIZATION
            and " " in a.name
            and normalize_alias(a.name).split(" ")[0] == norm
        ]
        return orgs[0] if len(orgs) == 1 else None

    @staticmethod
    def _named_by_clause(token: Token, found: SentenceActors) -> list[str]:
        """ "a hacking group calling itself GreyMantis", "a militia known as the Red Cedar Army":
        the noun is the actor its clause names."""
        if token.pos_ != "NOUN":
            return []
        for acl in token.children:
            if acl.dep_ == "acl" and acl.lemma_.lower() in {"call", "name", "dub", "know"}:
                for child in acl.subtree:
                    if child.dep_ in {"oprd", "attr", "pobj", "dobj"} and found.keys_of(child):
                        return found.keys_of(child)
        return []

    def _person_by_first_name(self, name: str) -> str | None:
        """ "Ilse's arrest" after "Ilse Korva": the one person the article gave that first name."""
        norm = normalize_alias(name)
        people = [
            a.key
            for a in self.actors.values()
            if a.label is NodeLabel.PERSON and " " in a.name and normalize_alias(a.name).split(" ")[0] == norm
        ]
        return people[0] if len(people) == 1 else None

    def _extend_org_suffix(
        self, span: Span, keys: list[str], found: SentenceActors, covered: set[int]
    ) -> None:
        nxt = span.end
        if nxt < len(span.doc) and span.doc[nxt].lower_ in self.lex.org_suffixes:
            if self.actors[keys[0]].label is NodeLabel.ORGANIZATION:
                found.add(span.doc[nxt], keys)
                covered.add(nxt)

    def modifier_country(
        self, token: Token, found: SentenceActors, preps: tuple[str, ...] = ()
    ) -> str | None:
        for child in token.children:
            if child.dep_ in {"amod", "compound", "nmod", "poss", "npadvmod"}:
                country = self.country_of(child.text)
                if country is None and child.left_edge.i < child.i:  # "South Korean"
                    country = self.country_of(token.doc[child.left_edge.i : child.i + 1].text)
                if country:
                    return country
                for key in found.keys_of(child):
                    if self.actors[key].label is NodeLabel.COUNTRY:
                        return self.actors[key].name
            if child.dep_ == "prep" and child.lower_ in preps:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        country = self.country_of(pobj.text) or next(
                            (
                                self.actors[k].name
                                for k in found.keys_of(pobj)
                                if self.actors[k].label is NodeLabel.COUNTRY
                            ),
                            None,
                        )
                        if country:
                            return country
        return None

    def _government(self, token: Token, found: SentenceActors) -> list[str]:
        """ "the Russian government" is Russia; "the Trump administration" is Trump."""
        if token.lower_ not in self.lex.government_nouns or token.pos_ not in {"NOUN", "PROPN"}:
            return []
        if token.lower_ == "authorities" and not (
            any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
            and not any(c.dep_ == "compound" for c in token.children)
        ):
            return []  # "Iranian authorities", "Ishkari customs authorities": an agent group, not the state
        country = self.modifier_country(token, found, preps=("of",))  # "the government of Vardania"
        if country:
            return [self.add(NodeLabel.COUNTRY, country, None)]
        if token.lower_ in {"government", "authorities"} and [
            c.lower_ for c in token.children if c.dep_ != "punct"
        ] == ["the"]:
            home = self.home_country()  # "the government" in a story about one country: its
            if home:
                return [self.add(NodeLabel.COUNTRY, home, None)]
        owners = [c for c in token.children if c.dep_ in {"compound", "poss"}]
        owners += [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        for child in owners:
            if child.dep_ in {"compound", "poss", "pobj"}:
                people = [k for k in found.keys_of(child) if self.actors[k].label is NodeLabel.PERSON]
                if people:
                    led = self._country_led_by(people[0])
                    if led is None:
                        return people
                    country_key = self.add(NodeLabel.COUNTRY, led, None)
                    found.add(child, [country_key])  # the name here stands for the government
                    return [country_key]
        return []

    def _country_led_by(self, person: str) -> str | None:
        """ "the Macron government" is France while he holds office; "her government" is the
        state the article made her a minister of."""
        states = self.states_of(person)
        if len(states) == 1:
            return self.actors[states[0]].name
        if self.date is None:
            return None
        countries = self.lex.countries_held_by(None, self.actors[person].name, self.date)
        return countries[0] if len(countries) == 1 else None

    def _plural_phrase(self, token: Token) -> list[str]:
        if token.pos_ not in {"NOUN", "NUM", "PROPN"} or token.dep_ in {"compound", "amod"}:
            return []
        if token.lower_ not in self._plural_heads:
            return []  # the phrase must end like one of the list's ("both leaders", "the two")
        left = token.left_edge.i
        phrase = " ".join(t.lower_ for t in token.doc[left : token.i + 1])
        if phrase not in self.lex.plural_actors and phrase.removeprefix("the ") not in self.lex.plural_actors:
            return []
        if token.lower_ in {
            "countries",
            "nations",
            "governments",
            "capitals",
            "neighbours",
            "neighbors",
            "states",
        }:
            return self.main_pair(NodeLabel.COUNTRY)
        return self.main_pair()

    def role_phrase(self, token: Token) -> str | None:
        if token.pos_ not in {"NOUN", "PROPN"}:
            return None
        word = token.lower_
        if token.tag_ in {"NNS", "NNPS"} and word.endswith("s"):
            word = word[:-1]
        candidates = [word]
        modifiers = [c for c in token.lefts if c.dep_ in {"compound", "amod"}]
        for child in modifiers:
            candidates.append(f"{child.lower_} {word}")
        if len(modifiers) > 1:
            candidates.append(" ".join([*(c.lower_ for c in modifiers), word]))
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                candidates += [f"{word} of {p.lower_}" for p in child.children if p.dep_ == "pobj"]
        matches = [c for c in candidates if c in self.lex.titles]
        return max(matches, key=len) if matches else None

    def _role(self, token: Token, found: SentenceActors) -> list[str]:
        role = self.role_phrase(token)
        if role is None:
            return []
        if token.dep_ in {"compound", "nmod"} and found.keys_of(token.head):
            return []  # "President" in "President Jacinda Ardern" is part of the name
        nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if nxt is not None and nxt.ent_iob_ == "B" and nxt.ent_type_ == "PERSON":
            # "Prime Minister Per Haldane" parsed with the title as the head: the name that
            # follows the title is its holder
            keys = [k for k in found.keys_of(nxt) if self.actors[k].label is NodeLabel.PERSON]
            if keys:
                return keys
        # an apposition names the holder: "the French ambassador, Marie Dupont"
        neighbours = [c for c in token.children if c.dep_ == "appos"]
        if token.dep_ == "appos":
            neighbours.append(token.head)
        for other in neighbours:
            people = [k for k in found.keys_of(other) if self.actors[k].label is NodeLabel.PERSON]
            if people:
                country = self.modifier_country(token, found, preps=("of",))
                self.actors[people[0]].roles.add((role, country))
                return people[:1]
        if token.tag_ in {"NNS", "NNPS"}:
            return []
        is_leader = self.lex.titles.get(role, False)
        country = self.modifier_country(token, found, preps=("of", "in") if is_leader else ("of",))
        if role in _COUNTERPART_ROLES and country is None:
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            owner_keys = self._pronoun(owner, found, token.sent) if owner is not None else []
            pair = self.main_pair()
            others = [k for k in pair if k not in owner_keys]
            return others[:1] if owner_keys and len(others) == 1 else []
        if country is None:
            return self._person_with_role(role, None) if role not in _COUNTERPART_ROLES else []
        return self._person_with_role(role, country)

    def _person_with_role(self, role: str, country: str | None) -> list[str]:
        generic = role in {"leader", "head of state", "head of government"} | _COUNTERPART_ROLES
        matches = [
            actor.key
            for actor in self.actors.values()
            if actor.label is NodeLabel.PERSON
            and any(
                (r == role or (generic and self.lex.titles.get(r, False)))
                and (country is None or c == country)
                for r, c in actor.roles
            )
        ]
        if len(matches) == 1:
            return matches
        if country is None:
            return []
        names = self.lex.holders_of(None if generic else role, country, self.date)
        if len(names) != 1 or self.date is None:
            return []
        key = self.find_person(names[0]) or self._register_person(names[0].split(), names[0])
        self.actors[key].roles.add((role, country))
        return [key]

    def _group(self, token: Token, found: SentenceActors) -> list[str]:
        if token.lower_ not in self.lex.group_nouns or token.dep_ in {"compound", "amod"}:
            return []
        modifiers = [
            t
            for t in token.subtree
            if t.i < token.i
            and (
                self.country_of(t.text)
                or t.ent_type_ in {"NORP", "GPE", "ORG"}
                or t.lower_ in self.lex.group_qualifiers
            )
        ]
        org_keys = [
            k for m in modifiers for k in found.keys_of(m) if self.actors[k].label is NodeLabel.ORGANIZATION
        ]
        if org_keys and len(modifiers) == 1:
            return org_keys[:1]  # "DarkSide hackers" are the DarkSide group itself
        if token.dep_ == "pobj" and token.head.lower_ == "as":
            return []  # "as world leaders" describes, it does not act
        if not modifiers:
            if token.lower_ in self.lex.lone_group_nouns and token.tag_ in {"NNS", "NNPS"}:
                named = self._armed_body_referred(token)
                if named:
                    return named  # "the rebels" after the Ndari Liberation Front was named
                name = _SAME_CROWD.get(token.lower_, token.lower_).capitalize()
                return [self.add(NodeLabel.GROUP, name, token.text)]  # "demonstrators" are the protesters
            return []
        conjoined = [
            m
            for m in modifiers
            if m.dep_ == "conj" and any(o.i == m.head.i for o in modifiers) and self.country_of(m.text)
        ]
        if conjoined and self.country_of(modifiers[0].text):  # "US and Chinese diplomats": two groups
            return [
                self.add(NodeLabel.GROUP, f"{m.text} {token.text}", f"{m.text} {token.text}")
                for m in [modifiers[0], *conjoined]
            ]
        coordinators = [t.i for t in token.doc[modifiers[0].i : token.i] if t.dep_ == "cc"]
        if coordinators:  # "Iran and world powers": the group starts after the "and"
            modifiers = [m for m in modifiers if m.i > coordinators[-1]]
            if not modifiers:
                return []
        start = modifiers[0].i
        # a qualifier's own modifiers belong to the name: "human rights groups", "press freedom groups"
        while (
            start > token.left_edge.i
            and (
                token.doc[start - 1].dep_ == "compound"
                or token.doc[start - 1].dep_ == "amod"
                and token.doc[start - 1].lower_ in self.lex.words("qualifier_heads")
                or token.doc[start - 1].tag_ == "HYPH"
                and start - 2 >= token.left_edge.i  # "press-freedom"
            )
            and start <= token.doc[start - 1].head.i <= token.i
        ):
            start -= 1
        # the text's own form: "Niger's military leaders", "Varenian prisoners of war"
        name = token.doc[start : phrase_end(token)].text.strip('"“”()')
        return [self.add(NodeLabel.GROUP, name, name)]

    def _armed_body_referred(self, token: Token) -> list[str]:
        """ "the rebels", "the militants": with "the", the armed body the article last named."""
        if token.lemma_.lower() not in self.lex.agents.armed_plurals or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in token.children
        ):
            return []
        for key in reversed(self._recent_bodies):
            actor = self.actors[key]
            if (
                actor.label is NodeLabel.ORGANIZATION
                and actor.name.split()[-1].lower() in self.lex.agents.armed_heads
            ):
                return [key]
        return []

    def _pronoun(self, token: Token | None, found: SentenceActors, sent: Span) -> list[str]:
        if token is None or token.pos_ != "PRON":
            return []
        word = token.lower_
        if word in {"it", "they"}:
            labeller = self._free_relative_labeller(token, found)
            if labeller:
                return labeller
        if word in _PLURAL_PRONOUNS:
            if word in {"them", "they"} and self._plural_noun_before(token, found):
                return []  # "arrested two men … and charged them": the men, who are no actors
            return list(self._last_subject_group) or self.main_pair()
        if word == "it":
            return self._conjoined_subject(token, found) or self._relative_subject(token, found)
        if word not in _SUBJECT_PRONOUNS | _OBJECT_PRONOUNS | {"his", "hers"}:
            return []
        if word in _SUBJECT_PRONOUNS or word in {"his", "hers"}:
            speaker = self._reporting_subject(token, found)
            if speaker:
                return speaker
            earlier = self._people_before(token, found, sent)
            subject_here = [k for k in earlier if self._is_subject_key(k, token, found, sent)]
            if subject_here:
                return subject_here[-1:]
            if self._last_subject_people:
                return self._last_subject_people[-1:]
            return self._recent_people[-1:]
        clause_subjects = self._clause_subjects(token, found)
        candidates = [k for k in self._people_before(token, found, sent) if k not in clause_subjects]
        if not candidates:
            candidates = [k for k in self._recent_people if k not in clause_subjects]
        return candidates[-1:]

    @staticmethod
    def _free_relative_labeller(token: Token, found: SentenceActors) -> list[str]:
        """ "X condemned what it called excessive force": the labeller is the clause's subject."""
        verb = token.head
        if (
            token.dep_ != "nsubj"
            or verb.lemma_ not in _FREE_RELATIVE_LABELS
            or not any(c.dep_ == "dobj" and c.lower_ == "what" for c in verb.children)
            or verb.dep_ not in {"ccomp", "dobj", "pobj"}
        ):
            return []
        return [k for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"} for k in found.keys_of(c)]

    def _relative_subject(self, token: Token, found: SentenceActors) -> list[str]:
        """ "Poland expelled diplomats it accused of spying": "it" subject of a relative clause on
        the main verb's object is the main clause's subject, when that is a body or a state."""
        verb = token.head
        if (
            token.dep_ != "nsubj"
            or verb.dep_ != "relcl"
            or verb.head.dep_ not in {"dobj", "pobj"}
            or any(c.dep_ == "dobj" or c.tag_ in {"WRB", "WDT", "WP"} for c in verb.children)
        ):
            return []  # only a relative clause whose object is the noun it is on
        main = verb.head.head
        while main.pos_ not in {"VERB", "AUX"} and main.dep_ in {"prep", "pobj", "dobj"}:
            main = main.head  # "expelled a group of diplomats it accused": up to "expelled"
        if main.dep_ == "xcomp" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in main.children):
            main = main.head  # "refused to release the fishermen it seized": who refused
        bodies = {NodeLabel.ORGANIZATION, NodeLabel.COUNTRY, NodeLabel.GROUP}
        return [
            k
            for c in main.children
            if c.dep_ in {"nsubj", "nsubjpass"}
            for k in found.keys_of(c)
            if self.actors[k].label in bodies
        ]

    def _conjoined_subject(self, token: Token, found: SentenceActors) -> list[str]:
        """ "The charity said …, and it accused a patrol boat": "it" subject of a conjoined
        clause is the first clause's subject, when that is a body or a state."""
        verb = token.head
        if token.dep_ != "nsubj" or verb.dep_ != "conj":
            return []
        bodies = {NodeLabel.ORGANIZATION, NodeLabel.COUNTRY, NodeLabel.GROUP}
        return [
            k
            for c in verb.head.children
            if c.dep_ in {"nsubj", "nsubjpass"}
            for k in found.keys_of(c)
            if self.actors[k].label in bodies
        ]

    @staticmethod
    def _plural_noun_before(token: Token, found: SentenceActors) -> bool:
        """A plural common noun that no actor stands for, earlier in the pronoun's sentence."""
        return any(
            t.tag_ == "NNS" and t.dep_ in {"dobj", "nsubj", "nsubjpass", "pobj"} and not found.keys_of(t)
            for t in token.doc[token.sent.start : token.i]
        )

    def _people_before(self, token: Token, found: SentenceActors, sent: Span) -> list[str]:
        keys: list[str] = []
        for t in sent:
            if t.i >= token.i:
                break
            keys += [k for k in found.keys_of(t) if self.actors[k].label is NodeLabel.PERSON]
        return keys

    def _is_subject_key(self, key: str, token: Token, found: SentenceActors, sent: Span) -> bool:
        return any(
            key in found.keys_of(t) and t.dep_ in {"nsubj", "nsubjpass"} for t in sent if t.i < token.i
        )

    def _clause_subjects(self, token: Token, found: SentenceActors) -> list[str]:
        verb = token.head
        while verb.dep_ in {"prep", "agent", "dative"} and verb.head.i != verb.i:
            verb = verb.head
        return [k for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} for k in found.keys_of(c)]

    def _reporting_subject(self, token: Token, found: SentenceActors) -> list[str]:
        """ "he told Mr Kim he would leave ..." – the second "he" is the teller."""
        verb = token.head
        if token.dep_ not in {"nsubj", "nsubjpass"} or verb.dep_ not in {"ccomp", "xcomp"}:
            return []
        outer = verb.head
        for child in outer.children:
            if child.dep_ == "nsubj" and child.i != token.i:
                people = [k for k in found.keys_of(child) if self.actors[k].label is NodeLabel.PERSON]
                if people:
                    return people
        return []

    def _described(self, token: Token, found: SentenceActors | None = None) -> list[str]:
        """ "the regulator", "the junta", "the company": the actor the article last named that
        this description fits: one it described so ("Tessaro, a Busan studio" for "the studio"),
        one whose name has the word ("the commission"), or for a generic word the last
        organisation named."""
        noun = token.lemma_.lower()
        if (
            token.pos_ != "NOUN"
            or noun not in _DESCRIPTIONS
            or not any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in token.children)
            or any(c.dep_ in {"amod", "compound", "poss", "nmod"} for c in token.children)
        ):
            return []
        labels = _DESCRIPTIONS[noun]
        # bodies named earlier in this sentence come first ("accused Frontex of …, and demanded
        # that the agency publish the logs"), then those of the sentences before
        earlier = (
            [k for i, keys in sorted(found.tokens.items()) if i < token.i for k in keys] if found else []
        )
        recent = [
            k
            for k in dict.fromkeys([*reversed(earlier), *reversed(self._recent_bodies)])
            if self.actors[k].label in labels
        ]
        for key in recent:
            actor = self.actors[key]
            if noun in actor.descriptions or noun in normalize_alias(actor.name).split():
                return [key]
        named = self._org_aliases.get(noun)
        if named and NodeLabel.ORGANIZATION in labels and noun in normalize_alias(named).split():
            # "accused the mission" before the article gives the mission's full name
            return [self.add(NodeLabel.ORGANIZATION, named, token.text)]
        if noun in _BUSINESS_DESCRIPTIONS:
            # "the company" is no court, ministry or party the article named since
            recent = [
                k
                for k in recent
                if not set(normalize_alias(self.actors[k].name).split()[-1:])
                & self.lex.words("public_body_words")
            ]
        if noun in _GENERIC_DESCRIPTIONS and recent:
            return [recent[0]]
        return []

    def _remember(self, sent: Span, found: SentenceActors) -> None:
        people_subjects: list[str] = []
        group_subjects: list[str] = []
        org_subjects: list[str] = []
        country_subjects: list[str] = []
        doc = sent.doc
        for index in sorted(i for i in found.tokens if sent.start <= i < sent.end):
            token = doc[index]
            keys = found.tokens[index]
            bodies = [
                k
                for k in keys
                if self.actors[k].label in {NodeLabel.ORGANIZATION, NodeLabel.GROUP, NodeLabel.COUNTRY}
            ]
            if bodies and (not self._recent_bodies or self._recent_bodies[-1] != bodies[-1]):
                self._recent_bodies.extend(bodies)
            for child in token.children:  # "Tessaro Games, a mid-sized Busan studio"
                if child.dep_ == "appos" and child.pos_ == "NOUN":
                    for key in bodies:
                        self.actors[key].descriptions.add(child.lemma_.lower())
            if token.dep_ == "appos" and token.head.pos_ == "NOUN" and token.head.i < token.i:
                for key in bodies:  # "the German charity Blue Harbour Rescue"
                    self.actors[key].descriptions.add(token.head.lemma_.lower())
            people = [k for k in keys if self.actors[k].label is NodeLabel.PERSON]
            self._recent_people.extend(people)
            if token.dep_ in {"nsubj", "nsubjpass"} and token.head.dep_ == "ROOT":
                people_subjects.extend(people)
            subject = token.head if token.dep_ in {"appos", "compound"} else token
            if subject.dep_ in {"nsubj", "nsubjpass"} and subject.head.dep_ == "ROOT":
                # "The Lisbon-based group Saude Justa called …": the group is the subject
                org_subjects.extend(k for k in keys if self.actors[k].label is NodeLabel.ORGANIZATION)
                country_subjects.extend(k for k in keys if self.actors[k].label is NodeLabel.COUNTRY)
                group_subjects.extend(
                    k for k in keys if self.actors[k].label is NodeLabel.GROUP and token.tag_ == "NNS"
                )
        if people_subjects:
            self._last_subject_people = people_subjects
        if org_subjects:
            self._last_subject_orgs = org_subjects
        if country_subjects:
            self._last_subject_countries = country_subjects
        self._last_subject_group = group_subjects
