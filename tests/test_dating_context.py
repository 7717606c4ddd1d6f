"""Dates an event takes from the story around it: the sentences before, the last dated speech
act for a thing said, and a date framing the sentence (docs/conventions.md, dates)."""

import json
from datetime import datetime

import pytest

from eventwire import nlp
from eventwire.extract.dates import DateAnchors, context_date, date_for_event
from eventwire.extract.sentences import Sentences
from eventwire.model import Article
from eventwire.pipeline import process
from eventwire.readers.discover import read_paths

THURSDAY_EVENING = datetime(2025, 3, 13, 19)


def anchors(doc, reference):
    return DateAnchors(Sentences.of(doc), reference)


def token(doc, word, nth=0):
    return [t for t in doc if t.text == word][nth]


def pair(ref):
    return (ref.date, ref.precision) if ref else None


def event_of(trigger, text, published="2025-03-13T19:00:00Z"):
    """The event a trigger word tells, as the pipeline dates it."""
    events = process(Article(id="d", text=text, published=published)).events
    return next(e for e in events if e.trigger == trigger)


def test_a_statement_takes_the_date_of_the_last_dated_speech_act():
    # The lead dates when the envoy spoke; further on she is still speaking on that occasion,
    # and neither the "six weeks ago" of what she reported nor the date of a participle
    # ("attacks reported last year") is when she urged.
    doc = nlp.load()(
        "The envoy said Thursday that the refugees needed food. "
        "She told the assembly that she had visited the camps six weeks ago. "
        "Aid workers counted attacks reported last year. "
        "The camps hold thousands of families. "
        "Many of them are children. "
        "The nights are cold. "
        "The roads are closed. "
        "She urged the donors to send money."
    )
    found = context_date(token(doc, "urged"), anchors(doc, THURSDAY_EVENING), statement=True)
    assert pair(found) == ("2025-03-13", "day")


def test_an_act_does_not_take_the_date_of_a_speech_act():
    # A thing done, not said, keeps to the timeline of acts: no dated act before it, no date.
    doc = nlp.load()(
        "The envoy said Thursday that the refugees needed food. "
        "The camps hold thousands of families. "
        "Many of them are children. "
        "The nights are cold. "
        "The refugees are hungry. "
        "Soldiers shelled the camp."
    )
    assert context_date(token(doc, "shelled"), anchors(doc, THURSDAY_EVENING)) is None


def test_a_date_framing_the_sentence_is_resolved_in_the_tense_of_its_verb():
    # "On Tuesday, X said he expects ...": the Tuesday that has passed, not the coming one.
    doc = nlp.load()("On Tuesday, the general said he expects the rebels to attack the capital.")
    found = date_for_event(token(doc, "attack"), anchors(doc, THURSDAY_EVENING))
    assert pair(found) == ("2025-03-11", "day")


def test_a_relative_clause_borrows_no_date():
    # The war that killed thousands is no part of last month's sentencing.
    doc = nlp.load()(
        "Last month, a court sentenced the rebel leader to prison. "
        "The verdict followed a war that lasted three years and killed thousands of people."
    )
    ref = anchors(doc, THURSDAY_EVENING)
    assert context_date(token(doc, "killed"), ref) is None
    assert pair(context_date(token(doc, "followed"), ref)) == ("2025-02-01", "month")


def test_a_planned_act_told_by_a_speaker_is_dated_when_it_is_told():
    # The promise ("will cooperate": an AGREE, planned) is made when the president announces it,
    # and the announcing takes the date of the president's occasion two sentences up.
    text = (
        "The Kenyan president, who hosted the summit in Nairobi on Tuesday, spoke for an hour. "
        "He announced that Kenya will cooperate with Uganda in building a new hospital."
    )
    events = process(Article(id="d", text=text, published="2025-03-13T19:00:00Z")).events
    promise = next(e for e in events if e.trigger == "cooperate")
    assert (promise.type, promise.status, promise.date) == ("AGREE", "planned", "2025-03-11")


def test_two_days_later_moves_the_date_of_the_occasion_before():
    doc = nlp.load()("Rebels attacked the town on March 5. Two days later, the army shelled the rebel camp.")
    found = context_date(token(doc, "shelled"), anchors(doc, THURSDAY_EVENING))
    assert (pair(found), found.text) == (("2025-03-07", "day"), "two days later")


