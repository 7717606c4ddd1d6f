"""Quotes: direct quotes between quotation marks and indirect reported speech, with speakers.

Direct quotes are found by scanning the quotation marks of the raw text (`find_marked_spans`):
straight and curly double marks, LaTeX ``...'', guillemets, and single marks outside double
ones. Each mark is read from the characters beside it, so mixed styles (`"...”`), unbalanced
marks and apostrophes (don't, Xi's, the '90s, countries') never throw the scan out of step;
at worst one quote is cut short at the end of its sentence or paragraph.

The parse only serves to find who speaks (`extract_quotes`): the cue verb that governs the
quote ("'...,' Haas tweeted", "called the claims 'disinformation'"), one right after the
closing mark ("'...,' said Zhao"), "according to X", one before the quote in its sentence
("X said: '...'"), and for a quote that opens its sentence with no cue, the last speaker
before it. Short quoted phrases with no cue anywhere (scare quotes) and quoted titles and
names are dropped. Indirect quotes are the clauses of cue verbs ("X said (that) CLAUSE",
"according to X, CLAUSE") that contain no quotation marks.

Ids are "q" + 12 hex digits of a hash of the article text, the kind and the offsets: the
same article always gives the same ids, and two articles never share one.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.attrs import IDX, LEMMA, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from ..model import Actor, Quote
from .actors import ArticleActors
from .vocabulary import read_yaml, word_set

# ---------------------------------------------------------------------------------------------
# Cue lexicon (data/quote_cues.yaml)


@dataclass(frozen=True)
class Cues:
    """The cue lists of data/quote_cues.yaml."""

    speech: frozenset[str]  # direct and indirect quotes
    direct: frozenset[str]  # direct quotes only
    adjacent: frozenset[str]  # direct quotes, only right beside the mark
    phrases: dict[str, tuple[tuple[str, ...], ...]]  # first word -> phrases starting with it
    elisions: frozenset[str]
    title_nouns: frozenset[str]  # lemmas that make the quote before them a title
    title_words: frozenset[str]  # words that make the quote after them a title
    pronouns: frozenset[str]
    origin_prepositions: frozenset[str]
    function_words: frozenset[str]  # lower case in a title
    ids: frozenset[int]  # spaCy string ids of all cue verbs, to pick them out of Doc.to_array
    phrase_ids: frozenset[int]  # ... and of the first words of the phrases


@lru_cache(maxsize=1)
def cues() -> Cues:
    data = read_yaml("quote_cues.yaml")
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for phrase in data["phrases"]:
        words = tuple(phrase.lower().split())
        phrases.setdefault(words[0], []).append(words)
    verbs = {key: frozenset(data[key]) for key in ("speech_verbs", "direct_verbs", "adjacent_verbs")}
    return Cues(
        speech=verbs["speech_verbs"],
        direct=verbs["direct_verbs"],
        adjacent=verbs["adjacent_verbs"],
        phrases={k: tuple(sorted(v, key=len, reverse=True)) for k, v in phrases.items()},
        elisions=frozenset(str(w).lower() for w in data["elisions"]),
        title_nouns=frozenset(data["title_nouns"]),
        title_words=frozenset(data["title_words"]),
        pronouns=word_set(data, "pronouns", "quote_cues.yaml"),
        origin_prepositions=word_set(data, "origin_prepositions", "quote_cues.yaml"),
        function_words=word_set(data, "function_words", "quote_cues.yaml"),
        ids=frozenset(get_string_id(w) for words in verbs.values() for w in words),
        phrase_ids=frozenset(get_string_id(w) for w in phrases),
    )


# ---------------------------------------------------------------------------------------------
# Quotation marks on the raw text

DOUBLE_MARKS = re.compile(r"``|''|[\"\u201c\u201d\u201e\u00ab\u00bb]")
SINGLE_MARKS = re.compile(r"[\u2018\u2019']")
OPENING, CLOSING = frozenset({"\u201c", "\u201e", "\u00ab", "``"}), frozenset({"\u201d", "\u00bb", "''"})
QUOTE_CHARS = "\"'\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019"
# a mark may open a quote after these characters, and close one before these
OPEN_AFTER = frozenset(" \t\n\r\f\v\u00a0([{<\u2014\u2013-/:\u201c\u2018\u201e\u00ab")
CLOSE_BEFORE = frozenset(" \t\n\r\f\v\u00a0)]}>\u2014\u2013-/.,;:!?\u2026\u201d\u2019\u00bb\"'")
OPEN, CLOSE, EITHER = "open", "close", "either"
BLANK_LINE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")
NEWLINE = re.compile(r"\n")
ELIDED_WORD = re.compile(r"[A-Za-z]+|\d")


@dataclass(frozen=True)
class MarkedSpan:
    """The words between a pair of quotation marks, without the marks.

    `parts` holds one (start, end) per paragraph the quote runs over (a quote left open at a
    paragraph end continues when the next paragraph reopens it). `outer` covers the marks too.
    """

    parts: tuple[tuple[int, int], ...]
    outer: tuple[int, int]

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]

    def text(self, source: str) -> str:
        return " ".join(source[s:e] for s, e in self.parts)


def paragraph_breaks(text: str) -> list[tuple[int, int]]:
    """(end of a paragraph, start of the next) pairs: blank lines, or single newlines in a text
    that has no blank line at all."""
    pattern = BLANK_LINE if BLANK_LINE.search(text) else NEWLINE
    breaks = []
    for m in pattern.finditer(text):
        nxt = m.end()
        while nxt < len(text) and text[nxt].isspace():
            nxt += 1
        if breaks and breaks[-1][1] >= m.start():  # runs of blank lines are one break
            breaks[-1] = (breaks[-1][0], nxt)
        else:
            breaks.append((m.start(), nxt))
    return breaks


def _role(text: str, start: int, end: int, mark: str) -> str:
    """Whether a mark at text[start:end] can open, close, or either, judged by its neighbours."""
    can_open = start == 0 or text[start - 1] in OPEN_AFTER
    can_close = end >= len(text) or text[end] in CLOSE_BEFORE
    if can_open and not can_close:
        return OPEN
    if can_close and not can_open:
        return CLOSE
    return OPEN if mark in OPENING else CLOSE if mark in CLOSING else EITHER


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without surrounding blanks and without a trailing comma (not part of the words)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


class _Scanner:
    """One pass over the marks of a text, double marks first, then single marks outside them."""

    def __init__(self, text: str, sentence_ends: list[int], elisions: frozenset[str]) -> None:
        self.text = text
        self.breaks = paragraph_breaks(text)
        self.paragraph_starts = [b[1] for b in self.breaks]
        self.sentence_ends = sentence_ends
        self.elisions = elisions
        self.spans: list[MarkedSpan] = []

    def paragraph_end(self, pos: int) -> int:
        i = bisect_right(self.paragraph_starts, pos)
        return self.breaks[i][0] if i < len(self.breaks) else len(self.text)

    def sentence_end(self, pos: int) -> int:
        i = bisect_right(self.sentence_ends, pos)
        return self.sentence_ends[i] if i < len(self.sentence_ends) else len(self.text)

    def add(self, parts: list[tuple[int, int]], opened: int, closed_at: int | None, limit: int) -> None:
        """Record a quote whose last mark ends at `closed_at`; one left open (None) ends at its
        sentence end or at `limit`, whichever comes first."""
        start, end = parts[-1]
        if closed_at is None:
            end = min(limit, self.sentence_end(start))
        trimmed = tuple(p for p in (_trim(self.text, s, e) for s, e in parts[:-1] + [(start, end)]) if p[0] < p[1])
        if trimmed:
            outer = (opened, closed_at if closed_at is not None else trimmed[-1][1])
            self.spans.append(MarkedSpan(trimmed, outer))

    def doubles(self) -> None:
        text, breaks = self.text, self.breaks
        opened = None  # offset of the open quote's first mark
        parts: list[tuple[int, int]] = []  # (start, end) of the words, per paragraph
        b = 0
        for m in DOUBLE_MARKS.finditer(text):
            role = _role(text, m.start(), m.end(), m.group())
            reopened = False
            for para_end, next_start in breaks[b:]:
                if next_start > m.start():
                    break
                b += 1
                if opened is None:
                    continue
                if next_start == m.start() and role != CLOSE and self.leads_in(parts[-1][0]):
                    # the next paragraph reopens it: one quote over several paragraphs
                    parts[-1] = (parts[-1][0], para_end)
                    parts.append((m.end(), m.end()))
                    reopened = True
                else:
                    self.add(parts, opened, None, para_end)
                    opened, parts = None, []
            if reopened:
                continue
            if opened is None:
                if role != CLOSE:  # a closing mark with nothing open is a stray: skip it
                    opened, parts = m.start(), [(m.end(), m.end())]
            elif role == OPEN:  # a new quote opens: the open one lost its closing mark
                self.add(parts, opened, None, m.start())
                opened, parts = m.start(), [(m.end(), m.end())]
            else:
                parts[-1] = (parts[-1][0], m.start())
                self.add(parts, opened, m.end(), m.start())
                opened, parts = None, []
        if opened is not None:
            self.add(parts, opened, None, self.paragraph_end(parts[-1][0]))

    def leads_in(self, words: int) -> bool:
        """Whether the quote whose words start at `words` opened its paragraph or followed a
        colon or comma: where a quote that goes on into the next paragraph opens (a stray mark
        opens elsewhere)."""
        i = bisect_right(self.paragraph_starts, words)
        before = self.text[self.paragraph_starts[i - 1] if i else 0 : words].rstrip().rstrip(QUOTE_CHARS + "`").rstrip()
        return not before or before[-1] in ":,"

    def singles(self) -> None:
        """Single marks outside double quotes: quotes when paired, else apostrophes."""
        text = self.text
        outer = sorted(s.outer for s in self.spans)
        starts = [o[0] for o in outer]
        opened = None
        for m in SINGLE_MARKS.finditer(text):
            i = m.start()
            k = bisect_right(starts, i) - 1
            if k >= 0 and outer[k][0] <= i < outer[k][1]:
                continue  # nested in a double quote, or half of a LaTeX ''
            if opened is not None and self.paragraph_end(opened) < i:
                opened = None  # a single mark never pairs across paragraphs
            can_open = i == 0 or text[i - 1] in OPEN_AFTER
            can_close = i + 1 >= len(text) or text[i + 1] in CLOSE_BEFORE
            if can_open and not can_close and not self.elided(i + 1):
                opened = i
            elif can_close and not can_open and opened is not None and not self.possessive(i):
                self.add([(opened + 1, i)], opened, i + 1, i)
                opened = None

    def elided(self, pos: int) -> bool:
        """True for the mark of 'n', 'em, '90s, a detached 's: an apostrophe, not a quote."""
        m = ELIDED_WORD.match(self.text, pos)
        if not m:
            return False
        word = m.group()
        after = self.text[m.end() : m.end() + 1]
        return word.isdigit() or (word.lower() in self.elisions and not after.isalpha())

    def possessive(self, i: int) -> bool:
        """True for the mark of a plural possessive (the countries' leaders)."""
        return self.text[i - 1] in "sS" and self.text[i + 1 : i + 2] == " " and self.text[i + 2 : i + 3].isalnum()


