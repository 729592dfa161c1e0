"""argmine: argument mining and stance analysis for political text."""

import logging

__version__ = "0.1.0"

logging.getLogger("argmine").addHandler(logging.NullHandler())

from .api import analyze, annotate, load  # noqa: E402
from .convert import from_doc  # noqa: E402
from .io import read_corpus, write_jsonl  # noqa: E402
from .schema import Document  # noqa: E402
from . import pipeline as _pipeline  # noqa: E402,F401
from .pipeline import unit_classifier as _unit_classifier  # noqa: E402,F401  (registers the factory)

__all__ = ["analyze", "annotate", "load", "from_doc", "read_corpus", "write_jsonl", "Document",
           "__version__"]
