"""How one telling presents its event: status from modality and negation, reporting frames
(attributed_to), denials (disputed_by).  The cues live in `data/status_cues.yaml`.

A trigger is read in its clause: its own auxiliaries and negation, then the chain of words it
hangs from ("plans to", "refused to", "if ...", "X said that ...", "according to X", "denied
accusations that ...")."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Token

from ...model import Actor
from ..article import ArticleContext
from ..vocabulary import read_yaml, word_set
from .grammar import NOUN_POS, lemma_of, light_verb, subject_of, to_infinitive
from .merging import who
from .sides import actors_of

CLAUSE_DEPS = frozenset(
    {
        "ccomp",
        "xcomp",
        "advcl",
        "acl",
        "relcl",
        "pcomp",
        "conj",
        "dobj",
        "pobj",
        "prep",
        "nsubj",
        "nsubjpass",
        "attr",
        "oprd",
        "acomp",
        "amod",
        "compound",
    }
)
MAX_CLIMB = 8
# Ways down from a verb whose modal reaches the words below it ("could decide to impose
# sanctions", "could stop it by pulling back", "should be ready to negotiate"); not its subject
# ("the meeting could have ...").
MODAL_PATH = frozenset({"xcomp", "pcomp", "prep", "advcl", "conj", "acomp"})
WH_TAGS = frozenset({"WRB", "WP", "WP$", "WDT"})  # why, who, whose, which: a question that takes its act as told
FALSITY_DEPS = frozenset({"oprd", "acomp", "dobj", "attr", "pobj", "amod"})  # "called them lies"


@dataclass(frozen=True)
class Cues:
    future_aux: frozenset[str]
    hypothetical_aux: frozenset[str]
    past_future_aux: frozenset[str]
    planned_heads: frozenset[str]
    hypothetical_heads: frozenset[str]
    topic_heads: frozenset[str]
    topic_nouns: frozenset[str]
    negating_heads: frozenset[str]
    refusal_heads: frozenset[str]
    time_limits: frozenset[str]
    negations: frozenset[str]
    conditional_marks: frozenset[str]
    inverted_conditions: frozenset[str]
    conditional_nouns: frozenset[str]
    generic_determiners: frozenset[str]
    fact_marks: frozenset[str]
    reporting_verbs: frozenset[str]
    claim_nouns: frozenset[str]
    claim_pronouns: frozenset[str]
    claim_only_verbs: frozenset[str]
    according: frozenset[str]
    denial_verbs: frozenset[str]
    falsity_words: frozenset[str]
    threatened_types: frozenset[str]
    vowed_harm_types: frozenset[str]
    refused_types: frozenset[str]
    ultimatum_types: frozenset[str]
    promised_types: dict[str, str]


TYPE_LISTS = ("threatened_types", "vowed_harm_types", "refused_types", "ultimatum_types")  # PLOVER names, not words


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The status cues, read once per process."""
    data = read_yaml("status_cues.yaml")
    lists = {
        name: word_set(data, name, "status_cues.yaml")
        for name in Cues.__dataclass_fields__
        if name not in (*TYPE_LISTS, "promised_types")
    }
    types = {name: frozenset(data.get(name) or ()) for name in TYPE_LISTS}
    return Cues(**lists, **types, promised_types=dict(data.get("promised_types") or {}))


@dataclass
class Frame:
    """How one telling presents its event."""

    status: str = "occurred"
    attributed_to: list[Actor] = field(default_factory=list)
    deniers: list[Actor] = field(default_factory=list)
    by_party: bool = False  # told by one of its own parties ("Japan said it had halted aid")
    refused_by: list[Actor] = field(default_factory=list)  # the party refusing it: "X will not negotiate"


def _predicate(tok: Token) -> Token:
    """The verb whose auxiliaries tell a nominal trigger's modality ("will hold talks")."""
    verb = light_verb(tok)
    return verb if verb is not None else tok