def test_a_state_begun_since_a_day_gives_the_next_sentence_no_date():
    doc = nlp.load()("The editor has been detained since March 3. Police arrested two more journalists.")
    assert context_date(token(doc, "arrested"), anchors(doc, THURSDAY_EVENING)) is None


def test_an_undated_event_after_the_lead_takes_the_day_the_lead_gives():
    # The lead tells Tuesday's news; the sanction three sentences on, told without a date of
    # its own and with none in the sentences just before it, is that day's.
    text = (
        "Protesters marched through the capital on Tuesday. "
        "The crowds were large. "
        "Many shops were closed. "
        "The streets were quiet by evening. "
        "The roads stayed blocked. "
        "The European Union froze the assets of the defence minister."
    )
    events = process(Article(id="d", text=text, published="2025-03-13T19:00:00Z")).events
    sanction = next(e for e in events if e.type == "SANCTION")
    assert (sanction.date, sanction.date_precision) == ("2025-03-11", "day")


def test_an_undated_event_of_a_story_whose_lead_gives_no_day_is_of_the_publication_day():
    text = "The European Union froze the assets of the defence minister of Belarus."
    events = process(Article(id="d", text=text, published="2025-03-13T19:00:00Z")).events
    assert [(e.type, e.date) for e in events] == [("SANCTION", "2025-03-13")]


def test_an_undated_event_of_wire_copy_is_of_its_datelines_day(tmp_path):
    path = tmp_path / "wire.jsonl"
    text = "BRUSSELS, March 11 (Reuters) - The European Union froze the assets of the defence minister of Belarus."
    path.write_text(json.dumps({"id": "w", "text": text, "published": "2025-03-13T19:00:00Z"}) + "\n")
    [article] = read_paths([str(path)])
    assert "March 11" not in article.text  # the dateline left the body; its day is the story's
    sanction = next(e for e in process(article).events if e.type == "SANCTION")
    assert (sanction.date, sanction.date_text) == ("2025-03-11", "March 11")


def test_relative_days_of_wire_copy_count_from_its_datelines_day(tmp_path):
    # Filed on the evening of March 3 and put out past midnight: "today" is the 3rd, the day the
    # story was written, and "yesterday" the 2nd; not the day of publication and the one before.
    path = tmp_path / "wire.jsonl"
    text = (
        "LIMA, March 3 (AP) - Peru's government today expelled the Venezuelan ambassador. "
        "Venezuela recalled its envoy to Peru yesterday."
    )
    path.write_text(json.dumps({"id": "w", "text": text, "published": "2025-03-04T03:00:00Z"}) + "\n")
    [article] = read_paths([str(path)])
    dates = {e.trigger: e.date for e in process(article).events}
    assert (dates["expelled"], dates["recalled"]) == ("2025-03-03", "2025-03-02")


def test_an_undated_plan_takes_no_day_from_the_lead():
    text = "The European Union will freeze the assets of the defence minister of Belarus."
    events = process(Article(id="d", text=text, published="2025-03-13T19:00:00Z")).events
    assert events and all(e.date is None for e in events)


def test_an_event_told_in_a_relative_clause_takes_no_day_from_the_lead():
    # The war is what the deal ends, at no time of the story's.
    text = "Ukraine and Poland signed a trade deal. The deal ends a war that killed thousands of Ukrainians in Russia."
    events = process(Article(id="d", text=text, published="2025-03-13T19:00:00Z")).events
    assert [e.date for e in events if e.trigger == "killed"] == [None]


def test_a_day_the_lead_names_for_a_plan_is_not_the_story_day():
    # Friday's summit is to come; the shelling told without a date is of the day of the story.
    text = "The two presidents will meet on Friday. Kenyan troops shelled a Somali border post."
    events = process(Article(id="d", text=text, published="2025-03-13T19:00:00Z")).events
    assert [e.date for e in events if e.trigger == "shelled"] == ["2025-03-13"]


