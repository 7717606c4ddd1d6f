"""Events: PLOVER event types from the trigger lexicon matched on the dependency parse.

A trigger (a verb, a noun, or a noun governed by a light verb: "launch an attack") is looked up
by lemma in `data/triggers.yaml` (hand-curated) over `data/triggers_cameo.yaml` (derived from
PETRARCH2's CAMEO verbs); its entry says which parse arguments are the source and the target.
Each match is a mention; mentions of one real-world event (same type, same actors, compatible
date) are merged into one `Event` whose evidence is the best-argued mention; a definite event
noun ("the meeting") retells the nearest earlier mention of its word and shares its actors and
date.  The mentions of each event are kept in `doc.user_data[MENTIONS]` so that claims can read
every retelling.

Event ids are stable: the first 16 hex digits of sha1("TYPE:offset of the evidence trigger"),
so the same text gives the same ids on every run.  A title parse passed as `doc.user_data["title"]`
lends its place to nominal events of the type it names ("... meeting in Rome").

"we" or "I" inside a direct quote is the quote's speaker (the pipeline passes the quotes in).
Three kinds of statement need no trigger of their own: blame inside a direct quote
(`quoted_criticism` in triggers.yaml) is an ACCUSE by the speaker against the other countries
the quote names, what a speaker says a named other "must" or "should" do is a REQUEST of them,
and a hostile act a speaker says could follow "if" a named other does something is a THREATEN
of them (`warnings`).
An answer with no target ("Trump denied the request") is aimed at who made what it answers,
and a possessive "its"/"their" left as a side stands for the country or body named just before
that is not the other side ("Tehran rejected its offer").
A side the parse leaves empty is filled as ANNOTATION.md codes it (`_fill_sides`: the other
country the sentence names, else the actor's own country for a domestic act), and an event
with no coded actor on either side is left out: it says nothing about who did what to whom.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Token

from .. import nlp
from ..model import Actor, Event, Location, Quote
from .actors import ArticleActors
from .dates import DateRef, clause_verb, context_date, date_for_event, own_date
from .places import place_for_event

MENTIONS = "eventwire.event_mentions"  # doc.user_data key: event id -> list of Mention
SENTENCES = "eventwire.event_sentences"  # doc.user_data key: sentence start tokens and offsets
SPEAKERS = "eventwire.quote_speakers"  # doc.user_data key: (start, end, speaker) of direct quotes
FIRST_PERSON = frozenset({"we", "us", "our", "i", "me", "my"})
LEXICON_FILES = ("triggers_cameo.yaml", "triggers.yaml")  # later files win, lemma by lemma
MUTUAL_TYPES = frozenset({"CONSULT", "COOPERATE"})
# Acts that need no one on the other side ("promised reforms", "rebels surrendered", "refused
# to comment", "put troops on alert"): with no target named, the target stays empty rather than
# the actor's own country.
UNDIRECTED_TYPES = frozenset({"AGREE", "RETREAT", "REJECT", "SUPPORT", "MOBILIZE"})
# Acts aimed at no one when done at home: troops sent to one's own border are not aimed at oneself.
HOME_AIMLESS_TYPES = frozenset({"MOBILIZE"})
ANAPHORIC_DETS = frozenset({"the", "this", "that"})  # "the meeting": one named before
ANSWER_TYPES = frozenset({"REJECT", "AGREE"})  # "denied the request", "accepted the offer"
# Acts that take a told event as their object and are aimed at who made it: answers and backing
# ("backed the proposal"); only answers lend their target to a verb coordinated with them.
MAKER_AIMED_TYPES = ANSWER_TYPES | {"SUPPORT"}
BODY_CODES = frozenset({"NGO", "IGO"})  # codes of bodies, not of countries an act can be aimed at
# Types whose object clause or noun is the content of a speech act or a change to something
# that already exists, not a new event: "threatened to attack", "called for sanctions",
# "ceased military aid".  (ACCUSE, SUPPORT and PROTEST react to events that did happen.)
CONTENT_TYPES = frozenset({"REQUEST", "THREATEN", "AGREE", "REJECT", "CONCEDE", "SANCTION", "RETREAT"})
# Hostile acts that, said to follow a condition put to someone, are a warning to them.
CONSEQUENCE_TYPES = frozenset({"SANCTION", "COERCE", "ASSAULT"})
# Types that are things said: their date is the date of saying.
STATEMENT_TYPES = frozenset({"REQUEST", "THREATEN", "ACCUSE", "REJECT", "SUPPORT", "AGREE"})
# Verbs whose subject tells what their clause says ("reiterated that Libya must hand over ...").
REPORTING_VERBS = frozenset(
    {"say", "tell", "report", "announce", "state", "confirm", "declare", "reiterate", "insist", "stress", "add"}
)
SUBJECTS = frozenset({"nsubj", "csubj"})
OBJECTS = frozenset({"dobj", "nsubjpass", "attr", "oprd"})
CONDITIONS = frozenset({"if", "unless"})
COMPANIONS = frozenset({"along", "together", "alongside"})  # "X, along with Y, called ...": Y acts too
CONTENT_PREPS = ("to", "with", "against", "on", "from", "by", "for")
CIRCUMSTANCES = frozenset(
    {"at", "in", "during", "after", "before", "since", "amid", "following", "despite", "until", "near", "ahead"}
)
STANCES = frozenset({"anti", "pro"})
LIGHT_PREPS = frozenset({"on", "into"})  # "go on strike", "launch into an offensive"
ACTOR_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
CLIMB_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "ccomp", "acomp"})
# How content hangs from the trigger that frames it ("called for sanctions", "threatened to strike").
CONTENT_DEPS = frozenset({"dobj", "pobj", "xcomp", "ccomp", "pcomp", "nsubjpass", "attr", "oprd", "acl"})


@dataclass(frozen=True)
class Rule:
    """One lexicon entry: a trigger lemma of one PLOVER type and the roles its arguments take."""

    type: str
    lemma: str
    noun: bool
    source: tuple[str, ...]
    target: tuple[str, ...]
    mode: str | None = None
    objects: frozenset[str] = frozenset()
    complements: frozenset[str] = frozenset()
    requires: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()
    excludes: frozenset[str] = frozenset()
    light_only: bool = False
    mutual: bool = False

    @property
    def specificity(self) -> int:
        return bool(self.objects) + bool(self.complements) + bool(self.requires) + bool(self.modifiers)


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[Rule, ...]]
    nouns: dict[str, tuple[Rule, ...]]
    light_verbs: frozenset[str]
    criticism: frozenset[str] = frozenset()
    demand_modals: frozenset[str] = frozenset()
    warning_modals: frozenset[str] = frozenset()
    unknown_doers: frozenset[str] = frozenset()


@dataclass
class Mention:
    """One telling of an event: the trigger token, the rule it matched and the actors found."""

    type: str
    token: Token
    rule: Rule | None
    source: list[Actor] = field(default_factory=list)
    target: list[Actor] = field(default_factory=list)
    date: DateRef | None = None
    unknown_doer: bool = False  # the text says the doer is unknown ("by unnamed individuals")

    @property
    def sides(self) -> int:
        return bool(self.source) + bool(self.target)

    @property
    def nominal(self) -> bool:
        return self.token.pos_ in NOUN_POS


def _rule(type_: str, key: str, spec: dict, noun: bool) -> tuple[str, Rule]:
    """One YAML entry as a Rule keyed by its lemma ("call for": lemma call, requires for;
    "hunger strike": lemma strike, modifier hunger)."""
    parts = key.lower().split()
    lemma = parts[-1] if noun else parts[0]
    extra = parts[:-1] if noun else parts[1:]
    default_source = ("poss", "mod", "by", "light") if noun else ("subj",)
    target = tuple(spec.get("target", () if noun else ("obj",)) or ())
    if not spec.get("mutual") and "content" not in target:
        target += ("content",)  # the last resort: who the (light) verb's clause is about
    where = f"{type_} {key}"
    return lemma, Rule(
        type=type_,
        lemma=lemma,
        noun=noun,
        source=tuple(words(spec.get("source") or default_source, where)),
        target=tuple(words(target, where)),
        mode=spec.get("mode"),
        objects=frozenset(words(spec.get("objects"), where)),
        complements=frozenset(words(spec.get("complements"), where)),
        requires=frozenset(words(spec.get("requires"), where) + ([] if noun else extra)),
        modifiers=frozenset(words(spec.get("modifiers"), where) + (extra if noun else [])),
        excludes=frozenset(words(spec.get("excludes"), where)),
        light_only=bool(spec.get("light_only")),
        mutual=bool(spec.get("mutual")),
    )


def words(values, where: str) -> list[str]:
    """A word list from YAML, lower-cased.  YAML reads a bare on/off/yes/no/true/false as a
    boolean: such words must be quoted, and an unquoted one is reported, not misread."""
    out = []
    for v in values or ():
        if not isinstance(v, (str, int)) or isinstance(v, bool):
            raise ValueError(f"{where}: {v!r} is not a word (quote on/off/yes/no/true/false in YAML)")
        out.append(str(v).lower())
    return out


def _read(name: str) -> dict:
    try:
        text = resources.files("eventwire.data").joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The trigger lexicon indexed by lemma, read once per process; later files win per lemma."""
    verbs: dict[str, list[Rule]] = {}
    nouns: dict[str, list[Rule]] = {}
    light: set[str] = set()
    criticism: set[str] = set()
    modals: set[str] = set()
    warning: set[str] = set()
    unknown: set[str] = set()
    for name in LEXICON_FILES:
        data = _read(name)
        light.update(data.get("light_verbs") or ())
        criticism.update(data.get("quoted_criticism") or ())
        modals.update(data.get("demand_modals") or ())
        warning.update(data.get("warning_modals") or ())
        unknown.update(data.get("unknown_doers") or ())
        found: dict[tuple[bool, str], list[Rule]] = {}
        for type_, sections in (data.get("types") or {}).items():
            for noun, section in ((False, "verbs"), (True, "nouns")):
                for key, spec in ((sections or {}).get(section) or {}).items():
                    lemma, rule = _rule(type_, str(key), spec or {}, noun)
                    found.setdefault((noun, lemma), []).append(rule)
        for (noun, lemma), rules in found.items():
            (nouns if noun else verbs)[lemma] = rules  # replaces an earlier file's entries
        for lemma in data.get("ignore") or ():
            verbs.pop(lemma, None)
            nouns.pop(lemma, None)

    def ordered(index: dict[str, list[Rule]]) -> dict[str, tuple[Rule, ...]]:
        return {k: tuple(sorted(v, key=lambda r: -r.specificity)) for k, v in index.items()}

    return Lexicon(
        verbs=ordered(verbs),
        nouns=ordered(nouns),
        light_verbs=frozenset(light),
        criticism=frozenset(criticism),
        demand_modals=frozenset(modals),
        warning_modals=frozenset(warning),
        unknown_doers=frozenset(unknown),
    )


