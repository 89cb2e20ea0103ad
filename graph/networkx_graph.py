"""The store as a networkx MultiDiGraph, for analysis with the whole networkx toolbox."""

from __future__ import annotations

import networkx as nx
from actorgraph.graph.stance import edge_stance
from actorgraph.graph.store import Store


def to_networkx(
    store: Store, *, include_articles: bool = False, with_evidence: bool = False
) -> nx.MultiDiGraph:
    """Nodes carry label, name, aliases (and topic); edges are keyed by type and carry weight,
    and edges to an Issue their stance (+1 / -1 / 0).

    Articles and MENTIONED_IN edges are left out unless asked for: they dominate degree-based
    measures without saying anything about actors and issues.
    """
    graph = nx.MultiDiGraph()
    for node in store.nodes():
        graph.add_node(
            node.id, label=node.label, name=node.name, aliases=list(node.aliases), topic=node.topic
        )
    for edge in store.edges():
        value = edge_stance(edge.type, (graph.nodes.get(edge.target) or {}).get("label"))
        graph.add_edge(
            edge.source,
            edge.target,
            key=edge.type,
            type=edge.type,
            weight=edge.weight,
            first_date=edge.first_date,
            last_date=edge.last_date,
            **({"stance": value} if value is not None else {}),
        )
    if with_evidence:
        for (source, target, edge_type), ev in store.all_evidence():
            graph.edges[source, target, edge_type].setdefault("evidence", []).append(ev)
    if include_articles:
        for article in store.articles():
            graph.add_node(
                f"article:{article['id']}",
                label="Article",
                name=article["title"],
                aliases=[],
                date=article["date"],
                source=article["source"],
            )
        for node_id, article, count in store.mentions():
            graph.add_edge(
                node_id, f"article:{article}", key="MENTIONED_IN", type="MENTIONED_IN", weight=count
            )
    return graph
