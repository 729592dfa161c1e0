import pytest

from argmine.errors import ArgmineError
from argmine.nlp import load_spacy
from argmine.stance.target import find_hits, parse_target


@pytest.fixture(scope="module")
def nlp():
    return load_spacy()


@pytest.mark.parametrize("target,concept,anchor,paraphrase,opposite", [
    ("detente with North Korea", "engagement", "north korea", "rapprochement", "sanctions"),
    ("the Iran nuclear deal", "agreement", "iran", "accord", "withdrawal"),
    ("sanctions on Russia", "pressure", "russia", "embargo", "dialogue"),
])
def test_targets_generalise_through_concepts(nlp, target, concept, anchor, paraphrase, opposite):
    parsed = parse_target(target, nlp)
    assert concept in parsed.concepts
    assert anchor in parsed.anchors
    assert paraphrase in parsed.terms
    assert opposite in parsed.opposite


def test_modifier_does_not_widen_the_target(nlp):
    # "nuclear" must not make every sentence about enrichment a mention of the deal.
    assert "enrichment" not in parse_target("the Iran nuclear deal", nlp).terms


def test_user_terms_are_added(nlp):
    parsed = parse_target("detente with North Korea", nlp, extra_terms=["Sunshine Policy"])
    doc = nlp("Seoul revived the Sunshine Policy.")
    assert "sunshine policy" in parsed.terms
    assert [h.token.text for h in find_hits(next(doc.sents), parsed)]


def test_hits_mark_opposite_concepts(nlp):
    parsed = parse_target("detente with North Korea", nlp)
    doc = nlp("Washington lobbied for harsher sanctions, then agreed to talks.")
    hits = {h.token.lemma_: h.opposite for h in find_hits(next(doc.sents), parsed)}
    assert hits.get("sanction") is True and hits.get("talk") is False


def test_empty_target_is_an_error(nlp):
    with pytest.raises(ArgmineError, match="Target text is empty"):
        parse_target("  ", nlp)


def test_a_term_of_several_words_matches_whole_tokens_only(nlp):
    parsed = parse_target("detente with North Korea", nlp, extra_terms=["sunshine policy"])
    inside = nlp("Sunshine policymakers met in Seoul.")  # the letters, not the words
    assert not [h for h in find_hits(next(inside.sents), parsed) if h.via == "term" and " " in h.token.text]
    assert "policymakers" not in [h.token.lower_ for h in find_hits(next(inside.sents), parsed)]
    upper = nlp("Seoul revived the SUNSHINE POLICY.")
    assert [h.token.text for h in find_hits(next(upper.sents), parsed)] == ["POLICY"]