# ---------------------------------------------------------------------------- parse helpers


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _with_conjuncts(tok: Token) -> list[Token]:
    """`tok` and the tokens coordinated with it ("Britain and Mauritius")."""
    out, todo = [], [tok]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ == "conj" and c.pos_ in NOUN_POS | {"PRON", t.pos_})
    return sorted(out, key=lambda t: t.i)


def _reduced(tok: Token) -> bool:
    """A bare past participle with no subject or auxiliary of its own: "sanctions imposed by
    the US", "the jailed publisher", "Asked about it, ..."."""
    return tok.tag_ == "VBN" and not any(c.dep_ in ("aux", "nsubj") for c in tok.children)


def _is_passive(tok: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or (
        tok.dep_ in ("acl", "amod", "advcl") and _reduced(tok)
    )


def _pobjs(tok: Token, preps: Iterable[str]) -> list[Token]:
    wanted = set(preps)
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and _lemma(c) in wanted:
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def subject_of(tok: Token) -> list[Token]:
    """The subject of a verb, climbing through control verbs, conjuncts and relative clauses."""
    t = tok
    for level in range(5):
        subs = [c for c in t.children if c.dep_ in SUBJECTS or (level and c.dep_ == "nsubjpass")]
        if subs:
            if _lemma(subs[0]) in RELATIVE and t.dep_ == "relcl":
                return [t.head]
            return subs
        if t.dep_ == "relcl" or (t.dep_ in ("acl",) and t.tag_ == "VBG"):
            return [t.head]
        if t.dep_ not in CLIMB_DEPS or t.head.i == t.i:
            return []
        if t.dep_ == "xcomp":  # object control: "urged Washington to keep ..."
            objs = [c for c in t.head.children if c.dep_ == "dobj"]
            if objs:
                return objs
        t = t.head
    return []


def _speaker_for_pronoun(tok: Token, subjects: list[Token]) -> list[Token]:
    """In "Japan said it had halted aid" the pronoun is the speaker: a pronoun subject of a
    reported clause stands for the reporting verb's own subject."""
    if len(subjects) == 1 and subjects[0].tag_ == "PRP" and tok.dep_ == "ccomp":
        speaker = [c for c in tok.head.children if c.dep_ == "nsubj" and c.tag_ != "PRP"]
        if speaker:
            return speaker
    return subjects


def _companions(tok: Token, subjects: list[Token]) -> list[Token]:
    """Who acts together with the subject: "the US, along with Britain and France, called a
    meeting", "together with Japan, Seoul held drills", "alongside Kenyan troops"."""
    out = []
    for c in (c for head in [tok, *subjects] for c in head.children if c.dep_ == "prep"):
        if _lemma(c) == "alongside":
            out += [g for g in c.children if g.dep_ == "pobj"]
        elif _lemma(c) in COMPANIONS:
            out += _pobjs(c, ("with",))
        elif _lemma(c) == "with" and any(_lemma(m) in COMPANIONS for m in c.children if m.dep_ == "advmod"):
            out += [g for g in c.children if g.dep_ == "pobj"]
    return out


def _verb_role(tok: Token, role: str) -> list[Token]:
    passive = _is_passive(tok)
    if role == "subj":
        if passive:
            return _pobjs(tok, ("by",))
        subjects = _speaker_for_pronoun(tok, subject_of(tok))
        return subjects + _companions(tok, subjects) if subjects else subjects
    if role == "obj":
        if tok.dep_ in ("acl", "amod") and _reduced(tok):
            return [tok.head]
        if passive and tok.dep_ == "advcl" and not any(c.dep_ == "nsubjpass" for c in tok.children):
            return subject_of(tok.head)  # "Asked about it, Zhao said ...": Zhao was asked
        found = [c for c in tok.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
        return found or _shared_object(tok)
    if role == "content":
        return _content(tok)
    if role == "addressee":  # "we have told Beijing that we will not stand by"
        return [c for c in tok.head.children if c.dep_ in ("dobj", "dative")] if tok.dep_ == "ccomp" else []
    if role == "dative":
        return [c for c in tok.children if c.dep_ == "dative" and c.pos_ in NOUN_POS | {"PRON"}]
    return _pobjs(tok, (role,))


def _shared_object(tok: Token) -> list[Token]:
    """The object coordinated verbs share: "attacking and fighting Kenyan troops"."""
    verbs = [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    if tok.dep_ == "conj" and tok.head.pos_ == "VERB":
        verbs.append(tok.head)
    return [o for v in verbs for o in v.children if o.dep_ == "dobj"][:1]


def _content(tok: Token, depth: int = 1) -> list[Token]:
    """Who a statement is about when the verb names no object actor: the subject of its clause
    ("demanded that Hamas renounce ..."), the objects of its infinitive ("threatened to break
    relations with Russia"), or the parties of its object noun ("rejected calls by Annan")."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ == "ccomp":
            out += [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass") and g.tag_ != "PRP"]
            out += _content(c, depth - 1) if depth else []
        elif c.dep_ == "xcomp" or (c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)):
            objs = [g for g in c.children if g.dep_ in ("dobj", "dative")]
            out += objs + _pobjs(c, CONTENT_PREPS) + [p for o in objs for p in _pobjs(o, CONTENT_PREPS)]
            out += _condition_subjects(c)
        elif c.dep_ == "dobj" and c.pos_ in NOUN_POS:
            out += [g for g in c.children if g.dep_ == "poss"] + _pobjs(c, CONTENT_PREPS)
            out += [s for g in c.children if g.dep_ in ("acl", "ccomp") for s in g.children if s.dep_ == "nsubj"]
        elif c.dep_ == "prep" and _lemma(c) == "for":  # "called for the release of Zamora"
            out += [g for n in c.children if n.dep_ == "pobj" for g in n.children if g.dep_ == "poss"]
            out += [g for n in c.children if n.dep_ == "pobj" for g in _pobjs(n, ("of",) + CONTENT_PREPS)]
    return out + _condition_subjects(tok)


def _condition_subjects(verb: Token) -> list[Token]:
    """Who a condition is put to: "threatened to stop talks if the United States goes ahead"."""
    return [
        s
        for a in verb.children
        if a.dep_ == "advcl" and any(m.dep_ == "mark" and _lemma(m) in CONDITIONS for m in a.children)
        for s in a.children
        if s.dep_ == "nsubj"
    ]


def light_verb(tok: Token) -> Token | None:
    """The light verb whose object (or prepositional object) this noun is: "launched an attack"."""
    head = tok.head
    if tok.dep_ == "pobj" and _lemma(head) == "of" and head.head.dep_ in ("dobj", "nsubjpass"):
        tok, head = head.head, head.head.head  # "led eight hours of talks", "issued a series of warnings"
    elif tok.dep_ == "pobj" and head.dep_ == "prep" and _lemma(head) in LIGHT_PREPS:
        head = head.head
    elif tok.dep_ not in ("dobj", "nsubjpass", "attr"):
        return None
    if head.pos_ in ("VERB", "AUX") and (_lemma(head) in lexicon().light_verbs or head.lower_ in lexicon().light_verbs):
        return head
    return None


def _noun_role(tok: Token, role: str) -> list[Token]:
    if role == "poss":
        return [c for c in tok.children if c.dep_ == "poss"]
    if role == "mod":
        return [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in ACTOR_ENTS]
    if role == "light":
        verb = light_verb(tok)
        return _verb_role(verb, "subj") if verb is not None else []
    if role == "frame":  # "Sheinbaum told Trump in phone conversations": the verb's parties
        prep = tok.head
        if tok.dep_ != "pobj" or _lemma(prep) not in ("in", "during", "at", "over") or prep.head.pos_ != "VERB":
            return []
        verb = prep.head
        return subject_of(verb) + [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    if role == "content":  # "launched an operation to flush out al-Shabab", "warnings demanding that ..."
        verb = light_verb(tok)
        own = {t.i for t in tok.subtree}  # its own prepositions are its own roles
        found = [x for x in _content(verb) if x.i not in own] if verb is not None else []
        return found + [x for a in tok.children if a.dep_ == "acl" for x in _content(a)]
    found = _pobjs(tok, (role,))
    verb = light_verb(tok)
    if not found and verb is not None and role not in ("of", "by"):
        found = _pobjs(verb, (role,))  # "imposed sanctions on Russia": on attaches to the verb
    if not found and role not in ("of", "by"):  # "a proposal made on Monday for the Council to ..."
        found = [x for a in tok.children if a.dep_ == "acl" and a.tag_ == "VBN" for x in _pobjs(a, (role,))]
    return found


# ---------------------------------------------------------------------------- matching


def _objects_of(tok: Token) -> set[str]:
    out = {_lemma(c) for c in tok.children if c.dep_ in OBJECTS}
    out.update(
        _lemma(g) for c in tok.children if c.dep_ in ("prep", "prt", "agent") for g in c.children if g.dep_ == "pobj"
    )
    out.update(_lemma(g) for c in tok.children if c.dep_ == "dobj" for g in c.children if g.dep_ == "conj")
    # "part of the aid program", "tons of food": what a quantity or part counts
    out.update(_lemma(g) for c in tok.children if c.dep_ == "dobj" for g in _pobjs(c, ("of",)))
    if tok.dep_ in ("acl", "amod", "relcl"):
        out.add(_lemma(tok.head))
    return out


def _governed(tok: Token) -> set[str]:
    """Lemmas of the particles and prepositions a trigger governs; a preposition whose object is
    a date or time does not count ("called ... on Monday" is no "call on")."""
    return {
        _lemma(c)
        for c in tok.children
        if not any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in c.children)
    }


def _fits(rule: Rule, tok: Token) -> bool:
    if rule.requires and not rule.requires <= _governed(tok):
        return False
    if rule.objects and not rule.objects & _objects_of(tok):
        return False
    if rule.modifiers and not rule.modifiers & {_lemma(c) for c in tok.lefts}:
        return False
    if rule.excludes and rule.excludes & (
        {_lemma(c) for c in tok.children}
        | {_lemma(g) for c in tok.children for g in c.children if g.dep_ == "mark" or g.tag_.startswith("W")}
        | {_lemma(g) for g in _pobjs(tok, {_lemma(c) for c in tok.children} - CIRCUMSTANCES)}
    ):
        return False
    if rule.light_only and light_verb(tok) is None:
        return False
    if rule.complements:
        clause = [t for t in tok.subtree if t.i > tok.i and t.dep_ not in ("ccomp", "advcl", "relcl")]
        return bool(rule.complements & {_lemma(t) for t in clause[:25]})
    return True


def _match(tok: Token, lex: Lexicon) -> Rule | None:
    if tok.pos_ == "VERB" or (tok.pos_ == "ADJ" and tok.tag_ == "VBN"):
        rules = lex.verbs.get(_lemma(tok), ())
    elif tok.pos_ == "ADJ":  # "critical of": an adjective is a trigger only with its preposition
        rules = tuple(r for r in lex.verbs.get(_lemma(tok), ()) if r.requires)
    elif tok.pos_ in NOUN_POS and tok.ent_type_ not in ACTOR_ENTS:
        rules = lex.nouns.get(_lemma(tok), ()) or lex.nouns.get(tok.lower_, ())
    else:
        return None
    return next((r for r in rules if _fits(r, tok)), None)


def _stance_prefix(tok: Token) -> bool:
    """Is this name the X of "anti-X" or "pro-X" (a stance toward X, not X itself)?"""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in STANCES


def _actors_at(tok: Token, actors: ArticleActors, depth: int = 2) -> list[Actor]:
    """The actor of an argument; a common noun with no code yields to the actors modifying it
    ("the US claims" -> US, "Canadian and Mexican exports" -> CAN, MEX), a quantity or group
    that is no actor to what it counts ("thousands of Iraqi Kurds")."""
    if tok.lower_ in FIRST_PERSON and (speaker := _quote_speaker(tok)) is not None:
        return [speaker]
    actor = actors.actor_for_token(tok)
    mods = [
        c
        for c in tok.children
        if c.dep_ in ("poss", "compound", "amod", "nmod")
        and (c.ent_type_ in ACTOR_ENTS or c.tag_ == "PRP$")
        and not _stance_prefix(c)
    ]
    coordinated = [g for c in mods for g in c.children if g.dep_ == "conj"]
    mods += coordinated
    if coordinated and not tok.ent_type_:  # "senior US and Chinese officials": both sides
        found = _modifier_actors(mods, actors)
        if len(found) > 1:
            return found
    if actor is None and depth:  # "Kenya's shelling of Ethiopian towns" is Kenya's
        found = _modifier_actors(_owners(mods), actors) or [
            a for g in _pobjs(tok, ("of",)) for a in _actors_at(g, actors, depth - 1)
        ]
        if found:
            return found
    if (actor is None or not actor.code) and not tok.ent_type_:
        found = (
            _modifier_actors(mods, actors)
            if coordinated
            else _modifier_actors(_owners(mods), actors) or _modifier_actors(mods, actors)
        )
        if found:
            return found
    return [actor] if actor is not None else []


def _owners(mods: list[Token]) -> list[Token]:
    """The possessors among modifiers not coordinated: "Iran's U.N. mission" and "his U.N.
    mission" are Iran's (when the possessor names an actor), the U.N. being where it serves."""
    return [c for c in mods if c.dep_ == "poss"]


def _modifier_actors(mods: list[Token], actors: ArticleActors) -> list[Actor]:
    """The coded actors the modifiers name (an uncoded one says nothing about whose)."""
    return [a for c in mods if (a := actors.actor_for_token(c)) is not None and a.code]


def _quote_speaker(tok: Token) -> Actor | None:
    """The speaker of the direct quote the token stands in, if any ("we have told Beijing")."""
    spans = tok.doc.user_data.get(SPEAKERS) or []
    n = bisect_right(spans, (tok.idx, float("inf"))) - 1
    if n >= 0 and spans[n][0] <= tok.idx < spans[n][1]:
        return spans[n][2]
    return None


def actors_of(tokens: list[Token], actors: ArticleActors, skip: int = -1) -> list[Actor]:
    """The actors of argument tokens and their conjuncts, without repeats (token `skip` left out)."""
    out: list[Actor] = []
    for head in tokens:
        for t in _with_conjuncts(head):
            if t.i == skip:
                continue
            out += [a for a in _actors_at(t, actors) if all(a != b for b in out)]
    return out


def _seat(tok: Token, actors: ArticleActors) -> bool:
    """Is this place name a capital or seat of government (an actor only by metonymy)?"""
    if tok.ent_type_ != "GPE":
        return False
    actor = actors.actor_for_token(tok)
    return actor is not None and actor.sector == "GOV"


def _side(
    tok: Token,
    roles: tuple[str, ...],
    rule: Rule,
    actors: ArticleActors,
    bounds: tuple[int, int],
    other: list[Actor] | None = None,
) -> list[Actor]:
    """Actors of the first role (in lexicon order) that yields any, within the trigger's
    paragraph (`bounds`: character offsets).  Given the `other` side, an "its"/"their" stands
    for the country or body named before it that is not on that side ("Tehran rejected its
    offer": the US named before, not Tehran); with no other side known, the pronoun may as well
    stand for a group no name gives ("the group ... to impose its law"), and stays unresolved."""
    for role in roles:
        tokens = _noun_role(tok, role) if rule.noun else _verb_role(tok, role)
        tokens = [t for t in tokens if bounds[0] <= t.idx < bounds[1]]
        if role == "mod":  # "the Paris agreement", "the Hanoi summit": a seat of government before
            tokens = [t for t in tokens if not _seat(t, actors)]  # an event noun is its place
        found = actors_of(tokens, actors, skip=tok.i)
        if not found and other:
            left_out = {a.code for a in other if a.code}
            found = [a for t in tokens if (a := actors.possessor(t, left_out)) is not None][:1]
        if found:
            return found
    return []


def find_mentions(doc: Doc, actors: ArticleActors) -> list[Mention]:
    """Every trigger of the article with its source and target actors (no filtering)."""
    lex = lexicon()
    out = []
    for tok in doc:
        rule = _match(tok, lex)
        if rule is None:
            continue
        _, *bounds = evidence(tok)
        source = _side(tok, rule.source, rule, actors, bounds)
        target = _side(tok, rule.target, rule, actors, bounds) if rule.target else []
        if not source and target:  # a side left empty may be told by "its"/"their"
            source = _side(tok, rule.source, rule, actors, bounds, other=target)
        if not target and source and rule.target:
            target = _side(tok, rule.target, rule, actors, bounds, other=source)
        if rule.mutual and rule.type in MUTUAL_TYPES:
            source, target = source + [a for a in target if a not in source], []
        elif rule.mutual and not target and len(source) > 1:  # "clashes between A and B"
            source, target = source[:1], source[1:]
        out.append(Mention(rule.type, tok, rule, source, target, unknown_doer=not source and _names_doer(tok, rule)))
    return out


def _names_doer(tok: Token, rule: Rule) -> bool:
    """Does the text say the doer is unknown ("threatened by unnamed individuals", "unidentified
    men attacked")?  Then the source stays empty rather than filled from the sentence."""
    if rule.noun or rule.source[:1] != ("subj",):
        return False
    unknown = lexicon().unknown_doers
    return any(_lemma(m) in unknown for d in _verb_role(tok, "subj") for m in d.children if m.dep_ == "amod")


def quoted_criticism(doc: Doc, actors: ArticleActors, found: list[Mention]) -> list[Mention]:
    """Blame told inside a direct quote with no trigger in its sentence ("Russia does not have
    a good record of living up to ceasefires," Pifer said): an ACCUSE by the quote's speaker
    against the other countries the quoted sentence names (not aid groups: NGO)."""
    cues = lexicon().criticism
    taken = {_sentence_bounds(m.token) for m in found}
    out = []
    for start, end, speaker in doc.user_data.get(SPEAKERS) or ():
        span = doc.char_span(start, end, alignment_mode="expand")
        for tok in span if span is not None else ():
            if _lemma(tok) not in cues and tok.lower_ not in cues:
                continue
            bounds = _sentence_bounds(tok)
            if bounds in taken:
                continue
            lo, hi = max(start, bounds[0]), min(end, bounds[1])
            targets = _unique([a for _, a in actors.coded_between(lo, hi) if a.code not in (speaker.code, "NGO")])
            if targets:
                taken.add(bounds)
                out.append(Mention("ACCUSE", tok, None, [speaker], targets))
    return out


def _teller(verb: Token, actors: ArticleActors) -> list[Actor]:
    """Who says the clause of `verb`: the speaker of the direct quote it stands in, else the
    subject of the reporting verb it is the object of ("X said Y must ...")."""
    speaker = _quote_speaker(verb)
    if speaker is not None:
        return [speaker]
    if verb.dep_ == "ccomp" and _lemma(verb.head) in REPORTING_VERBS:
        return actors_of(subject_of(verb.head), actors)
    return []


def demands(doc: Doc, actors: ArticleActors, found: list[Mention]) -> list[Mention]:
    """What someone says a named other must or should do is a REQUEST of them ("the U.N. must
    maintain sanctions," a U.S. spokesperson said), unless its verb is a REQUEST already."""
    modals = lexicon().demand_modals
    taken = {m.token.i for m in found if m.type == "REQUEST"}
    out = []
    for tok in doc:
        if tok.dep_ != "aux" or tok.lower_ not in modals:
            continue
        verb = tok.head
        asked = _coded(actors_of([c for c in verb.children if c.dep_ in SUBJECTS], actors))
        teller = _coded(_teller(verb, actors))
        if not asked or not teller or {a.code for a in teller} & {a.code for a in asked}:
            continue
        if verb.i not in taken:
            taken.add(verb.i)
            rule = Rule("REQUEST", _lemma(verb), False, (), (), requires=modals)  # claims: the modal
            out.append(Mention("REQUEST", verb, rule, teller, asked))  # is the demand, not a doubt
    return out


def warnings(actors: ArticleActors, found: list[Mention]) -> list[Mention]:
    """A hostile act someone says will or could follow if a named other does something is a
    warning to them, told by the reporting verb: "an official said sanctions could follow if
    Ankara activates the system" is a THREATEN by the act's doer (else the official) to Ankara.
    The act itself, bound to the condition, is no event (ANNOTATION.md; claims drops it); an act
    said not to follow, or the content of another act ("sanctions will be lifted if"), warns of nothing."""
    modals = lexicon().warning_modals
    by_token = {m.token.i: m for m in found}
    out = []
    for m in found:
        verb = clause_verb(m.token) if m.type in CONSEQUENCE_TYPES else None
        if (
            verb is None
            or verb.dep_ != "ccomp"
            or _lemma(verb.head) not in REPORTING_VERBS
            or not any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children)
            or any(c.dep_ == "neg" for c in verb.children)
            or _outer(m, by_token) is not None
        ):  # "sanctions would not follow", "will be lifted"
            continue
        warned = _coded(actors_of(_condition_subjects(verb), actors))
        warner = _coded(m.source) or _coded(_teller(verb, actors))
        if warned and warner and not {a.code for a in warner} & {a.code for a in warned}:
            out.append(Mention("THREATEN", verb.head, None, warner, warned))
    return out


def _governor(tok: Token) -> Token:
    """The word a nominal or clausal argument hangs from (skipping a preposition)."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
        head = head.head
    return head


def _outer(m: Mention, by_token: dict[int, Mention]) -> Mention | None:
    """The trigger whose content this mention is ("called for sanctions", "provided aid")."""
    t = m.token
    for _ in range(4):
        if t.head.i == t.i or t.dep_ not in CONTENT_DEPS:
            return None
        if t.dep_ == "pobj" and _lemma(t.head) in CIRCUMSTANCES:
            return None  # "reached at their summit": where or when, not what
        t = _governor(t)
        if t.i in by_token:
            return by_token[t.i]
        if t.pos_ in NOUN_POS:
            return None
    return None


def _political(m: Mention) -> bool:
    """Does a political actor (a state, a body, or a known sector: police, rebels ...) take part?
    ANNOTATION.md annotates acts by or toward political actors only."""
    return any(a.code or a.sector for a in m.source + m.target)


def _keep(mentions: list[Mention]) -> list[Mention]:
    """The mentions that tell events: with a political actor, and not the mere content of
    another trigger.  Agreeing to meet is a planned meeting (ANNOTATION.md): the CONSULT stays,
    the AGREE goes."""
    by_token = {m.token.i: m for m in mentions}
    outer = {m.token.i: _outer(m, by_token) for m in mentions}
    agreed_meetings = {
        o.token.i for i, o in outer.items() if o is not None and o.type == "AGREE" and by_token[i].type == "CONSULT"
    }

    def embedded(m: Mention) -> bool:
        o = outer[m.token.i]
        if o is None or (o.type == "AGREE" and m.type == "CONSULT"):
            return False
        return o.type == m.type or o.type in CONTENT_TYPES  # "provided aid": the verb tells it

    return [m for m in mentions if _political(m) and not embedded(m) and m.token.i not in agreed_meetings]


# ---------------------------------------------------------------------------- merging


def who(actor: Actor) -> str:
    return actor.code or (actor.name or actor.text).lower()


def dyad_key(type_: str, source: list[Actor], target: list[Actor]) -> tuple:
    """Identity of an event for merging: type and actors (unordered for mutual types)."""
    src, tgt = frozenset(map(who, source)), frozenset(map(who, target))
    if type_ in MUTUAL_TYPES:
        return type_, src | tgt, frozenset()
    return type_, src, tgt


def _evidence(m: Mention) -> tuple:
    return (m.sides, not m.nominal, m.date is not None, -m.token.i)


def _sentence_table(doc: Doc) -> tuple[list[int], list[tuple[int, int]]]:
    """Start tokens and character offsets of the sentences; `Token.sent` walks the whole doc
    on each call, so the table is built once per doc."""
    table = doc.user_data.get(SENTENCES)
    if table is None:
        sents = list(doc.sents)
        table = doc.user_data[SENTENCES] = ([s.start for s in sents], [(s.start_char, s.end_char) for s in sents])
    return table


def _sentence_no(tok: Token) -> int:
    """Index of the token's sentence: how far apart two tellings are."""
    return bisect_right(_sentence_table(tok.doc)[0], tok.i) - 1


def _sentence_bounds(tok: Token) -> tuple[int, int]:
    """Character offsets of the token's sentence."""
    return _sentence_table(tok.doc)[1][_sentence_no(tok)]


def evidence(tok: Token) -> tuple[str, int, int]:
    """The trigger's sentence and its offsets, cut at paragraph breaks (the parser may run a
    heading into the paragraph after it)."""
    text = nlp.text_of(tok.doc)
    start, end = _sentence_bounds(tok)
    start = max(start, text.rfind("\n", start, tok.idx) + 1)
    cut = text.find("\n", tok.idx, end)
    end = end if cut == -1 else cut
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return text[start:end], start, end


def event_id(type_: str, tok: Token) -> str:
    return hashlib.sha1(f"{type_}:{tok.idx}".encode()).hexdigest()[:16]


def _to_event(group: list[Mention], reference: datetime | None) -> Event:
    best = max(group, key=_evidence)
    sentence, start, end = evidence(best.token)
    sources = [a for m in group for a in m.source]
    targets = [a for m in group for a in m.target]
    date = best.date or next((m.date for m in group if m.date), None)
    return Event(
        id=event_id(best.type, best.token),
        type=best.type,
        trigger=best.token.text,
        sentence=sentence,
        start=start,
        end=end,
        source=_unique(best.source or sources),
        target=_unique(best.target or targets),
        mode=next((m.rule.mode for m in sorted(group, key=_evidence, reverse=True) if m.rule and m.rule.mode), None),
        confidence=round(min(0.95, 0.45 + 0.15 * best.sides + 0.1 * (not best.nominal) + 0.05 * (len(group) - 1)), 2),
        trigger_start=best.token.idx,
        trigger_end=best.token.idx + len(best.token.text),
        date=date.date if date else None,
        date_precision=date.precision if date else None,
        date_text=date.text if date else None,
        status="planned" if _after(date, reference) and not _past(best.token) else "occurred",
        location=next(
            (loc for m in sorted(group, key=_evidence, reverse=True) if (loc := place_for_event(m.token)) is not None),
            None,
        ),
    )


def _past(tok: Token) -> bool:
    """Is the trigger (or the verb over a nominal trigger) in a past tense?"""
    verb = _governor(tok) if tok.pos_ in NOUN_POS else tok
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ == "VBD" or _lemma(c) == "have" for c in auxes):
        return True
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and not auxes)


