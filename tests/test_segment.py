"""Sentence units from a parse: punctuation the senter split off joins its sentence."""

import spacy
from spacy.tokens import Doc

from argmine.segment import doc_text, sentence_spans


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


def test_bracket_after_an_unfinished_sentence_stays_in_it():
    # "They will never sign this treaty | [under pressure]." split before the bracket.
    words = ["They", "will", "sign", "it", "[", "under", "pressure", "]", ".", "Fine", "."]
    spaces = [True, True, True, True, False, True, False, False, True, False, False]
    starts = [True, False, False, False, True, False, False, False, False, True, False]
    doc = _doc(words, spaces, starts)
    assert [doc.text[s.start:s.end] for s in sentence_spans(doc)] == [
        "They will sign it [under pressure].", "Fine."]


def test_bracket_after_a_finished_sentence_or_a_line_break_starts_a_new_one():
    words = ["Thank", "you", ".", "(", "Applause", ".", ")", "Title", "\n", "(", "Note", ")"]
    spaces = [True, False, True, False, False, False, True, False, False, False, False, False]
    starts = [True, False, False, True, False, False, False, True, False, True, False, False]
    doc = _doc(words, spaces, starts)
    assert [doc.text[s.start:s.end] for s in sentence_spans(doc)] == [
        "Thank you.", "(Applause.)", "Title", "(Note)"]


def test_doc_text_is_the_docs_text_built_once():
    nlp = spacy.blank("en")
    doc = nlp("New York is big.  Really.")
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)  # built once
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    assert doc_text(doc) == doc.text
    for text in ("Another text.", "", "  a  b\t\tc \n\n d\u00a0e \u2003f  ", "end  "):
        assert doc_text(nlp(text)) == text
