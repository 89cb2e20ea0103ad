"""Unnamed agents of a country, and the countries an article establishes for itself.

An **unnamed agent** is a country, a demonym or a possessive country + an agent noun of
`actors.toml` ("Greek patrol boats", "a Moroccan court", "Egypt's intelligence chief", "the
navy of Zamrovia"). It is a `Group` named by its surface form without the leading article,
registered on its head noun ("boats", "court", "chief") so that the relation code finds it as
any other argument, and tied to its country (`Actor.affiliation`: MEMBER_OF for forces and
bodies, REPRESENTS for officials), which `structure.py` turns into an edge. In one article the
same kind of agent of the same country is one node ("Indian forces" … "Indian soldiers"), and
a noun coordinated with an agent ("Indian forces and soldiers") is that agent.

**Countries the article establishes** (`learn_countries`): an invented country is known from
the article itself. A demonym the lexicon does not know ("Zamrovian") is matched with a name in
the article ("Zamrovia"), or else its country's name is derived from it (-ian → -ia, -an → -a,
-i → ∅); a proper name that owns an agent or a title ("Zamrovia's navy", "the foreign minister
of Kessaria") or that the NER calls a place and that acts as the subject of an event verb is a
country too. Demonyms of regions, peoples and faiths (`not_country_demonyms`) are never countries.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from actorgraph.graph.model import EdgeType, NodeLabel
from actorgraph.graph.model import normalize_alias as _normalize_alias
from actorgraph.loaders.slots import acts, known_word, phrase_end, relative_pronouns
from spacy.tokens import Doc, Span, Token

if TYPE_CHECKING:
    from actorgraph.loaders.mentions import ArticleActors, SentenceActors

normalize_alias = lru_cache(maxsize=1 << 16)(_normalize_alias)
#: Bodies that sit in a town and are named by it ("a court in Lisse", "police in Oskemen").
_LOCAL_BODIES = frozenset({"court", "police", "prosecutor", "tribunal", "judge", "magistrate"})
_OWNER_PREPS = {"of", "from"}  # "the navy of Zamrovia", "soldiers from Kessaria"
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_MODIFIER_DEPS = {"amod", "compound", "nmod", "poss", "npadvmod"}
_DEMONYM_ENDINGS = ("ians", "ian", "eans", "ean", "ans", "an", "ese", "ish", "is", "i", "ins", "in")
_GUESSES = (("ian", "ia"), ("ean", "ea"), ("an", "a"), ("i", ""), ("ish", "land"), ("ese", ""))
_COUNTRY_SHAPES = (
    "ia",
    "land",
    "stan",
    "ana",
    "ica",
    "ova",
    "ea",
    "ador",
    "ania",
    "aria",
    "via",
    "ora",
    "ara",
)
_EVENT_SUBJECT = {"nsubj"}
_NAME_LABELS = frozenset({"ORG", "PERSON", "GPE", "NORP", "LOC"})
_NOT_AN_AGENT_HEAD = {
    "based",
    "backed",
    "led",
    "linked",
    "born",
    "made",
    "owned",
    "funded",
    "flagged",
    "registered",
}


def _stems(word: str) -> list[str]:
    word = normalize_alias(word)
    return [word[: -len(e)] for e in _DEMONYM_ENDINGS if word.endswith(e) and len(word) - len(e) >= 4]


def guess_country(demonym: str) -> str | None:
    """ "Zamrovian" -> "Zamrovia": the most common way a country's adjective is formed."""
    word = demonym.removesuffix("s") if demonym.endswith(("ians", "ans")) else demonym
    if word.lower().endswith(("man", "men")):
        return None  # "a Frenchwoman", "two Dutchmen": a national, no adjective of a state
    for ending, replacement in _GUESSES:
        if word.endswith(ending) and len(word) - len(ending) >= (3 if ending == "ish" else 4):
            stem = word[: -len(ending)]
            if ending == "ish" and stem.endswith("l"):
                return stem + "and"  # "Brellish" -> "Brelland", as "Polish" -> "Poland"
            return stem + replacement
    return None


