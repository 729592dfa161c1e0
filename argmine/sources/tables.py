"""The word tables of reported speech (``sources.json``): data a component loads and saves."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_TABLES = Path(__file__).resolve().parent.parent / "data" / "sources.json"


@dataclass(frozen=True)
class SourceTables:
    """Lookup tables; all keys lower case.

    Attributes:
        speech_verbs: Lemmas that introduce a statement ("say", "argue", "warn").
        belief_verbs: Lemmas that report a held position, read only with a clause.
        naming_verbs: Lemmas of "call X a Y" constructions.
        source_phrases: Phrases that put the source in the next noun phrase ("according to").
        office_nouns: Nouns of people who speak for someone else ("spokesman").
        title_abbreviations: Abbreviated titles -> full title ("sen." -> "senator").
        titles_as_speakers: Definite nouns that refer back to a named person ("the senator").
        object_statement_verbs: Lemmas that report a statement through their object
            ("stressed the importance of X").
        call_particles: Prepositions that make "call" such a verb ("called for", "called on").
        document_nouns: Nouns of statements that "say" something for their author ("the
            suit says", "the letter states").
        gendered_titles: Honorifics and titles -> "m" or "f" ("ms." -> "f"), for pronoun agreement.
        collective_nouns: Definite nouns -> the actor kinds they refer back to ("the company"
            -> the nearest organization).
        reply_words: Nouns of an answer: "His response:" names the speaker of what follows.
        speech_phrases: A verb with the word that makes it report a statement ("made clear
            that", "pointed out that").
        as_verbs: Speech verbs that report the clause an "as" clause hangs on ("As Obama said, ...").
        raw: The JSON the tables were read from (what ``to_disk`` writes back).
    """

    speech_verbs: frozenset[str]
    belief_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    source_phrases: tuple[str, ...]
    office_nouns: frozenset[str]
    title_abbreviations: dict[str, str]
    titles_as_speakers: frozenset[str]
    object_statement_verbs: frozenset[str]
    call_particles: frozenset[str]
    document_nouns: frozenset[str]
    gendered_titles: dict[str, str]
    collective_nouns: dict[str, frozenset[str]]
    reply_words: frozenset[str]
    speech_phrases: frozenset[str]
    as_verbs: frozenset[str]
    raw: dict[str, Any]

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> SourceTables:
        low = lambda key: frozenset(w.lower() for w in raw[key])  # noqa: E731
        return cls(speech_verbs=low("speech_verbs"), belief_verbs=low("belief_verbs"),
                   naming_verbs=low("naming_verbs"),
                   source_phrases=tuple(p.lower() for p in raw["source_phrases"]),
                   office_nouns=low("office_nouns"),
                   title_abbreviations={k.lower(): v.lower() for k, v in raw["title_abbreviations"].items()},
                   titles_as_speakers=low("titles_as_speakers"),
                   object_statement_verbs=low("object_statement_verbs"),
                   call_particles=low("call_particles"),
                   # Absent from tables saved before they existed.
                   document_nouns=frozenset(w.lower() for w in raw.get("document_nouns", ())),
                   gendered_titles={k.lower(): v for k, v in raw.get("gendered_titles", {}).items()},
                   collective_nouns={k.lower(): frozenset(v) for k, v in raw.get("collective_nouns", {}).items()},
                   reply_words=frozenset(w.lower() for w in raw.get("reply_words", ())),
                   speech_phrases=frozenset(w.lower() for w in raw.get("speech_phrases", ())),
                   as_verbs=frozenset(w.lower() for w in raw.get("as_verbs", ())),
                   raw=raw)

    @classmethod
    def read(cls, path: str | Path = DEFAULT_TABLES) -> SourceTables:
        """Read the tables from a JSON file (default: the package's ``sources.json``)."""
        return cls.from_json(json.loads(Path(path).read_text(encoding="utf-8")))
