"""Shortest paths between two nodes, read from the store's indexed edges as they are needed.

Building the whole graph in memory to join two actors costs time proportional to the store;
a bidirectional breadth-first search that always grows the smaller side touches only the
neighbourhoods between them, so `ties` stays fast on a store of millions of edges.
"""

from __future__ import annotations

from collections.abc import Callable

Neighbours = Callable[[str], set[str]]


def _expand(frontier: set[str], parents: dict[str, set[str]], neighbours: Neighbours) -> set[str]:
    nxt: set[str] = set()
    for node in frontier:
        for other in neighbours(node):
            if other not in parents:
                parents[other] = {node}
                nxt.add(other)
            elif other in nxt:
                parents[other].add(node)
    return nxt


def _walks(node: str, parents: dict[str, set[str]], limit: int) -> list[list[str]]:
    """All walks from `node` back to the search root (whose parent set is empty)."""
    if not parents[node]:
        return [[node]]
    walks = []
    for parent in sorted(parents[node]):
        for walk in _walks(parent, parents, limit):
            walks.append([node, *walk])
            if len(walks) >= limit:
                return walks
    return walks


def _depths(parents: dict[str, set[str]]) -> dict[str, int]:
    depths: dict[str, int] = {}

    def depth(node: str) -> int:
        if node not in depths:
            depths[node] = 0 if not parents[node] else 1 + depth(next(iter(parents[node])))
        return depths[node]

    for node in parents:
        depth(node)
    return depths


def shortest_paths(
    a: str, b: str, neighbours: Neighbours, *, max_depth: int = 6, max_paths: int = 5
) -> list[list[str]]:
    """Up to `max_paths` shortest paths from a to b (node ids), or [] if none within max_depth."""
    if a == b:
        return []
    from_a: dict[str, set[str]] = {a: set()}
    from_b: dict[str, set[str]] = {b: set()}
    frontier_a, frontier_b = {a}, {b}
    for _ in range(max_depth):
        if not frontier_a or not frontier_b:
            return []
        if len(frontier_a) <= len(frontier_b):
            frontier_a = _expand(frontier_a, from_a, neighbours)
        else:
            frontier_b = _expand(frontier_b, from_b, neighbours)
        common = set(from_a) & set(from_b)
        if common:
            depth_a, depth_b = _depths(from_a), _depths(from_b)
            best = min(depth_a[m] + depth_b[m] for m in common)
            meeting = sorted(m for m in common if depth_a[m] + depth_b[m] == best)
            paths = []
            for middle in meeting:
                for left in _walks(middle, from_a, max_paths):
                    for right in _walks(middle, from_b, max_paths):
                        paths.append([*reversed(left), *right[1:]])
                        if len(paths) >= max_paths:
                            return paths
            return paths
    return []