def _demonym_shaped(name: str) -> bool:
    """ "Kalvorans" the NER did not call a nationality is still not the country's name."""
    return name.endswith(("an", "ans")) and guess_country(name) is not None


def _looks_like_demonym(span: Span, actors: ArticleActors) -> bool:
    text = span.text
    norm = normalize_alias(text)
    return (
        span.label_ == "NORP"
        and len(span) == 1
        and text[:1].isupper()
        and actors.country_of(text) is None
        and norm not in actors.lex.agents.not_country_demonyms
        and norm not in actors.lex.named_groups
    )


def _owns_agent_or_title(token: Token, actors: ArticleActors) -> bool:
    """ "Zamrovia's navy", "the foreign minister of Kessaria": the owner is a state."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in _OWNER_PREPS:
        head = head.head
    elif token.dep_ != "poss":
        return False
    word = head.lower_
    return (
        word in actors.lex.agents.heads
        or actors.role_phrase(head) is not None
        or (word in actors.lex.government_nouns)
    )


def _its_minister(token: Token, actors: ArticleActors) -> bool:
    """ "Qarim, which has hosted the talks, said its foreign minister had …": a name that is a
    "which" and owns, as "its", a head of government or a minister is a state."""
    if "which" not in relative_pronouns(token):
        return False
    for its in token.sent:
        if its.lower_ == "its" and its.dep_ == "poss" and its.i > token.i:
            role = actors.role_phrase(its.head)
            if role and (actors.lex.titles.get(role, False) or role.split()[-1] == "minister"):
                return True
    return False


def _owns_state_office(token: Token, actors: ArticleActors) -> bool:
    """ "Kethmar's Prime Minister", "Ulumbe's president": only a state has a head of government
    or ministers (a person may have an adviser or a spokesman, but not a prime minister)."""
    if token.dep_ != "poss":
        return False
    head = token.head
    titles = [head, *(c for c in head.children if c.dep_ == "compound")]
    for title in titles:
        role = actors.role_phrase(title)
        if role and (actors.lex.titles.get(role, False) or role.split()[-1] == "minister"):
            return True
    # "Drashiva's navy", "Kethmar's foreign ministry": a one-word name owning a state body
    phrase = " ".join(t.lower_ for t in head.subtree if t.i > token.i and t.i <= head.i and t.dep_ != "case")
    spec = actors.lex.agents.nouns.get(phrase) or actors.lex.agents.nouns.get(head.lower_)
    return (
        spec is not None
        and spec.edge is not None
        and not spec.acting_only
        and token.pos_ == "PROPN"
        and normalize_alias(token.text) not in actors.lex.organizations
        and normalize_alias(token.text) not in actors.lex.named_groups
    )


def _docs(spans: list[Span]) -> list[Doc]:
    """The article's paragraph Docs, each once, from its entity spans."""
    return list({id(s.doc): s.doc for s in spans}.values())


def _title_demonyms(spans: list[Span], actors: ArticleActors) -> list[str]:
    """ "Drovnian Defence Minister Anton Vasko": a capitalised demonym-shaped word before a title
    is a state's adjective even when the NER tags nothing there."""
    lex = actors.lex
    found: list[str] = []
    for doc in _docs(spans):
        for token in doc[:-1]:
            if not token.is_title or token.pos_ not in {"PROPN", "ADJ", "NOUN"}:
                continue
            # "Drovnian Defence Minister", "Lumaran Energy Minister": a title within three words
            after = [t.lower_ for t in doc[token.i + 1 : token.i + 4]]
            if (
                not any(
                    w in lex.titles or " ".join(after[i : i + 2]) in lex.titles for i, w in enumerate(after)
                )
                or not doc[token.i + 1].is_title
            ):
                continue
            norm = normalize_alias(token.text)
            if norm in lex.agents.not_country_demonyms or known_word(token.lower_):
                continue
            if actors.country_of(token.text) is None and guess_country(token.text):
                found.append(token.text)
    return found


