"""The ontology and the records that cross from extraction into the store.

Labels and relationship types are closed allow-lists: everything that reaches a database
query (Neo4j labels, relationship types) is taken from these enums, never from article text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum


class NodeLabel(StrEnum):
    PERSON = "Person"
    ORGANIZATION = "Organization"
    COUNTRY = "Country"
    GROUP = "Group"
    ISSUE = "Issue"
    PLACE = "Place"
    ARTICLE = "Article"


ACTOR_LABELS = frozenset({NodeLabel.PERSON, NodeLabel.ORGANIZATION, NodeLabel.COUNTRY, NodeLabel.GROUP})


class EdgeType(StrEnum):
    # actor -> issue
    RAISED = "RAISED"
    CRITICIZED = "CRITICIZED"
    ACCUSED = "ACCUSED"
    DENIED = "DENIED"
    SUPPORTED = "SUPPORTED"
    AGREED_ON = "AGREED_ON"
    INVOLVED_IN = "INVOLVED_IN"
    AFFECTED_BY = "AFFECTED_BY"
    ASSOCIATED_WITH = "ASSOCIATED_WITH"
    IMPOSED = "IMPOSED"  # imposes a measure (sanctions, tariffs, a ban): never "supported" it
    REJECTED = "REJECTED"  # also actor -> actor: rejected X's demand, vetoed X's resolution
    MEDIATED = "MEDIATED"  # also actor -> actor: the mediator takes no party's stance
    # actor -> actor
    MET = "MET"
    PRAISED = "PRAISED"
    WARNED = "WARNED"
    AGREED_WITH = "AGREED_WITH"
    SANCTIONED = "SANCTIONED"
    EXPELLED = "EXPELLED"
    RECALLED = "RECALLED"
    IMPRISONED = "IMPRISONED"
    ATTACKED = "ATTACKED"
    THREATENED = "THREATENED"  # an explicit threat of action, distinct from a warning
    DEMANDED = "DEMANDED"  # demands, appeals, urges, calls on
    AIDED = "AIDED"  # gives aid, money or arms to
    COOPERATED_WITH = "COOPERATED_WITH"  # joint action: exercises, partnerships
    INVESTIGATED = "INVESTIGATED"
    RELEASED = "RELEASED"  # frees, pardons, swaps prisoners or hostages
    MEMBER_OF = "MEMBER_OF"
    LEADER_OF = "LEADER_OF"
    REPRESENTS = "REPRESENTS"
    # any node -> article
    MENTIONED_IN = "MENTIONED_IN"


#: Relation families drive edge colours in views and the "hostile/cooperative" filters.
EDGE_FAMILY: dict[EdgeType, str] = {
    EdgeType.CRITICIZED: "hostile",
    EdgeType.ACCUSED: "hostile",
    EdgeType.DENIED: "hostile",
    EdgeType.WARNED: "hostile",
    EdgeType.SANCTIONED: "hostile",
    EdgeType.EXPELLED: "hostile",
    EdgeType.RECALLED: "hostile",
    EdgeType.IMPRISONED: "hostile",
    EdgeType.ATTACKED: "hostile",
    EdgeType.THREATENED: "hostile",
    EdgeType.DEMANDED: "hostile",
    EdgeType.REJECTED: "hostile",
    EdgeType.INVESTIGATED: "hostile",
    EdgeType.IMPOSED: "hostile",
    EdgeType.INVOLVED_IN: "hostile",
    EdgeType.AFFECTED_BY: "hostile",
    EdgeType.SUPPORTED: "cooperative",
    EdgeType.AGREED_ON: "cooperative",
    EdgeType.AGREED_WITH: "cooperative",
    EdgeType.PRAISED: "cooperative",
    EdgeType.MET: "cooperative",
    EdgeType.AIDED: "cooperative",
    EdgeType.COOPERATED_WITH: "cooperative",
    EdgeType.RELEASED: "cooperative",
    EdgeType.MEDIATED: "cooperative",
    EdgeType.MEMBER_OF: "structural",
    EdgeType.LEADER_OF: "structural",
    EdgeType.REPRESENTS: "structural",
}


def edge_family(edge_type: EdgeType | str) -> str:
    return EDGE_FAMILY.get(EdgeType(edge_type), "neutral")


#: Stance of an actor -> issue edge, as in discourse network analysis: +1 the actor is for the
#: issue (backs, agrees on, imposes the measure), -1 against (criticises, rejects, accuses someone
#: of it), 0 no position (raises it, did or suffered it, mediates it, denies involvement).
STANCE: dict[EdgeType, int] = {
    EdgeType.SUPPORTED: 1,
    EdgeType.AGREED_ON: 1,
    EdgeType.IMPOSED: 1,
    EdgeType.CRITICIZED: -1,
    EdgeType.REJECTED: -1,
    EdgeType.ACCUSED: -1,
}

#: Types whose direction carries no meaning: A MET B is B MET A.
SYMMETRIC_TYPES = frozenset({EdgeType.MET, EdgeType.AGREED_WITH, EdgeType.COOPERATED_WITH})


def stance(edge_type: EdgeType | str) -> int:
    """The polarity of an actor -> issue edge of this type (0 where the type takes no side)."""
    return STANCE.get(EdgeType(edge_type), 0)


def slugify(text: str) -> str:
    """ASCII slug used inside node ids, so ids stay stable and safe in every export format."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "x"


def node_id(label: NodeLabel | str, name: str) -> str:
    return f"{NodeLabel(label).value.lower()}:{slugify(name)}"


def normalize_alias(text: str) -> str:
    """The key under which surface forms are matched: case, accents, dots and spacing ignored."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    ascii_text = ascii_text.replace(".", "").replace("\u2019", "'")
    return re.sub(r"\s+", " ", ascii_text).strip().lower()


@dataclass(frozen=True)
class Document:
    """One article. The id is a content hash so the same text loaded twice is the same article."""

    id: str
    title: str
    date: str | None
    source: str
    text: str


@dataclass(frozen=True)
class Evidence:
    article: str
    sentence: str
    start: int
    end: int
    date: str | None

    def as_dict(self) -> dict:
        return {
            "article": self.article,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "date": self.date,
        }


@dataclass
class EntityRecord:
    """An actor or place found in one article, with every surface form seen for it."""

    key: str
    label: NodeLabel
    name: str
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0


@dataclass(frozen=True)
class IssueRecord:
    key: str
    name: str
    topic: str


@dataclass(frozen=True)
class EdgeRecord:
    source: str
    target: str
    type: EdgeType
    evidence: Evidence


@dataclass
class ExtractionResult:
    """Everything one article contributes to the graph; the only thing the store accepts."""

    document: Document
    entities: list[EntityRecord] = field(default_factory=list)
    issues: list[IssueRecord] = field(default_factory=list)
    edges: list[EdgeRecord] = field(default_factory=list)