def _own_status(pred: Token, c: Cues, part_of_trigger: frozenset[str] = frozenset()) -> str | None:
    """Status from the predicate's own auxiliaries and negation, but for the words the trigger
    itself is made of ("will not tolerate" is a warning, neither negated nor planned)."""
    kids = [k for k in pred.children if lemma_of(k) not in part_of_trigger]
    for k in kids:
        if (
            k.dep_ == "neg"
            and lemma_of(k) in c.negations
            and not (k.i + 1 < len(pred.doc) and pred.doc[k.i + 1].lower_ == "only")
        ):
            return "negated"
    auxes = {lemma_of(k) for k in kids if k.dep_ == "aux"} | {k.lower_ for k in kids if k.dep_ == "aux"}
    if auxes & c.hypothetical_aux:
        return "hypothetical"
    if auxes & c.future_aux:
        return "planned"
    if auxes & c.past_future_aux:
        return "would"
    return None


def _vowed(pred: Token, c: Cues) -> bool:
    """Is this negated predicate told as what will not be done ("will not negotiate", "would not
    take part"), a refusal, rather than what did not happen?"""
    return any(k.dep_ == "aux" and k.lower_ in c.future_aux | c.past_future_aux for k in pred.children)


def _refuser(pred: Token, own: str | None, ctx: ArticleContext, parties: set[str], c: Cues) -> list[Actor]:
    """The one party, the subject, that refuses this act ("Venezuela will not negotiate with
    Guyana", "declined to attend the summit"; not "declined to comment on the talks"); none when
    several parties are its subject ("Kenya and Somalia would not meet": a fact of both) or a time
    limit bounds it ("will not meet before the vote", "this year": a schedule)."""
    declined = own is None and pred.dep_ == "xcomp" and lemma_of(pred.head) in c.refusal_heads
    if not (declined or (own == "negated" and _vowed(pred, c))):
        return []
    if any(_time_bound(v, c) for v in ([pred, pred.head] if declined else [pred])):
        return []
    subject = actors_of(subject_of(pred), ctx)
    return subject if len({who(a) for a in subject}) == 1 and _is_party(subject[0], parties) else []


def _time_bound(verb: Token, c: Cues) -> bool:
    """Is this clause bounded in time: "until May", "before the vote", "until they agree", "this year"?"""
    return any(
        (k.dep_ in ("prep", "advcl") and lemma_of(k) in c.time_limits)
        or (k.dep_ == "advcl" and any(g.dep_ == "mark" and lemma_of(g) in c.time_limits for g in k.children))
        or (k.dep_ in ("npadvmod", "tmod") and k.ent_type_ in ("DATE", "TIME"))
        for k in verb.children
    )


def _according(tok: Token, c: Cues) -> list[Token]:
    """The X of "according to X" / "citing X" attached to this word."""
    out = []
    for k in tok.children:
        if k.dep_ == "prep" and k.lower_ in c.according:
            out.extend(g for to in k.children for g in ([to] if to.dep_ == "pobj" else to.children) if g.dep_ == "pobj")
        elif k.dep_ in ("advcl", "xcomp") and k.lower_ in c.according:
            out.extend(g for g in k.children if g.dep_ == "dobj")
    return out


def _conditional(t: Token, c: Cues) -> bool:
    """Is this clause a condition ("if China helps") or bound to one ("it will face sanctions
    if ...")?"""
    marks = {lemma_of(k) for k in t.children if k.dep_ == "mark"}
    marks |= {lemma_of(g) for k in t.children if k.dep_ == "advcl" for g in k.children if g.dep_ == "mark"}
    return bool(marks & c.conditional_marks)