def _after(date: DateRef | None, reference: datetime | None) -> bool:
    """Is the date later than the reference time, at the date's precision?"""
    if date is None or reference is None:
        return False
    cut = len(date.date)
    return date.date[:cut] > reference.date().isoformat()[:cut]


def _unique(items: list[Actor]) -> list[Actor]:
    out: list[Actor] = []
    for a in items:
        if all(who(a) != who(b) for b in out):
            out.append(a)
    return out


PRECISION_CHARS = {"year": 4, "month": 7, "season": 7, "day": 10}


def _compatible(a: DateRef, b: DateRef) -> bool:
    """Can two dates name the same occasion (equal at the coarser precision)?"""
    cut = min(PRECISION_CHARS.get(a.precision, 10), PRECISION_CHARS.get(b.precision, 10))
    return a.date[:cut] == b.date[:cut]


def _by_date(group: list[Mention]) -> list[list[Mention]]:
    """Split one dyad's mentions into occasions by date; undated tellings join the first."""
    buckets: list[tuple[DateRef, list[Mention]]] = []
    undated = []
    for m in sorted(group, key=lambda m: m.token.i):
        if m.date is None:
            undated.append(m)
            continue
        bucket = next((b for b in buckets if _compatible(b[0], m.date)), None)
        if bucket is None:
            buckets.append((m.date, [m]))
        else:
            bucket[1].append(m)
    if not buckets:
        return [undated]
    buckets[0][1].extend(undated)
    return [ms for _, ms in buckets]


