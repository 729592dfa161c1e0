"""BASIL reader on a synthetic article in the corpus's layout."""

from __future__ import annotations

import pytest

from argmine.errors import FormatError
from argmine.io import read_corpus


def test_reads_body_quotes_and_spans(data_dir):
    [doc] = list(read_corpus(data_dir / "basil", format="basil"))
    assert doc.text.split("\n\n")[1] == "Supporters said the harbour would bring jobs."
    [quote] = doc.quotes
    assert doc.text[quote.start:quote.end] == "This plan is a gift to developers"
    assert quote.cue is None and quote.kind == "direct"
    assert {a.id: a.name for a in doc.actors}[quote.speaker] == "Jane Roe"
    assert doc.meta["event"] == "t-1" and doc.meta["year"] == "2012"
    # Title spans are not part of the body and are left out.
    assert [doc.text[s["start"]:s["end"]] for s in doc.meta["spans"]] == \
        ["This plan is a gift to developers", "Supporters"]


def test_missing_layout_is_a_format_error(tmp_path):
    with pytest.raises(FormatError, match="annotations/YEAR"):
        list(read_corpus(tmp_path, format="basil"))