def _asked(t: Token) -> bool:
    """Is this clause a yes-no question ("Will China invade Taiwan?", "Should the EU impose
    sanctions?"): an auxiliary before its subject, a question mark closing it, and no wh-word?
    It asks whether the act happens; a wh-question ("Why did Russia attack?") takes it as told."""
    subjects = [k for k in t.children if k.dep_ in ("nsubj", "nsubjpass", "expl")]
    if not subjects:
        return False
    closing = next((k for k in reversed(t.doc[t.left_edge.i : t.right_edge.i + 1]) if not k.is_quote), None)
    if closing is None or closing.text != "?":
        return False
    before = t.doc[t.left_edge.i : subjects[0].i]
    inverted = any(k.dep_ in ("aux", "auxpass") and k.head.i == t.i for k in before)
    return inverted and not any(k.tag_ in WH_TAGS for k in before)


def _put_as_condition(t: Token, c: Cues, trigger: bool) -> bool:
    """Is this a condition told without "if": a clause with its auxiliary before its subject hung
    from another ("Had Russia invaded Finland, NATO would have responded"), a phrase of condition
    ("in the event of an attack"), or, said of the trigger itself, an act of any kind ("any attack
    on Iran would be met ..."; not "any measures, including sanctions")?"""
    if t.dep_ == "pobj" and lemma_of(t) in c.conditional_nouns:
        return True
    if (
        trigger
        and t.pos_ in NOUN_POS
        and any(k.dep_ == "det" and k.lower_ in c.generic_determiners for k in t.children)
    ):
        return True
    subjects = [k for k in t.children if k.dep_ in ("nsubj", "nsubjpass")]
    return (
        t.dep_ == "advcl"
        and bool(subjects)
        and any(
            k.dep_ in ("aux", "auxpass") and k.lower_ in c.inverted_conditions and k.i < subjects[0].i
            for k in t.children
        )
    )


def _is_party(actor: Actor, parties: set[str]) -> bool:
    return who(actor) in parties


def frame_of(
    tok: Token, ctx: ArticleContext, parties: set[str], part_of_trigger: frozenset[str] = frozenset()
) -> Frame:
    """Read the clause chain above one trigger: modality, plans, reports and denials."""
    c = cues()
    frame, reported_by = Frame(), []
    t = pred = _predicate(tok)
    own = _own_status(t, c, part_of_trigger)
    frame.refused_by = _refuser(t, own, ctx, parties, c)
    for _ in range(MAX_CLIMB):
        reported_by += [a for a in actors_of(_according(t, c), ctx) if not _is_party(a, parties)]
        if (_conditional(t, c) or _asked(t) or _put_as_condition(t, c, t.i == tok.i)) and own != "negated":
            own = "hypothetical"
        head = t.head
        if head.i == t.i or t.dep_ not in CLAUSE_DEPS:
            break
        if own is None and _stated_circumstance(t, c):
            own = "occurred"
        own = _governed_status(t, head, own, frame, c, spoken_of=t.i != pred.i and lemma_of(t) in c.topic_heads)
        if (t.dep_ in ("ccomp", "acl", "pcomp", "dobj", "advcl") or _gerund(t)) and _denies(head, c):
            frame.deniers += actors_of(subject_of(head), ctx)
        elif head.pos_ in NOUN_POS and lemma_of(head) in c.claim_nouns and t.dep_ in ("acl", "ccomp", "relcl"):
            reported_by += _claim_noun(head, frame, ctx, parties, c)
        elif t.dep_ == "ccomp" and lemma_of(head) in c.reporting_verbs and head.pos_ == "VERB":
            reported_by += _reporter(head, frame, ctx, parties)
            if own == "would" and frame.by_party:
                own = "planned"  # "the US said it would cease aid"; "observers say Minsk would" stays open
        t = head
    if reported_by:
        frame.status, frame.attributed_to = "reported", reported_by
    own = "hypothetical" if own == "would" else own
    if own in ("hypothetical", "negated") or (own == "planned" and frame.status == "occurred"):
        frame.status = own
    return frame


