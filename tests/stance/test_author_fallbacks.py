"""The author's own claims: outcome predicate first, then the sentence lexicon, then the
learned classifier (``stance.attribution._author_reading``)."""

from __future__ import annotations

import pytest

import argmine
from argmine.convert import from_doc
from argmine.stance.attribution import JOINT_MIN_P, LEARNED_MIN_P, MODEL_ONLY_MIN_P, attribute

TARGET = "talks with Iran"


class Recorder:
    """A sentence-stance classifier that always answers ``label`` with ``p``, and keeps its calls."""

    def __init__(self, label: str, p: float):
        self.label, self.p, self.calls = label, p, []

    def predict(self, text: str, target: str) -> tuple[str, float]:
        self.calls.append((text, target))
        return self.label, self.p


class FixedPolarity:
    """A polarity model (the joint reader's interface) that always gives ``probs``."""

    def __init__(self, **probs: float):
        self.probs = probs

    def predict_one(self, text, target, **_):
        return dict(self.probs)

    def fuse_block(self, probs, *_, **__):
        return probs


@pytest.fixture(scope="module")
def nlp():
    return argmine.load()


def _author_stance(nlp, text, learned=None):
    doc = nlp(text)
    record = from_doc(doc, doc_id="t")
    stances = attribute(doc, record.units, targets=[TARGET], nlp=nlp, learned=learned)
    [author] = [a for a in record.actors if a.role == "author"]
    return next((s for s in stances if s.actor == author.id), None)


def test_outcome_predicate_comes_first(nlp):
    learned = Recorder("against", 0.99)
    stance = _author_stance(nlp, "It would be a tragedy if the talks with Iran failed.", learned)
    assert stance.stance == "favor" and stance.score == 0.75
    assert learned.calls == []


def test_lexicon_reading_when_there_is_no_outcome_predicate(nlp):
    learned = Recorder("against", 0.99)
    stance = _author_stance(nlp, "The talks with Iran should continue, because they are useful.", learned)
    assert stance.stance == "favor" and 0.5 < stance.score < 0.75  # the lexicon scores below outcomes
    assert learned.calls == []


@pytest.mark.parametrize("p, expected", [(0.9, "against"), (LEARNED_MIN_P - 0.01, None)])
def test_learned_classifier_last_and_only_when_confident(nlp, p, expected):
    learned = Recorder("against", p)
    stance = _author_stance(nlp, "The talks with Iran should be judged on their results.", learned)
    assert learned.calls, "the classifier is asked when neither rule reads the sentence"
    if expected is None:
        assert stance is None or stance.stance == "none"
    else:
        assert stance.stance == expected and stance.score == round(p * 0.7, 3)


@pytest.mark.parametrize("favor, expected", [(MODEL_ONLY_MIN_P + 0.05, "favor"), (MODEL_ONLY_MIN_P - 0.05, None)])
def test_polarity_model_alone_counts_when_more_likely_than_not(nlp, favor, expected):
    rest = (1 - favor) / 2
    learned = FixedPolarity(favor=favor, against=rest, none=rest)
    stance = _author_stance(nlp, "The talks with Iran should be judged on their results.", learned)
    if expected is None:
        assert stance is None or stance.stance == "none"
    else:
        assert stance.stance == expected and stance.score == round(favor, 3)


@pytest.mark.parametrize("against, expected", [(JOINT_MIN_P - 0.05, "favor"), (JOINT_MIN_P + 0.05, "against")])
def test_polarity_model_overrules_a_rule_reading_only_when_confident(nlp, against, expected):
    learned = FixedPolarity(favor=0.9 - against, against=against, none=0.1)
    stance = _author_stance(nlp, "It would be a tragedy if the talks with Iran failed.", learned)
    assert stance.stance == expected


def test_polarity_model_never_overrules_a_chain_of_cues(nlp):
    # oppose(-) x abandon(-) = favour: a composition the rules make and the model does not.
    doc = nlp("France opposed abandoning the talks with Iran.")
    record = from_doc(doc, doc_id="t")
    stances = attribute(doc, record.units, targets=[TARGET], nlp=nlp,
                        learned=FixedPolarity(favor=0.05, against=0.9, none=0.05))
    france = next(a.id for a in record.actors if a.name == "France")
    assert next(s for s in stances if s.actor == france).stance == "favor"
