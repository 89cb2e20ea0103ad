"""Events that are instances of an issue: "Indonesia slapped duties on Vietnamese steel" in a
story about trade remedies ties both countries to trade remedies.

A sentence often names the event and leaves its issue to the rest of the story: the prisoner
swap is announced in the lede, and the sentences that follow say who freed whom. An analyst
codes each of those actors under the swap. So an actor → actor edge whose type instantiates an
issue (the `[[event_issue]]` tables in `verbs.toml`: SANCTIONED for sanctions, tariffs and trade
remedies, RELEASED for prisoner exchanges, MEDIATED for mediation …) ties its doer and its target
to that issue when the issue is named in the same sentence or is the one the article names most
among that event's issues. The tie takes the table's types (the side imposing a measure
IMPOSED it, the side it hits is AFFECTED_BY it) and the event's own evidence; a typed tie the
sentence already gave is never replaced.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

from actorgraph.graph.model import EdgeType
from actorgraph.loaders.lexicons import Lexicons

Key = tuple[str, str, EdgeType, int]


def _retarget(edge, source: str, target: str, kind: EdgeType):
    """The same evidence for another tie (an edge as a dict or as an `EdgeRecord`)."""
    if isinstance(edge, dict):
        return {**edge, "source": source, "target": target, "type": str(kind)}
    return dataclasses.replace(edge, source=source, target=target, type=kind)


def add_implied_issue_ties(edges: dict[Key, object], lex: Lexicons, issue_keys: dict[str, str]) -> None:
    """`edges` as the relations component collects them (key: source, target, type, sentence
    start; value: the edge with its evidence); `issue_keys` maps each issue the article names to
    its node key."""
    if not lex.event_issues:
        return
    issue_nodes = set(issue_keys.values())
    negative = {
        key: lex.issue_by_name[name].negative for name, key in issue_keys.items() if name in lex.issue_by_name
    }
    # wrongs an actor is punished for (corruption, a coup), not harms it may wage (armed conflict)
    punishable = {
        key: lex.issue_by_name[name].negative and not lex.issue_by_name[name].harm
        for name, key in issue_keys.items()
        if name in lex.issue_by_name
    }
    named_in: dict[int, set[str]] = {}
    mentions: Counter[str] = Counter()
    seen: set[tuple[str, int]] = set()
    for _source, target, _type, start in edges:
        if target in issue_nodes:
            named_in.setdefault(start, set()).add(target)
            if (target, start) not in seen:
                seen.add((target, start))
                mentions[target] += 1
    typed = {
        (s, t) for (s, t, kind, _start) in edges if t in issue_nodes and kind is not EdgeType.ASSOCIATED_WITH
    }
    for (source, target, kind, start), edge in list(edges.items()):
        rule = lex.event_issues.get(kind)
        if rule is None or target in issue_nodes:
            continue
        if rule.against_wrongs is not None:
            # "ECOWAS suspended Tenkoro over the coup": against the wrong it punishes
            for issue in named_in.get(start, set()):
                if punishable.get(issue, False) and (source, issue) not in typed:
                    typed.add((source, issue))
                    edges.setdefault(
                        (source, issue, rule.against_wrongs, start),
                        _retarget(edge, source, issue, rule.against_wrongs),
                    )
        candidates = [issue_keys[name] for name in rule.issues if name in issue_keys]
        if not candidates:
            continue
        here = [c for c in candidates if c in named_in.get(start, set())]
        chosen = here or [max(candidates, key=lambda c: (mentions[c], -candidates.index(c)))]
        for issue in chosen:
            doer = rule.source
            if rule.source_negative is not None and negative.get(issue, False):
                doer = rule.source_negative  # "investigated the corruption": against it
            for actor, tie in ((source, doer), (target, rule.target)):
                if tie is None or (actor, issue) in typed:
                    continue
                typed.add((actor, issue))
                edges.setdefault((actor, issue, tie, start), _retarget(edge, actor, issue, tie))
