"""Quotes: quotation marks on the raw text, speakers from the parse, indirect speech."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventwire import nlp
from eventwire.extract.actors import ArticleActors
from eventwire.extract.quotes import extract_quotes, find_marked_spans
from eventwire.model import Quote
from eventwire.readers.text import read_text

SEED = Path(__file__).resolve().parent.parent / "examples" / "000_a3803002c0d27c0a.txt"

# The seed's 15 direct quotes (benchmarks/seed/gold.jsonl): words and the gold speaker.
SEED_QUOTES = [
    ("a defining moment", "Richard N. Haas"),
    (
        "To do this (provide support) means that China will open itself to significant sanctions and "
        "make itself a pariah; a refusal would leave open the possibility of at least selective "
        "cooperation with the US and the West",
        "Richard N. Haas",
    ),
    ("watching closely", "Jake Sullivan"),
    (
        "This is our concern. And we have told Beijing that we will not stand by and allow any country "
        "to compensate Russia for its losses from economic sanctions",
        "Jake Sullivan",
    ),
    (
        "impress Beijing that its long-term interests would not be best served by tying itself to a pariah",
        "a group of prominent China experts",
    ),
    (
        "Using diplomatic contacts with Beijing… the US can lay the groundwork for more effective "
        "pressure on China if Xi is more open in supporting [Russian President Vladimir] Putin’s "
        "brutal aggression",
        "the 21st Century China Center",
    ),
    ("disinformation", "Zhao Lijian"),
    ("with sinister intent.", "Zhao Lijian"),
    (
        "China’s position on the Ukrainian issue is consistent and clear, and we are playing a "
        "constructive role in advancing the peace talks. It is imperative that all parties show "
        "restraint and reduce tensions rather than add fuel to the fire; it is important to insist on "
        "a diplomatic solution rather than further escalation of the situation",
        "Zhao Lijian",
    ),
    ("ongoing efforts to manage competition between our two countries", "Emily Horne"),
    ("the impact of Russia’s war against Ukraine on regional and global security", "Emily Horne"),
    (
        "will exchange views on Sino-US relations and international and regional issues of mutual interest.",
        "Zhao Lijian",
    ),
    ("key issue", "Zhao Lijian"),
    ("important consensus", "Zhao Lijian"),
    ("the legitimate security interests of all countries", "China"),
]


@pytest.fixture(scope="session")
def english():
    """The spaCy pipeline, loaded once for the session."""
    return nlp.load()


def quotes_of(text: str, kind: str | None = "direct") -> list[Quote]:
    doc = nlp.load()(text)
    found = extract_quotes(doc, ArticleActors(doc), doc.text)
    return [q for q in found if kind is None or q.kind == kind]


def words(q: Quote) -> set[str]:
    speaker = q.speaker
    return set(re.findall(r"\w+", f"{speaker.name or ''} {speaker.text}".lower())) if speaker else set()


def one(quotes: list[Quote], prefix: str) -> Quote:
    hits = [q for q in quotes if q.text.startswith(prefix)]
    assert len(hits) == 1, (prefix, [q.text for q in quotes])
    return hits[0]


@pytest.fixture(scope="session")
def seed_quotes(english) -> tuple[str, list[Quote]]:
    article = read_text(SEED.read_text(encoding="utf-8"), "seed", str(SEED))
    return article.text, quotes_of(article.text, kind=None)


def test_seed_quotes_all_found_with_their_speakers(seed_quotes):
    text, found = seed_quotes
    direct = [q for q in found if q.kind == "direct"]
    assert [q.text for q in direct] == [w for w, _ in SEED_QUOTES]
    # the surname comes from the parse; the full name ("Zhao" -> "Zhao Lijian") from ArticleActors
    for q, (_, speaker) in zip(direct, SEED_QUOTES, strict=False):
        assert speaker.split()[-1].lower() in words(q) or speaker.split()[0].lower() in words(q), (q.text, q.speaker)
    right = sum(speaker.split()[-1].lower() in words(q) for q, (_, speaker) in zip(direct, SEED_QUOTES, strict=False))
    assert right >= 14
    for q in direct:
        assert text[q.start : q.end] == q.text  # offsets of the words, without the marks
        assert (
            q.id.startswith("q") and q.cue is not None or q.text == "the legitimate security interests of all countries"
        )


def test_seed_cues_and_indirect_speech(seed_quotes):
    _, found = seed_quotes
    assert one(found, "To do this").cue == "tweeted"
    assert one(found, "Using diplomatic contacts").cue == "wrote"
    assert one(found, "disinformation").cue == "called"
    indirect = [q for q in found if q.kind == "indirect"]
    moscow = one(indirect, "Moscow has asked Beijing for military assistance")
    assert {"official", "senior"} <= words(moscow)  # an unnamed source keeps its description


def test_ids_are_stable_and_distinct(seed_quotes):
    text, found = seed_quotes
    again = quotes_of(text, kind=None)
    assert [q.id for q in again] == [q.id for q in found]
    assert len({q.id for q in found}) == len(found)


def test_split_quote_gives_two_quotes_with_one_speaker(english):
    found = quotes_of(
        'Foreign Minister Maria Lopez met reporters on Monday. "We will not give up," she '
        'said. "The talks will go on until we have a deal."'
    )
    assert [q.text for q in found] == ["We will not give up", "The talks will go on until we have a deal."]
    assert all("lopez" in words(q) for q in found)
    assert found[0].cue == "said" and found[1].cue is None


@pytest.mark.parametrize(
    "attribution, speaker",
    [
        ("“We are ready to talk,” said Zhao Lijian, a ministry spokesman.", "Zhao Lijian"),
        ("Haas tweeted: “We are ready to talk.”", "Haas"),
        ("According to the White House, “we are ready to talk.”", "White House"),
        ("“We are ready,” the senior US official told reporters, “to talk.”", "senior US official"),
        ("“We are ready to talk,” Beijing said on Friday.", "Beijing"),
        ("“We are not ready to leave,” fretted Amina Diallo, a trader.", "Amina Diallo"),  # unlisted verb
    ],
)
def test_speaker_in_every_position(english, attribution, speaker):
    found = quotes_of(attribution)
    assert found and all(set(speaker.lower().split()) <= words(q) for q in found), [(q.text, q.speaker) for q in found]


def test_fragment_quote_goes_to_the_subject_of_its_verb(english):
    found = quotes_of(
        'The Kremlin spokesman Dmitry Peskov on Monday called the reports "fake news" meant to "discredit Russia."'
    )
    assert [q.text for q in found] == ["fake news", "discredit Russia."]
    assert all("peskov" in words(q) and q.cue == "called" for q in found)


def test_quote_paragraph_without_cue_continues_the_previous_speaker(english):
    text = (
        '"The border must stay open," said Amina Yusuf, a local trader.\n\n'
        '"Without it, our market dies within a month and our children go hungry."'
    )
    found = quotes_of(text)
    assert len(found) == 2 and "yusuf" in words(found[1]) and found[1].cue is None


def test_quote_over_several_paragraphs_is_one_quote(english):
    text = (
        "Governor Ana Ruiz gave a long answer.\n\n"
        "\u201cThe first thing we did was count the damage in every village.\n\n"
        "\u201cSecond, we cleared the roads.\n\n"
        "\u201cThen we asked the capital for help, and it came within a week,\u201d Ruiz said.\n\n"
        "The storm killed six people."
    )
    (quote,) = quotes_of(text)
    assert quote.text.startswith("The first thing") and quote.text.endswith("within a week")
    assert "\u201c" not in quote.text and "Second, we cleared the roads." in quote.text
    assert text[quote.start : quote.start + 9] == "The first" and text[quote.end - 4 : quote.end] == "week"
    assert "ruiz" in words(quote)


def test_a_quote_opening_mid_paragraph_runs_on_into_the_next_paragraph(english):
    text = (
        "Minister Ana Ruiz spoke to farmers on Monday. \u201cWe will not abandon you. The rains failed, "
        "but the state has not.\n\n\u201cEvery family will get seed before the planting season,\u201d she said."
    )
    (quote,) = quotes_of(text)
    assert quote.text.startswith("We will not") and quote.text.endswith("planting season")
    assert "ruiz" in words(quote)


def test_quote_left_open_runs_on_to_the_next_opening_mark_in_joined_paragraphs(english):
    """A quote going on into the next paragraph has no closing mark; with the paragraphs joined
    into one, it runs on to the mark that reopens it, names and pronouns inside it included."""
    text = (
        "Lena Park, a trade lawyer, spoke to reporters. \u201cTariffs will not end soon,\u201d she said. "
        "\u201cThe minister wants a deal. Minister Omar Haddad has said he wants it by June. "
        "\u201cBut a deal needs two sides,\u201d she added."
    )
    found = quotes_of(text)
    assert one(found, "The minister wants").text.endswith("by June.")
    assert "park" in words(one(found, "But a deal"))


def test_unbalanced_marks_do_not_spoil_the_rest(english):
    text = (
        'The army chief Pak Jong Chon said, "The use of force is not the privilege of the U.S. only. '
        'While tensions rise, experts said there was no way forward. "Unless the U.S. changes its '
        'position, there is no progress," said Gary Samore.\n\n'
        "An opening mark \u201c that never closes sits in this paragraph.\n\n"
        "\u201cWe will return next week,\u201d said Lee Min, a negotiator."
    )
    found = quotes_of(text)
    assert one(found, "The use of force").text.endswith("only.")  # cut at its sentence end
    assert "samore" in words(one(found, "Unless the U.S."))
    assert "lee" in words(one(found, "We will return next week"))


def test_two_thousand_word_quote(english):
    body = " ".join(f"word{i}" for i in range(2000))
    text = f"The president spoke for an hour. \u201c{body}.\u201d said President Rosa Diaz."
    (quote,) = quotes_of(text)
    assert quote.text == body + "." and text[quote.start : quote.end] == quote.text
    assert "diaz" in words(quote)


def test_hundred_quotes(english):
    text = "\n\n".join(
        f"\u201cPoint number {n} of the plan is settled,\u201d said Minister Karl Weber." for n in range(100)
    )
    found = quotes_of(text)
    assert len(found) == 100
    assert all("weber" in words(q) for q in found)


def test_quote_with_no_speaker_is_kept(english):
    (quote,) = quotes_of("\u201cNobody knows how many people are still missing in the rubble.\u201d")
    assert quote.speaker is None and quote.cue is None


def test_apostrophes_are_not_quotes(english):
    text = (
        "Xi's visit, the '90s, rock 'n' roll and the countries' leaders don't make a quote. "
        "The Jairan 's data was clear, and the islands' future is open."
    )
    assert find_marked_spans(text) == [] and quotes_of(text) == []
    (quote,) = quotes_of("\u2018We don\u2019t protect the farmers\u2019 interests enough,\u2019 she said.")
    assert quote.text == "We don\u2019t protect the farmers\u2019 interests enough"


def test_scare_quotes_and_titles_are_not_quotes(english):
    assert quotes_of('Tencent issued a "limited play order" for minors during the holiday.') == []
    assert quotes_of("Lutnick appeared on NBC's \u201cMeet the Press\u201d show on Sunday.") == []
    assert quotes_of("China revised the \u201cLaw on the Protection of Minors\u201d in 2020.") == []
    found = quotes_of("The \u201ckey issue\u201d of the meeting will be trade, Zhao said.")
    assert [q.text for q in found] == ["key issue"] and "zhao" in words(found[0])


def test_a_name_given_by_a_participle_is_no_quote(english):
    assert quotes_of("Lenders were accused of a practice called \u201cdebt-trap diplomacy\u201d in Africa.") == []
    (quote,) = quotes_of("It was a move that the leader of his legal team called \u201cinhumane.\u201d")
    assert "leader" in words(quote)  # a relative clause with a subject still quotes


def test_a_short_phrase_is_no_one_s_quote_when_the_cue_of_its_sentence_does_not_govern_it(english):
    assert (
        quotes_of("Hundreds joined the \u201cfreedom march\u201d on Sunday, which organisers said was peaceful.") == []
    )
    (quote,) = quotes_of("The minister called the plan \u201ca dead end\u201d on Sunday.")
    assert "minister" in words(quote)


@pytest.mark.parametrize(
    "text",
    [
        "Omar Diallo, who faces charges relating to \u201cpublishing false news that harms the state,\u201d "
        "denies them.",
        "The army closed sites run by the Khawarij, a term that translates as \u201cthose who leave the "
        "faith,\u201d it said.",
        "The militia, known as \u201cthe boys who guard the valley,\u201d said it would disarm.",
    ],
)
def test_charges_glosses_and_names_after_their_phrase_are_not_quotes(english, text):
    assert quotes_of(text) == []


def test_indirect_quotes(english):
    found = quotes_of(
        "Finance Minister Tom Berg told reporters that the budget would be cut by 5% next "
        "year. According to the central bank, inflation has peaked.",
        kind="indirect",
    )
    budget = one(found, "the budget would be cut")
    assert budget.text == "the budget would be cut by 5% next year" and "berg" in words(budget)
    assert budget.cue == "told"
    bank = one(found, "inflation has peaked")
    assert bank.cue == "According to" and "bank" in words(bank)
    assert quotes_of("He said, \u201cthe budget will be cut.\u201d", kind="indirect") == []


def test_marks_are_read_from_their_neighbours():
    text = (
        "``LaTeX quotes,'' he said. \u00abGuillemets\u00bb too. Mixed \u201cstyles\" work, "
        '"nested \u2018single\u2019 ones" stay inside, and a stray \u201d closer is skipped.'
    )
    spans = find_marked_spans(text)
    assert [s.text(text) for s in spans if not s.nested] == [
        "LaTeX quotes",
        "Guillemets",
        "styles",
        "nested \u2018single\u2019 ones",
    ]
    assert [s.text(text) for s in spans if s.nested] == ["single"]  # also listed on its own


def test_a_quoted_phrase_inside_its_sentence_is_said_by_the_subject_right_after_it(english):
    text = 'The drill follows another "very successful exercise" Beijing said it held in May near the island.'
    (quote,) = quotes_of(text)
    assert quote.text == "very successful exercise" and quote.speaker.code == "CHN"


@pytest.mark.parametrize(
    "text, spans",
    [
        (  # the inner quote's closing mark also ends the outer one: the writer dropped one
            '"They cannot silence us by "closing schools," said Ana Ruiz, but "we will keep teaching."',
            ['They cannot silence us by "closing schools', "we will keep teaching."],
        ),
        (  # the inner quote closes, and the outer one goes on to its own closing mark
            '"He told us "leave now" and we left," said Tom Hale.',
            ['He told us "leave now" and we left'],
        ),
    ],
)
def test_a_quote_inside_a_quote_in_double_marks_stays_inside_it(text, spans):
    assert [s.text(text) for s in find_marked_spans(text)] == spans


def test_a_mark_after_a_comma_opens_a_new_quote_not_one_inside():
    text = '"We will not go back, Ruto said, "not ever."'  # the first quote lost its closing mark
    assert [s.text(text) for s in find_marked_spans(text)][1:] == ["not ever."]


def test_a_short_phrase_ending_a_sentence_after_reported_speech_is_the_reported_speaker_s(english):
    text = (
        "Analyst Ana Ruiz noted that trade between the two had grown. Still, the two countries are not "
        "\u201cnatural allies.\u201d Parliament passed the so-called \u201creform\u201d on Monday."
    )
    found = quotes_of(text)
    assert [q.text for q in found] == ["natural allies."]  # a scare quote mid-sentence stays none
    assert "ruiz" in words(found[0])


def test_a_verb_acting_on_its_own_object_after_a_quote_is_no_attribution_of_it(english):
    text = (
        '"I do not expect an arrest," Tom Hale said. "The mayor will not cooperate, because he does not accept '
        'the court." Ana Ruiz, the speaker of the regional assembly, denounced the charges as an attack on the '
        'region. "We are right," she said.'
    )
    assert "hale" in words(one(quotes_of(text), "The mayor will not"))
