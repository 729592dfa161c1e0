"""``argmine_actors``: the actors of a document as a span layer.

Reads: ``doc.ents``, ``token.dep``, ``token.pos``, ``token.lemma`` (the full English pipeline).
Writes: ``doc.spans["argmine_actors"]``, one span per mention (``span.kb_id_`` = actor id
"a1", "a2", ..., ``span.label_`` = kind), and ``doc._.argmine_actors``: one dict per actor
(id, name, kind, affiliation, role), the author last when never mentioned.

The word tables (``actors.json``) are loaded by ``initialize()`` (default: the package's)
and saved with the pipeline by ``to_disk()``, fingerprinted in ``cfg.json``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, cast

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..actors import find_actors
from ..actors.tables import DEFAULT_TABLES, ActorTables, tables_from_json
from ..extensions import ACTORS_KEY, ensure_extensions
from . import _tables

_FILES = ("actors",)


class ActorsComponent:
    """Find actors and write them as spans; see the module docstring for what it reads and writes."""

    def __init__(self, nlp: Language, name: str = "argmine_actors", *, spans_key: str = ACTORS_KEY):
        self.name = name
        self.spans_key = spans_key
        self.tables: ActorTables | None = None
        ensure_extensions()

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *,
                   nlp: Language | None = None, tables_path: str | Path | None = None) -> None:
        """Load the actor tables from ``tables_path`` (default: the package's ``actors.json``)."""
        raw = json.loads(Path(tables_path or DEFAULT_TABLES).read_text(encoding="utf-8"))
        self.tables = tables_from_json(raw)

    def _ready(self) -> ActorTables:
        if self.tables is None:
            self.initialize()
        return cast(ActorTables, self.tables)

    def __call__(self, doc: Doc) -> Doc:
        ensure_extensions()
        actors = find_actors(doc, tables=self._ready())
        spans = []
        for actor in actors:
            for m in actor.mentions:
                spans.append(Span(doc, m.token_start, m.token_end, label=actor.kind, kb_id=actor.id))
        spans.sort(key=lambda s: (s.start, s.end))
        doc.spans[self.spans_key] = spans
        doc._.argmine_actors = [{"id": a.id, "name": a.name, "kind": a.kind,
                                 "affiliation": a.affiliation, "role": a.role,
                                 # Mention offsets as found (a mention may be part of a token).
                                 "mentions": [[m.start, m.end] for m in a.mentions]}
                                for a in actors]
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64):
        for doc in docs:
            yield self(doc)

    def fingerprints(self) -> dict[str, str]:
        """sha256 of each table, as saved by ``to_disk``."""
        return {f"{self.name}/{n}": _tables.sha256(self._ready().raw) for n in _FILES}

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        _tables.write(Path(path), {"actors": self._ready().raw}, {"spans_key": self.spans_key})

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> ActorsComponent:
        cfg, tables = _tables.read(Path(path), _FILES)
        self.spans_key = cfg.get("spans_key", self.spans_key)
        self.tables = tables_from_json(tables["actors"])
        return self


@Language.factory("argmine_actors", default_config={"spans_key": ACTORS_KEY},
                  requires=["doc.ents", "token.dep", "token.pos", "token.lemma"],
                  assigns=["doc.spans", "doc._.argmine_actors"])
def make_actors(nlp: Language, name: str, spans_key: str) -> ActorsComponent:
    return ActorsComponent(nlp, name, spans_key=spans_key)
