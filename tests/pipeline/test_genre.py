"""Genre: predicted for short texts, stated by the caller, and short inputs read from their words."""

import pytest

import argmine
from argmine.errors import ArgmineError

# Short texts written for these tests, one per genre the default model knows.
SHORT_TEXTS = {
    "essay": ("In my opinion, students should be required to learn a second language at school. "
              "In conclusion, the benefits for young people clearly outweigh the costs."),
    "debate": ("Thank you, Jim. Let me tell you, my opponent voted against this bill twice, and "
               "the American people deserve a president who will fight for them."),
    "microtext": ("Should the city introduce a tax on sugary drinks? Yes, because it would reduce "
                  "obesity among children. Admittedly, some families will pay more."),
    "discussion": ("I honestly think tipping should be abolished, change my view. Edit: thanks "
                   "for all the replies, you guys made some good points, delta awarded."),
    "news": ("MR. PRICE: Good afternoon, everyone. The Secretary met today with his counterparts "
             "from the Republic of Korea and Japan to discuss sanctions on the DPRK."),
}


@pytest.fixture(scope="module")
def nlp():
    return argmine.load(units_only=True)


_CONFUSED = {
    "microtext": "short microtexts read as essays: the two genres share their wording",
    "news": "a briefing's speaker label and greeting read as a debate transcript (news is "
            "learned from 24 excerpts only)",
}


@pytest.mark.parametrize("genre", [
    pytest.param(g, marks=pytest.mark.xfail(reason=_CONFUSED[g])) if g in _CONFUSED else g
    for g in sorted(SHORT_TEXTS)])
def test_genre_of_a_short_text_is_predicted_with_its_probability(nlp, genre):
    record = argmine.analyze(SHORT_TEXTS[genre], nlp=nlp)
    predicted = record.meta["genre_predicted"]
    assert predicted["genre"] == genre
    assert 1 / len(SHORT_TEXTS) < predicted["probability"] <= 1.0


def test_stated_genre_is_used_and_not_predicted(nlp):
    record = argmine.analyze(SHORT_TEXTS["news"], nlp=nlp, genre="essay")
    assert "genre_predicted" not in record.meta
    from_meta = argmine.analyze(SHORT_TEXTS["news"], nlp=nlp, meta={"genre": "debate"})
    assert "genre_predicted" not in from_meta.meta and from_meta.meta["genre"] == "debate"


def test_unknown_genre_is_a_clear_error(nlp):
    with pytest.raises(ArgmineError, match="essay.*auto"):
        argmine.analyze("A text.", nlp=nlp, genre="poetry")


CLAIMS = ["The government should raise the minimum wage.",
          "Nuclear power is the safest way to cut emissions. We must build more reactors."]


@pytest.mark.parametrize("text", CLAIMS)
@pytest.mark.parametrize("genre", ["auto", "essay", "debate", "microtext", "discussion", "news"])
def test_a_short_document_stating_a_claim_gets_claim(nlp, text, genre):
    record = argmine.analyze(text, nlp=nlp, genre=genre)
    assert [u.label for u in record.units] == ["claim"] * len(record.units)


def test_claim_in_the_first_sentence_of_a_briefing_is_found(nlp):
    text = ("MS. LEE: The administration believes that sanctions alone will not bring Pyongyang "
            "back to the table. The Secretary met the envoy on Tuesday. The talks lasted two "
            "hours. The delegation left Seoul on Wednesday morning.")
    record = argmine.analyze(text, nlp=nlp, genre="news")
    first = next(u for u in record.units if "believes" in text[u.start:u.end])
    assert first.label == "claim"
    assert [u.label for u in record.units if "met the envoy" in text[u.start:u.end]] == ["evidence"]
