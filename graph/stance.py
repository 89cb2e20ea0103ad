"""The stance of actor → issue edges, derived on read: the one place every export and query asks.

Stance is a pure function of the edge type (`model.STANCE`), so the store keeps no column for
it: a column would be a second copy that could disagree with the type, and every store ever
written would need an upgrade whenever the map changes. It exists only on edges whose target is
an Issue; an actor → actor edge has no stance (None, and no property in the exports).
"""

from __future__ import annotations

from collections.abc import Iterable

from actorgraph.graph.model import NodeLabel, stance

#: The three positions an actor can take on an issue, in the order `who` lists them.
POSITIONS: tuple[str, ...] = ("for", "against", "neutral")
_POSITION = {1: "for", -1: "against", 0: "neutral"}


def edge_stance(edge_type: str, target_label: str | None) -> int | None:
    """+1 / -1 / 0 for an edge to an Issue, None for every other edge."""
    return stance(edge_type) if target_label == NodeLabel.ISSUE else None


def position(value: int) -> str:
    """'for', 'against' or 'neutral' for a stance (or the sign of a net position)."""
    return _POSITION[(value > 0) - (value < 0)]


def signed(value: int) -> str:
    """A net position as an analyst writes it: '+3', '-1', '0'."""
    return f"{value:+d}" if value else "0"


def tally(rows: Iterable[tuple[int, int]]) -> dict[str, int]:
    """Evidence for, against and neutral, their total and the net position, from (stance, weight) pairs."""
    counts = dict.fromkeys(POSITIONS, 0)
    for value, weight in rows:
        counts[position(value)] += weight
    return {
        "net": counts["for"] - counts["against"],
        **counts,
        "evidence": sum(counts.values()),
    }