def find_marked_spans(text: str, sentence_ends: list[int] | None = None) -> list[MarkedSpan]:
    """Every span between quotation marks, in text order, nested single quotes left inside.

    `sentence_ends` (sorted end offsets) tells where a quote that never closes stops; without
    it such a quote runs to the end of its paragraph.
    """
    scanner = _Scanner(text, sorted(sentence_ends or ()), cues().elisions)
    scanner.doubles()
    scanner.singles()
    return sorted(scanner.spans, key=lambda s: s.outer)


# ---------------------------------------------------------------------------------------------
# Speakers from the parse

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
INHERITS_SUBJECT = frozenset({"conj", "advcl", "xcomp", "pcomp"})
MODIFIES_NOUN = frozenset({"acl", "relcl"})
SPEAKER_NOUNS = frozenset({"dobj", "attr", "npadvmod", "appos", "oprd", "dative"})
SPEAKER_STOPS = frozenset({",", "(", ";", "\u2014", "\u2013"})  # end a speaker's noun phrase
CLAUSES = frozenset({"ccomp", "xcomp"})
INVERTED_SPEAKERS = SPEAKER_NOUNS | SUBJECTS  # deps of a speaker after its verb ("said X")
NOUN_PHRASE = frozenset({"PROPN", "NOUN", "DET", "ADJ", "PART", "CCONJ", "NUM", "PUNCT"})
NOMINAL = NOUN_PHRASE | {"ADP"}  # "Evan Fowler of the Inter-Parliamentary Alliance"
NOT_PEOPLE = frozenset({"GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
MAX_SCARE_WORDS = 3  # a quoted phrase this short with no cue is a scare quote, not a quote
AFTER_WINDOW = 40  # tokens after a closing mark searched for "..., X said"
SUBJECT_DEPTH = 6  # clauses climbed to find a subject
LOOKBACK = 6  # earlier speakers tried for a pronoun


def _agrees(pronoun: Token, head: Token) -> bool:
    """Whether a pronoun can stand for the noun phrase headed by `head` (number and person)."""
    plural = head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in head.children)
    if pronoun.lower_ in ("they", "them"):
        return plural or head.ent_type_ in ("ORG", "NORP")
    if pronoun.lower_ == "it":
        return not plural and head.ent_type_ != "PERSON"
    if head.ent_type_ == "ORG":  # the small model tags many surnames ORG: "Trump"
        return not plural and head.is_title and not head.n_lefts and not head.n_rights
    return not plural and head.ent_type_ not in NOT_PEOPLE


@dataclass
class _Found:
    """A speaker found for a quote and the cue word that named it (None when the quote goes on
    from an earlier speaker)."""

    actor: Actor | None
    cue: str | None


class _Article:
    """The parse of one article seen from the quotes: sentences, quote tokens, cue words, and a
    timeline of who said something where (for pronouns and quotes with no cue of their own)."""

    def __init__(self, doc: Doc, text: str, actors: ArticleActors, spans: list[MarkedSpan]) -> None:
        self.doc = doc
        self.text = text
        self.actors = actors
        self.cues = cues()
        self.direct_verbs = self.cues.speech | self.cues.direct
        columns = doc.to_array([IDX, LEMMA, LOWER])  # one pass in C, not one Token per word
        self.starts = columns[:, 0].tolist()
        ids = self.cues.ids
        self.cue_tokens = [doc[i] for i, lemma in enumerate(columns[:, 1].tolist()) if lemma in ids]
        self.sentences = actors.sentences
        self.in_quote = bytearray(len(doc))
        for span in spans:
            i, j = self.token_range(*span.outer)
            self.in_quote[i:j] = b"\x01" * (j - i)
        firsts = self.cues.phrase_ids
        hits = (self.phrase_at(doc[i]) for i, w in enumerate(columns[:, 2].tolist()) if w in firsts)
        self.phrase_hits = [hit for hit in hits if hit is not None]
        # who is spoken of, in text order, as (offset, head of the noun phrase, speaks there):
        # subjects of cue verbs and objects of "according to" (speakers), named subjects of main
        # clauses and people introduced with a title (for pronouns)
        said = [
            (verb.idx, subj, True)
            for verb, subj in (
                (v, self.subject_of(v)) for v in self.cue_tokens if self.cue_kind(v, self.direct_verbs) == "cue"
            )
            if subj is not None
        ]
        said += [(cue.start_char, obj, True) for cue, obj in self.phrase_hits]
        for verb in (v for sent in self.sentences.spans for v in self.main_verbs(sent.root)):
            subj = next((c for c in verb.children if c.dep_ in SUBJECTS and not self.in_quote[c.i]), None)
            if subj is not None and subj.pos_ in ("PROPN", "NOUN"):
                said.append((verb.idx, subj, False))
        said += [
            (ent.root.idx, ent.root, False)
            for ent in doc.ents
            if ent.label_ == "PERSON" and any(c.dep_ == "appos" for c in ent.root.children)
        ]
        self.said = sorted((e for e in said if e[1].lower_ not in self.cues.pronouns), key=lambda e: e[0])
        self.said_at = [e[0] for e in self.said]
        self._actors: dict[tuple[int, int], Actor] = {}

    # -- tokens ---------------------------------------------------------------------------------

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Indices [i, j) of the tokens overlapping text[start:end]."""
        return max(bisect_right(self.starts, start) - 1, 0), bisect_left(self.starts, end)

    def sent_of(self, i: int) -> Span:
        return self.sentences.spans[self.sentences.number_of[i]]

    def cue_kind(self, tok: Token, verbs: frozenset[str]) -> str | None:
        """ "cue" for a cue verb among `verbs` outside quotation marks, "adjacent" for one that
        is a cue only right beside a quotation mark, else None."""
        if self.in_quote[tok.i] or tok.pos_ not in ("VERB", "AUX"):
            return None
        if tok.is_title and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].pos_ == "PROPN":
            return None  # a name: "Sayed Abdul Sadat told VOA"
        lemma = tok.lemma_.lower()
        return "cue" if lemma in verbs else "adjacent" if lemma in self.cues.adjacent else None

    @staticmethod
    def main_verbs(root: Token) -> list[Token]:
        """The root of a sentence and the verbs joined to it ("X blamed ... but said ...")."""
        return [root] + [c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]

    def phrase_at(self, tok: Token) -> tuple[Span, Token] | None:
        """The cue phrase ("according to") starting at `tok` and the head of its object."""
        if self.in_quote[tok.i]:
            return None
        for words in self.cues.phrases.get(tok.lower_, ()):
            end = tok.i + len(words)
            if end < len(self.doc) and tuple(t.lower_ for t in self.doc[tok.i : end]) == words:
                last = self.doc[end - 1]
                obj = next((c for c in last.children if c.dep_ == "pobj"), None)
                obj = obj or next((t for t in self.doc[end : end + 3] if t.pos_ in ("PROPN", "NOUN")), None)
                if obj is not None and not self.in_quote[obj.i]:
                    return self.doc[tok.i : end], obj
        return None

    # -- who is the subject --------------------------------------------------------------------

    def subject_of(self, verb: Token) -> Token | None:
        """The speaker token of a cue verb: its subject (a name before a title: "army chief
        Pak said"), inherited along conj/advcl/xcomp, the noun a participle modifies
        ("influencers ... praising"), or an inverted one ("'...,' said Mayor X")."""
        tok = verb
        for _ in range(SUBJECT_DEPTH):
            subjects = [c for c in tok.children if c.dep_ in SUBJECTS]
            if subjects:
                subj = max(subjects, key=lambda c: (c.pos_ == "PROPN", -abs(c.i - tok.i)))
                if tok.i == verb.i and subj.dep_ == "nsubjpass":  # "he was told": the agent speaks
                    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
                    subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
                    if subj is None:
                        return None
                if subj.tag_ in ("WP", "WDT") and tok.dep_ == "relcl":
                    subj = tok.head  # "the official, who said ..."
                return None if self.in_quote[subj.i] else subj
            if tok.dep_ in MODIFIES_NOUN and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
                return tok.head
            if tok.dep_ not in INHERITS_SUBJECT or tok.head.i == tok.i:
                break
            tok = tok.head
        if verb.i == 0 or not self.in_quote[verb.i - 1]:
            return None
        return next(
            (
                c
                for c in verb.rights
                if c.dep_ in SPEAKER_NOUNS and not self.in_quote[c.i] and c.pos_ in ("PROPN", "NOUN")
            ),
            None,
        )

    def speaker_span(self, head: Token, verb: Token | None = None) -> Span:
        """The noun phrase of a speaker, ended at its first comma ("Zhao, a spokesman,") and
        before its own cue verb; an inverted speaker keeps the origin the parse hung on the verb
        ("wrote a user from Beijing")."""
        if head.pos_ != "PROPN":
            name = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
            head = name or head
        start, end = head.left_edge.i, head.right_edge.i + 1
        if verb is not None and start <= verb.i < end:
            end = min(end, verb.left_edge.i) if verb.left_edge.i > head.i else head.i + 1
        cut = next((t.i for t in self.doc[head.i + 1 : end] if t.text in SPEAKER_STOPS), None)
        if cut is not None:
            end = cut
        elif head.head.i < head.i and head.dep_ in INVERTED_SPEAKERS:
            for prep in head.head.rights:
                if prep.i == end and prep.lower_ in self.cues.origin_prepositions:
                    end = prep.right_edge.i + 1
        return self.trimmed(start, end)

    def trimmed(self, start: int, end: int) -> Span:
        while start < end - 1 and self.doc[start].is_punct:
            start += 1
        while end - 1 > start and self.doc[end - 1].is_punct:
            end -= 1
        return self.doc[start:end]

    def span_actor(self, span: Span) -> Actor:
        """The actor of a speaker's noun phrase, through ArticleActors (kept as plain text when
        it is no political actor), computed once per phrase."""
        key = (span.start, span.end)
        if key not in self._actors:
            self._actors[key] = self.actors.actor_for_span(span) or Actor(text=span.text)
        return self._actors[key]

    def speaker(self, head: Token, verb: Token | None = None) -> Actor:
        """The actor of a speaker's head token (for a pronoun, see `pronoun_speaker`)."""
        if head.lower_ in self.cues.pronouns:
            return self.pronoun_speaker(head)
        return self.span_actor(self.speaker_span(head, verb))

    def pronoun_speaker(self, pronoun: Token) -> Actor:
        """A pronoun speaker, with the pronoun as text and the name of what it refers to: our
        antecedent when it is a name or a subject of its own sentence, else what ArticleActors
        makes of the pronoun, if anything."""
        found = self.antecedent(pronoun)
        if found is None or not found[1]:
            theirs = self.actors.actor_for_token(pronoun)
            if theirs is not None and theirs.name and theirs.name.lower() != pronoun.lower_:
                return replace(theirs, text=pronoun.text)
        if found is None:
            return Actor(text=pronoun.text)
        actor = self.span_actor(self.speaker_span(found[0]))
        return replace(actor, text=pronoun.text, name=actor.name or actor.text)

    def antecedent(self, pronoun: Token) -> tuple[Token, bool] | None:
        """What a pronoun speaker stands for, and whether that is a sure guess: a named or
        speaking subject higher in its own sentence ("Trump hosted Erdogan for what he called
        ..."; sure), else the latest one before it that agrees in number and person, among
        speakers and named subjects of main clauses (sure when it is a name): quoted speech
        keeps to one speaker at a time."""
        tok = pronoun.head
        for _ in range(SUBJECT_DEPTH):
            for c in tok.children:
                if (
                    c.dep_ in SUBJECTS
                    and c.i < pronoun.i
                    and not self.in_quote[c.i]
                    and (c.pos_ == "PROPN" or (c.pos_ == "NOUN" and self.cue_kind(tok, self.direct_verbs)))
                    and _agrees(pronoun, c)
                ):
                    return c, True
            if tok.head.i == tok.i:
                break
            tok = tok.head
        i = bisect_left(self.said_at, pronoun.idx)
        for _, who, spoke in reversed(self.said[max(i - LOOKBACK, 0) : i]):
            if _agrees(pronoun, who) and (spoke or who.pos_ == "PROPN"):
                return who, who.pos_ == "PROPN"
        return None

    def last_speaker(self, at: int, quoted: tuple[int, Actor] | None) -> Actor | None:
        """Who spoke last before offset `at`: the latest speaker of the timeline, or the
        speaker of the last direct quote (`quoted`: its end and actor) if that came later."""
        i = bisect_left(self.said_at, at)
        last = next(((pos, who) for pos, who, spoke in reversed(self.said[:i]) if spoke), None)
        if quoted is not None and (last is None or quoted[0] > last[0]):
            return quoted[1]
        return self.span_actor(self.speaker_span(last[1])) if last is not None else None

    def found(self, verb: Token) -> _Found | None:
        subj = self.subject_of(verb)
        return _Found(self.speaker(subj, verb), verb.text) if subj is not None else None


# ---------------------------------------------------------------------------------------------
# Direct quotes


class _Direct:
    """Speaker search for one marked span, rule by rule (`speaker`)."""

    def __init__(self, art: _Article, span: MarkedSpan) -> None:
        self.art = art
        self.span = span
        self.qi, self.qj = art.token_range(*span.outer)  # tokens of the quote with its marks
        wi, _ = art.token_range(span.start, span.end)
        self.sent = art.sent_of(min(wi, len(art.doc) - 1))

    def inside(self, tok: Token) -> bool:
        return self.qi <= tok.i < self.qj

    def beside(self, verb: Token) -> bool:
        """A verb right before the quote with a comma or colon between ("He continued, '...'"),
        or right after it with only its subject between ("'...,' she concluded")."""
        doc = self.art.doc
        if verb.i < self.qi:
            between = doc[verb.i + 1 : self.qi]
            return bool(between) and all(t.is_punct for t in between) and any(t.text in (",", ":") for t in between)
        subj = self.art.subject_of(verb)
        return all(
            t.is_punct or (subj is not None and subj.left_edge.i <= t.i <= subj.right_edge.i)
            for t in doc[self.qj : verb.i]
        )

    def is_cue(self, verb: Token) -> bool:
        kind = self.art.cue_kind(verb, self.art.direct_verbs)
        return kind == "cue" or (kind == "adjacent" and self.beside(verb))

    def governing(self) -> _Found | None:
        """A cue verb outside the quote that the quote's words hang from in the parse."""
        for tok in self.art.doc[self.qi : self.qj]:
            head = tok.head
            if self.inside(head):
                continue
            while True:
                found = self.art.found(head) if self.is_cue(head) else None
                if found:
                    return found
                if head.head.i == head.i:
                    break
                head = head.head
        return None

    def after(self) -> _Found | None:
        """ "'...,' X said" / "'...,' said X": a cue verb right after the closing mark with only
        its subject between. After a quote that ends its sentence, only a bare attribution
        ("X said on Monday.") counts, not a new statement or the lead-in of another quote."""
        doc, art = self.art.doc, self.art
        k = self.qj
        while k < len(doc) and doc[k].is_punct and not art.in_quote[k]:
            k += 1
        if k >= len(doc) or art.in_quote[k]:
            return None
        comma = art.text[self.span.outer[0] : self.span.outer[1]].rstrip(QUOTE_CHARS + " ").endswith(",")
        continues = comma or doc[k].is_lower
        for verb in doc[k : min(k + AFTER_WINDOW, len(doc))]:
            if art.in_quote[verb.i] or verb.text in (".", "!", "?"):
                return None
            if not self.is_cue(verb) and not (comma and self.unlisted_cue(verb)):
                continue
            actor = self.attributed(doc[k : verb.i], verb)
            if actor is not None and (continues or self.bare(verb)):
                return _Found(actor, verb.text)
            return None
        return None

    def unlisted_cue(self, verb: Token) -> bool:
        """A verb of saying missing from the lists, known by its place: the main verb of a bare
        attribution after a quote that ends with a comma ("'...,' fretted Muslima Abdullahi")."""
        return verb.dep_ == "ROOT" and verb.tag_ in ("VBD", "VBZ") and self.bare(verb)

    def attributed(self, between: Span, verb: Token) -> Actor | None:
        """The speaker of an attribution "'...,' `between` `verb`": the verb's parsed subject
        when it is all that stands between, else, when the parse lost the subject, the noun
        phrase between (or after an inverted verb: "said expert Soli Ozel of ...")."""
        art = self.art
        subj = art.subject_of(verb)
        if subj is not None and all(t.is_punct or subj.left_edge.i <= t.i <= subj.right_edge.i for t in between):
            return art.speaker(subj, verb)
        if not between:
            between = art.doc[verb.i + 1 : verb.i + 1]
            while (
                between.end < len(art.doc)
                and art.doc[between.end].pos_ in NOUN_PHRASE
                and art.doc[between.end].text not in SPEAKER_STOPS | {".", "!", "?"}
            ):
                between = art.doc[verb.i + 1 : between.end + 1]
        if any(t.pos_ not in NOMINAL for t in between) or not any(t.pos_ == "PROPN" for t in between):
            return None
        return art.span_actor(art.trimmed(between.start, between.end))

    def bare(self, verb: Token) -> bool:
        """An attribution with no clause of its own (but the quote) and no quote after it in its
        sentence."""
        sent = self.art.sent_of(verb.i)
        return not any(c.dep_ in CLAUSES and not self.art.in_quote[c.i] for c in verb.children) and not any(
            self.art.in_quote[i] for i in range(verb.i, sent.end)
        )

    def phrase(self) -> _Found | None:
        """ "According to X, '...'" in the quote's sentence."""
        for cue, obj in self.art.phrase_hits:
            if self.sent.start <= cue.start < self.sent.end:
                return _Found(self.art.speaker(obj), cue.text)
        return None

    def before(self) -> _Found | None:
        """The nearest cue verb before the opening mark in the quote's sentence, or in the
        sentence before when the quote follows a colon or comma ("X said: '...'")."""
        doc = self.art.doc
        first = self.sent.start
        if first >= self.qi and self.qi > 0 and doc[self.qi - 1].text in (":", ","):
            first = self.art.sent_of(self.qi - 1).start
        for verb in reversed(doc[first : self.qi]):
            found = self.art.found(verb) if self.is_cue(verb) else None
            if found:
                return found
        return None

    def anywhere(self) -> _Found | None:
        """Any cue verb with a subject in the quote's sentence, nearest first."""
        verbs = [t for t in self.sent if not self.inside(t) and self.art.cue_kind(t, self.art.direct_verbs) == "cue"]
        for verb in sorted(verbs, key=lambda t: abs(t.i - self.qi)):
            found = self.art.found(verb)
            if found:
                return found
        return None

    def opens_sentence(self) -> bool:
        """Nothing but punctuation and conjunctions ("But '...'") before the quote in its sentence."""
        return all(t.is_punct or t.pos_ == "CCONJ" for t in self.art.doc[self.sent.start : self.qi])

    def fills_sentence(self) -> bool:
        return self.opens_sentence() and all(t.is_punct for t in self.art.doc[self.qj : self.sent.end])

    def speaker(self) -> _Found | None:
        """The first rule that finds a speaker; "'...,' X said" comes first for a quote that
        opens its sentence, the parse first for one inside a sentence."""
        first = (self.after, self.governing) if self.opens_sentence() else (self.governing, self.after)
        for rule in (*first, self.phrase, self.before, self.anywhere):
            found = rule()
            if found:
                return found
        return None

    def is_name(self, words: str) -> bool:
        """Titles and names of things: quoted words that a title noun follows or a title word
        precedes ("the 'Meet the Press' show", "a report titled '...'"), or whose every content
        word is capitalised with no question or exclamation ("Law on the Protection of
        Minors"); a lone capitalised word counts only inside a sentence (at its start it may be
        an answer: "Absolutely," he said)."""
        doc, cues = self.art.doc, self.art.cues
        if self.qj < len(doc) and doc[self.qj].lemma_.lower() in cues.title_nouns:
            return True
        if self.qi > 0 and doc[self.qi - 1].lower_ in cues.title_words:
            return True
        tokens = words.rstrip(".,;:").split()
        if words[-1] in "?!" or not tokens or (len(tokens) == 1 and self.opens_sentence()):
            return False
        content = [w for w in tokens if w.lower() not in cues.function_words]
        return bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content)