def _stated_circumstance(t: Token, c: Cues) -> bool:
    """Is this a past-tense clause of circumstance ("as Tehran rejected the offer") that the
    sentence states as fact, so that a fear or plan above it does not reach it?"""
    return (
        t.dep_ == "advcl"
        and t.tag_ == "VBD"
        and any(k.dep_ == "mark" and lemma_of(k) in c.fact_marks for k in t.children)
        and not _conditional(t, c)
    )


def _governed_status(
    t: Token, head: Token, own: str | None, frame: Frame, c: Cues, spoken_of: bool = False
) -> str | None:
    """Status a governing word gives its complement: "refused to", "hopes to", "plans to",
    "could ... by withdrawing"; not a refusal to speak of what is only spoken of (`spoken_of`:
    "declined to comment on the talks" leaves the talks as they are)."""
    if t.dep_ in MODAL_PATH and own in (None, "planned") and _own_status(head, c) == "hypothetical":
        return "hypothetical"  # "could stop it by pulling back its forces"
    dep = "xcomp" if _complement_parsed_as_purpose(t, head) else t.dep_
    if dep not in ("xcomp", "ccomp", "pcomp", "pobj", "prep", "acl", "dobj"):
        return own
    if (
        t.dep_ == "ccomp"
        and own is None
        and any(k.dep_ == "nsubj" and lemma_of(k) in c.hypothetical_heads for k in head.children)
    ):
        return "hypothetical"  # "fears grow that Beijing is siding with Russia"
    lemma = lemma_of(head)
    if lemma in c.negating_heads and own is None and not spoken_of:
        return "negated"
    if own in (None, "would", "planned") and (
        lemma in c.hypothetical_heads or (lemma in c.topic_heads and dep in ("xcomp", "ccomp", "pcomp"))
    ):
        return "hypothetical"
    if lemma in c.planned_heads and dep == "xcomp" and own is None:
        frame.by_party = True  # the actor's own plan or vow
        return "planned"
    return own


def _complement_parsed_as_purpose(t: Token, head: Token) -> bool:
    """Is this "to" clause, right after its verb, the verb's complement that the parser took for
    a clause of purpose ("had sworn to resist" parsed like "sent troops to resist")?"""
    return t.dep_ == "advcl" and t.tag_ == "VB" and t.i == head.i + 2 and to_infinitive(t)


def _gerund(t: Token) -> bool:
    """Is this clause a gerund complement ("denies supplying weapons"): what a denial denies?"""
    return t.dep_ == "xcomp" and t.tag_ == "VBG"


def _denies(verb: Token, c: Cues) -> bool:
    """Does this verb deny its complement ("denied that", "called the reports false")?"""
    if lemma_of(verb) in c.denial_verbs:
        return True
    return verb.pos_ == "VERB" and any(
        lemma_of(k) in c.falsity_words for k in verb.subtree if k.i > verb.i and k.dep_ in FALSITY_DEPS
    )


def _claim_noun(noun: Token, frame: Frame, ctx: ArticleContext, parties: set[str], c: Cues) -> list[Actor]:
    """A clause told as the content of "reports that", "accusations that": denied when the
    claim is denied, else reported on the word of whoever owns the claim."""
    verb = noun.head if noun.dep_ in ("dobj", "pobj") else None
    if verb is not None and verb.dep_ == "prep":
        verb = verb.head
    if verb is not None and _denies(verb, c):
        frame.deniers += actors_of(subject_of(verb), ctx)
        return []
    frame.status = "reported"
    owners = [k for k in noun.children if k.dep_ in ("poss", "compound", "amod")]
    return [a for a in actors_of(owners, ctx) if not _is_party(a, parties)]


def _reporter(verb: Token, frame: Frame, ctx: ArticleContext, parties: set[str]) -> list[Actor]:
    """The speaker of "X said (that) ...", unless X is a party to the event told."""
    speakers = actors_of(subject_of(verb), ctx)
    if speakers and any(_is_party(a, parties) for a in speakers):
        frame.by_party = True
        return []
    return speakers
