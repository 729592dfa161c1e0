"""Sentence units from a parse: punctuation the senter split off joins its sentence."""

import spacy
from spacy.tokens import Doc

from argmine.segment import sentence_spans


def _doc(words, spaces, starts):
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, sent_starts=starts)


def test_opening_bracket_split_off_by_the_senter_joins_the_next_sentence():
    # "He spoke today. [ | applause] We will win." as en_core_web_sm's senter splits it.
    words = ["He", "spoke", "today", ".", "[", "applause", "]", "We", "will", "win", "."]
    spaces = [True, True, False, True, False, False, True, True, True, False, False]
    starts = [True, False, False, False, True, True, False, False, False, False, False]
    doc = _doc(words, spaces, starts)
    assert [doc.text[s.start:s.end] for s in sentence_spans(doc)] == [
        "He spoke today.", "[applause] We will win."]


def test_trailing_punctuation_joins_the_last_sentence():
    words = ["He", "said", "no", ".", "\""]
    spaces = [True, True, False, True, False]
    doc = _doc(words, spaces, [True, False, False, False, True])
    assert [doc.text[s.start:s.end] for s in sentence_spans(doc)] == ['He said no. "']
