"""The word lists behind unnamed agents and candidate names, read from `actors.toml`.

Kept apart from `lexicons.py` so that the lists the agent rules need travel as one value
(`Lexicons.agents`); see the comments in `actors.toml` for what each list means.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from actorgraph.graph.model import EdgeType, normalize_alias


@dataclass(frozen=True)
class AgentNoun:
    kind: str  # words of one kind in one article name one body
    edge: EdgeType | None  # MEMBER_OF or REPRESENTS the country; None for its nationals
    acting_only: bool = False  # an actor only where it acts or is acted on, not as a destination


@dataclass(frozen=True)
class AgentWords:
    nouns: dict[str, AgentNoun] = field(default_factory=dict)  # "patrol boats" -> kind, edge
    heads: frozenset[str] = frozenset()  # last words of the nouns, for a cheap first test
    not_actors: frozenset[str] = frozenset()  # normalised
    not_country_demonyms: frozenset[str] = frozenset()  # normalised
    name_particles: frozenset[str] = frozenset()
    place_heads: frozenset[str] = frozenset()
    not_actor_heads: frozenset[str] = frozenset()
    locality_nouns: frozenset[str] = frozenset()
    apposition: dict[str, str] = field(default_factory=dict)  # head noun -> PERSON / ORG / GPE
    group_descriptions: dict[str, frozenset[str]] = field(default_factory=dict)  # "hackers" -> words
    outlet_names: frozenset[str] = frozenset()  # normalised names of news outlets
    outlet_words: frozenset[str] = frozenset()  # a last (or first) word that makes a name an outlet
    body_heads: frozenset[str] = frozenset()
    never_place_heads: frozenset[str] = frozenset()
    armed_heads: frozenset[str] = frozenset()
    armed_plurals: frozenset[str] = frozenset()
    armed_members: frozenset[str] = frozenset()
    org_name_endings: frozenset[str] = frozenset()
    party_nouns: frozenset[str] = frozenset()
    name_inner_words: frozenset[str] = frozenset()
    institution_heads: frozenset[str] = frozenset()
    state_body_heads: frozenset[str] = frozenset()
    state_titles: frozenset[str] = frozenset()

    def is_outlet(self, name: str) -> bool:
        """A news outlet reports the news; it takes no side on the issues it reports."""
        norm = normalize_alias(name.removeprefix("the ").removeprefix("The "))
        words = norm.split()
        return (
            norm in self.outlet_names
            or bool(words)
            and (words[-1] in self.outlet_words or words[0] in {"radio", "tv", "television"})
        )


_APPOSITION_LABELS = {"person": "PERSON", "organization": "ORG", "country": "GPE"}


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def parse_agent_words(actors: dict) -> AgentWords:
    """`actors` is the merged content of every `actors.toml`; a missing list is empty."""
    nouns: dict[str, AgentNoun] = {}
    for entry in actors.get("agent_noun", []):
        raw = entry.get("edge", "MEMBER_OF")
        edge = None if raw == "none" else EdgeType(raw)
        if edge not in {EdgeType.MEMBER_OF, EdgeType.REPRESENTS, EdgeType.LEADER_OF, None}:
            raise ValueError(f"agent_noun edge must be MEMBER_OF, REPRESENTS, LEADER_OF or none, not {raw}")
        for word in entry["words"]:
            word = word.lower()
            nouns.setdefault(
                word, AgentNoun(entry.get("kind") or _singular(word), edge, bool(entry.get("acting_only")))
            )
    apposition = {}
    for key, label in _APPOSITION_LABELS.items():
        for word in actors.get("apposition", {}).get(key, []):
            apposition.setdefault(word.lower(), label)
    return AgentWords(
        nouns=nouns,
        heads=frozenset(w.split()[-1] for w in nouns),
        not_actors=frozenset(normalize_alias(w) for w in actors.get("not_actors", [])),
        not_country_demonyms=frozenset(normalize_alias(w) for w in actors.get("not_country_demonyms", [])),
        name_particles=frozenset(w.lower() for w in actors.get("name_particles", [])),
        place_heads=frozenset(w.lower() for w in actors.get("place_heads", [])),
        not_actor_heads=frozenset(w.lower() for w in actors.get("not_actor_heads", [])),
        locality_nouns=frozenset(w.lower() for w in actors.get("locality_nouns", [])),
        apposition=apposition,
        outlet_names=frozenset(normalize_alias(w) for w in actors.get("outlets", {}).get("names", [])),
        outlet_words=frozenset(w.lower() for w in actors.get("outlets", {}).get("words", [])),
        **{
            key: frozenset(w.lower() for w in actors.get(key, []))
            for key in (
                "body_heads",
                "never_place_heads",
                "armed_heads",
                "armed_plurals",
                "armed_members",
                "org_name_endings",
                "party_nouns",
                "name_inner_words",
                "institution_heads",
                "state_body_heads",
                "state_titles",
            )
        },
        group_descriptions={
            noun.lower(): frozenset(w.lower() for w in words)
            for noun, words in actors.get("group_descriptions", {}).items()
        },
    )
