"""Bounded cost per article: punctuation runs neutralised and long texts parsed in pieces,
with every offset still pointing into the original text."""

from __future__ import annotations

from conftest import EXAMPLES

from eventwire import nlp, pipeline
from eventwire.model import Article
from eventwire.readers.discover import read_paths


def parse(text: str):
    """What the pipeline does with one text: `nlp.pipe` over it."""
    return next(nlp.pipe([text], batch_size=1))


def long_article(size: int) -> str:
    """Paragraphs of the examples, repeated up to `size` characters."""
    paras = [p for a in read_paths([str(EXAMPLES)]) for p in a.text.split("\n") if p.strip()]
    out: list[str] = []
    while sum(len(p) + 2 for p in out) < size:
        out.append(paras[len(out) % len(paras)])
    return "\n\n".join(out)


def test_punctuation_runs_become_spaces_of_the_same_length():
    text = 'He said "' + "!" * 5000 + '" and left -- ' + "?!" * 40 + " done... " + "_" * 50
    guarded = nlp.guard(text)
    assert len(guarded) == len(text)
    assert guarded == "He said " + " " * 5002 + " and left -- " + " " * 80 + " done... " + " " * 50


def test_a_punctuation_run_gives_few_tokens():
    doc = parse("Wow" + "!" * 10_000 + " said the minister.")
    assert len(doc) < 10  # one token per mark was 10,000 tokens, split in quadratic time


def test_chunks_cut_after_paragraphs_and_join_to_the_text():
    text = long_article(50_000)
    pieces = nlp.chunks(text)
    assert len(pieces) >= 3 and "".join(pieces) == text
    assert all(len(p) <= nlp.CHUNK_CHARS for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])


def test_one_huge_paragraph_is_cut_after_sentences_or_words():
    sentences = "The ministers met in Paris on Monday. " * 2000
    pieces = nlp.chunks(sentences.strip())
    assert len(pieces) > 1 and "".join(pieces) == sentences.strip()
    assert all(p.endswith(". ") for p in pieces[:-1])
    words = nlp.chunks("word " * 10_000)
    assert len(words) > 1 and all(p.endswith(" ") and not p.endswith(". ") for p in words[:-1])


def test_a_long_article_keeps_its_offsets():
    text = long_article(3 * nlp.CHUNK_CHARS)
    doc = parse(text)
    assert doc.text == text
    analysis = pipeline.process(Article(id="long", text=text))
    assert analysis.quotes and analysis.events
    assert any(q.start > 2 * nlp.CHUNK_CHARS for q in analysis.quotes)  # found in the last piece too
    for quote in analysis.quotes:
        assert text[quote.start : quote.end] == quote.text
    for event in analysis.events:
        assert text[event.start : event.end] == event.sentence
        assert text[event.trigger_start : event.trigger_end] == event.trigger
    for entity in analysis.entities:
        assert text[entity.start : entity.end] == entity.text


def test_a_text_parsed_in_pieces_is_annotated_as_the_whole_text():
    text = long_article(3 * nlp.CHUNK_CHARS)
    pieces, whole = parse(text), nlp.load()(text)
    assert len(nlp.chunks(text)) > 2 and len(pieces) == len(whole)

    def annotations(doc):
        return [(t.idx, t.lemma_, t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.is_sent_start) for t in doc]

    assert annotations(pieces) == annotations(whole)