def _paired_demonyms(spans: list[Span], actors: ArticleActors) -> list[str]:
    """ "imports of Norvessan timber … Norvessa's forests", both tagged ORG: a one-word name
    whose country-from-adjective guess is another one-word name of the article is that
    country's adjective."""
    singles = {normalize_alias(s.text): s.text for s in spans if len(s) == 1 and s.label_ in _NAME_LABELS}
    found = []
    for norm, text in singles.items():
        guessed = guess_country(text) if text.endswith(_DEMONYM_ENDINGS) else None
        if guessed and normalize_alias(guessed) in singles and normalize_alias(guessed) != norm:
            if norm not in actors.lex.agents.not_country_demonyms and actors.country_of(text) is None:
                found.append(text)
    return found


def learn_countries(actors: ArticleActors, spans: list[Span]) -> None:
    """Fill `actors.local_countries` from the article's own spans (see the module docstring)."""
    lex = actors.lex
    local = actors.local_countries
    demonyms = [s for s in spans if _looks_like_demonym(s, actors)]
    names: dict[str, str] = {}
    agents = lex.agents
    body_endings = lex.org_suffixes | agents.body_heads | agents.never_place_heads | agents.org_name_endings
    for span in spans:
        if span.label_ in {"GPE", "ORG", "PERSON", "LOC", "NORP"} and actors.country_of(span.text) is None:
            text = _POSSESSIVE.sub("", span.text.removeprefix("the "))
            if text[:1].isupper() and len(text.split()) <= 3 and text.split()[-1].lower() not in body_endings:
                names.setdefault(normalize_alias(text), text)  # no "… Movement" is a state's name
    demonym_words = (
        [s.text for s in demonyms] + _title_demonyms(spans, actors) + _paired_demonyms(spans, actors)
    )
    demonym_forms = {normalize_alias(w) for w in demonym_words}
    # "Kanyeri fighters" in an article about the Kanyeri Patriotic Movement: the movement's
    # adjective, not a state's
    body_first_words = {
        normalize_alias(words[0].text)
        for s in spans
        if s.label_ == "ORG" and len(words := [t for t in s if t.dep_ != "det"]) > 2 and words[0].is_title
    }
    for word in demonym_words:
        stems = _stems(word)
        match = next(
            (
                n
                for norm, n in names.items()
                for s in stems
                if norm.startswith(s) and norm not in demonym_forms and not _demonym_shaped(n)
            ),
            None,
        )
        if match is None and normalize_alias(word) in body_first_words:
            continue
        country = match or guess_country(word)
        if country:
            local.setdefault(normalize_alias(word), country)
            local.setdefault(normalize_alias(country), country)
    person_words = {normalize_alias(t.text) for s in spans if s.label_ == "PERSON" for t in s}
    full_name_words = {
        normalize_alias(t.text) for s in spans if s.label_ == "PERSON" and len(s) > 1 for t in s
    }
    for span in spans:
        norm = normalize_alias(_POSSESSIVE.sub("", span.text.removeprefix("the ")))
        if norm not in names or norm in local:
            continue
        root = span.root
        owner = _owns_agent_or_title(root, actors)
        shaped = span.label_ in {"GPE", "NORP"} or norm.endswith(_COUNTRY_SHAPES)
        acting = (  # not "Blinken criticised China": a person the NER took for a place
            (
                span.label_ == "GPE"
                or span.label_ == "ORG"
                and len(span) == 1
                and norm.endswith(_COUNTRY_SHAPES)
            )
            and norm not in person_words
            and root.dep_ in _EVENT_SUBJECT
            and root.head.lemma_.lower() in lex.verb_classes
        )
        if norm in full_name_words and len(span) == 1:
            continue  # "Malinar's spokeswoman" after "President Teodor Malinar": the person's
        governed = (  # "the government of Tavessa", whatever the NER called Tavessa
            root.dep_ == "pobj"
            and root.head.lower_ == "of"
            and root.head.head.lemma_.lower() in lex.government_nouns
            and len(span) == 1
        )
        if (
            owner
            and (shaped or _owns_state_office(root, actors))
            or acting
            or governed
            or _its_minister(root, actors)
        ):
            local[norm] = names[norm]
    for span in spans:
        # "the Kingdom of Estmark", "the Republic of Tavessa": a state's formal name
        title, of, name = _POSSESSIVE.sub("", span.text.removeprefix("the ").removeprefix("The ")).partition(
            " of "
        )
        if (
            of
            and title.lower() in agents.state_titles
            and name[:1].isupper()
            and len(name.split()) <= 2
            and actors.country_of(span.text) is None
        ):
            country = actors.country_of(name) or name
            local.setdefault(normalize_alias(f"{title}{of}{name}"), country)
            local.setdefault(normalize_alias(name), country)
    for capital, owner, country in _capitals(spans, actors):
        # "Oltmar, the Varnessan capital, protested": the capital stands for its state
        if actors.lex.country_of(capital) is None:
            local.setdefault(normalize_alias(capital), country)
            local.setdefault(normalize_alias(owner), country)
            local.setdefault(normalize_alias(country), country)


