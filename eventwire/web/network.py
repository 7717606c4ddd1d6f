"""The actor network as a file for Gephi and other graph tools: GEXF or GraphML, written by networkx.

The same graph the /actors page draws (docs/design.md): actors as nodes (countries by code, named bodies by
their id, IGO:nato; docs/contract.md) with the story events they take part in, one edge per pair and event
type (directed; mutual types such as CONSULT in both directions marked `mutual`), weighted by its events."""

from __future__ import annotations

import io
from typing import Any

import networkx as nx

from ..store.actor_names import display_name
from ..store.bodies import code_of

FORMATS = {"gexf": "application/gexf+xml", "graphml": "application/graphml+xml"}


def actor_graph(edges: list[dict[str, Any]], actors: list[dict[str, Any]]) -> nx.MultiDiGraph:
    """Nodes keyed by actor id, labelled with its name and carrying its code; parallel edges, one per event type."""
    graph = nx.MultiDiGraph()
    for a in actors:
        graph.add_node(
            a["id"],
            label=_label(a["id"]),
            code=a["code"],
            events=a["events"],
            times_told=a["mentions"],
            as_source=a["as_source"],
            as_target=a["as_target"],
        )
    for e in edges:
        for node in (e["source"], e["target"]):
            if node not in graph:
                graph.add_node(node, label=_label(node), code=code_of(node))
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


def _label(actor: str) -> str:
    """ "USA United States", "IGO NATO": the code with the name."""
    return f"{code_of(actor)} {display_name(actor)}".strip()


def write(graph: nx.MultiDiGraph, fmt: str) -> bytes:
    """The graph in `fmt` (a key of FORMATS), as UTF-8 XML."""
    out = io.BytesIO()
    if fmt == "gexf":
        nx.write_gexf(graph, out)
    else:
        nx.write_graphml(graph, out)
    return out.getvalue()
