"""Direct quotes: the quoted spans with a speaker, scare quotes and quoted titles left out."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from spacy.tokens import Span, Token

from ...model import Actor, Quote
from .marks import QUOTE_CHARS, MarkedSpan
from .speakers import (
    AFTER_WINDOW,
    CLAUSES,
    MAX_SCARE_WORDS,
    NOMINAL,
    NOUN_PHRASE,
    SPEAKER_STOPS,
    SUBJECTS,
    Found,
    QuoteParse,
)

WORD = re.compile(r"\w+")
TITLE_PHRASE = frozenset({"pobj", "prep", "appos", "compound", "amod"})  # deps inside a noun phrase
TITLE_CHARS = 40  # characters before a quote read for a title phrase ("charges relating to")
LABEL_WORDS = 4  # words of a speaker's label in an interview ("Foreign Minister Ana Ruiz: '...'")


class _Direct:
    """Speaker search for one marked span, rule by rule (`speaker`)."""

    def __init__(self, art: QuoteParse, span: MarkedSpan) -> None:
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

    def governing(self) -> Found | None:
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

    def described(self) -> Found | None:
        """A cue verb in a relative clause on the quoted words, whose subject speaks them ("another
        'very important test' the army said it carried out")."""
        for tok in self.art.doc[self.qi : self.qj]:
            for verb in tok.children:
                if verb.dep_ == "relcl" and not self.inside(verb) and self.is_cue(verb):
                    found = self.art.found(verb)
                    if found:
                        return found
        return None

    def after(self) -> Found | None:
        """ "'...,' X said" / "'...,' said X": a cue verb right after the closing mark with only
        its subject between. After a quote that ends its sentence, only a bare attribution
        ("X said on Monday.") counts, not a new statement or the lead-in of another quote."""
        doc, art = self.art.doc, self.art
        k = self.qj
        while k < len(doc) and doc[k].is_punct and not art.in_quote[k]:
            k += 1
        if k >= len(doc) or art.in_quote[k]:
            return None
        words = art.text[self.span.outer[0] : self.span.outer[1]].rstrip(QUOTE_CHARS + " ")
        comma = words.endswith(",")
        # a phrase inside its sentence goes on into who said it: "another 'major test' Pyongyang said it ran"
        inside = not self.opens_sentence() and not words.endswith((".", "!", "?"))
        continues = comma or doc[k].is_lower or inside
        for verb in doc[k : min(k + AFTER_WINDOW, len(doc))]:
            if art.in_quote[verb.i] or verb.text in (".", "!", "?"):
                return None
            if not self.is_cue(verb) and not (comma and self.unlisted_cue(verb)):
                continue
            actor = self.attributed(doc[k : verb.i], verb)
            if actor is not None and (continues or self.bare(verb)):
                return Found(actor, verb.text)
            return None
        return None

    def unlisted_cue(self, verb: Token) -> bool:
        """A verb of saying missing from the lists, known by its place: the main verb of a bare
        attribution after a quote that ends with a comma ("'...,' fretted Muslima Abdullahi")."""
        return verb.dep_ == "ROOT" and verb.tag_ in ("VBD", "VBZ") and self.bare(verb)

    def attributed(self, between: Span, verb: Token) -> Actor | None:
        """The speaker of an attribution "'...,' `between` `verb`": the one a verb of quoting
        quotes ("'...,' IRNA quoted the minister as saying"), the verb's parsed subject
        when it is all that stands between, else, when the parse lost the subject, the noun
        phrase between (or after an inverted verb: "said expert Soli Ozel of ...")."""
        art = self.art
        subj = art.subject_of(verb)
        if subj is not None and (
            art.quoted_person(verb) is not None
            or art.is_idiom(verb)  # "'...' That was how Ana Ruiz put it."
            or all(t.is_punct or subj.left_edge.i <= t.i <= subj.right_edge.i for t in between)
        ):
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
        """An attribution with no clause of its own (but the quote), no quote after it in its
        sentence, and no object of its own for a verb that takes a quoted one ("'...' Ana Ruiz
        denounced the moves as an attack" is a new statement, not the quote's attribution)."""
        art = self.art
        sent = art.sent_of(verb.i)
        own_object = verb.lemma_.lower() in art.cues.direct and any(
            c.dep_ == "dobj" and not art.in_quote[c.i] for c in verb.children
        )
        return (
            not own_object
            and not any(c.dep_ in CLAUSES and not art.in_quote[c.i] for c in verb.children)
            and not any(art.in_quote[i] for i in range(verb.i, sent.end))
        )

    def phrase(self) -> Found | None:
        """ "According to X, '...'" in the quote's sentence."""
        for cue, obj in self.art.phrase_hits:
            if self.sent.start <= cue.start < self.sent.end:
                return Found(self.art.speaker(obj), cue.text)
        return None

    def before(self) -> Found | None:
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

    def anywhere(self) -> Found | None:
        """Any cue verb with a subject in the quote's sentence, nearest first; not a passive one,
        whose agent wrote or said something else ("'...' She believes the book was banned because
        it was written by a woman")."""
        verbs = [
            t
            for t in self.sent
            if not self.inside(t)
            and self.art.cue_kind(t, self.art.direct_verbs) == "cue"
            and not any(c.dep_ == "nsubjpass" for c in t.children)
        ]
        for verb in sorted(verbs, key=lambda t: abs(t.i - self.qi)):
            found = self.art.found(verb)
            if found:
                return found
        return None

    def after_colon(self) -> Found | None:
        """A quote a colon introduces, the clause before it about someone ("Ruto struck a defiant
        tone: '...'", "The minister's reply was swift: '...'"): its subject, or the subject's
        possessor, speaks, when that names someone (a name, a pronoun, an actor)."""
        doc, art = self.art.doc, self.art
        if self.qi == 0 or doc[self.qi - 1].text != ":":
            return None
        start = art.sent_of(self.qi - 1).start
        tops = [t for t in doc[start : self.qi - 1] if not start <= t.head.i < self.qi - 1 or t.head.i == t.i]
        verb = next((t for t in tops if t.pos_ in ("VERB", "AUX")), None)  # the clause before the colon
        subj = next((c for c in verb.children if c.dep_ in SUBJECTS), None) if verb is not None else None
        if subj is None:
            return None
        subj = next((c for c in subj.children if c.dep_ == "poss" and c.pos_ != "PRON"), subj)
        actor = art.speaker(subj)
        named = subj.pos_ == "PROPN" or subj.lower_ in art.cues.pronouns or actor.name or actor.sector
        return Found(actor, verb.text) if named else None

    def labelled(self) -> Found | None:
        """An interview's layout: a quote after a speaker's label that opens its line ("Okonjo:
        '...'"), a few capitalised words and a colon; not the asker's ("Question: '...'")."""
        doc = self.art.doc
        if self.qi < 2 or doc[self.qi - 1].text != ":":
            return None
        start = self.qi - 1
        while start > 0 and "\n" not in doc[start - 1].text and self.qi - 1 - start <= LABEL_WORDS:
            start -= 1
        label = doc[start : self.qi - 1]
        if (start > 0 and "\n" not in doc[start - 1].text) or not all(t.text[:1].isupper() for t in label):
            return None
        if all(t.lower_ in self.art.cues.asking_labels for t in label):
            return None  # "Question:": whoever asks is no speaker the article names
        if all(t.lower_ in self.art.cues.answering_labels for t in label):
            at = self.span.start  # "A:": the one interviewed, who spoke or was named last
            return Found(self.art.last_speaker(at, None) or self.art.last_person(at), None)
        return Found(self.art.span_actor(label), None)

    def term_of_subject(self) -> Found | None:
        """A quoted phrase in a clause whose named subject acted on it ("The U.S. imposed
        sanctions on his 'patronage network'"): the subject's words for it."""
        doc, art = self.art.doc, self.art
        verb = next((t.head for t in doc[self.qi : self.qj] if not self.inside(t.head)), None)
        while verb is not None and verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subj = art.subject_of(verb) if verb is not None and verb.pos_ in ("VERB", "AUX") else None
        if subj is None or subj.pos_ != "PROPN":
            return None
        actor = art.speaker(subj, verb)
        return Found(actor, None) if actor.code or art.actors.is_person(subj.i) else None

    def reported_before(self) -> Found | None:
        """A short phrase that ends a sentence with no cue of its own, right after a sentence that
        reports someone's speech ("Ruiz noted that trade had grown. Still, the two are not
        'natural allies.'"): the reported speaker's words, as the passage goes on from them."""
        doc, art = self.art.doc, self.art
        own = doc[self.sent.start : self.sent.end]
        if not all(t.is_punct for t in doc[self.qj : self.sent.end]) or any(
            art.cue_kind(t, art.direct_verbs) for t in own
        ):
            return None
        n = art.sentences.number_of[self.sent.start]
        if n == 0:
            return None
        before = art.sentences.spans[n - 1]
        verb = next((v for v in art.main_verbs(before.root) if art.cue_kind(v, art.cues.speech) == "cue"), None)
        reports = verb is not None and any(c.dep_ == "ccomp" and not art.in_quote[c.i] for c in verb.children)
        return art.found(verb) if reports else None

    def nested_speaker(self, outer: Quote) -> Found | None:
        """The speaker of a quote inside a quote: the subject of the cue verb inside the outer
        quote that the inner one hangs from ("the officials said that 'if ...'"; "I" and "we" are
        the outer speaker); None when no cue there (a term the outer speaker put in marks)."""
        art = self.art
        oi, oj = art.token_range(outer.start, outer.end)
        for tok in art.doc[self.qi : self.qj]:
            head = tok.head
            while oi <= head.i < oj and not self.inside(head):
                if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in art.direct_verbs:
                    subj = next((c for c in head.children if c.dep_ in SUBJECTS), None)
                    if subj is None:
                        return None
                    if subj.lower_ in art.cues.first_person:
                        return Found(outer.speaker, head.text)
                    if subj.lower_ not in art.cues.pronouns:
                        return Found(art.span_actor(art.speaker_span(subj)), head.text)
                    actor = art.speaker(subj)  # "he" inside a quote is not the one who quotes him
                    if outer.speaker is not None and actor.name == outer.speaker.name:
                        actor = art.pronouns.quoted_subject(subj, outer.speaker) or Actor(text=subj.text)
                    return Found(actor, head.text)
                if head.head.i == head.i:
                    break
                head = head.head
        return None

    def is_short(self) -> bool:
        """A phrase this short, not a sentence of its own, is a quote only beside or under its cue
        ("called the plan 'dead'") or after a colon: a cue elsewhere in its sentence says nothing
        of it ("joined the 'freedom march', which organisers said was peaceful").  Else it is a
        scare quote."""
        return len(self.span.text(self.art.text).split()) <= MAX_SCARE_WORDS and not self.fills_sentence()

    def opens_sentence(self) -> bool:
        """Nothing but punctuation and conjunctions ("But '...'") before the quote in its sentence."""
        return all(t.is_punct or t.pos_ == "CCONJ" for t in self.art.doc[self.sent.start : self.qi])

    def fills_sentence(self) -> bool:
        return self.opens_sentence() and all(t.is_punct for t in self.art.doc[self.qj : self.sent.end])

    def speaker(self) -> Found | None:
        """The first rule that finds a speaker; "'...,' X said" comes first for a quote that
        opens its sentence, the parse first for one inside a sentence."""
        first = (self.after, self.governing) if self.opens_sentence() else (self.governing, self.after)
        first += (self.described,)
        loose = (self.after_colon,) if self.is_short() else (self.before, self.anywhere, self.after_colon)
        loose = (self.labelled, *loose)
        for rule in (*first, self.phrase, *loose):
            found = rule()
            if found:
                return found
        return None

    def uncued_speaker(self, quoted: tuple[int, Actor] | None) -> Actor | None:
        """The speaker of a quote with no cue anywhere: inside a sentence, the named subject of the
        clause it stands in; opening one, the person the next sentence introduces when no quote
        came right before, else the last speaker (the quote goes on from them)."""
        if not self.opens_sentence():
            term = self.term_of_subject()  # "Sahaar sees the ban as a crackdown on '...'"
            return term.actor if term else None
        if self.fills_sentence() and not self.follows_quote():
            introduced = self.art.introduced_after(self.span.outer[1])
            if introduced is not None:
                return introduced
        return self.art.last_speaker(self.span.start, quoted)

    def follows_quote(self) -> bool:
        """Whether the sentence before this quote's holds a quote: this one most likely goes on
        from it."""
        n = self.art.sentences.number_of[self.sent.start]
        return n > 0 and any(self.art.in_quote[t.i] for t in self.art.sentences.spans[n - 1])

    def named_by(self, verb: Token) -> bool:
        """Whether a verb is a participle that names the noun it follows ("a practice called
        '...'"), not a verb of saying."""
        naming = verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.lemma_.lower() in self.art.cues.naming
        return naming and not any(c.dep_ in SUBJECTS or c.dep_ == "dobj" for c in verb.children)  # "that X called"

    def after_title_noun(self) -> bool:
        """Whether the quote stands after a comma that ends a noun phrase headed by a title noun
        ("the memoir by the activist Sara Khan, '...'", "his latest novel, '...'"): the title
        set beside the thing it names."""
        doc = self.art.doc
        if self.qi < 2 or doc[self.qi - 1].text != ",":
            return False
        tok = doc[self.qi - 2]
        while tok.pos_ != "NOUN" or tok.lemma_.lower() not in self.art.cues.title_nouns:  # not "the attack shows,"
            if tok.dep_ not in TITLE_PHRASE or tok.head.i == tok.i:
                return False
            tok = tok.head
        return True

    def is_name(self, words: str) -> bool:
        """Titles and names of things: quoted words that a title noun follows or a title word
        precedes ("the 'Meet the Press' show", "a report titled '...'") or stands beside ("her
        memoir, '...'", with no cue after it), that a participle of
        naming governs ("a practice called '...'"), or whose every content
        word is capitalised with no question or exclamation ("Law on the Protection of
        Minors"); a lone capitalised word counts only inside a sentence (at its start it may be
        an answer: "Absolutely," he said)."""
        doc, cues = self.art.doc, self.art.cues
        if self.qj < len(doc) and doc[self.qj].lemma_.lower() in cues.title_nouns:
            return True
        if any(self.named_by(tok.head) for tok in doc[self.qi : self.qj] if not self.inside(tok.head)):
            return True
        opening = self.span.outer[0]
        before = " " + " ".join(self.art.text[max(opening - TITLE_CHARS, 0) : opening].lower().split())
        if before.endswith(cues.title_words) or (self.after_title_noun() and self.after() is None):
            return True
        tokens = words.rstrip(".,;:").split()
        if words[-1] in "?!" or not tokens or (len(tokens) == 1 and self.opens_sentence()):
            return False
        content = [w for w in tokens if w.lower() not in cues.function_words]
        return bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content)


