"""Denials that name a claim without telling it again (`claims.dispute_by_reference`)."""

from __future__ import annotations

import pytest

from eventwire.model import Article
from eventwire.pipeline import process


def disputes(text: str) -> dict[tuple[str, str, str], set[str]]:
    """(type, source, target) of each event -> the codes that dispute it."""
    out = {}
    for e in process(Article(id="d", text=text)).events:
        for s in e.source:
            for t in e.target:
                out[(e.type, s.code, t.code)] = {a.code for a in e.disputed_by}
    return out


@pytest.mark.parametrize(
    "text",
    [
        "Washington says Iran supplied missiles to Russia, a claim Tehran denies.",
        "Western officials say Iran has supplied missiles to Russia. Iran denies the allegation.",
        "Western officials say Iran has supplied missiles to Russia. Tehran has dismissed the reports.",
        "Western officials say Iran has supplied missiles to Russia. Iran's foreign minister rejected the claims.",
    ],
)
def test_a_denial_naming_the_claim_disputes_the_denier_s_act(text):
    assert disputes(text)[("AID", "IRN", "RUS")] == {"IRN"}


def test_an_actor_disputes_what_it_did_not_what_was_done_to_it():
    told = disputes("Congo accuses Rwanda of arming the M23 rebels, which Kigali denies.")
    assert told[("ACCUSE", "COD", "RWA")] == set()
    assert told[("AID", "RWA", "COD")] == {"RWA"}


def test_rejecting_a_proposal_disputes_nothing():
    told = disputes("Russia attacked Ukraine on Sunday. Russia rejected the proposal.")
    assert told[("ASSAULT", "RUS", "UKR")] == set()


def test_a_person_s_denial_disputes_what_that_person_did_not_what_the_state_did():
    text = "Police in Lima arrested the Peruvian journalist Ana Torres on Monday. Torres has rejected the accusations."
    told = process(Article(id="d", text=text)).events
    assert [e.type for e in told] == ["COERCE"] and not told[0].disputed_by


@pytest.mark.parametrize(
    "text",
    [
        "Ukrainian officials said Russia shelled Ukrainian towns on Sunday. Moscow did not deny it.",
        "Ukrainian officials said Russia shelled Ukrainian towns on Sunday. Moscow has not denied the reports.",
        "Russia shelled Ukrainian towns on Sunday, days after Kyiv proposed a ceasefire, which Russia rejected.",
        "Russia shelled Ukrainian towns on Sunday. Kyiv proposed a truce, but Russia rejected it.",
    ],
)
def test_no_dispute_from_a_negated_denial_or_a_rejected_proposal(text):
    assert disputes(text)[("ASSAULT", "RUS", "UKR")] == set()
