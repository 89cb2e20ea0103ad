"""Focusing and capping a graph before it is drawn.

A drawing of thousands of nodes helps nobody, so views keep the strongest part of the graph
and say what they left out. Strength is weighted degree: the number of evidence sentences
that touch a node, which is what an analyst means by "most talked about".
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx


@dataclass(frozen=True)
class CapReport:
    """What a cap removed, so the view can say so instead of hiding it."""

    nodes_total: int
    edges_total: int
    nodes_left_out: int
    edges_left_out: int

    @property
    def nothing_left_out(self) -> bool:
        return self.nodes_left_out == 0 and self.edges_left_out == 0


def focus(graph: nx.MultiDiGraph, centres: list[str], depth: int = 1) -> nx.MultiDiGraph:
    """The union of the ego networks (edges followed both ways) around each centre node."""
    keep: set[str] = set()
    undirected = graph.to_undirected(as_view=True)
    for centre in centres:
        keep.update(nx.single_source_shortest_path_length(undirected, centre, cutoff=depth))
    return graph.subgraph(keep).copy()


def without_isolates(
    graph: nx.MultiDiGraph, keep: frozenset[str] = frozenset()
) -> tuple[nx.MultiDiGraph, int]:
    """Drop nodes with no relation at all (places only mentioned, say): a drawing shows relations."""
    isolated = [n for n in nx.isolates(graph) if n not in keep]
    graph = graph.copy()
    graph.remove_nodes_from(isolated)
    return graph, len(isolated)


def weighted_degree(graph: nx.MultiDiGraph) -> dict[str, int]:
    return dict(graph.degree(weight="weight"))


def cap(
    graph: nx.MultiDiGraph, max_nodes: int, max_edges: int, *, keep: frozenset[str] = frozenset()
) -> tuple[nx.MultiDiGraph, CapReport]:
    """Keep the `max_nodes` strongest nodes (and always `keep`), then the heaviest edges among them."""
    strength = weighted_degree(graph)
    ranked = sorted(graph.nodes, key=lambda n: (n not in keep, -strength.get(n, 0), str(n)))
    kept_nodes = set(ranked[: max(max_nodes, len(keep & set(graph.nodes)))])
    edges = [
        (u, v, k, d)
        for u, v, k, d in graph.edges(keys=True, data=True)
        if u in kept_nodes and v in kept_nodes
    ]
    edges.sort(key=lambda e: (-e[3].get("weight", 1), e[0], e[1], e[2]))
    capped = nx.MultiDiGraph()
    capped.add_nodes_from((n, graph.nodes[n]) for n in ranked if n in kept_nodes)
    capped.add_edges_from((u, v, k, d) for u, v, k, d in edges[:max_edges])
    report = CapReport(
        nodes_total=graph.number_of_nodes(),
        edges_total=graph.number_of_edges(),
        nodes_left_out=graph.number_of_nodes() - capped.number_of_nodes(),
        edges_left_out=graph.number_of_edges() - capped.number_of_edges(),
    )
    return capped, report
