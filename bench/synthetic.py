"""Synthetic but realistic graphs for the benchmarks: the store's own write path, made-up news.

Actors are drawn with Zipf-like popularity (a few are in every story, most in one or two),
each article ties a handful of them to each other and to issues from the real taxonomy, and
every edge carries an evidence sentence, as extraction would produce.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator

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
from actorgraph.loaders.lexicons import load_lexicons

ACTOR_TYPES = [EdgeType.MET, EdgeType.CRITICIZED, EdgeType.WARNED, EdgeType.PRAISED, EdgeType.SANCTIONED]
ISSUE_TYPES = [
    EdgeType.RAISED,
    EdgeType.ACCUSED,
    EdgeType.DENIED,
    EdgeType.ASSOCIATED_WITH,
    EdgeType.INVOLVED_IN,
]
LABELS = [NodeLabel.PERSON, NodeLabel.PERSON, NodeLabel.ORGANIZATION, NodeLabel.COUNTRY, NodeLabel.GROUP]
SYLLABLES = ["ka", "lo", "mi", "ra", "ten", "vo", "su", "ne", "dar", "il", "or", "pe", "zu", "an", "bel"]


def _name(rng: random.Random, i: int) -> str:
    first = "".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize()
    last = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
    return f"{first} {last} {i}"


def articles(edges_wanted: int, *, edges_per_article: int = 20, seed: int = 7) -> Iterator[ExtractionResult]:
    """Articles until about `edges_wanted` distinct edges exist (collisions add weight instead)."""
    rng = random.Random(seed)
    issues = [IssueRecord(node_id(NodeLabel.ISSUE, i.name), i.name, i.topic) for i in load_lexicons().issues]
    actor_count = max(50, edges_wanted // 8)
    actors = []
    for i in range(actor_count):
        label = LABELS[i % len(LABELS)]
        name = _name(rng, i)
        actors.append(EntityRecord(node_id(label, name), label, name, {name, name.split()[1]}, 1))
    cumulative = list(itertools.accumulate(1 / (rank + 1) ** 0.8 for rank in range(actor_count)))
    articles_needed = max(1, edges_wanted // edges_per_article)
    for number in range(articles_needed):
        day = f"20{10 + number % 15:02d}-{1 + number % 12:02d}-{1 + number % 28:02d}"
        cast = {a.key: a for a in rng.choices(actors, cum_weights=cumulative, k=6)}
        cast |= {a.key: a for a in rng.sample(actors, 3)}
        people = list(cast.values())
        topics = rng.sample(issues, 3)
        doc = Document(f"{number:016x}", f"Synthetic report {number}", day, f"synthetic:{number}", "")
        records = []
        for k in range(edges_per_article):
            source = rng.choice(people)
            if k % 2:
                target_key = rng.choice(topics).key
                edge_type = rng.choice(ISSUE_TYPES)
            else:
                other = rng.choice(people)
                if other.key == source.key:
                    continue
                target_key, edge_type = other.key, rng.choice(ACTOR_TYPES)
            sentence = f"{source.name} and the matter of report {number} sentence {k}."
            records.append(
                EdgeRecord(
                    source.key, target_key, edge_type, Evidence(doc.id, sentence, k * 80, k * 80 + 60, day)
                )
            )
        yield ExtractionResult(
            doc, [EntityRecord(a.key, a.label, a.name, set(a.aliases), 1) for a in people], topics, records
        )
