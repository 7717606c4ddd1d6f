"""The pipeline as loaded for speed annotates exactly as the model as shipped."""

from __future__ import annotations

import json

import pytest
import spacy
from conftest import EXAMPLES, SEED

from eventwire import nlp
from eventwire.model import Article
from eventwire.pipeline import process, process_many

# Words the attribute ruler treats by context ("gon na", "let 's", "there is"), pronouns and
# auxiliaries it rewrites, and a heading run against a paragraph.
TRICKY = (
    "I'm gonna go, let's see. There is a problem and there were two. Gotta run!\n"
    "BUT HE LEFT\nShe told us that it wasn't hers; they've been being careful, haven't they?"
)


def _annotations(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    with (EXAMPLES / "voa_stories.jsonl").open(encoding="utf-8") as f:
        stories = [json.loads(line)["text"] for line in f if line.strip()]
    return [SEED.read_text(encoding="utf-8"), TRICKY, *stories[:8]]


def test_fast_pipeline_annotates_every_token_as_the_shipped_model(texts):
    shipped = spacy.load(nlp.MODEL)  # default BLIS kernels, attribute ruler and lemmatizer as they come
    shipped.add_pipe("paragraph_boundaries", before="parser")
    fast = nlp.load()
    assert "remembered_attributes" in fast.pipe_names and "lemmatizer" not in fast.pipe_names
    for _ in range(2):  # the second pass reads remembered values only
        for expected, got in zip(shipped.pipe(texts), fast.pipe(texts, batch_size=3), strict=False):
            assert _annotations(got) == _annotations(expected)


def test_remembered_values_depend_on_the_tag_not_only_the_word():
    doc = nlp.load()("They will attack. The attack failed. He attacked.")
    assert [(t.text, t.pos_, t.lemma_) for t in doc if t.lower_.startswith("attack")] == [
        ("attack", "VERB", "attack"),
        ("attack", "NOUN", "attack"),
        ("attacked", "VERB", "attack"),
    ]


def test_batch_gives_what_one_at_a_time_gives(texts):
    articles = [Article(id=f"a{i}", text=t, published="2022-03-14T12:00:00") for i, t in enumerate(texts[:4])]
    articles.append(Article(id="fr", text="Le président a rencontré son homologue à Paris lundi."))
    batch = list(process_many(articles))
    assert [a.article.id for a in batch] == [a.id for a in articles]
    assert batch[-1].article.language == "fr" and not batch[-1].events
    for one, many in zip((process(a) for a in articles), batch, strict=False):
        assert one == many
