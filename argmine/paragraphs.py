"""``argmine_paragraphs``: a blank line ends a sentence.

spaCy's parser and senter decide sentence ends from the words alone, and in news they
often run a sentence on across a blank line: after a closing quotation mark, or after
a line with no full stop (a headline, a list of names). On the BASIL news articles
almost a fifth of the paragraph breaks fell inside a sentence, so a quotation's speaker
was looked for in the wrong paragraph. This component, first in the pipeline, marks the
first token of every paragraph as a sentence start; the parser, senter and sentencizer
keep boundaries set before them, and decide the rest as before.
"""

from __future__ import annotations

import re

import numpy as np
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

PARAGRAPHS = "argmine_paragraphs"
# A blank line (spaces and carriage returns allowed) ends a paragraph.
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n\s*")


@Language.component(PARAGRAPHS)
def mark_paragraphs(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on the first token after each paragraph break of ``doc``."""
    if len(doc) < 2:
        return doc
    for i in np.flatnonzero(doc.to_array([IS_SPACE])[:-1]).tolist():
        if "\n" in doc[i].text and PARAGRAPH_BREAK.search(doc[i].text):
            doc[i + 1].is_sent_start = True
    return doc


def mark_paragraphs_first(nlp: Language) -> Language:
    """Put ``argmine_paragraphs`` first in ``nlp`` (once)."""
    if not nlp.has_pipe(PARAGRAPHS):
        nlp.add_pipe(PARAGRAPHS, first=True)
    return nlp
