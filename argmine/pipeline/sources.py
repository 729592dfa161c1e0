"""``argmine_sources``: quotations and reported speech as a span layer.

Reads: ``token.dep``, ``token.pos``, ``token.lemma``, sentence boundaries and the actors
layer ``doc.spans["argmine_actors"]`` (speakers are actors; this component finds none).
Writes: ``doc.spans["argmine_quotes"]``, one span per quotation or reported statement
over its content, with ``span._.argmine_speaker`` (actor id or None),
``span._.argmine_cue`` ([start, end] character offsets of the reporting word or phrase,
or None) and ``span._.argmine_kind`` ("direct", "indirect" or "mixed").

The tables (``sources.json``: reporting verbs, source phrases, office nouns, titles)
are loaded by ``initialize()`` and saved with the pipeline by ``to_disk()``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, cast

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..extensions import ACTORS_KEY, QUOTES_KEY, ensure_extensions
from ..sources.find import find_statements, make_matcher
from ..sources.tables import DEFAULT_TABLES, SourceTables
from . import _tables

_FILES = ("sources",)


class SourcesComponent:
    """Find who said what; see the module docstring for what it reads and writes."""

    def __init__(self, nlp: Language, name: str = "argmine_sources", *, spans_key: str = QUOTES_KEY):
        self.name = name
        self.vocab = nlp.vocab
        self.spans_key = spans_key
        self.tables: SourceTables | None = None
        self._matcher: PhraseMatcher | None = None
        ensure_extensions()

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *,
                   nlp: Language | None = None, tables_path: str | Path | None = None) -> None:
        """Load the tables from ``tables_path`` (default: the package's ``sources.json``)."""
        self._set(SourceTables.read(tables_path or DEFAULT_TABLES))

    def _set(self, tables: SourceTables) -> None:
        self.tables = tables
        self._matcher = make_matcher(self.vocab, tables)

    def _ready(self) -> tuple[SourceTables, PhraseMatcher]:
        """The tables and their matcher, loaded from the package's tables on first use."""
        if self.tables is None or self._matcher is None:
            self.initialize()
        return cast(SourceTables, self.tables), cast(PhraseMatcher, self._matcher)

    def __call__(self, doc: Doc) -> Doc:
        ensure_extensions()
        tables, matcher = self._ready()
        if ACTORS_KEY not in doc.spans:
            doc.spans[ACTORS_KEY] = []
        spans = []
        for st in find_statements(doc, tables, matcher):
            span = doc.char_span(st.start, st.end, label=st.kind, alignment_mode="expand")
            if span is None:
                continue
            span._.argmine_speaker = st.speaker
            span._.argmine_cue = list(st.cue) if st.cue else None
            span._.argmine_kind = st.kind
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64):
        for doc in docs:
            yield self(doc)

    def fingerprints(self) -> dict[str, str]:
        return {f"{self.name}/sources": _tables.sha256(self._ready()[0].raw)}

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        _tables.write(Path(path), {"sources": self._ready()[0].raw}, {"spans_key": self.spans_key})

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> SourcesComponent:
        cfg, tables = _tables.read(Path(path), _FILES)
        self.spans_key = cfg.get("spans_key", self.spans_key)
        self._set(SourceTables.from_json(tables["sources"]))
        return self


@Language.factory("argmine_sources", default_config={"spans_key": QUOTES_KEY},
                  requires=["token.dep", "token.pos", "token.lemma", "doc.sents", "doc.spans"],
                  assigns=["doc.spans"])
def make_sources(nlp: Language, name: str, spans_key: str) -> SourcesComponent:
    return SourcesComponent(nlp, name, spans_key=spans_key)
