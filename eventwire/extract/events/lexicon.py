"""The trigger lexicon: `data/triggers.yaml` (hand-curated) over `data/triggers_cameo.yaml`
(derived from PETRARCH2's CAMEO verbs), indexed by lemma.  The entry format is described at
the top of triggers.yaml; docs/recipes.md tells how to add a trigger."""

from __future__ import annotations

from dataclasses import dataclass

from ...compiled import compiled
from ..vocabulary import read_yaml, words

LEXICON_FILES = ("triggers_cameo.yaml", "triggers.yaml")  # later files first, lemma by lemma
# The word lists of the lexicon files (key in the file -> field of Lexicon), merged over files.
WORD_LISTS = {
    "light_verbs": "light_verbs",
    "quoted_criticism": "criticism",
    "demand_modals": "demand_modals",
    "bidding_verbs": "bidding_verbs",
    "warning_modals": "warning_modals",
    "unknown_doers": "unknown_doers",
    "teller_verbs": "teller_verbs",
    "hedges": "hedges",
    "joint_acts": "joint_acts",
}


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
    carried_by: frozenset[str] = frozenset()  # light verbs that make a noun count without a modifier
    excludes: frozenset[str] = frozenset()
    light_only: bool = False
    mutual: bool = False
    foretells: bool = False
    also: bool = False  # told besides the event of the lemma's first fitting entry

    @property
    def specificity(self) -> int:
        return (
            bool(self.objects) + bool(self.complements) + bool(self.requires) + bool(self.modifiers or self.carried_by)
        )


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[Rule, ...]]
    nouns: dict[str, tuple[Rule, ...]]
    light_verbs: frozenset[str]
    criticism: frozenset[str] = frozenset()
    demand_modals: frozenset[str] = frozenset()
    bidding_verbs: frozenset[str] = frozenset()  # "told Israel to halt": a REQUEST to the object
    warning_modals: frozenset[str] = frozenset()
    unknown_doers: frozenset[str] = frozenset()
    teller_verbs: frozenset[str] = frozenset()  # their subject tells their clause
    hedges: frozenset[str] = frozenset()  # no trigger before a noun: "the alleged plot"
    joint_acts: frozenset[str] = frozenset()  # by several countries: COOPERATE


def split_key(key: str, noun: bool) -> tuple[str, list[str]]:
    """A lexicon key as its trigger lemma and the words it needs: a noun key's last word is the
    trigger and the others its modifiers ("hunger strike"); a verb key's first word is the
    trigger and the others particles it must govern ("call for")."""
    parts = key.lower().split()
    return (parts[-1], parts[:-1]) if noun else (parts[0], parts[1:])


def _rule(type_: str, key: str, spec: dict, noun: bool) -> tuple[str, Rule]:
    """One YAML entry as a Rule keyed by its lemma ("call for": lemma call, requires for;
    "hunger strike": lemma strike, modifier hunger)."""
    lemma, extra = split_key(key, noun)
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
        carried_by=frozenset(words(spec.get("carried_by"), where)),
        excludes=frozenset(words(spec.get("excludes"), where)),
        light_only=bool(spec.get("light_only")),
        mutual=bool(spec.get("mutual")),
        foretells=bool(spec.get("foretells")),
        also=bool(spec.get("also")),
    )


@compiled()
def lexicon() -> Lexicon:
    """The trigger lexicon indexed by lemma, read once per process: the curated entries first."""
    verbs: dict[str, list[Rule]] = {}
    nouns: dict[str, list[Rule]] = {}
    lists: dict[str, set[str]] = {field: set() for field in WORD_LISTS.values()}
    for name in LEXICON_FILES:
        data = read_yaml(name)
        for key, field in WORD_LISTS.items():
            lists[field].update(data.get(key) or ())
        _add_rules(data, verbs, nouns)
    return Lexicon(verbs=_ordered(verbs), nouns=_ordered(nouns), **{k: frozenset(v) for k, v in lists.items()})


def _add_rules(data: dict, verbs: dict[str, list[Rule]], nouns: dict[str, list[Rule]]) -> None:
    """The entries of one lexicon file, tried before an earlier file's entries of the same lemma,
    or instead of them for the lemmas the file lists under `replaces`."""
    replaced = set(words(data.get("replaces"), "replaces"))
    found: dict[tuple[bool, str], list[Rule]] = {}
    for type_, sections in (data.get("types") or {}).items():
        for noun, section in ((False, "verbs"), (True, "nouns")):
            for key, spec in ((sections or {}).get(section) or {}).items():
                lemma, rule = _rule(type_, str(key), spec or {}, noun)
                found.setdefault((noun, lemma), []).append(rule)
    for (noun, lemma), rules in found.items():
        index = nouns if noun else verbs
        index[lemma] = rules + ([] if lemma in replaced else index.get(lemma, []))
    for lemma in data.get("ignore") or ():
        verbs.pop(lemma, None)
        nouns.pop(lemma, None)


def _ordered(index: dict[str, list[Rule]]) -> dict[str, tuple[Rule, ...]]:
    """Each lemma's rules, most specific first: the first that fits the parse wins."""
    return {k: tuple(sorted(v, key=lambda r: -r.specificity)) for k, v in index.items()}
