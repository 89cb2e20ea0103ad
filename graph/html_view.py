"""The interactive HTML network: one self-contained file that opens offline.

pyvis builds the vis-network node and edge options and ships the vis-network library; the
page template is our own because pyvis's template loads Bootstrap and other assets from CDNs
even with `cdn_resources="in_line"`. The library is inlined, so the file makes no network
request at all.

Article text never reaches the page as markup: all data travels as one JSON block (with
`<`, `>` and `&` escaped so it cannot close its script tag) and the page builds tooltips with
`textContent`, so a name like `<img src=x onerror=alert(1)>` is shown, never run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import networkx as nx
from actorgraph.graph.matching import find_node
from actorgraph.graph.model import NodeLabel, edge_family
from actorgraph.graph.networkx_graph import to_networkx
from actorgraph.graph.stance import position, signed
from actorgraph.graph.store import Store
from actorgraph.graph.subgraph import CapReport, cap, focus, weighted_degree, without_isolates
from pyvis.edge import Edge as PyvisEdge
from pyvis.network import Network

#: Colour and vis-network shape per node label: shape carries the type for colour-blind readers.
NODE_STYLE: dict[str, tuple[str, str]] = {
    NodeLabel.PERSON: ("#4e79a7", "dot"),
    NodeLabel.ORGANIZATION: ("#f28e2b", "square"),
    NodeLabel.COUNTRY: ("#b07aa1", "diamond"),
    NodeLabel.GROUP: ("#edc948", "triangle"),
    NodeLabel.ISSUE: ("#17becf", "hexagon"),
    NodeLabel.PLACE: ("#bab0ac", "star"),
}
FAMILY_COLOUR = {
    "hostile": "#d62728",
    "cooperative": "#2ca02c",
    "structural": "#7f7f7f",
    "neutral": "#6baed6",
}
#: Evidence sentences per edge carried into the page; the rest is counted, not copied.
EVIDENCE_PER_EDGE = 5


@dataclass(frozen=True)
class ViewReport:
    path: Path
    nodes: int
    edges: int
    cap: CapReport
    bytes: int
    isolated: int = 0

    def as_dict(self) -> dict:
        return {
            "path": str(self.path),
            "nodes": self.nodes,
            "edges": self.edges,
            "nodes_left_out": self.cap.nodes_left_out,
            "edges_left_out": self.cap.edges_left_out,
            "isolated_not_drawn": self.isolated,
            "bytes": self.bytes,
        }


def select(
    store: Store,
    *,
    issue: str | None = None,
    actor: str | None = None,
    depth: int = 1,
) -> tuple[nx.MultiDiGraph, list[str]]:
    """The graph to draw and its focus nodes: everything, or the neighbourhoods asked for."""
    graph = to_networkx(store, with_evidence=True)
    centres = []
    if issue:
        centres.append(find_node(store, issue, {NodeLabel.ISSUE.value}).id)
    if actor:
        centres.append(find_node(store, actor).id)
    if centres:
        graph = focus(graph, centres, depth)
    return graph, centres


def _physics_iterations(node_count: int) -> int:
    """Fewer layout steps for big graphs so the page settles in seconds, not minutes."""
    return max(60, min(600, 150_000 // max(node_count, 1)))


def build_network(graph: nx.MultiDiGraph, article_titles: dict[str, str]) -> Network:
    """pyvis nodes and edges with our styling; data fields the page needs ride along."""
    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    strength = weighted_degree(graph)
    for node_id, data in graph.nodes(data=True):
        colour, shape = NODE_STYLE.get(data.get("label"), ("#999999", "dot"))
        net.add_node(
            node_id,
            label=data.get("name", node_id),
            shape=shape,
            color=colour,
            value=max(strength.get(node_id, 0), 1),
            kind=data.get("label"),
            aliases=[a for a in data.get("aliases", []) if a != data.get("name")],
            topic=data.get("topic") or "",
            strength=strength.get(node_id, 0),
        )
    parallel: dict[frozenset[str], int] = {}
    for number, (source, target, edge_type, data) in enumerate(graph.edges(keys=True, data=True)):
        pair = frozenset((source, target))
        index = parallel.get(pair, 0)
        parallel[pair] = index + 1
        family = edge_family(edge_type)
        evidence = data.get("evidence", [])
        # pyvis checks endpoints with a linear scan per edge; the graph already guarantees them.
        net.edges.append(
            PyvisEdge(
                source,
                target,
                True,
                id=f"e{number}",
                label=edge_type,
                type=edge_type,
                family=family,
                weight=data.get("weight", 1),
                value=data.get("weight", 1),
                color=FAMILY_COLOUR[family],
                dashes=family == "structural",
                # on edges to an issue: "for (+1)", "against (-1)" or "neutral (0)"; empty otherwise
                stance=f"{position(data['stance'])} ({signed(data['stance'])})" if "stance" in data else "",
                first=data.get("first_date") or "",
                last=data.get("last_date") or "",
                smooth={"type": "curvedCW", "roundness": 0.12 * index} if index else {"type": "continuous"},
                evidence=[
                    {
                        "sentence": ev["sentence"],
                        "article": article_titles.get(ev["article"], ev["article"]),
                        "date": ev.get("date") or "",
                    }
                    for ev in evidence[:EVIDENCE_PER_EDGE]
                ],
                more=max(len(evidence) - EVIDENCE_PER_EDGE, 0),
            ).options
        )
    return net


def _script_json(data: object) -> str:
    """JSON that is safe inside a <script> element whatever strings it holds."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _vis_assets() -> tuple[str, str]:
    lib = resources.files("pyvis") / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text("utf-8"), (lib / "vis-network.css").read_text("utf-8")


