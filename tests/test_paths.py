"""The store-backed shortest paths agree with networkx on random graphs."""

from __future__ import annotations

import networkx as nx
from actorgraph.graph.paths import shortest_paths
from hypothesis import given, settings
from hypothesis import strategies as st


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=10_000), st.integers(min_value=5, max_value=40))
def test_paths_are_shortest_and_real(seed, size):
    graph = nx.gnp_random_graph(size, 0.08, seed=seed)
    a, b = 0, size - 1
    found = shortest_paths(
        str(a), str(b), lambda n: {str(m) for m in graph[int(n)]}, max_depth=size, max_paths=50
    )
    if not nx.has_path(graph, a, b):
        assert found == []
        return
    expected = {tuple(map(str, p)) for p in nx.all_shortest_paths(graph, a, b)}
    assert found and {tuple(p) for p in found} <= expected
    assert len({tuple(p) for p in found}) == min(len(expected), 50) or len(found) == 50
