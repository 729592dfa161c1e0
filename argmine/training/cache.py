"""Parsed corpora kept on disk as spaCy ``DocBin`` files, so retraining does not re-parse.

Parsing is most of the cost of training (tens of minutes on two cores for the default
model's sources), while feature changes need only the tags, lemmas and sentence
boundaries already computed. A cache entry is keyed by everything the parse depends on:
the source's content hash, its split, the spaCy pipeline (name, version, components)
and the spaCy version. Entries are plain ``DocBin`` bytes (no pickle); a stale or
corrupt entry is ignored and rewritten.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Sequence
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from ..progress import track, words_of

logger = logging.getLogger("argmine")

ENV_VAR = "ARGMINE_CACHE"
# Bumped when the stored attributes change, so older entries are not reused.
_FORMAT = "1"


def default_cache_dir() -> Path:
    """``$ARGMINE_CACHE``, else ``$XDG_CACHE_HOME/argmine``, else ``~/.cache/argmine``."""
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "argmine"


def cache_key(source_hash: str, source: str, nlp: Language) -> str:
    """A file name for one parsed source under one spaCy pipeline."""
    meta = nlp.meta
    parts = [_FORMAT, source_hash, source, spacy.__version__, str(meta.get("lang")),
             str(meta.get("name")), str(meta.get("version")), ",".join(nlp.pipe_names)]
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:32]


def parse_texts(texts: Sequence[str], nlp: Language, *, cache_dir: str | Path | None = None,
                key: str | None = None, batch_size: int = 16, what: str = "parse") -> list[Doc]:
    """Parse ``texts`` with ``nlp``, reading and writing ``cache_dir/key.spacy`` when both are given.

    A cached entry is used only when it holds the same texts in the same order. ``what``
    names the parse in progress reports (``argmine.progress``).
    """
    path = Path(cache_dir) / f"{key}.spacy" if cache_dir is not None and key else None
    if path is not None and path.is_file():
        try:
            docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        except (ValueError, KeyError, OSError) as e:  # truncated or foreign file
            logger.warning("Ignoring unreadable parse cache %s (%s).", path, e)
        else:
            if len(docs) == len(texts) and all(d.text == t for d, t in zip(docs, texts)):
                return docs
            logger.warning("Parse cache %s does not match its source; parsing again.", path)
    docs = list(track(nlp.pipe(texts, batch_size=batch_size), what=what, total=len(texts),
                      words=lambda doc: words_of(doc.text)))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        DocBin(attrs=["ORTH", "TAG", "LEMMA", "POS", "SENT_START", "ENT_IOB", "ENT_TYPE"],
               docs=docs).to_disk(tmp)
        tmp.replace(path)  # atomic: a killed run leaves no half-written entry
    return docs
