"""A blank line ends a sentence in every pipeline argmine loads."""

import subprocess
import sys

import pytest
import spacy

from argmine.nlp import blank_english, load_spacy, units_pipeline
from argmine.paragraphs import PARAGRAPHS, mark_paragraphs_first

TEXT = ('"We will not back down," the mayor said\n\nThe council voted on Monday. It passed\r\n \r\n'
        "Nobody objected")


def _sentences(nlp, text=TEXT):
    return [s.text.strip() for s in nlp(text).sents]


def test_blank_lines_end_sentences_before_the_sentencizer():
    assert _sentences(blank_english()) == ['"We will not back down," the mayor said',
                                           "The council voted on Monday.", "It passed", "Nobody objected"]


@pytest.mark.parametrize("make", [load_spacy, units_pipeline])
def test_parser_and_senter_keep_paragraph_starts(make):
    nlp = make()
    assert nlp.pipe_names[0] == PARAGRAPHS
    sents = _sentences(nlp)
    assert sents[0] == '"We will not back down," the mayor said'
    assert "Nobody objected" in sents
    # A single line break is no paragraph: the parser decides as before.
    assert len(_sentences(nlp, "The mayor said\nthat it passed.")) == 1


def test_added_once_and_saved_with_the_pipeline(tmp_path):
    nlp = mark_paragraphs_first(blank_english())
    assert nlp.pipe_names.count(PARAGRAPHS) == 1
    nlp.to_disk(tmp_path)
    assert _sentences(spacy.load(tmp_path)) == _sentences(nlp)


def test_a_saved_pipeline_finds_the_component_through_its_entry_point(tmp_path):
    mark_paragraphs_first(blank_english()).to_disk(tmp_path)
    # A fresh interpreter that never imports argmine itself: spaCy finds the factory through
    # the package's spacy_factories entry point.
    code = ("import spacy, sys; nlp = spacy.load(sys.argv[1]); "
            "print(len(list(nlp('It passed\\n\\nNobody objected').sents)))")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "2"


def test_excluded_on_request():
    assert PARAGRAPHS not in load_spacy(exclude=(PARAGRAPHS,)).pipe_names