def _fuller(key: tuple, keys: list[tuple]) -> tuple | None:
    """The one fuller dyad a telling with a side left out belongs to ("Russia asked it": RUS->?
    joins RUS->CHN when that is the only REQUEST by RUS), or None."""
    type_, src, tgt = key
    if src and tgt or type_ in MUTUAL_TYPES:
        return None
    found = [k for k in keys if k != key and k[0] == type_ and src <= k[1] and tgt <= k[2]]
    return found[0] if len(found) == 1 else None


def merge(mentions: list[Mention]) -> list[list[Mention]]:
    """Group the mentions of one real-world event: same type, same actors, compatible date."""
    groups: dict[tuple, list[Mention]] = {}
    for m in mentions:
        groups.setdefault(dyad_key(m.type, m.source, m.target), []).append(m)
    for key in list(groups):
        fuller = _fuller(key, list(groups))
        if fuller is not None:
            groups[fuller].extend(groups.pop(key))
    return [occasion for group in groups.values() for occasion in _by_date(group)]


def _mention_date(m: Mention, reference: datetime | None) -> DateRef | None:
    """The date of one telling: its own, else (a noun under a light verb is told like a verb:
    "imposed tariffs") that of the sentences before, else that of its telling."""
    return (
        date_for_event(m.token, reference)
        or (None if m.nominal and light_verb(m.token) is None else context_date(m.token, reference))
        or _statement_date(m, reference)
    )