def quote_id(digest: str, kind: str, start: int, end: int) -> str:
    return "q" + hashlib.sha1(f"{digest}:{kind}:{start}:{end}".encode()).hexdigest()[:12]


def direct_quotes(art: QuoteParse, spans: list[MarkedSpan], digest: str) -> list[Quote]:
    quotes: list[Quote] = []
    quoted = None  # (end, speaker) of the last direct quote with a speaker
    unspoken: list[tuple[MarkedSpan, str]] = []  # scare quotes: kept if a quote repeats them
    outer: Quote | None = None  # the last quote that may hold a nested one
    for span in spans:
        words = span.text(art.text)
        direct = _Direct(art, span)
        if span.nested:
            found = direct.nested_speaker(outer) if outer and outer.start <= span.start < outer.end else None
            if found is not None:
                quotes.append(_quote(digest, span, words, found))
            continue
        if direct.is_name(words):
            continue
        found = direct.speaker()
        if found is None:
            if direct.is_short():
                found = direct.term_of_subject() or direct.reported_before()
                if found is None:
                    unspoken.append((span, words))  # a scare quote: a short phrase nobody is said to have said
                    continue
            else:
                found = Found(direct.uncued_speaker(quoted), None)
        if found.actor is not None:
            quoted = (span.end, found.actor)
        quotes.append(_quote(digest, span, words, found))
        outer = quotes[-1]
    return _with_repeated_speakers(quotes, unspoken, digest)


