"""Speakers from the parse: the article seen from its quotes (sentences, quote tokens, cue
words, and a timeline of who said something where), and who a cue verb's subject is."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from spacy.attrs import IDX, LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from ...model import Actor
from ..actors import ArticleActors
from ..actors.tables import BODY_NOUNS, INDEFINITE, OUTSIDE_GOV, ROLE_CLASS, ROLE_KINDS
from .cues import cues
from .marks import MarkedSpan
from .pronouns import NOT_PEOPLE, SUBJECT_DEPTH, SUBJECTS, Pronouns

INHERITS_SUBJECT = frozenset({"conj", "advcl", "xcomp", "pcomp"})
MODIFIES_NOUN = frozenset({"acl", "relcl"})
SPEAKER_NOUNS = frozenset({"dobj", "attr", "npadvmod", "appos", "oprd", "dative"})
SPEAKER_STOPS = frozenset({",", "(", ";", "\u2014", "\u2013"})  # end a speaker's noun phrase
CLAUSES = frozenset({"ccomp", "xcomp"})
LOOSE_DEPS = frozenset({"dep", "intj", "npadvmod"})  # what the parser calls a word it cannot place
INVERTED_SPEAKERS = SPEAKER_NOUNS | SUBJECTS  # deps of a speaker after its verb ("said X")
NOUN_PHRASE = frozenset({"PROPN", "NOUN", "DET", "ADJ", "PART", "CCONJ", "NUM", "PUNCT"})
NOMINAL = NOUN_PHRASE | {"ADP"}  # "Maria Lind of the Nordic Council"
MAX_SCARE_WORDS = 3  # a quoted phrase this short with no cue is a scare quote, not a quote
AFTER_WINDOW = 40  # tokens after a closing mark searched for "..., X said"
GENERAL_ROLES = frozenset(ROLE_KINDS.values())  # "leader", "lawmaker", "diplomat"


def _outside_backshifted_clause(verb: Token) -> bool:
    """Is a simple past verb joined to a reported clause in the past perfect ("X said troops had
    started the firing and warned that ...")? Reported speech would say "had warned": the verb is
    the reporter's, and takes the reporting verb's subject, not the clause's."""
    head = verb.head
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBD"
        and not any(c.dep_ == "aux" for c in verb.children)
        and head.dep_ == "ccomp"
        and head.tag_ == "VBN"
        and any(c.dep_ == "aux" and c.lower_ == "had" for c in head.children)
    )


@dataclass
class Found:
    """A speaker found for a quote and the cue word that named it (None when the quote goes on
    from an earlier speaker)."""

    actor: Actor | None
    cue: str | None