def _antecedent(m: Mention, earlier: list[Mention]) -> Mention | None:
    """The telling a definite event noun points back to ("a visit by Starmer last month ...
    during the visit on Feb. 27"): the nearest earlier one of its type and word."""
    if not m.nominal or not any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS for c in m.token.children):
        return None
    lemma = _lemma(m.token)
    return next((a for a in reversed(earlier) if a.type == m.type and _lemma(a.token) == lemma), None)


def _follow_antecedents(found: list[Mention]) -> None:
    """A definite event noun tells the event named before it again: it takes that telling's
    actors when it names none and its date when it gives none; a finer date it gives ("the visit
    on Feb. 27" after "a visit last month") dates the first telling and whatever the same words
    dated there.  A date that cannot be the same occasion leaves both apart."""
    for n, m in enumerate(found):
        a = _antecedent(m, found[:n])
        if a is None or (m.date and a.date and not _compatible(m.date, a.date)):
            continue
        if not m.sides:
            m.source, m.target = list(a.source), list(a.target)
        if m.date is None:
            m.date = a.date
        elif a.date is not None and _finer(m.date, a.date):
            old, where = a.date, _sentence_bounds(a.token)
            for other in found[:n]:
                if other.date == old and _sentence_bounds(other.token) == where:
                    other.date = m.date


