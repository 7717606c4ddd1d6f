"""The actor network downloads for Gephi: GEXF and GraphML that networkx reads back to the same graph."""

from __future__ import annotations

import io
from html import unescape

import networkx as nx
import pytest
import test_web

db, client = test_web.db, test_web.client  # its fixtures: the store of three test articles


@pytest.mark.parametrize("fmt, read", [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_network_file_reads_back_with_names_types_and_weights(client, fmt, read):
    response = client.get(f"/actors.{fmt}")
    assert response.status_code == 200 and f'filename="actors.{fmt}"' in response.headers["content-disposition"]
    graph = read(io.BytesIO(response.content))
    labels = {n: graph.nodes[n].get("label") for n in graph.nodes}
    assert labels["USA"] == "USA United States" and labels["CHN"] == "CHN China"
    edges = {(s, t, d["event_type"]): d for s, t, d in graph.edges(data=True)}
    consult = edges.get(("CHN", "USA", "CONSULT")) or edges[("USA", "CHN", "CONSULT")]
    assert consult["weight"] == 1 and consult["mutual"] in (True, "true", "True")


def test_network_file_keeps_the_filters_and_refuses_other_formats(client):
    accuse_only = nx.read_graphml(io.BytesIO(client.get("/actors.graphml", params={"type": "ACCUSE"}).content))
    assert {d["event_type"] for _, _, d in accuse_only.edges(data=True)} == {"ACCUSE"}
    assert client.get("/actors.png").status_code == 404
    page = unescape(client.get("/actors", params={"type": "ACCUSE", "limit": "5"}).text)
    assert 'href="/actors.gexf?type=ACCUSE"' in page and 'href="/actors.graphml?type=ACCUSE"' in page
