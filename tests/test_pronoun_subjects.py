"""An "it"/"they" subject stands for the country or body the clause before made its subject
(extract/actors/article.py, `_subject_antecedent`): the events it does keep their sides."""

from __future__ import annotations

import pytest

from eventwire import nlp
from eventwire.extract.article import ArticleContext
from eventwire.model import Article
from eventwire.pipeline import process


def sides(text: str, type_: str) -> set[tuple[tuple[str, ...], tuple[str, ...]]]:
    events = process(Article(id="p", text=text)).events
    return {(tuple(a.code for a in e.source), tuple(a.code for a in e.target)) for e in events if e.type == type_}


@pytest.mark.parametrize(
    ("text", "type_", "pair"),
    [
        (  # "It" two sentences on: the subject of the main clause before, not "its jets"
            "The Turkish army said its jets hit depots in Iraq. It accused Iraq of sheltering the rebels.",
            "ACCUSE",
            (("TUR",), ("IRQ",)),
        ),
        (  # "it" joined to the main clause, past the subject of a clause it reports
            "Ethiopia's government rejected the report. It said the United Nations had been misled, and it called "
            "on Sudan to withdraw its troops.",
            "REQUEST",
            (("ETH",), ("SDN",)),
        ),
    ],
)
def test_a_pronoun_subject_takes_the_main_subject_before_it(text, type_, pair):
    assert pair in sides(text, type_)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Russian forces shelled the town. They also fired drones at the port.", "RUS"),
        ("Russia sent more troops to the border. They also fired drones at the port.", None),  # "they" is no Russia
        ("Russia sent more troops to the border. It also fired drones at the port.", "RUS"),
        ("Russian forces freed the two envoys, whom they had held for a week.", None),  # a clause of something else
        ("Russia asked for drones, and it was refused.", None),  # no actor's doing
    ],
)
def test_they_needs_a_plural_subject_and_it_a_singular_one(text, code):
    doc = next(nlp.pipe([text], batch_size=1))
    actors = ArticleContext.build(doc, None, None).actors
    pronoun = next(t for t in doc if t.lower_ in ("they", "it"))
    actor = actors.actor_for_token(pronoun)
    assert (actor.code if actor else None) == code