def _quote_id(digest: str, kind: str, start: int, end: int) -> str:
    return "q" + hashlib.sha1(f"{digest}:{kind}:{start}:{end}".encode()).hexdigest()[:12]


def _direct_quotes(art: _Article, spans: list[MarkedSpan], digest: str) -> list[Quote]:
    quotes: list[Quote] = []
    quoted = None  # (end, speaker) of the last direct quote with a speaker
    for span in spans:
        words = span.text(art.text)
        direct = _Direct(art, span)
        if direct.is_name(words):
            continue
        found = direct.speaker()
        if found is None:
            if len(words.split()) <= MAX_SCARE_WORDS and not direct.fills_sentence():
                continue  # a scare quote: a short phrase nobody is said to have said
            found = _Found(art.last_speaker(span.start, quoted) if direct.opens_sentence() else None, None)
        if found.actor is not None:
            quoted = (span.end, found.actor)
        quotes.append(
            Quote(
                id=_quote_id(digest, "direct", span.start, span.end),
                text=words,
                start=span.start,
                end=span.end,
                speaker=found.actor,
                cue=found.cue,
            )
        )
    return quotes


# ---------------------------------------------------------------------------------------------
# Indirect quotes


def _clause(art: _Article, tokens: Span) -> tuple[int, int] | None:
    """Character offsets of a reported clause without its "that" and end punctuation; None when
    it overlaps quotation marks (those words are direct quotes) or is too short to be one."""
    if any(art.in_quote[t.i] for t in tokens):
        return None
    i, j = tokens.start, tokens.end
    while i < j and (art.doc[i].dep_ == "mark" or art.doc[i].is_punct):
        i += 1
    while j > i and art.doc[j - 1].is_punct:
        j -= 1
    if j - i < 3:
        return None
    return art.doc[i].idx, art.doc[j - 1].idx + len(art.doc[j - 1])


