"""The recipes of docs/recipes.md, applied exactly as written there, do what they say."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from fastapi import APIRouter
from fastapi.testclient import TestClient

from eventwire import nlp
from eventwire.extract import actors
from eventwire.extract.events import lexicon as trigger_lexicon
from eventwire.model import Article
from eventwire.pipeline import process
from eventwire.readers import discover
from eventwire.readers.discover import read_paths
from eventwire.store import bodies as store_bodies
from eventwire.store.sqlite import Store
from eventwire.web import api
from eventwire.web.app import create_app

RECIPES = Path(__file__).resolve().parent.parent / "docs" / "recipes.md"


@pytest.fixture(scope="module")
def english():
    return nlp.load()


def snippet(language: str, nth: int = 1) -> str:
    """The `nth` fenced block of `language` in docs/recipes.md."""
    blocks = re.findall(rf"```{language}\n(.*?)```", RECIPES.read_text(encoding="utf-8"), flags=re.S)
    return blocks[nth - 1]


def events_of(text: str) -> set[tuple]:
    found = process(Article(id="recipe", text=text, published="2024-05-01T10:00:00")).events
    return {(e.type, tuple(a.code for a in e.source), tuple(a.code for a in e.target)) for e in found}


@pytest.fixture
def fresh_lexicons():
    """The lexicons are read once per process: read them anew around a recipe's change."""
    trigger_lexicon.lexicon.cache_clear()
    actors.lexicon.cache_clear()
    yield
    trigger_lexicon.lexicon.cache_clear()
    actors.lexicon.cache_clear()


def test_add_a_trigger(english, fresh_lexicons, monkeypatch):
    text = "Kenya excoriated Ethiopia over the border raids."
    assert ("ACCUSE", ("KEN",), ("ETH",)) not in events_of(text)
    added = yaml.safe_load(snippet("yaml"))["types"]
    read = trigger_lexicon.read_yaml

    def with_recipe(name: str) -> dict:
        data = read(name)
        if name == "triggers.yaml":
            for type_, sections in added.items():
                for section, entries in sections.items():
                    data["types"][type_][section] = {**data["types"][type_][section], **entries}
        return data

    monkeypatch.setattr(trigger_lexicon, "read_yaml", with_recipe)
    trigger_lexicon.lexicon.cache_clear()
    assert ("ACCUSE", ("KEN",), ("ETH",)) in events_of(text)


def test_add_an_actor_alias(english, fresh_lexicons, monkeypatch, tmp_path):
    text = "The Arctic Council accused Russia of militarising the region."
    assert ("ACCUSE", ("IGO",), ("RUS",)) not in events_of(text)
    bodies = tmp_path / "bodies.tsv"
    bodies.write_text((actors.DATA_DIR / "bodies.tsv").read_text(encoding="utf-8") + snippet("tsv"), encoding="utf-8")
    files = tuple((str(bodies) if name == "bodies.tsv" else name, kind) for name, kind in actors.NAME_FILES)
    monkeypatch.setattr(actors.tables, "NAME_FILES", files)
    actors.lexicon.cache_clear()
    assert ("ACCUSE", ("IGO",), ("RUS",)) in events_of(text)
    entities = process(Article(id="recipe", text=text)).entities
    assert [e.code for e in entities if "Arctic Council" in e.text] == ["IGO"]
    assert store_bodies.actor_id("IGO", "Arctic Council") == "IGO"  # the store's tables, read once, lack it yet
    monkeypatch.setattr(store_bodies, "BODY_FILES", (str(bodies), *store_bodies.BODY_FILES[1:]))
    for cached in (store_bodies._bodies, store_bodies._named_in, store_bodies.body_names, store_bodies._ids):
        monkeypatch.setattr(store_bodies, cached.__name__, cached.__wrapped__)
    assert store_bodies.actor_id("IGO", "the Arctic Council") == "IGO:arctic-council"
    assert store_bodies.body_id("Arctic Council") == "IGO:arctic-council"


def test_add_an_input_format(tmp_path, monkeypatch):
    (tmp_path / "notes.md").write_text("Talks in Nairobi\n\nKenya and Somalia held talks.\n", encoding="utf-8")
    assert list(read_paths([str(tmp_path)])) == []  # not an input format yet: left out of a folder
    entries = eval("{" + snippet("python") + "}", vars(discover))  # the table's line, as written
    for suffix, reader in entries.items():
        monkeypatch.setitem(discover.READERS, suffix, reader)
    [article] = read_paths([str(tmp_path)])
    assert (article.id, article.title) == ("notes", "Talks in Nairobi")


def test_add_an_api_route(tmp_path):
    with Store(tmp_path / "ew.db") as store:
        store.write([process(Article(id="q", text='"We will not back down," the minister Amina Yusuf said.'))])
    namespace = {**vars(api), "router": APIRouter(prefix="/api")}
    exec(snippet("python", 2), namespace)  # the recipe's model and route, as written
    app = create_app(str(tmp_path / "ew.db"))
    app.include_router(namespace["router"])
    client = TestClient(app)
    [speaker] = client.get("/api/speakers", params={"limit": 10}).json()
    assert (speaker["speaker"], speaker["quotes"]) == ("Amina Yusuf", 1)
    assert client.get("/api/speakers", params={"limit": 0}).status_code == 422
