"""Features of a whole document (or a few of its sentences) for the genre classifier.

Word and bigram counts over the first tokens, plus a few layout cues that tell genres
apart where words do not (speaker labels in transcripts and briefings, questions,
first and second person, quotation). Tokens only: works on any Doc, parsed or not.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..segment import doc_text
from .tokens import shape, token_table

# Enough words to recognise a genre; more only costs time on long documents.
MAX_TOKENS = 400
_SPEAKER = re.compile(r"(?m)^\s*[A-Z][A-Z.' -]{1,40}:")
_FIRST = frozenset({"i", "me", "my", "we", "our", "us"})
_SECOND = frozenset({"you", "your", "yours"})


def document_features(doc: Doc | Span) -> dict[str, float]:
    """Return the genre features of a Doc or of a Span of consecutive sentences."""
    feats: dict[str, float] = {}

    def add(name: str, value: float = 1.0) -> None:
        feats[name] = feats.get(name, 0.0) + value

    whole, offset = (doc, 0) if isinstance(doc, Doc) else (doc.doc, doc.start)
    table = token_table(whole)
    words = [shape(table.lower[i]) for i in range(offset, offset + min(len(doc), MAX_TOKENS))
             if not table.space[i]]
    for w in words:
        add(f"w={w}")
    for a, b in zip(words, words[1:]):
        add(f"b={a}_{b}")
    n = max(len(words), 1)
    add("first_person", 5 * sum(w in _FIRST for w in words) / n)
    add("second_person", 5 * sum(w in _SECOND for w in words) / n)
    add("question", 5 * words.count("?") / n)
    text = doc_text(whole)[doc.start_char:doc.end_char] if isinstance(doc, Span) else doc_text(doc)
    if _SPEAKER.search(text):
        add("speaker_label")
    if '"' in text or "“" in text:
        add("quote")
    if "\n" in text.strip():
        add("line_breaks")
    return feats