def _capitals(spans: list[Span], actors: ArticleActors) -> list[tuple[str, str, str]]:
    """(capital, the word naming its state, the state) for every "Oltmar, the Varnessan capital"
    or "Oltmar, Varnessa's capital" of the article, tagged by the NER or not."""
    out = []
    for doc in _docs(spans):
        for noun in doc:
            if noun.lemma_.lower() != "capital" or noun.dep_ != "appos":
                continue
            capital = noun.head
            if capital.pos_ != "PROPN" or not capital.is_title:
                continue
            for mod in noun.children:
                if mod.dep_ not in {"amod", "compound", "poss", "nmod"} or not mod.is_title:
                    continue
                country = actors.country_of(mod.text)
                if country is None and mod.dep_ == "poss":
                    country = mod.text  # only a state has a capital
                elif country is None and mod.text.endswith(_DEMONYM_ENDINGS):
                    country = guess_country(mod.text)
                if country:
                    out.append((capital.text, mod.text, country))
                    break
    return out


def _description_words(span: Span) -> set[str]:
    """What the article calls a named group: its apposition, the noun it compounds or is called by."""
    root = span.root
    nouns = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        nouns.append(root.head)
    if root.dep_ == "compound":
        nouns.append(root.head)  # "Clop hackers", "the Clop ransomware gang"
    if root.head.lower_ in {"called", "named", "dubbed", "as"}:
        nouns.append(root.head.head.head if root.head.lower_ == "as" else root.head.head)
    words = set()
    for noun in nouns:
        words |= {t.lower_ for t in noun.subtree if t.i not in range(span.start, span.end)}
    return words


def learn_named_groups(actors: ArticleActors, spans: list[Span]) -> None:
    """ "Clop, a Russian ransomware gang": which group nouns stand for which named group."""
    descriptions = actors.lex.agents.group_descriptions
    if not descriptions:
        return
    found: dict[str, set[str]] = {}
    for span in spans:
        if span.label_ != "ORG":
            continue
        words = _description_words(span)
        if not words:
            continue
        name = " ".join(actors.clean_name(span))
        for noun, cues in descriptions.items():
            if name and words & cues:
                found.setdefault(noun, set()).add(name)
    actors.named_group_for = {noun: next(iter(n)) for noun, n in found.items() if len(n) == 1}