def _aim_answers(found: list[Mention]) -> None:
    """An answer or backing with no target ("Kim asked Trump for relief. Trump denied the
    request", "... Seoul backed the proposal") is aimed at who made what it answers or backs: the
    source of its object, a definite event noun, or else of the nearest earlier telling of that
    noun's type in its sentence or the one before."""
    by_token = {m.token.i: m for m in found}
    for m in found:
        if m.type not in MAKER_AIMED_TYPES or m.target or m.nominal or not _coded(m.source):
            continue  # an answerer of no known country ("the agency") could not be told from the asker
        told = next(
            (by_token[c.i] for c in m.token.children if c.dep_ in ("dobj", "nsubjpass") and c.i in by_token), None
        )
        if told is None or not any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS for c in told.token.children):
            continue
        own = {a.code for a in m.source}
        m.target = [a for a in told.source or _earlier_source(told, found) if a.code not in own]


def _earlier_source(told: Mention, found: list[Mention]) -> list[Actor]:
    """The source of the nearest earlier telling of the same type, in its sentence or the one
    before, that names one (`found` is in text order)."""
    sent = _sentence_no(told.token)
    for e in reversed(found):
        if e.token.i >= told.token.i or e.type != told.type:
            continue
        if sent - _sentence_no(e.token) > 1:
            break
        if e.source:
            return e.source
    return []