def test_a_day_after_publication_is_not_the_story_day():
    # Published late on Sunday, about Monday's meeting: the shelling told without a date is Sunday's.
    text = "The report gave no details about Monday\u2019s summit. Kenyan troops shelled a Somali post."
    events = process(Article(id="d", text=text, published="2025-03-16T21:12:38")).events
    assert [e.date for e in events if e.trigger == "shelled"] == ["2025-03-16"]


def test_an_undated_event_in_a_background_sentence_takes_that_sentence_s_date():
    # "Last year" dates the listing; the ban told in the participle is of that time, not of
    # the story's day.
    text = (
        "The Afghan writer spoke in Kabul on Thursday. "
        "Last year her novel appeared on a list of books banned by the Taliban government of Afghanistan."
    )
    events = process(Article(id="d", text=text, published="2025-03-14T19:00:00Z")).events
    assert [(e.date, e.date_precision) for e in events if e.trigger == "banned"] == [("2024-01-01", "year")]


def test_an_event_told_as_before_the_story_takes_no_day_from_the_lead_or_its_sentence():
    # The accord was signed before Tuesday's shelling: "had signed" and "earlier" say so.
    for told in ("Kenya and Somalia had signed a border accord", "Kenya and Somalia signed a border accord earlier"):
        text = f"{told}, but Kenyan troops shelled a Somali border post on Tuesday."
        events = process(Article(id="d", text=text, published="2025-03-13T19:00:00Z")).events
        dates = {e.trigger: e.date for e in events}
        assert dates["shelled"] == "2025-03-11"
        assert dates["signed"] is None


def test_a_reported_past_perfect_is_of_the_story_s_day():
    # After "said", "had shelled" is the reported past shifted back, not an earlier occasion.
    text = "Kenya's army said on Tuesday that its troops had shelled a Somali border post."
    events = process(Article(id="d", text=text, published="2025-03-13T19:00:00Z")).events
    assert [e.date for e in events if e.trigger == "shelled"] == ["2025-03-11"]


def test_a_lead_told_in_the_present_takes_the_day_its_next_sentences_name():
    # The lead is told in the present; the day of the news comes in the third sentence.
    text = (
        "Kenya accuses Somalia of shelling its border posts. "
        "The posts lie in Mandera county. "
        "The foreign ministry in Nairobi said on Monday that the shelling killed two soldiers."
    )
    events = process(Article(id="d", text=text, published="2025-03-13T19:00:00Z")).events
    assert [e.date for e in events if e.trigger == "accuses"] == ["2025-03-10"]


def test_a_day_named_below_the_lead_is_background_not_the_story_s_day():
    # The lead names no day; Feb. 5, far down, dates the accord, not the news of the story.
    text = (
        "Kenya accuses Somalia of shelling its border posts. "
        "The posts lie in Mandera county. "
        "The county is remote. "
        "Few roads reach it. "
        "The two countries signed a border accord on Feb. 5."
    )
    events = process(Article(id="d", text=text, published="2025-03-13T19:00:00Z")).events
    assert [e.date for e in events if e.trigger == "accuses"] == ["2025-03-13"]


def test_a_thing_done_goes_on_with_the_day_reported_not_the_day_it_was_said():
    # The army spoke on Wednesday of Monday's shelling: the deaths told next are Monday's, while
    # a thing said next goes on with the saying.
    doc = nlp.load()(
        "Kenyan troops shelled a Somali border post on Monday, the army said on Wednesday. "
        "Two Somali soldiers were killed."
    )
    ref = anchors(doc, THURSDAY_EVENING)
    assert pair(context_date(token(doc, "killed"), ref)) == ("2025-03-10", "day")
    assert pair(context_date(token(doc, "killed"), ref, statement=True)) == ("2025-03-12", "day")


def test_a_participle_before_a_noun_borrows_no_date():
    # "the banned newspaper" tells what the paper is, not an occasion of 2023's.
    doc = nlp.load()(
        "Somali troops shelled a Kenyan border post in 2023. Reporters of the banned newspaper visited Mogadishu."
    )
    assert context_date(token(doc, "banned"), anchors(doc, THURSDAY_EVENING)) is None