class AgentFinder:
    """Finds unnamed agents on head nouns; one per article (it remembers agents by country)."""

    def __init__(self, actors: ArticleActors) -> None:
        self.actors = actors
        self._by_kind: dict[tuple[str, str], str] = {}  # (country, kind) -> key

    def _noun(self, token: Token) -> str | None:
        """The agent noun a head token ends: "patrol boats", "intelligence chief", "court"."""
        nouns = self.actors.lex.agents.nouns
        word = token.lower_
        left = [c for c in token.lefts if c.dep_ in {"compound", "amod"} and c.i == token.i - 1]
        if left:
            phrase = f"{left[0].lower_} {word}"
            if phrase in nouns:
                return phrase
        return word if word in nouns else None

    def _country(self, modifier: Token, found: SentenceActors) -> str | None:
        actors = self.actors
        for key in found.keys_of(modifier):
            actor = actors.actors[key]
            if actor.label is NodeLabel.COUNTRY:
                return actor.name
        country = actors.country_of(modifier.text)
        if (
            country is None
            and modifier.is_title
            and not modifier.ent_type_
            and modifier.i != modifier.sent.start
            or country is None
            and modifier.is_title
            and modifier.ent_type_ in {"", "NORP"}
            and not known_word(modifier.lower_)
        ):
            # "Velmoran regulators": a demonym the NER did not tag, of a state the text implies;
            # but "Kanyeri fighters" near the Kanyeri Patriotic Movement are the movement's
            if actors.organization_named_first(modifier.text) is not None:
                return None
            guess = guess_country(modifier.text) if modifier.lower_.endswith(_DEMONYM_ENDINGS) else None
            if guess and not known_word(modifier.lower_):
                actors.local_countries.setdefault(normalize_alias(modifier.text), guess)
                return guess
        return country

    def _of_organization(self, token: Token, found: SentenceActors) -> list[str]:
        """The organisation in "<token> of / from <organisation>"."""
        actors = self.actors.actors
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in _OWNER_PREPS:
                for pobj in prep.children:
                    keys = [k for k in found.keys_of(pobj) if actors[k].label is NodeLabel.ORGANIZATION]
                    if pobj.dep_ == "pobj" and keys:
                        return keys[:1]
        return []

    def _modifiers(self, token: Token) -> list[Token]:
        """Left modifiers of the head and of its compounds ("Chinese" in "Chinese coast guard")."""
        out = []
        for child in token.lefts:
            if child.dep_ in _MODIFIER_DEPS:
                out.append(child)
                if child.dep_ in {"compound", "amod"}:
                    out += [c for c in child.lefts if c.dep_ in _MODIFIER_DEPS]
        return sorted(out, key=lambda t: t.i)

    def named_group(self, token: Token) -> list[str]:
        """ "Russian hackers" in an article about Clop, a ransomware gang: Clop."""
        name = self.actors.named_group_for.get(token.lower_)
        if name is None or token.dep_ in {"compound", "amod"} or token.pos_ not in {"NOUN", "PROPN"}:
            return []
        start = min((t.i for t in token.subtree if t.i <= token.i and t.dep_ != "det"), default=token.i)
        return [self.actors.add(NodeLabel.ORGANIZATION, name, token.doc[start : token.i + 1].text)]

    def agent(self, token: Token, found: SentenceActors) -> list[str]:
        actors = self.actors
        if token.lower_ not in actors.lex.agents.heads or token.pos_ not in {"NOUN", "PROPN"}:
            return []
        if token.dep_ in {"compound", "amod"} and (
            token.head.lower_ in actors.lex.agents.heads or found.keys_of(token.head)
        ):
            return []  # "coast guard vessel": the vessel; "Foreign Minister Ilse Varga": a name
        if token.i + 1 < len(token.doc) and token.doc[token.i + 1].ent_type_ == "PERSON":
            return []  # "Japanese Prime Minister Fumio Kishida": a title before a name
        noun = self._noun(token)
        if noun is None:
            return []
        if token.dep_ == "appos" and any(
            t.ent_type_ == "ORG" for t in (token.head, *token.head.children) if t.dep_ != "appos"
        ):
            return []  # "the Bundeskartellamt, the German competition authority": the named body
        spec = actors.lex.agents.nouns[noun]
        if spec.acting_only and not acts(token):
            return []  # "sent the bill to the Turkish parliament": a destination, not an actor
        modifiers = self._modifiers(token)
        owners = [
            k
            for m in modifiers
            for k in found.keys_of(m)
            if actors.actors[k].label in {NodeLabel.ORGANIZATION, NodeLabel.PERSON}
        ]
        # "the Inner Sea Concord's watchdog": a body of a named (several-word) organisation
        owned = any(
            m.dep_ == "poss" and any(" " in actors.actors[k].name for k in found.keys_of(m))
            for m in modifiers
        )
        if owners:
            staff = token.lower_ in actors.lex.words("staff_nouns") or owned and spec.edge is not None
            if staff and actors.actors[owners[0]].label is NodeLabel.ORGANIZATION:
                # "Sennet Arms executives", "Radio Nizhal reporters": people of the organisation
                start = min(m.left_edge.i for m in modifiers if found.keys_of(m))
                start += token.doc[start].dep_ == "det"
                name = token.doc[start : token.i + 1].text
                key = actors.add(NodeLabel.GROUP, name, name)
                edge = (
                    EdgeType.REPRESENTS
                    if token.lower_ in actors.lex.words("spokespeople")
                    else EdgeType.MEMBER_OF
                )
                actors.actors[key].affiliation = (owners[0], edge)
                return [key]
            return []  # "Hamas leaders", "DarkSide hackers": the named group itself
        if token.lower_ in actors.lex.agents.armed_members:
            body = self._of_organization(token, found)
            if body:
                return body  # "Gunmen from the Ndari Liberation Front seized …": the Front did
        if any(m.lower_ in _NOT_AN_AGENT_HEAD or m.head.lower_ in _NOT_AN_AGENT_HEAD for m in modifiers):
            return []  # "Russian-based hackers": where they are, not whom they serve
        countries = [(m, c) for m in modifiers if (c := self._country(m, found))]
        for m, name in list(countries):  # "US and Chinese diplomats"
            for conj in m.children:
                if conj.dep_ == "conj" and (cc := self._country(conj, found)):
                    countries.append((conj, cc))
                elif conj.dep_ == "conj" and conj.pos_ == "PROPN" and m.pos_ == "PROPN" and conj.i < token.i:
                    # "Zemunia and Tesso rebels": the state and the rebels named after Tesso
                    group = token.doc[conj.i : token.i + 1].text
                    return [
                        self.actors.add(NodeLabel.COUNTRY, name, m.text),
                        self.actors.add(NodeLabel.GROUP, group, group),
                    ]
        if not countries:
            countries = self._of_country(token, found)
        if not countries:
            if token.dep_ == "conj":
                return self._coordinated(token, found, spec.kind)
            return self._named_unknown(token, modifiers) or self._located(token, found)
        doc = token.doc
        keys = []
        if len(countries) == 1:
            modifier, country = countries[0]
            if modifier.i > token.i:  # "the navy of Zamrovia"
                name = doc[token.i : modifier.i + 1].text
            else:
                # the whole noun phrase but its article and numbers: "senior Chinese envoy"
                start = min(
                    (
                        m.i
                        for m in self._modifiers(token)
                        if m.dep_ == "amod" and m.pos_ == "ADJ" and m.i < modifier.i
                    ),
                    default=min(modifier.left_edge.i, modifier.i),  # "South Korea's antitrust regulator"
                )
                name = doc[start : phrase_end(token)].text  # "Varenian prisoners of war"
            keys.append(self._register(country, spec, name))
        else:
            last = max(m.i for m, _ in countries)
            noun_text = doc[last + 1 : token.i + 1].text
            for modifier, country in sorted(countries, key=lambda mc: mc[0].i):
                keys.append(self._register(country, spec, f"{modifier.text} {noun_text}"))
        return keys

    def _of_country(self, token: Token, found: SentenceActors) -> list[tuple[Token, str]]:
        # "recalled its ambassador from Calmoria": an owner named, "from" is where the agent was
        owned = any(c.dep_ == "poss" for c in token.children)
        for child in token.rights:
            if (
                child.dep_ == "prep"
                and child.lower_ in _OWNER_PREPS
                and not (owned and child.lower_ == "from")
            ):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and (country := self._country(pobj, found)):
                        return [(pobj, country)]
        return []

    def _coordinated(self, token: Token, found: SentenceActors, kind: str) -> list[str]:
        """ "Indian forces and soldiers": the second noun is the first one's body."""
        head = token.head
        for key in found.keys_of(head):
            actor = self.actors.actors[key]
            if actor.affiliation is None:
                continue
            country = self.actors.actors[actor.affiliation[0]].name
            if self._by_kind.get((country, kind)) == key:
                actor.aliases.add(token.text)
                return [key]
            spec = self.actors.lex.agents.nouns[self._noun(token) or token.lower_]
            surface = next((a for a in sorted(actor.aliases) if a.split()[0]), actor.name)
            return [self._register(country, spec, f"{surface.split()[0]} {token.text}")]
        return []

    def _named_unknown(self, token: Token, modifiers: list[Token]) -> list[str]:
        """ "the Kessarin militia": a named collective whose country the text does not give."""
        names = [m for m in modifiers if m.ent_type_ == "NORP" or m.pos_ == "PROPN" and m.dep_ == "compound"]
        if not names or token.lower_ not in {"militia", "militias", "rebels", "gang", "fighters", "forces"}:
            return []
        named = {m.i for m in names}
        start = token.i
        while start - 1 in named:
            start -= 1  # "the Zemun and Tesso rebels": the words next to the noun, not the list
        if start == token.i:
            return []
        name = token.doc[start : token.i + 1].text
        key = self.actors.add(NodeLabel.GROUP, name, name)
        body = self.actors.organization_named_first(token.doc[start].text)
        if body is not None and self.actors.actors[key].affiliation is None:
            # "Kanyeri fighters" of the Kanyeri Patriotic Movement
            self.actors.actors[key].affiliation = (body, EdgeType.MEMBER_OF)
        return [key]

    def _located(self, token: Token, found: SentenceActors) -> list[str]:
        """ "A court in Lisse", "police in Oskemen": a local body known only by its town (not
        "officials in Amrabad", who are more often a capital's, that is a state's)."""
        if not acts(token) or token.lemma_.lower() not in _LOCAL_BODIES:
            return []
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "in":
                for place in prep.children:
                    keys = found.keys_of(place)
                    if (
                        place.dep_ == "pobj"
                        and keys
                        and all(self.actors.actors[k].label is NodeLabel.PLACE for k in keys)
                        and self.actors.country_of(place.text) is None  # "in Minsk": Belarus's
                    ):
                        start = min(t.i for t in token.subtree if t.i <= token.i and t.dep_ != "det")
                        name = token.doc[start : place.i + 1].text
                        return [self.actors.add(NodeLabel.GROUP, name, name)]
        return []

    def _register(self, country: str, spec, name: str) -> str:
        actors = self.actors
        name = name.strip('"“”() ')
        known = self._by_kind.get((country, spec.kind))
        if known is not None:
            actors.actors[known].aliases.add(name)
            return known
        head = name.split()[-1].lower()
        label = NodeLabel.ORGANIZATION if head in actors.lex.agents.institution_heads else NodeLabel.GROUP
        key = actors.add(label, name, name)
        if spec.edge is not None:  # "Kethmari journalists" are of Kethmar, not its agents
            country_key = actors.add(NodeLabel.COUNTRY, country, None)
            actors.actors[key].affiliation = (country_key, spec.edge)
        self._by_kind[(country, spec.kind)] = key
        return key
