"""Readers: the seed layout, JSON Lines, HTML, gzip, folders, stdin, and every kind of bad input."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, SEED, SEED_ID

from eventwire.model import Article
from eventwire.readers.common import ReadError
from eventwire.readers.discover import read_paths
from eventwire.readers.furniture import fill_source

GOOD = {
    "id": "a1",
    "title": "Talks",
    "text": "Iran and Iraq held talks in Baghdad on Monday.",
    "published": "2025-03-14 20:28:39Z",
    "url": "https://www.voanews.com/a/x/1.html",
    "author": "Jane Roe and John Doe",
    "keywords": "Iran, Iraq, Iran",
    "lang_hint": "en",
}


def read(*paths: Path | str, **kw) -> list[Article | ReadError]:
    return list(read_paths([str(p) for p in paths], **kw))


def test_seed_layout_gives_stamp_title_credit_and_slug():
    [article] = read(SEED)
    assert article.id == SEED_ID
    assert article.published == "2022-03-13T21:12:38"
    assert article.published_from == "asset-stamp"
    assert article.title.startswith("US to warn China of dangers of Russian support")
    assert article.source == "CNN"
    assert article.authors == ["Sam Fossum", "Caitlan Collins", "Jim Sciutto", "Kylie Atwood"]
    assert article.slug_keywords == ["jake", "sullivan", "yang", "jiechi", "split", "super", "tease"]
    assert article.text.startswith("The Chinese state media report")


def test_text_without_header_has_no_reference_time(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("A headline\n\nThe minister met the envoy on Monday.\n", encoding="utf-8")
    [article] = read(path)
    assert (article.id, article.title, article.published) == ("story", "A headline", None)


def test_published_option_fills_only_missing_times(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Headline\n\nBody text here.\n", encoding="utf-8")
    [article, seed] = read(path, SEED, published="2024-01-02T00:00:00")
    assert (article.published, article.published_from) == ("2024-01-02T00:00:00", "option")
    assert seed.published_from == "asset-stamp"


def test_jsonl_fields_and_extra(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    [article] = read(path)
    assert article.id == "a1"
    assert article.published == "2025-03-14T20:28:39Z" and article.published_from == "field"
    assert article.source == "VOA"  # from the URL's host
    assert article.authors == ["Jane Roe", "John Doe"]
    assert article.keywords == ["Iran", "Iraq"]
    assert article.extra == {"lang_hint": "en"}


def test_jsonl_body_and_date_aliases_and_hash_id(tmp_path):
    path = tmp_path / "a.ndjson"
    path.write_text(json.dumps({"body": "Some text.", "pub_date": "March 3, 2021"}) + "\n", encoding="utf-8")
    [article] = read(path)
    assert article.text == "Some text." and article.published.startswith("2021-03-03")
    assert len(article.id) == 16  # a stable hash of the text
    assert read(path)[0].id == article.id


def test_html_through_trafilatura(tmp_path):
    body = "<p>" + "The foreign minister met his counterpart in Paris on Monday to discuss trade. " * 4 + "</p>"
    page = (
        f"<html><head><title>Page</title><meta name='author' content='Jane Roe'>"
        f"<meta property='article:published_time' content='2024-05-01T10:00:00Z'>"
        f"<meta property='og:site_name' content='Example News'></head>"
        f"<body><article><h1>Ministers meet</h1>{body}</article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    [article] = read(path)
    assert article.id == "page" and article.title == "Ministers meet"
    assert article.source == "Example News" and article.authors == ["Jane Roe"]
    assert article.published.startswith("2024-05-01") and article.published_from == "html-meta"
    assert "counterpart in Paris" in article.text


def test_an_html_headline_repeated_in_the_body_leaves_it_and_the_dateline_after_it_is_read(tmp_path):
    body = "<p>KAMPALA, May 2 (AFP) - " + "Uganda and Kenya signed a deal on rail freight and on trade. " * 3 + "</p>"
    page = f"<html><head><title>Rail deal</title></head><body><article><h1>Rail deal</h1>{body}</article></body></html>"
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    [article] = read(path)
    assert article.text.startswith("Uganda and Kenya signed")
    assert (article.extra["dateline"], article.extra["dateline_day"]) == ("KAMPALA", "May 2")


def test_gzip_and_recursive_folders(tmp_path):
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    with gzip.open(nested / "seed.txt.gz", "wt", encoding="utf-8") as f:
        f.write(SEED.read_text(encoding="utf-8"))
    with gzip.open(tmp_path / "a" / "x.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps(GOOD) + "\n")
    (tmp_path / "notes.md").write_text("not an article")
    (tmp_path / ".hidden.txt").write_text("hidden")
    records = read(tmp_path)
    assert sorted(r.id for r in records) == ["a1", "seed"]
    assert next(r for r in records if r.id == "seed").source == "CNN"


def test_stdin_is_sniffed():
    code = (
        "import sys, json; from eventwire.readers.discover import read_paths; "
        "print(json.dumps([r.id if hasattr(r, 'id') else str(r) for r in read_paths(['-'])]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], input=json.dumps(GOOD) + "\n", text=True, capture_output=True, check=True
    ).stdout
    assert json.loads(out) == ["a1"]


def test_bad_inputs_each_give_one_error_and_good_records_survive(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin1.txt").write_bytes("Title\n\nCaf\xe9 talks".encode("latin-1"))
    (tmp_path / "mixed.jsonl").write_text(
        json.dumps(GOOD)
        + "\n{not json\n"
        + json.dumps({"id": "b2", "text": "More talks held."})
        + "\n"
        + json.dumps({"id": "c3"})
        + "\n[1, 2]\n",
        encoding="utf-8",
    )
    data = gzip.compress((json.dumps(GOOD) + "\n").encode() * 50)
    (tmp_path / "trunc.jsonl.gz").write_bytes(data[: len(data) // 2])
    (tmp_path / "nomain.html").write_text("<html><head><title>x</title></head><body></body></html>")
    (tmp_path / "big.txt").write_text("Title\n\n" + "word " * 1000)
    records = read(tmp_path, tmp_path / "missing.txt", max_bytes=2000)
    errors = {r.origin.replace(str(tmp_path) + "/", ""): r.reason for r in records if isinstance(r, ReadError)}
    assert errors["empty.txt"] == "empty"
    assert "binary" in errors["binary.txt"]
    assert errors["latin1.txt"].startswith("invalid UTF-8 at byte")
    assert errors["mixed.jsonl:2"].startswith("not valid JSON")
    assert "no 'text'" in errors["mixed.jsonl:4"]
    assert "expected a JSON object" in errors["mixed.jsonl:5"]
    assert any(k.startswith("trunc.jsonl.gz:") and "gzip" in v for k, v in errors.items())
    assert "no main text" in errors["nomain.html"]
    assert "over the limit of 2,000" in errors["big.txt"]
    assert errors["missing.txt"] == "no such file or folder"
    good = [r.id for r in records if isinstance(r, Article)]
    assert good.count("b2") == 1 and "a1" in good  # the good lines of mixed.jsonl and trunc.jsonl.gz


def test_examples_read_cleanly():
    records = read(EXAMPLES)
    assert len(records) == 21 and all(isinstance(r, Article) for r in records)


def test_a_dateline_leaves_the_body_and_keeps_its_place_and_agency(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "d", "text": "NAIROBI (AFP) - Kenyan police fired tear gas."}) + "\n")
    [article] = read(path)
    assert article.text == "Kenyan police fired tear gas."
    assert article.extra["dateline"] == "NAIROBI" and article.source == "AFP"


WIRE_COPY = """Port deal signed