def render_html(
    net: Network,
    *,
    title: str,
    report: CapReport,
    focus_ids: list[str],
    depth: int = 1,
    isolated: int = 0,
) -> str:
    vis_js, vis_css = _vis_assets()
    page = {
        "title": title,
        "nodes": net.nodes,
        "edges": net.edges,
        "focus": focus_ids,
        "depth": depth,
        "cap": {
            "nodes_total": report.nodes_total,
            "edges_total": report.edges_total,
            "nodes_left_out": report.nodes_left_out,
            "edges_left_out": report.edges_left_out,
            "isolated": isolated,
        },
        "iterations": _physics_iterations(len(net.nodes)),
        "legend": {
            "nodes": [{"kind": str(k), "colour": c, "shape": s} for k, (c, s) in NODE_STYLE.items()],
            "edges": [{"family": f, "colour": c} for f, c in FAMILY_COLOUR.items()],
        },
    }
    template = (resources.files("actorgraph.graph") / "assets" / "view.html").read_text("utf-8")
    return (
        template.replace("/*VIS_CSS*/", vis_css)
        .replace("/*VIS_JS*/", vis_js.replace("</script", "<\\/script"))
        .replace("/*GRAPH_DATA*/", _script_json(page))
    )


def write_view(
    store: Store,
    out: Path,
    *,
    issue: str | None = None,
    actor: str | None = None,
    depth: int = 1,
    max_nodes: int = 500,
    max_edges: int = 2000,
    title: str = "actorgraph",
) -> ViewReport:
    graph, centres = select(store, issue=issue, actor=actor, depth=depth)
    graph, isolated = without_isolates(graph, frozenset(centres))
    graph, report = cap(graph, max_nodes, max_edges, keep=frozenset(centres))
    titles = {a["id"]: a["title"] or a["source"] for a in store.articles()}
    html = render_html(
        build_network(graph, titles),
        title=title,
        report=report,
        focus_ids=centres,
        depth=depth,
        isolated=isolated,
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    return ViewReport(
        out, graph.number_of_nodes(), graph.number_of_edges(), report, out.stat().st_size, isolated
    )
