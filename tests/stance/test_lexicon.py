"""Lexicon-only stance: cue matching, negation, outcome predicates, hedges, propositions."""

import pytest

from argmine.stance.lexicon import StanceLexicon, forms, lexicon_polarity, load_lexicon, target_info

TARGET = "the trade agreement"


@pytest.mark.parametrize("text,expected", [
    # Plain cues.
    ("The union strongly supports the trade agreement.", "favor"),
    ("Farmers oppose the trade agreement.", "against"),
    ("Ministers welcomed the trade agreement as a benefit for exporters.", "favor"),
    ("Analysts call the trade agreement a danger to small firms.", "against"),
    # Negation within three tokens flips the cue.
    ("The union does not support the trade agreement.", "against"),
    ("The union never opposed the trade agreement.", "favor"),
    ("Exporters were less than thrilled about the trade agreement.", "against"),
    ("The trade agreement poses no risk to jobs.", "favor"),
    # Outcome predicates: a bad evaluation of the target failing or being abandoned favours it.
    ("It would be a tragedy if the trade agreement fails.", "favor"),
    ("It would be a mistake to abandon the trade agreement.", "favor"),
    ("It would be wise to abandon the trade agreement.", "against"),
    # Hedges and split positions.
    ("The government is ambivalent about the trade agreement.", "mixed"),
    ("Officials were subdued about the trade agreement.", "mixed"),
    ("While supportive in public, officials remain uneasy about the trade agreement.", "mixed"),
    # No cue at all.
    ("The trade agreement was signed in Geneva on Tuesday.", "none"),
])
def test_lexicon_polarity(text, expected):
    label, score = lexicon_polarity(text, TARGET)
    assert label == expected, (text, label)
    assert 0.0 <= score <= 1.0


@pytest.mark.parametrize("text,target,expected", [
    # A proposition against its object flips the reading: harm to X favours banning X.
    ("Boxing causes serious brain damage.", "Should boxing be banned?", "favor"),
    ("Boxing teaches discipline and builds confidence.", "Should boxing be banned?", "against"),
    ("Boxing teaches discipline and builds confidence.", "boxing", "favor"),
    # Reducers flip what they govern: reducing a bad thing is good.
    ("The new policy reduces poverty.", "the new policy", "favor"),
    ("The new policy will not reduce poverty.", "the new policy", "against"),
])
def test_propositions_and_reducers(text, target, expected):
    assert lexicon_polarity(text, target)[0] == expected


def test_target_info_splits_object_and_sign():
    info = target_info("Should we ban smoking in public places?")
    assert info.proposition and info.sign == -1
    assert "smoking" in info.words and "ban" not in info.words
    plain = target_info("detente with North Korea")
    assert not plain.proposition and plain.sign == 1


def test_cues_inside_the_target_mention_do_not_count():
    # "freedom" names the target here; it is not an opinion about it.
    assert lexicon_polarity("Freedom of speech was discussed.", "freedom of speech")[0] == "none"


def test_load_lexicon_is_shared_and_consistent():
    lex = load_lexicon()
    assert isinstance(lex, StanceLexicon)
    assert load_lexicon() is lex
    for word in ("support", "oppose", "not", "ambivalent", "fail", "tragedy"):
        assert word in lex.all_cues()
    # A word cannot be both a favour and an against cue.
    assert not (lex.favor | lex.positive) & (lex.against | lex.negative)
    assert {"not", "never", "without", "less than"} <= lex.negators


def test_forms_undo_simple_inflection():
    assert "favor" in forms("favored")
    assert "ban" in forms("banned")
    assert "fail" in forms("fails")
    assert "labor" in forms("labored")


def test_irregular_inflections_match_their_cue():
    # lemminflect knows "won" (win) and "lost" (lose); a suffix rule never did.
    assert lexicon_polarity("The trade agreement won the exporters over.", TARGET)[0] == "favor"
    assert lexicon_polarity("Farmers lost out under the trade agreement.", TARGET)[0] == "against"


def test_a_parsed_sentence_reads_as_its_text():
    from argmine.nlp import load_spacy

    spacy_nlp = load_spacy()
    # The Span is read as the pipeline tokenized it, with the same result as the string.
    for text in ("Exporters were less than thrilled about the trade agreement.",
                 "It would be a tragedy if the trade agreement fails.",
                 "The union doesn’t support the trade agreement."):
        sent = next(spacy_nlp(text).sents)
        assert lexicon_polarity(sent, TARGET) == lexicon_polarity(text, TARGET)