def test_a_date_of_a_state_s_onset_does_not_date_the_next_paragraph():
    # "since ... said last year" tells when the tensions began; the union's call, a paragraph
    # on, is news of the story's day, not of last year.
    text = (
        "Ethiopian troops shelled positions near the Eritrean border on Tuesday. "
        "Tensions have risen since Prime Minister Abiy said last year that Ethiopia needed a port.\n\n"
        "The African Union said it was following developments and called on both sides to exercise restraint."
    )
    events = process(Article(id="d", text=text, published="2025-03-13T19:00:00Z")).events
    assert [e.date for e in events if e.trigger == "called"] == ["2025-03-11"]
    undated_lead = text.replace(" on Tuesday", "")
    events = process(Article(id="d", text=undated_lead, published="2025-03-13T19:00:00Z")).events
    assert [e.date for e in events if e.trigger == "called"] == ["2025-03-13"]


def test_a_date_of_a_state_s_onset_dates_the_sentence_that_goes_on_with_it():
    # Within one paragraph, "There," goes back to the summit: its month is the request's.
    doc = nlp.load()(
        "The two sides have been at odds since talks failed at a summit held in Geneva in May. "
        "There, the Kenyan president asked his Somali counterpart for a ceasefire."
    )
    assert pair(context_date(token(doc, "asked"), anchors(doc, THURSDAY_EVENING), statement=True)) == (
        "2024-05-01",
        "month",
    )


def test_an_event_told_overnight_is_of_the_storys_day():
    # The night attack is of the day the story is told, not one with the December barrage told
    # after it.
    text = (
        "Russian forces shelled Kharkiv overnight. "
        "In December, Russian forces shelled Kharkiv every night, the mayor said."
    )
    events = process(Article(id="d", text=text, published="2025-03-13T19:00:00Z")).events
    night = next(e for e in events if e.trigger == "shelled" and "overnight" in e.sentence)
    assert (night.date, night.date_text) == ("2025-03-13", "overnight")


def test_an_event_told_over_a_stretch_up_to_now_takes_no_date_from_the_story():
    # "In recent weeks" names when, and pins no day: neither last month's date nor the story's day.
    text = (
        "Last month, the navy seized a fishing boat near the islands. "
        "In recent weeks, Chinese vessels have harassed Philippine supply ships near the reef."
    )
    events = process(Article(id="d", text=text, published="2025-03-13T19:00:00Z")).events
    harassed = next(e for e in events if e.trigger == "harassed")
    assert harassed.date is None


def test_an_event_told_as_before_the_occasion_borrows_no_date():
    # The threat came before Wednesday's announcement: "had threatened" takes no date it does not state.
    text = (
        "Venezuela said on Wednesday that it would accept deportation flights. "
        "The president had threatened tariffs on Venezuela."
    )
    events = process(Article(id="d", text=text, published="2025-03-13T19:00:00Z")).events
    threat = next(e for e in events if e.trigger == "threatened")
    assert threat.date is None


def test_the_next_week_is_counted_from_the_occasion_told_not_from_publication():
    # Not the week after publication, as "next week" would be: the week after January 10.
    doc = nlp.load()("Rebels attacked the town on Jan. 10. The army shelled the rebel camp the next week.")
    ref = anchors(doc, THURSDAY_EVENING)
    assert date_for_event(token(doc, "shelled"), ref) is None
    assert pair(context_date(token(doc, "shelled"), ref)) == ("2025-01-01", "month")


def test_an_event_noun_whose_verb_says_it_took_place_is_told_like_a_verb():
    # "Talks ... began" tells the talks as "met" would: they go on with the clash's month.
    text = (
        "Ethiopian and Eritrean troops clashed near the border in January, residents said. "
        "Talks between Ethiopia and Eritrea began in Nairobi."
    )
    talks = next(
        e for e in process(Article(id="d", text=text, published="2025-03-13T19:00:00Z")).events if e.trigger == "Talks"
    )
    assert (talks.date, talks.date_precision) == ("2025-01-01", "month")