class QuoteParse:
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
        self.said = self._timeline()
        self.said_at = [e[0] for e in self.said]
        self._actors: dict[tuple[int, int], Actor] = {}
        self.pronouns = Pronouns(self)

    def _timeline(self) -> list[tuple[int, Token, bool]]:
        """Who is spoken of, in text order, as (offset, head of the noun phrase, speaks there):
        subjects of cue verbs and objects of "according to" (speakers), named subjects of main
        clauses and people introduced with a title (for pronouns)."""
        said = [
            (verb.idx, self.named_head(subj), True)
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
            for ent in self.doc.ents
            if ent.label_ == "PERSON" and any(c.dep_ == "appos" for c in ent.root.children)
        ]
        said += [(tok.idx, tok, False) for tok in self.actors.topic_people() if not self.in_quote[tok.i]]
        return sorted((e for e in said if e[1].lower_ not in self.cues.pronouns), key=lambda e: e[0])

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
        if self.is_idiom(tok):  # no clause of its own: never an indirect quote
            return "cue"
        return "cue" if lemma in verbs else "adjacent" if lemma in self.cues.adjacent else None

    def is_idiom(self, verb: Token) -> bool:
        """A verb that reports speech with its one object ("as she put it")."""
        obj = self.cues.with_object.get(verb.lemma_.lower())
        return obj is not None and any(c.dep_ == "dobj" and c.lower_ == obj for c in verb.children)

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
        ("influencers ... praising"), the one quoted "as saying", or an inverted one ("'...,' said
        Mayor X"). A participle hung on a reported clause goes past it (`reported_participle`)
        when a subject is found there."""
        return self._subject_from(verb, verb, past_reported=True)

    def _subject_from(self, verb: Token, tok: Token, past_reported: bool) -> Token | None:
        """`subject_of`, climbing from `tok`."""
        for _ in range(SUBJECT_DEPTH):
            if tok.i != verb.i and self.in_quote[tok.i]:
                return self.attribution_before(verb)
            quoted = self.quoted_person(tok)
            if quoted is not None:
                return quoted
            subjects = [c for c in tok.children if c.dep_ in SUBJECTS]
            if tok.i == verb.i and not subjects and (by := self.agent_of(verb)) is not None:
                return by  # "asked by VOA if ... '...', Rubio said": the asker's words
            if past_reported and subjects and self.reported_participle(verb, tok):
                return self._subject_from(verb, tok.head, True) or self._subject_from(verb, tok, False)
            if subjects:
                subj = max(
                    subjects,
                    key=lambda c: (
                        not self.quote_between(c, tok, subjects),
                        c.pos_ == "PROPN" or self.actors.is_person(c.i),  # the tagger may call "Trump" INTJ
                        -abs(c.i - tok.i),
                    ),
                )
                if tok.i == verb.i and subj.dep_ == "nsubjpass":  # "he was told": the agent speaks
                    subj = self.agent_of(verb)
                    if subj is None:
                        return None
                if subj.tag_ in ("WP", "WDT") and tok.dep_ == "relcl":
                    subj = tok.head  # "the official, who said ..."
                subj = self.name_set_apart(tok, subj) or subj
                return None if self.in_quote[subj.i] else subj
            if tok.dep_ in MODIFIES_NOUN and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
                return tok.head
            if tok.dep_ == "pcomp" and tok.head.lower_ == "as" and self.quoted_person(tok.head.head) is not None:
                return self.quoted_person(tok.head.head)  # "quoted X as saying"
            if tok.dep_ not in INHERITS_SUBJECT or tok.head.i == tok.i:
                break
            tok = tok.head.head if _outside_backshifted_clause(tok) else tok.head
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

    def name_set_apart(self, verb: Token, subj: Token) -> Token | None:
        """A person's name opening the clause, set apart by a comma, that the parser left hanging
        while it made a noun of the aside the subject ("Trump, in an interview with the 'Morning
        Show' program, said ...": not the program)."""
        if subj.pos_ == "PROPN" or self.actors.is_person(subj.i):
            return None
        return next(
            (
                c
                for c in verb.children
                if c.dep_ in LOOSE_DEPS
                and c.i < subj.i
                and self.actors.is_person(c.i)  # the tagger may call a name anything: "Trump" INTJ
                and c.i + 1 < len(self.doc)
                and self.doc[c.i + 1].text == ","
            ),
            None,
        )

    def agent_of(self, verb: Token) -> Token | None:
        """The object of a passive verb's "by", outside the marks."""
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        return obj if obj is not None and not self.in_quote[obj.i] else None

    def quote_between(self, a: Token, b: Token, subjects: list[Token]) -> bool:
        """Whether quoted words stand between two tokens: of two subjects the parser gave a verb,
        the one the quote cuts off ("KYIV (AFP) - '...,' the army said") is not its speaker; a
        title in marks inside the other subject's phrase cuts nothing off ("Trump, in an
        interview with the 'Morning Hour' show, said": the show is no speaker)."""
        lo, hi = sorted((a.i, b.i))
        inside = {i for s in subjects if s.i != a.i for i in range(s.left_edge.i, s.right_edge.i + 1)}
        return any(self.in_quote[i] and i not in inside for i in range(lo + 1, hi))

    def attribution_before(self, verb: Token) -> Token | None:
        """The speaker of a cue the parser hung on a quote's words ("'...,' Ruiz said, adding that
        ..."): the subject of the nearest cue verb before it in its sentence, outside the marks."""
        for v in reversed(self.doc[self.sent_of(verb.i).start : verb.i]):
            if self.cue_kind(v, self.direct_verbs) == "cue":
                return self.subject_of(v)
        return None

    def quoted_person(self, verb: Token) -> Token | None:
        """Who a verb of quoting quotes: its object ("IRNA quoted the minister as saying"), or its
        subject when passive ("the minister was quoted by IRNA"), never the one who quotes."""
        if verb.lemma_.lower() not in self.cues.quoting:
            return None
        deps = ("dobj", "nsubjpass")
        who = min((c for c in verb.children if c.dep_ in deps), key=lambda c: deps.index(c.dep_), default=None)
        return who if who is not None and not self.in_quote[who.i] else None

    @staticmethod
    def reported_participle(verb: Token, tok: Token) -> bool:
        """Whether a participle cue ("saying", "calling") hangs from `tok`, a verb of a reported
        clause: the parser's nearest verb, not the speaker's ("X said the book was banned, saying
        ...", "Modi announced that India will help, calling it ..."); a main clause keeps its
        subject ("He was arrested, saying ...")."""
        reported = tok.dep_ == "ccomp" or (tok.dep_ == "conj" and tok.head.dep_ == "ccomp")
        return tok.i != verb.i and verb.tag_ == "VBG" and verb.dep_ == "advcl" and reported

    def speaker_span(self, head: Token, verb: Token | None = None) -> Span:
        """The noun phrase of a speaker, ended at its first comma ("Zhao, a spokesman,") and
        before its own cue verb; an inverted speaker keeps the origin the parse hung on the verb
        ("wrote a user from Beijing")."""
        head = self.named_head(head)
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

    def named_head(self, head: Token) -> Token:
        """The name a role noun is set beside ("executive director Ana Ruiz", "the spokesman for
        the Taliban, Zabihullah Mujahid,"), else the head itself."""
        if head.pos_ == "PROPN":
            return head
        name = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        return name or self.named_after_role(head) or head

    def named_after_role(self, head: Token) -> Token | None:
        """The person named after a role phrase that the parser hung on the role's object: "the
        spokesman for the Taliban, Zabihullah Mujahid," (Mujahid set beside "Taliban")."""
        for prep in (c for c in head.rights if c.dep_ == "prep"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                name = next((c for c in obj.rights if c.dep_ == "appos" and self.actors.is_person(c.i)), None)
                if name is not None:
                    return name
        return None

    def trimmed(self, start: int, end: int) -> Span:
        while start < end - 1 and self.doc[start].is_punct:
            start += 1
        while end - 1 > start and self.doc[end - 1].is_punct:
            end -= 1
        return self.doc[start:end]

    def span_actor(self, span: Span) -> Actor:
        """The actor of a speaker's noun phrase, through ArticleActors (kept as plain text when
        it is no political actor; a role the story names only after is that person), computed
        once per phrase."""
        key = (span.start, span.end)
        if key not in self._actors:
            actor = self.actors.actor_for_span(span) or Actor(text=span.text)
            later = None if actor.name else self.actors.person_named_after(span, actor.code)
            earlier = None if actor.name or later else self.person_described_before(span, actor)
            self._actors[key] = later or earlier or actor
        return self._actors[key]

    def person_described_before(self, span: Span, actor: Actor) -> Actor | None:
        """A definite role no one was titled with ("Ana Ruiz, who won the prize, urged calm.
        '...,' the opposition leader said"): the person the story was about in its sentence or the
        one before, when nothing the role says (country, a sector outside government) tells
        them apart."""
        if not self.actors.is_person_anaphor(span):
            return None
        n = self.sentences.number_of[span.start]
        first = self.sentences.spans[max(n - 1, 0)].start_char
        i = bisect_left(self.said_at, span.start_char)
        for at, who, _ in reversed(self.said[:i]):
            if at < first:
                return None
            if self.actors.is_person(who.i) and not self.in_quote[who.i]:
                person = self.span_actor(self.speaker_span(who))
                other_sector = actor.sector in OUTSIDE_GOV and person.sector not in (None, actor.sector)
                # "the Hungarian leader" is no finance minister: a general noun's titled people were looked for
                other_office = span.root.lemma_.lower() in GENERAL_ROLES and person.title is not None
                if (actor.code and person.code and actor.code != person.code) or other_sector or other_office:
                    return None
                return replace(person, text=span.text, aliases=[*person.aliases, span.text])
        return None

    def speaker(self, head: Token, verb: Token | None = None) -> Actor:
        """The actor of a speaker's head token (for a pronoun, see `Pronouns.speaker`)."""
        if head.lower_ in self.cues.pronouns:
            return self.pronouns.speaker(head)
        actor = self.span_actor(self.speaker_span(head, verb))
        author = self.author_of(head) if self.is_document(head) else None
        if author is None and actor.name is None and self.is_unowned_spokesperson(head):
            reported = self.reported_subject(head, verb)
            author = self.body_reported(reported)  # "The ministry summoned the envoy, a spokesman said"
            if author is None and reported is None:
                author = self.body_spoke_before(head)  # "The army said ... '...,' a spokesman said"
        if author is None:
            return actor
        return replace(author, text=actor.text, name=author.name or author.text)

    def is_unowned_spokesperson(self, tok: Token) -> bool:
        """ "a spokesman", "a spokeswoman", with no word of whose."""
        indefinite = any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in tok.children)
        alone = all(c.dep_ in ("det", "punct") for c in tok.children)
        return ROLE_CLASS.get(tok.lower_, tok.lower_) == "spokesperson" and indefinite and alone

    def reported_subject(self, tok: Token, verb: Token | None) -> Token | None:
        """The subject of the clause a spokesperson's cue verb reports, when that clause comes
        before it unquoted ("The ministry summoned the envoy, a spokesman said": the ministry)."""
        cue = verb if verb is not None else tok.head
        clause = next((c for c in cue.lefts if c.dep_ == "ccomp" and not self.in_quote[c.i]), None)
        return next((c for c in clause.children if c.dep_ in SUBJECTS), None) if clause is not None else None

    def body_reported(self, subject: Token | None) -> Actor | None:
        """The body whose act a spokesperson's sentence reports, given that clause's subject ("The
        Foreign Office in Islamabad summoned the envoy, a spokesperson said": the Foreign Office's):
        its spokesperson speaks for it, and for no one named in the sentences before."""
        if subject is None or self.actors.is_person(subject.i) or subject.pos_ == "PRON":
            return None
        is_body = subject.lemma_.lower() in BODY_NOUNS or self.actors.names_body_or_place(subject.i)
        actor = self.span_actor(self.speaker_span(subject)) if is_body else None
        return actor if actor is not None and actor.code else None

    def body_spoke_before(self, tok: Token) -> Actor | None:
        """The body that spoke last before `tok` ("the army", "the Met Police"), in its sentence or
        the one before, if the last speaker there is one."""
        first = self.sentences.spans[max(self.sentences.number_of[tok.i] - 1, 0)].start
        i = bisect_left(self.said_at, tok.idx)
        last = next((who for _, who, spoke in reversed(self.said[:i]) if spoke), None)
        if last is None or last.i < first or self.actors.is_person(last.i):
            return None
        actor = self.span_actor(self.speaker_span(last))
        return actor if actor.code else None

    def is_document(self, tok: Token) -> bool:
        return tok.pos_ == "NOUN" and tok.lemma_.lower() in self.cues.document_nouns

    def author_of(self, document: Token) -> Actor | None:
        """Who wrote a document that speaks: its possessor ("the army's statement"), the object
        of "by"/"from" ("a statement from the union"), or for "the statement", the author of the
        latest such document named before it ("The union issued a statement ...", "The union
        said in a statement ...")."""
        own = self.stated_author(document)
        if own is not None or not any(c.dep_ == "det" and c.lower_ == "the" for c in document.children):
            return own
        lemma = document.lemma_.lower()
        for tok in reversed(self.doc[: document.i]):
            if tok.lemma_.lower() == lemma and self.is_document(tok) and not self.in_quote[tok.i]:
                author = self.stated_author(tok)
                verb = tok.head if tok.dep_ == "dobj" else tok.head.head if tok.dep_ == "pobj" else None
                if (
                    author is None
                    and verb is not None
                    and (tok.dep_ == "dobj" or self.cue_kind(verb, self.cues.speech))
                ):
                    subj = self.subject_of(verb)
                    author = self.speaker(subj) if subj is not None and not self.is_document(subj) else None
                if author is not None:
                    return author
        return None

    def stated_author(self, document: Token) -> Actor | None:
        """The author a document's own noun phrase names, if any: its possessor, a body named
        before it ("a ministry statement", "a Hamas statement"; not a place: "the U.S. statement" is
        the latest one the story named), or the object of "by"/"from", also after a participle
        ("a letter signed by 40 lawmakers")."""
        for c in document.children:
            if c.dep_ == "poss" and c.pos_ != "PRON":
                return self.span_actor(self.doc[c.left_edge.i : c.i + 1])
            if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") and c.ent_type_ not in NOT_PEOPLE:
                owner = self.actors.short_form_owner(document, [c], document.left_edge.i) if c.is_lower else None
                actor = owner or self.span_actor(self.doc[c.left_edge.i : c.i + 1])
                if actor.code or actor.name:
                    return actor
            by = c if c.dep_ == "prep" and c.lower_ in self.cues.author_prepositions else None
            if c.dep_ == "acl" and c.tag_ == "VBN":  # "the report, released by the council,"
                by = next((a for a in c.children if a.dep_ == "agent"), None)
            obj = next((o for o in by.children if o.dep_ == "pobj"), None) if by is not None else None
            if obj is not None and not self.is_document(obj):
                return self.speaker(obj)
        return None

    def introduced_after(self, end: int) -> Actor | None:
        """The person the sentence after a quote introduces as its subject ("'We have nothing
        left.' Halima Abdi, 35, lost her home ..."): the story names whom it quoted."""
        n = self.sentences.number_of[min(self.token_range(end, end)[0], len(self.doc) - 1)] + 1
        if n >= len(self.sentences.spans):
            return None
        sent = self.sentences.spans[n]
        subj = next((c for c in sent.root.children if c.dep_ in SUBJECTS), None)
        if subj is None or self.in_quote[subj.i] or not self.actors.introduces_person(subj.i):
            return None
        return self.speaker(subj)

    def last_speaker(self, at: int, quoted: tuple[int, Actor] | None) -> Actor | None:
        """Who spoke last before offset `at`: the latest speaker of the timeline, or the
        speaker of the last direct quote (`quoted`: its end and actor) if that came later."""
        i = bisect_left(self.said_at, at)
        last = next(((pos, who) for pos, who, spoke in reversed(self.said[:i]) if spoke), None)
        if quoted is not None and (last is None or quoted[0] > last[0]):
            return quoted[1]
        return self.span_actor(self.speaker_span(last[1])) if last is not None else None

    def last_person(self, at: int) -> Actor | None:
        """The latest person the timeline names before offset `at`, speaking or not."""
        i = bisect_left(self.said_at, at)
        who = next((who for _, who, _ in reversed(self.said[:i]) if self.actors.is_person(who.i)), None)
        return self.span_actor(self.speaker_span(who)) if who is not None else None

    def found(self, verb: Token) -> Found | None:
        subj = self.subject_of(verb)
        return Found(self.speaker(subj, verb), verb.text) if subj is not None else None