def _quote(digest: str, span: MarkedSpan, words: str, found: Found) -> Quote:
    return Quote(
        id=quote_id(digest, "direct", span.start, span.end),
        text=words,
        start=span.start,
        end=span.end,
        speaker=found.actor,
        cue=found.cue,
    )


def _with_repeated_speakers(quotes: list[Quote], unspoken: list[tuple[MarkedSpan, str]], digest: str) -> list[Quote]:
    """Quoted words with no cue of their own that a longer quote with a speaker repeats (a
    subheading quoting a line of the story: "'We have nothing left' ... 'We have nothing left
    to sell,' the farmer said") are that speaker's, not the last speaker's; a short phrase taken for
    a scare quote is a quote after all (a subheading: "Herders 'abandoned'")."""
    spoken = [(_words(q.text), q) for q in quotes if q.speaker is not None]

    def repeated(words: str, at: int) -> Quote | None:
        mine = _words(words)
        holders = [q for theirs, q in spoken if q.start != at and len(theirs) > len(mine) and _contains(theirs, mine)]
        return min(holders, key=lambda q: abs(q.start - at), default=None)

    kept = []
    for q in quotes:
        holder = repeated(q.text, q.start) if q.cue is None else None
        kept.append(replace(q, speaker=holder.speaker) if holder else q)
    for span, words in unspoken:
        holder = repeated(words, span.start)
        if holder is not None:
            kept.append(_quote(digest, span, words, Found(holder.speaker, None)))
    return sorted(kept, key=lambda q: q.start)


def _words(text: str) -> tuple[str, ...]:
    return tuple(WORD.findall(text.lower()))


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return n > 0 and any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))