@pytest.mark.parametrize(
    "text, published, trigger, day",
    [
        (  # "Last year" dates the background; the bloc's condemnation is the news of the story's day
            "Rebels shelled a market in Goma on Saturday, killing nine people. "
            "Last year, the rebels seized two towns in the province. "
            "The African Union condemned the shelling.",
            "2025-07-13T10:00:00Z",
            "condemned",
            "2025-07-12",
        ),
        (  # told on April 16, the palace's fall of March 21 is background too: a day of a month before
            "The army said on Wednesday it had recaptured the airport in Khartoum. "
            "Sudanese troops took back the presidential palace on March 21. "
            "Egypt welcomed the advance of the Sudanese army.",
            "2025-04-16T12:00:00Z",
            "welcomed",
            "2025-04-16",
        ),
    ],
)
def test_a_reaction_takes_no_background_date_from_a_sentence_that_does_not_name_its_speaker(
    text, published, trigger, day
):
    assert event_of(trigger, text, published).date == day


def test_a_thing_said_by_a_party_to_the_background_goes_on_with_its_date():
    # Kenya is named in the background sentence: its request is of that occasion.
    text = (
        "Rebels shelled a market in Goma on Saturday. "
        "Last year, Kenya and Somalia held talks in Nairobi. "
        "Kenya asked Somalia to close the border."
    )
    asked = event_of("asked", text, "2025-07-13T10:00:00Z")
    assert (asked.date, asked.date_precision) == ("2024-01-01", "year")


def test_a_clause_a_span_after_goes_on_with_the_date_of_the_clause_it_hangs_on():
    # The protests are the lead's, of Tuesday; the storming was a year before them.
    doc = nlp.load()(
        "Police fired tear gas at protesters in Nairobi on Tuesday. "
        "The protests came a year after demonstrators stormed parliament."
    )
    assert pair(date_for_event(token(doc, "stormed"), anchors(doc, THURSDAY_EVENING))) == ("2024-01-01", "year")


def test_a_sentence_in_the_past_perfect_lends_its_date_to_no_later_sentence():
    # The coup of 2020 is background told before the story's occasion; the march is not of 2020.
    doc = nlp.load()(
        "The army had seized power in Bamako in 2020. Thousands of people marched against the army in Bamako."
    )
    assert context_date(token(doc, "marched"), anchors(doc, THURSDAY_EVENING)) is None


def test_the_storys_day_is_no_day_its_lead_tells_in_the_past_perfect():
    # The shelling of May 7 came before the news: the truce is of the publication day, not May 7.
    text = "India and Pakistan agreed to a truce. Pakistan had accused India of shelling its villages on 7 May."
    assert event_of("agreed", text, "2025-05-15T08:00:00Z").date == "2025-05-15"
    # nor a day the parser hangs on a participle of a sentence in the past perfect
    text = "Colombia agreed to accept deportation flights. Its navy had turned back ships carrying migrants on Jan. 26."
    assert event_of("agreed", text, "2025-02-03T15:00:00Z").date == "2025-02-03"


def test_a_clause_set_in_an_event_told_before_takes_its_date():
    # "in the attack" points back to the attack of October 7, 2023: the killing is of that day,
    # not of the commemoration the lead tells.
    text = (
        "Israelis gathered in Tel Aviv on Tuesday to mark two years since the attack of October 7, 2023. "
        "Hamas militants killed 1,200 people in the attack."
    )
    killed = event_of("killed", text, "2025-10-07T12:00:00Z")
    assert (killed.date, killed.date_precision) == ("2023-10-07", "day")


def test_a_clause_told_then_goes_on_with_an_occasion_in_the_past_perfect():
    # "then" says the shelling came after the seizure, background though it is: its January 26.
    doc = nlp.load()("The rebels had seized the ship on Jan. 26. The navy then shelled their port.")
    assert pair(context_date(token(doc, "shelled"), anchors(doc, THURSDAY_EVENING))) == ("2025-01-26", "day")


def test_a_clause_told_a_span_before_one_of_the_storys_day_lies_that_span_from_it():
    # The lead names no day: the agreement is of the publication day, the threat a week before it.
    text = "Colombia agreed to accept deportation flights a week after Washington threatened it with tariffs."
    threat = event_of("threatened", text, "2025-02-03T15:00:00Z")
    assert (threat.date, threat.date_precision) == ("2025-01-01", "month")
