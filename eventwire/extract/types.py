"""How each PLOVER type behaves in extraction, read from `data/types.yaml` (its header defines
every property).  One place for what used to be eight sets in the code: a pass asks
`types.has(type, "statement")`; other packages use the named functions (`mutual_types()`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from .vocabulary import read_yaml, words

PROPERTIES = frozenset(
    {"mutual", "undirected", "home_aimless", "answer", "maker_aimed", "content", "consequence", "statement"}
)


@lru_cache(maxsize=1)
def _properties() -> dict[str, frozenset[str]]:
    """type -> its properties; an unknown property name is an error in the data, not ignored."""
    table = {}
    for type_, names in (read_yaml("types.yaml").get("types") or {}).items():
        found = frozenset(words(names, f"types.yaml {type_}"))
        if found - PROPERTIES:
            raise ValueError(f"types.yaml {type_}: unknown properties {sorted(found - PROPERTIES)}")
        table[type_] = found
    return table


@cache
def with_property(name: str) -> frozenset[str]:
    """The types that have the property `name`."""
    if name not in PROPERTIES:
        raise KeyError(name)
    return frozenset(t for t, props in _properties().items() if name in props)


def has(type_: str, name: str) -> bool:
    """Does the PLOVER type `type_` have the property `name`?"""
    return type_ in with_property(name)


def mutual_types() -> frozenset[str]:
    """Types whose parties act toward each other (one unordered set of sides)."""
    return with_property("mutual")


@lru_cache(maxsize=1)
def body_codes() -> frozenset[str]:
    """Actor codes of bodies, not countries: never the target an act is aimed at by default."""
    return frozenset(str(c) for c in read_yaml("types.yaml").get("body_codes") or ())


@dataclass(frozen=True)
class Vocabulary:
    """PLOVER's names: the modes each type allows and the contexts any event may carry."""

    modes: dict[str, tuple[str, ...]]
    contexts: tuple[str, ...]


@cache
def vocabulary() -> Vocabulary:
    """data/plover_vocabulary.yaml, read once: what the modes, the contexts and the filters check against."""
    data = read_yaml("plover_vocabulary.yaml")
    return Vocabulary(
        modes={t: tuple(m or ()) for t, m in data["modes"].items()},
        contexts=tuple(data["contexts"]),
    )
