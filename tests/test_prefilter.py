"""The sentence pre-filter: what it keeps, what it blanks, and that offsets never move."""

from __future__ import annotations

import pytest

from eventwire import nlp, prefilter
from eventwire.extract import rule_sentences

TEXT = (
    "The valley is known for its apple orchards and its mild winters. "
    "U.S. Secretary of State Marco Rubio met Saudi officials in Jeddah on Tuesday. "
    "The region has about two million inhabitants. "
    "“We want peace. We will not give up our land,” Zelenskyy told reporters.\n\n"
    "Gen. Smith said the army would withdraw. "
    "Its museum has a large collection of old coins."
)


@pytest.fixture(scope="module")
def selection() -> prefilter.Selection:
    return prefilter.select(TEXT)


def kept_texts(sel: prefilter.Selection) -> list[str]:
    return [TEXT[a:b] for a, b in sel.kept]


def test_offsets_do_not_move_and_dropped_sentences_become_spaces(selection):
    assert len(selection.text) == len(TEXT)
    for a, b in selection.kept:
        assert selection.text[a:b] == TEXT[a:b]
    for a, b in selection.dropped:
        assert selection.text[a:b].strip() == "" and TEXT[a:b].strip()
    assert "\n\n" in selection.text  # the whitespace between sentences stays as it was


def test_keeps_triggers_quotes_and_speech_and_drops_the_rest(selection):
    kept = kept_texts(selection)
    assert any(k.startswith("U.S. Secretary of State Marco Rubio met") for k in kept)  # trigger; no cut at U.S.
    assert "We will not give up our land,” Zelenskyy told reporters." in kept  # inside a quotation
    assert "“We want peace." in kept
    assert "Gen. Smith said the army would withdraw." in kept  # no cut at Gen.
    dropped = [TEXT[a:b] for a, b in selection.dropped]
    assert dropped == [
        "The valley is known for its apple orchards and its mild winters.",
        "The region has about two million inhabitants.",
        "Its museum has a large collection of old coins.",
    ]
    assert 0.5 < selection.ratio < 0.8


def test_the_parse_of_a_selection_points_into_the_original_text(selection):
    doc = nlp.load()(selection.text)
    names = {(e.text, TEXT[e.start_char : e.end_char]) for e in doc.ents}
    assert ("Marco Rubio", "Marco Rubio") in names and ("Jeddah", "Jeddah") in names
    assert not any("orchards" in t.text for t in doc)


def test_inflected_forms_come_from_rules_and_the_model_tables():
    assert {"said", "says", "saying"} <= prefilter.forms("say")
    assert {"planned", "planning", "plans"} <= prefilter.forms("plan")
    assert {"carried", "carries"} <= prefilter.forms("carry")
    assert "fought" in prefilter.forms("fight")


def test_a_trigger_counts_only_with_the_words_its_entry_needs():
    lemma, call_for = prefilter.trigger("call for", {}, noun=False)
    assert lemma == "call"
    assert call_for.fits({"called", "for", "ceasefire"}) and not call_for.fits({"called", "mild"})
    lemma, air_strike = prefilter.trigger("air strike", {"objects": ["village"]}, noun=True)
    assert lemma == "strike"
    assert air_strike.fits({"air", "strikes", "villages"}) and not air_strike.fits({"strikes", "villages"})


def test_the_prefilter_is_opt_in(monkeypatch):
    monkeypatch.delenv(prefilter.ENV, raising=False)
    assert not prefilter.enabled()
    monkeypatch.setenv(prefilter.ENV, "1")
    assert prefilter.enabled()


def test_a_line_of_stops_is_cut_in_one_reading():
    # a run of stops with no space after it: each start in the run once scanned the rest of it,
    # so a 40,000-dot line took 25 s and this one would take hours
    text = "." * 1_000_000 + "x Talks resumed. Both sides agreed!!! Done"
    assert rule_sentences.sentences(text, frozenset()) == [
        (0, 1_000_016),
        (1_000_017, 1_000_037),
        (1_000_038, 1_000_042),
    ]