def _share_targets(found: list[Mention]) -> None:
    """A verb coordinated with an answer by the same subject and naming no target of its own
    answers the same party when it is a thing said ("Trump denied the request and asked instead
    for full denuclearization": asked North Korea).  A deed after an answer ("rejected the
    proposal and launched airstrikes"), or a statement after anything but an answer ("welcomed
    the envoy and promised reforms"), may be aimed elsewhere."""
    by_token = {m.token.i: m for m in found}
    for m in found:
        first = by_token.get(m.token.head.i)
        if (
            m.target
            or m.nominal
            or m.token.dep_ != "conj"
            or first is None
            or first.nominal
            or first.type not in ANSWER_TYPES
            or m.type not in STATEMENT_TYPES
            or not _coded(m.source)
            or any(c.dep_ in SUBJECTS for c in m.token.children)
        ):
            continue
        own = {a.code for a in m.source}
        m.target = [a for a in first.target if a.code not in own]


def _finer(a: DateRef, b: DateRef) -> bool:
    return PRECISION_CHARS.get(a.precision, 10) > PRECISION_CHARS.get(b.precision, 10)


def _statement_date(m: Mention, reference: datetime | None) -> DateRef | None:
    """A warning, demand or promise told in a reported clause ("we have told Beijing that we
    will not stand by", Sullivan said) or in the content clause of a telling noun ("Tuesday's
    announcement that Ukraine had agreed") happens when it is told: the date of the telling."""
    if m.type not in STATEMENT_TYPES:
        return None
    teller = m.token
    for _ in range(4):
        if teller.head.i == teller.i or not (teller.dep_ in ("ccomp", "xcomp", "conj") or _content_clause(teller)):
            break
        teller = teller.head
    if teller.i == m.token.i:
        return None
    if teller.pos_ != "VERB":  # the noun's own date only: not "denied on Monday reports that ..."
        return own_date(teller, reference) if any(_content_clause(c) for c in teller.children) else None
    return date_for_event(teller, reference) or context_date(teller, reference)


