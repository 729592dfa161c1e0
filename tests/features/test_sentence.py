"""Sentence features on hand-built Docs."""

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from argmine.features.lexicon import read_cue_lists
from argmine.features.sentence import sentence_features

CUES = read_cue_lists()


def _sent(words, tags, lemmas):
    doc = Doc(Vocab(), words=words, tags=tags, lemmas=lemmas)
    return doc[:]


@pytest.mark.parametrize("words,tags,lemmas,expected", [
    # "for years" states no figure: no quantity, and the bare time word is no record cue.
    (["Beijing", "pushed", "for", "years", "."], ["NNP", "VBD", "IN", "NNS", "."],
     ["Beijing", "push", "for", "year", "."], False),
    (["Prices", "rose", "40", "%", "in", "3", "years", "."], ["NNS", "VBD", "CD", "NN", "IN", "CD", "NNS", "."],
     ["price", "rise", "40", "%", "in", "3", "year", "."], True),
    (["The", "budget", "grew", "40", "percent", "in", "the", "years", "since", "."],
     ["DT", "NN", "VBD", "CD", "NN", "IN", "DT", "NNS", "IN", "."],
     ["the", "budget", "grow", "40", "percent", "in", "the", "year", "since", "."], True),
    # An ordinal is no figure.
    (["The", "first", "time", "in", "decades", "."], ["DT", "JJ", "NN", "IN", "NNS", "."],
     ["the", "first", "time", "in", "decade", "."], False),
])
def test_a_time_unit_is_a_quantity_only_beside_a_figure(words, tags, lemmas, expected):
    feats = sentence_features(_sent(words, tags, lemmas), cues=CUES, char_ngrams=False)
    assert ("num_time" in feats) is expected
    assert "cue=time_unit" not in feats
    assert not any(k.startswith("cue=record:year") or k.startswith("cue=record:decade") for k in feats)


def test_a_model_without_the_time_unit_list_reads_as_before():
    old = {name: words for name, words in CUES.items() if name != "time_unit"}
    feats = sentence_features(_sent(["In", "3", "years", "."], ["IN", "CD", "NNS", "."],
                                    ["in", "3", "year", "."]), cues=old, char_ngrams=False)
    assert "num_time" not in feats and feats["num"] == 1.0