def _reported(art: _Article) -> list[tuple[tuple[int, int], Token, str]]:
    """(clause offsets, speaker token, cue text) of every indirect quote."""
    doc, found = art.doc, []
    for verb in art.cue_tokens:
        if art.cue_kind(verb, art.cues.speech) != "cue" or any(c.dep_ == "neg" for c in verb.children):
            continue
        comp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        subj = art.subject_of(verb) if comp is not None else None
        offsets = _clause(art, doc[comp.left_edge.i : comp.right_edge.i + 1]) if subj is not None else None
        if offsets:
            found.append((offsets, subj, verb.text))
    for cue, obj in art.phrase_hits:
        sent = art.sent_of(cue.start)
        end = max(obj.right_edge.i + 1, cue.end)
        before, after = doc[sent.start : cue.start], doc[end : sent.end]
        offsets = _clause(art, after if len(after) > len(before) else before)
        if offsets:
            found.append((offsets, obj, cue.text))
    return found


def _indirect_quotes(art: _Article, digest: str) -> list[Quote]:
    return [
        Quote(
            id=_quote_id(digest, "indirect", start, end),
            text=art.text[start:end],
            start=start,
            end=end,
            speaker=art.speaker(subj),
            kind="indirect",
            cue=cue,
        )
        for (start, end), subj, cue in _reported(art)
    ]


def extract_quotes(doc: Doc, actors: ArticleActors, text: str) -> list[Quote]:
    """Quotes of one article, each with its speaker resolved to the fullest name in the article.

    Direct quotes (kind "direct") come from the quotation marks, indirect ones ("indirect")
    from the clauses of cue verbs; both are returned in text order.  `text` is the doc's text.
    """
    if not len(doc):
        return []
    spans = find_marked_spans(text, [s.end_char for s in actors.sentences.spans])
    art = _Article(doc, text, actors, spans)
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()
    quotes = _direct_quotes(art, spans, digest) + _indirect_quotes(art, digest)
    return sorted(quotes, key=lambda q: (q.start, q.kind))
