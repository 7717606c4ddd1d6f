"""The actor network as a file for Gephi and other graph tools: GEXF or GraphML, written by networkx.

The same graph the /actors page draws (docs/design.md): actors as nodes with the story events they take
part in, one edge per pair and event type (directed; mutual types such as CONSULT in both directions
marked `mutual`), weighted by its events."""

from __future__ import annotations

import io
from typing import Any

import networkx as nx

FORMATS = {"gexf": "application/gexf+xml", "graphml": "application/graphml+xml"}


def actor_graph(edges: list[dict[str, Any]], actors: list[dict[str, Any]], names: dict[str, str]) -> nx.MultiDiGraph:
    """Nodes keyed by actor code, labelled with its name; parallel edges, one per event type."""
    graph = nx.MultiDiGraph()
    for a in actors:
        graph.add_node(
            a["code"],
            label=f"{a['code']} {names.get(a['code'], '')}".strip(),
            events=a["events"],
            times_told=a["mentions"],
            as_source=a["as_source"],
            as_target=a["as_target"],
        )
    for e in edges:
        for node in (e["source"], e["target"]):
            if node not in graph:
                graph.add_node(node, label=f"{node} {names.get(node, '')}".strip())
        graph.add_edge(
            e["source"],
            e["target"],
            key=e["type"],
            event_type=e["type"],
            mutual=e["mutual"],
            weight=e["events"],
            times_told=e["mentions"],
        )
    return graph


def write(graph: nx.MultiDiGraph, fmt: str) -> bytes:
    """The graph in `fmt` (a key of FORMATS), as UTF-8 XML."""
    out = io.BytesIO()
    if fmt == "gexf":
        nx.write_gexf(graph, out)
    else:
        nx.write_graphml(graph, out)
    return out.getvalue()
