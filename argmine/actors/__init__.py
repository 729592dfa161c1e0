"""Actors of a parsed document: people, countries, organizations and groups.

``find_actors`` reads a Doc from the full English pipeline (tagger, parser, NER)
and returns one :class:`ActorRecord` per actor however it is named: titles are
stripped, short names link to full names, capitals and acronyms resolve to their
country, institutions ("Moscow's foreign ministry") to their country or to an
organization, and unnamed groups that hold positions ("hawks in the United
States") become group actors. The rules are documented in the modules that apply
them: :mod:`.entities`, :mod:`.groups`, :mod:`.resolve`, :mod:`.gazetteer`.

Example:
    >>> from argmine.nlp import load_spacy
    >>> doc = load_spacy()("Chinese President Xi Jinping met Kim. Xi left.")
    >>> [(a.name, a.kind) for a in find_actors(doc)][:2]
    [('China', 'country'), ('Xi Jinping', 'person')]
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..segment import doc_text
from .affiliations import add_affiliations
from .author import author_mentions
from .entities import scan_entities
from .groups import scan_groups
from .names import title_tokens
from .records import ActorRecord, MentionRecord, actor_at, to_schema
from .resolve import build_actors, link_persons, person_countries, token_index
from .spans import Quotes
from .tables import ActorTables, load_tables

__all__ = ["ActorRecord", "MentionRecord", "actor_at", "find_actors", "to_schema"]


def find_actors(doc: Doc, *, author: str | None = None,
                tables: ActorTables | None = None) -> list[ActorRecord]:
    """Find the actors of a parsed Doc.

    Args:
        doc: A Doc from the full English pipeline (tagger, parser and NER are used).
        author: Name of the author (e.g. from metadata). The author is always an
            actor with role "author", named "author" when no name is given, so that
            stance code can attribute the writer's own claims to it.
        tables: Actor tables (default: the package's ``data/actors.json``); the
            ``argmine_actors`` component passes the ones saved with the pipeline.

    Returns:
        Actors with ids "a1", "a2", ... in order of first mention (the author last
        when it has no mention), each mention with character offsets and token span.
    """
    tables = tables or load_tables()
    text = doc_text(doc)  # once: Doc.text rebuilds the whole text on every access
    quotes = Quotes(text)
    titles = title_tokens(doc, tables)
    named = link_persons(scan_entities(doc, tables, quotes, titles))
    index = token_index(named)
    person_country = person_countries(doc, named, titles, index, tables.titles)
    phrases = scan_groups(doc, tables, index, titles, person_country)
    actors = build_actors(doc, [*named, *phrases], person_country, author=author,
                          author_mentions=author_mentions(doc, quotes), text=text)
    return add_affiliations(doc, actors, titles=tables.titles, offices=tables.office_nouns, text=text)
