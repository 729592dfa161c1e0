"""argmine: argument mining and stance analysis for political text."""

import logging

__version__ = "0.1.0"

logging.getLogger("argmine").addHandler(logging.NullHandler())

__all__ = ["analyze", "annotate", "load", "from_doc", "read_corpus", "write_jsonl", "Document",
           "__version__"]

# The public API is imported on first use, so `argmine --help` and `argmine validate` do not
# pay for spaCy and scikit-learn.
_LAZY = {"analyze": "api", "annotate": "api", "load": "api", "from_doc": "convert",
         "read_corpus": "io", "write_jsonl": "io", "Document": "schema"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