def _content_clause(verb: Token) -> bool:
    """Is this the "that" clause saying what a noun tells ("the announcement that ...")?"""
    return (
        verb.dep_ == "acl"
        and verb.head.pos_ == "NOUN"
        and any(c.dep_ == "mark" and _lemma(c) == "that" for c in verb.children)
    )


def _tells(doc: Doc, at: int) -> bool:
    """Is the word at character offset `at` part of who tells the story ("relief officials in
    Nairobi said"), not of the story?"""
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None:
        return False
    tok = span[0]
    for _ in range(6):
        if tok.dep_ == "nsubj" and _lemma(tok.head) in REPORTING_VERBS:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _with_coordinated(doc: Doc, found: list[tuple[int, Actor]]) -> list[Actor]:
    """The first actor of `found` and those named in coordination with it ("Iran and Russia")."""
    if not found:
        return []
    span = doc.char_span(found[0][0], found[0][0] + 1, alignment_mode="expand")
    conjuncts = {t.idx for t in span[0].conjuncts} if span is not None else set()
    return _unique([found[0][1]] + [a for at, a in found[1:] if at in conjuncts])


def _fill_sides(event: Event, actors: ArticleActors, unknown_doer: bool = False) -> None:
    """Fill a side the parse left empty, as ANNOTATION.md codes it: an act with no stated
    target is aimed at the other country its sentence names (after the trigger first), else it
    is domestic (police arrests in X: X -> X) unless it needs no one on the other side
    (UNDIRECTED_TYPES); an act with no stated source is by the other country its sentence
    names, else domestic too, unless every telling says the doer is unknown (`unknown_doer`:
    "threatened by unnamed individuals").
    A force moved at home (HOME_AIMLESS_TYPES: "sent troops to Mexico's border") is aimed at no one.
    Parties of several countries and no target act toward each other ("clashed": the first
    named toward the others), like "clashes between A and B", unless the act is undirected
    ("Jordan and Britain agreed to hold exercises": each agreed, toward no one named).
    A meeting with one party named is with the other country its sentence names ("arrived in
    Amman on a visit")."""
    if event.type in HOME_AIMLESS_TYPES:
        event.target = [a for a in event.target if a.code not in {s.code for s in event.source}]
    source, target = _coded(event.source), _coded(event.target)
    if event.type in MUTUAL_TYPES:
        if len({a.code for a in source + target}) == 1:
            event.target = _other_country(event, source + target, actors)
        return
    if target:
        if not source and not unknown_doer:
            event.source = _other_country(event, target, actors, acting=True) or [_country_side(target[0])]
        return
    if len({a.code for a in source}) > 1:
        if event.type not in UNDIRECTED_TYPES:
            event.source, event.target = source[:1], source[1:]
    elif source:
        event.target = _other_country(event, source, actors) or _home_side(event, source[0], actors)


def _other_country(event: Event, side: list[Actor], actors: ArticleActors, acting: bool = False) -> list[Actor]:
    """Countries the event's sentence names besides the actors of `side` (and besides who
    tells the story), or []: for a source (`acting`) the nearest before the trigger (else the
    first after it); for a target the first after it (else the first before it), and for a
    mutual event also those coordinated with it ("a meeting with Iran and Russia")."""
    own = {a.code for a in side}
    doc = actors.doc
    others = [
        (at, a)
        for at, a in actors.coded_between(event.start, event.end)
        if a.code not in own and a.code not in BODY_CODES and not _tells(doc, at)
    ]
    before = [(at, a) for at, a in others if at < event.trigger_start]
    after = [(at, a) for at, a in others if at >= event.trigger_start]
    if acting:
        return [a for _, a in (before[-1:] or after[:1])]
    found = after or before
    return _with_coordinated(doc, found) if event.type in MUTUAL_TYPES else [a for _, a in found[:1]]


def _coded(side: list[Actor]) -> list[Actor]:
    return [a for a in side if a.code]


def _home_side(event: Event, actor: Actor, actors: ArticleActors) -> list[Actor]:
    """The other side of an act aimed at no one named: none for an undirected act, a country's
    own people, or for a body (the WFP, an aid agency) the country where it acts (the event's
    place: "distributed food in Mulanje district"), else the country the article is about."""
    if event.type in UNDIRECTED_TYPES:
        return []
    if actor.code not in BODY_CODES:
        return [_country_side(actor)]
    code = (event.location.code if event.location is not None else None) or actors.home_code
    return [Actor(text=code, code=code)] if code else []


def _country_side(actor: Actor) -> Actor:
    """The country of an actor as the other side of a domestic act (its people, not its office)."""
    return Actor(text=actor.text, code=actor.code)


def _title_places(doc: Doc) -> dict[str, Location]:
    """Places the title gives to event types it names ("... meeting in Rome": CONSULT -> Rome).
    The title's parse is passed as doc.user_data["title"]."""
    title = doc.user_data.get("title")
    if not title:
        return {}
    lex, out = lexicon(), {}
    for tok in title:
        rule = _match(tok, lex)
        if rule is not None and rule.type not in out and (place := place_for_event(tok)) is not None:
            out[rule.type] = place
    return out


def extract_events(
    doc: Doc, actors: ArticleActors, reference: datetime | None, quotes: Iterable[Quote] = ()
) -> list[Event]:
    """Events of one article, one per real-world event, each with its evidence sentence.
    The article's `quotes` tell who "we" and "I" are inside them."""
    doc.user_data[SPEAKERS] = sorted(
        (
            (q.start, q.end, q.speaker)
            for q in quotes
            if q.kind == "direct" and q.speaker is not None and q.speaker.code
        ),
        key=lambda s: s[:2],
    )
    found = find_mentions(doc, actors)
    for m in found:
        m.date = _mention_date(m, reference)
    _follow_antecedents(found)
    _aim_answers(found)
    _share_targets(found)
    mentions = _keep(found)
    told = warnings(actors, found)
    told += quoted_criticism(doc, actors, mentions + told)
    told += demands(doc, actors, mentions + told)
    for m in told:
        m.date = _mention_date(m, reference)
    mentions += told
    events, mentions_of = [], {}
    title_places = _title_places(doc)
    for group in merge(mentions):
        event = _to_event(group, reference)
        _fill_sides(event, actors, unknown_doer=all(m.unknown_doer for m in group))
        if not _coded(event.source + event.target):
            continue  # no side coded: nothing to say who did what to whom
        if event.location is None and any(m.nominal for m in group):
            event.location = title_places.get(event.type)
        mentions_of[event.id] = group
        events.append(event)
    doc.user_data[MENTIONS] = mentions_of
    return sorted(events, key=lambda e: e.start)
