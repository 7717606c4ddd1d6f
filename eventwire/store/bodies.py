"""Named bodies as themselves: the stable id of an actor, so that the UN, NATO and Amnesty International
are three actors in the network, the actor tables and the filters, not one "IGO" (docs/contract.md).

An actor coded as a body (IGO or NGO, data/types.yaml) is identified by its code and the slug of the
body's canonical name in the tables (data/bodies.tsv, then bodies_phoenix.tsv): `IGO:nato`,
`IGO:united-nations`, `NGO:amnesty-international`. The body is the actor's name when the tables know
it ("the U.N." -> United Nations), else the body a known alias in its title or its words names
("NATO Secretary-General Jens Stoltenberg" -> NATO, as does the title people.tsv gives him); a body
the tables lack keeps the bare code. Any other actor's id is its country code. Derived from the
stored actor and the data files alone, so extraction needs no change and `eventwire relink`
recomputes every id when the tables change.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..extract.types import body_codes
from ..extract.vocabulary import read_tsv, strip_accents

BODY_FILES = ("bodies.tsv", "bodies_phoenix.tsv")  # name, aliases (|-separated), code, sector; first wins
SEPARATOR = ":"  # between a body's code and its slug


def slug(name: str) -> str:
    """A name as lower-case ASCII words joined by hyphens ("OPEC+" -> "opec-plus", "Médecins" -> "medecins")."""
    words = strip_accents(name).casefold().replace("+", " plus ").replace("&", " and ")
    return re.sub(r"[^a-z0-9]+", "-", words).strip("-")


@lru_cache(maxsize=1)
def _bodies() -> dict[str, tuple[str, str]]:
    """{casefolded name or alias: (canonical name, code)} of every body coded IGO or NGO."""
    found: dict[str, tuple[str, str]] = {}
    for fname in BODY_FILES:
        for r in read_tsv(fname):
            if r["code"] in body_codes():
                for alias in (r["name"], *r["aliases"].split("|")):
                    if alias:
                        found.setdefault(alias.casefold(), (r["name"], r["code"]))
    return found


@lru_cache(maxsize=1)
def _named_in() -> re.Pattern[str]:
    """The hand-authored bodies' names and aliases as written (case kept: "WHO" is not "who"), longest first."""
    aliases = {
        alias
        for r in read_tsv(BODY_FILES[0])
        if r["code"] in body_codes()
        for alias in (r["name"], *r["aliases"].split("|"))
    }
    ordered = sorted(filter(None, aliases), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w])")


@lru_cache(maxsize=1)
def _titles() -> dict[str, str]:
    """{casefolded person name: the title people.tsv gives them}, where the body a person speaks for is named."""
    return {r["name"].casefold(): r["title"] for r in read_tsv("people.tsv") if r.get("title")}


def _named(name: str) -> tuple[str, str] | None:
    """(canonical name, code) of the body this is a name or alias of ("the U.N." too), or None."""
    known = _bodies()
    return known.get(name.casefold()) or known.get(name.casefold().removeprefix("the "))


def _body(name: str | None, title: str | None, text: str | None) -> tuple[str, str] | None:
    """(canonical name, code) of the body an actor stands for, or None when the tables do not say."""
    if name and (found := _named(name)) is not None:
        return found
    for words in (title, _titles().get((name or "").casefold()), text):
        if words and (match := _named_in().search(words)):
            return _bodies()[match.group().casefold()]
    return None


def actor_id(
    code: str | None, name: str | None = None, title: str | None = None, text: str | None = None
) -> str | None:
    """The actor's stable id: `CODE:slug` for a body the tables know, else its code (None without one)."""
    if code not in body_codes():
        return code
    body = _body(name, title, text)
    return f"{code}{SEPARATOR}{slug(body[0])}" if body and body[1] == code else code


@lru_cache(maxsize=1)
def body_names() -> dict[str, str]:
    """{body id: the body's canonical name} for every body of the tables."""
    return {f"{code}{SEPARATOR}{slug(name)}": name for name, code in reversed(list(_bodies().values()))}


@lru_cache(maxsize=1)
def _ids() -> dict[str, str]:
    return {k.casefold(): k for k in body_names()}


def body_id(value: str) -> str | None:
    """The id of the body a filter names (`NATO`, `the United Nations`, `IGO:nato`), or None; a person
    is no body, though the tables say whom they speak for (`Jens Stoltenberg` is not a filter on NATO)."""
    if (known := _ids().get(value.casefold())) is not None:
        return known
    found = _named(value)
    return actor_id(found[1], found[0]) if found else None


def code_of(actor: str) -> str:
    """The country-or-body code of an actor id (`IGO` for `IGO:nato`)."""
    return actor.split(SEPARATOR, 1)[0]