By Lena Ortiz and Sam Obi

LIMA, Aug. 9 (Reuters) - Peru and Chile signed a port agreement on Friday.

"It is a good day," the minister said.

(Reporting by Lena Ortiz in Lima; Additional reporting by Kai Berg; Editing by Tom Hale)
Copyright 2024 Thomson Reuters. All rights reserved.
"""


def test_wire_copy_leaves_its_byline_dateline_and_credits_out_of_the_body(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text(WIRE_COPY, encoding="utf-8")
    [article] = read(path)
    assert article.text == 'Peru and Chile signed a port agreement on Friday.\n\n"It is a good day," the minister said.'
    assert article.extra == {"dateline": "LIMA", "dateline_day": "Aug. 9"}
    assert (article.source, article.authors) == ("Reuters", ["Lena Ortiz", "Sam Obi"])


def test_reporters_of_the_closing_credits_are_the_authors_when_there_is_no_byline(tmp_path):
    path = tmp_path / "a.jsonl"
    text = (
        "Peru and Chile signed a port agreement.\n(Reporting by Lena Ortiz in Lima and Kai Berg; Editing by Tom Hale)"
    )
    path.write_text(json.dumps({"id": "w", "text": text}) + "\n")
    [article] = read(path)
    assert article.text == "Peru and Chile signed a port agreement."
    assert article.authors == ["Lena Ortiz", "Kai Berg"]


def test_a_credit_line_leaves_the_body_and_gives_the_outlet(tmp_path):
    path = tmp_path / "a.jsonl"
    text = "The talks ended.\n\nThe Associated Press' Ana Ruiz in Quito contributed to this report.\n© 2024 AP"
    path.write_text(json.dumps({"id": "c", "text": text}) + "\n")
    [article] = read(path)
    assert (article.text, article.source) == ("The talks ended.", "The Associated Press")


def test_furniture_alone_is_kept_as_the_body(tmp_path):
    path = tmp_path / "a.jsonl"
    text = "By Lena Ortiz\nAll rights reserved."  # the body is never left empty
    path.write_text(json.dumps({"id": "f", "text": text}) + "\n")
    [article] = read(path)
    assert article.text.endswith("All rights reserved.")


def test_a_sentence_beginning_with_by_is_no_byline(tmp_path):
    path = tmp_path / "a.jsonl"
    text = "By Monday the rebels had left the town.\nThe army moved in."
    path.write_text(json.dumps({"id": "b", "text": text}) + "\n")
    [article] = read(path)
    assert article.text.startswith("By Monday the rebels") and article.authors == []


@pytest.mark.parametrize(
    ("opening", "place", "agency"),
    [
        ("Kyiv (AFP) - ", "Kyiv", "AFP"),
        ("Rio de Janeiro, Brazil (AP) — ", "Rio de Janeiro, Brazil", "AP"),
        ("GENEVA, March 3, 2025 (Reuters) – ", "GENEVA", "Reuters"),
        ("PESHAWAR: ", "PESHAWAR", None),  # the colon of South Asian papers
        ("ISLAMABAD, July 9 (APP): ", "ISLAMABAD", "APP"),
        ("ABUJA - ", "ABUJA", None),  # a capital city before a hyphen: copy whose dashes became hyphens
    ],
)
def test_datelines_of_the_agencies(tmp_path, opening, place, agency):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "d", "text": opening + "Talks resumed."}) + "\n")
    [article] = read(path)
    assert (article.text, article.extra["dateline"], article.source) == ("Talks resumed.", place, agency)


def test_a_title_case_opening_needs_its_agency_to_be_a_dateline(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "d", "text": "Washington - the capital - braced for the vote."}) + "\n")
    [article] = read(path)
    assert article.text.startswith("Washington - the capital") and "dateline" not in article.extra


def furnished(text: str, **fields) -> Article:
    return fill_source(Article(id="f", text=text, **fields))


@pytest.mark.parametrize(
    ("line", "day"), [("March 5, 2025", "March 5, 2025"), ("Wednesday, 5 March 2025", "5 March 2025")]
)
def test_a_date_alone_heading_a_readout_is_the_story_s_day(line, day):
    article = furnished(f"{line}\n\nThe minister spoke today with her Kenyan counterpart.")
    assert article.text.startswith("The minister") and article.extra["dateline_day"] == day


def test_a_sentence_opening_with_a_date_stays():
    text = "March 5, 2025 was the day the talks began.\nThey went on."
    assert furnished(text).text == text


@pytest.mark.parametrize(
    "opening",
    [
        "Sen. Lindsey Graham (R-S.C.) — a close ally — spoke first.",  # no agency: a name and an aside
        "President Joe Biden (pictured) - spoke first.",
        "NATO - Russia council met on Friday.",  # capitals and a hyphen: no dateline
        "U.S. - China talks resumed.",
        "KHARTOUM STATE - the region the army holds - is calm.",  # a capital's name in a longer name
        "BREAKING: talks resumed.",  # a label in capitals and a colon names no place
        "AAA" + "-" * 20_000 + "x",  # a run of hyphens has one reading (it once took seconds)
    ],
)
def test_openings_that_are_no_datelines_stay(opening):
    assert furnished(opening).text == opening


@pytest.mark.parametrize(
    "closing",
    ["(Research shows the policy failed.)", "Copyright infringement claims rose last year.", "Ann Obi contributed."],
)
def test_closing_lines_of_the_story_stay(closing):
    assert furnished("The talks ended.\n\n" + closing).text.endswith(closing)


@pytest.mark.parametrize(
    ("closing", "outlet", "authors"),
    [
        ("The Associated Press contributed to this report.", "The Associated Press", []),
        ("Associated Press writer Ana Ruiz in Quito contributed to this report.", "Associated Press", ["Ana Ruiz"]),
    ],
)
def test_agency_footers_leave_the_body(closing, outlet, authors):
    article = furnished("The talks ended.\n\n" + closing)
    assert (article.text, article.source, article.authors) == ("The talks ended.", outlet, authors)


def test_a_bylines_agency_is_the_outlet_not_an_author():
    article = furnished("By Lena Ortiz and Sam Obi, Reuters\n\nThe talks ended.")
    assert (article.source, article.authors) == ("Reuters", ["Lena Ortiz", "Sam Obi"])


def test_the_url_names_the_outlet_before_a_credit_line():
    article = furnished("The talks ended.\n\nReuters' Ann Obi contributed to this report.", url="https://cnn.com/a")
    assert (article.text, article.source, article.authors) == ("The talks ended.", "CNN", ["Ann Obi"])


def test_a_records_own_dateline_field_wins():
    article = furnished("NAIROBI, June 4 (Reuters) - Talks resumed.", extra={"dateline": "Nairobi, Kenya"})
    assert article.extra == {"dateline": "Nairobi, Kenya", "dateline_day": "June 4"}


def test_a_body_opening_with_an_acronym_keeps_it(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps({"id": "d", "text": "NATO-member Norway is willing to help. UN - the council met."}) + "\n"
    )
    [article] = read(path)
    assert article.text.startswith("NATO-member Norway") and "dateline" not in article.extra
