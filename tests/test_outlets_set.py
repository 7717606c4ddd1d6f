"""The outlets set (bench/outlets/): its stories read as articles and its gold keeps to the contract.

A gold event with a type, mode or context outside PLOVER's names (data/plover_vocabulary.yaml), a quote
its story does not hold, or evidence that is no sentence of the story would score the project
against an answer key it can never meet (docs/contract.md)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eventwire.extract.types import vocabulary
from eventwire.readers.jsonl import read_json_record
from eventwire.store.queries import PLOVER_TYPES, STATUSES

SET = Path(__file__).resolve().parents[1] / "bench" / "outlets"
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")  # a year, a month or a day (docs/contract.md)


def rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (SET / name).read_text(encoding="utf-8").splitlines()]


ARTICLES = rows("articles.jsonl")
GOLD = rows("gold.jsonl")
TEXTS = {a["id"]: a["text"] for a in ARTICLES}


def test_every_story_reads_as_an_article_with_its_publication_time():
    for line in (SET / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        article = read_json_record(line, None, "articles.jsonl")
        assert article.published and article.title and "\n\n" in article.text


def test_gold_has_one_line_per_story_in_the_same_order():
    assert [g["id"] for g in GOLD] == [a["id"] for a in ARTICLES]


@pytest.mark.parametrize("gold", GOLD, ids=lambda g: g["id"])
def test_every_gold_event_keeps_to_plover_names_and_its_story(gold):
    names = vocabulary()
    for event in gold["events"]:
        assert event["type"] in PLOVER_TYPES
        assert event.get("mode") is None or event["mode"] in names.modes[event["type"]], event
        assert set(event["context"]) <= set(names.contexts), event
        assert event["status"] in STATUSES and ("date" not in event or DATE.match(event["date"])), event
        assert event["evidence"] in TEXTS[gold["id"]], event
        assert all(re.fullmatch(r"[A-Z]{3}", code) for code in event["source"] + event["target"]), event


@pytest.mark.parametrize("gold", GOLD, ids=lambda g: g["id"])
def test_every_gold_quote_is_words_between_marks_of_its_story(gold):
    for quote in gold["quotes"]:
        assert quote["kind"] == "direct" and quote["speaker"]
        assert re.search(r"[\"“]" + re.escape(quote["text"]) + r",?[\"”]", TEXTS[gold["id"]]), quote
