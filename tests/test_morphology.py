"""argmine_morphology writes exactly what spaCy's attribute ruler and lemmatizer write."""

from pathlib import Path

import pytest
import spacy

from argmine.morphology import MORPHOLOGY, use_fast_morphology
from argmine.nlp import load_spacy

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "vfw-2018-07-24-excerpt.txt"
# The ruler's rules of several tokens, whitespace tokens, contractions, odd casing.
TRICKY = [
    "I'm gonna go, y'all.  Let's see:\n\n there is a cat and there were dogs. Ain't it? C'mon!",
    "Gotta run \t now.   \n",
    "THE SENATE VOTED 52-48; the Senate's vote was 52–48.",
    "",
]


def _texts() -> list[str]:
    paragraphs = [p for p in EXAMPLE.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return paragraphs + TRICKY


@pytest.fixture(scope="module")
def pipelines():
    return load_spacy(), use_fast_morphology(load_spacy())


def test_same_docs_as_the_ruler_and_lemmatizer(pipelines):
    plain, fast = pipelines
    assert MORPHOLOGY in fast.pipe_names
    assert {"attribute_ruler", "lemmatizer"} <= set(fast.disabled)
    texts = _texts()
    for a, b in zip(plain.pipe(texts), fast.pipe(texts), strict=True):
        assert [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in a] == \
               [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in b]
        assert a.to_bytes() == b.to_bytes()
    assert fast.get_pipe(MORPHOLOGY)._state.fast  # the cache served, not the originals


def test_rules_of_several_tokens_apply(pipelines):
    _, fast = pipelines
    doc = fast("We are gonna win. There is a plan.")
    assert [t.lemma_ for t in doc[2:4]] == ["go", "to"]  # "gon na": two rules, one per token
    assert doc[7].pos_ == "VERB"  # "is" after expletive "There" (AUX elsewhere)


def test_a_rule_it_cannot_cache_falls_back_to_the_originals():
    plain, fast = load_spacy(), use_fast_morphology(load_spacy())
    for nlp in (plain, fast):
        # A rule that reads POS, which a token's form does not fix.
        nlp.get_pipe("attribute_ruler").add([[{"POS": "PROPN"}]], {"LEMMA": "NAME"})
    texts = ["Moon Jae-in met Kim Jong Un in Seoul.", *TRICKY]
    for a, b in zip(plain.pipe(texts), fast.pipe(texts), strict=True):
        assert a.to_bytes() == b.to_bytes()
    assert fast.get_pipe(MORPHOLOGY)._state.fast is False


def test_a_rule_setting_what_it_does_not_copy_back_falls_back():
    plain, fast = load_spacy(), use_fast_morphology(load_spacy())
    for nlp in (plain, fast):
        nlp.get_pipe("attribute_ruler").add([[{"LOWER": "cats"}]], {"NORM": "kitties"})
    a, b = plain("The cats sleep."), fast("The cats sleep.")
    assert b[1].norm_ == a[1].norm_ == "kitties"
    assert a.to_bytes() == b.to_bytes()


def test_rules_added_after_the_first_doc_apply(pipelines):
    plain, fast = load_spacy(), use_fast_morphology(load_spacy())
    fast("The dogs bark.")
    assert fast.get_pipe(MORPHOLOGY)._state.fast is True
    for nlp in (plain, fast):
        nlp.get_pipe("attribute_ruler").add([[{"LOWER": "dogs"}]], {"LEMMA": "doggo"})
    assert fast("The dogs bark.")[1].lemma_ == plain("The dogs bark.")[1].lemma_ == "doggo"


def test_pipelines_it_cannot_serve_are_left_alone():
    nlp = spacy.blank("en")
    assert use_fast_morphology(nlp).pipe_names == []
    nlp = load_spacy(exclude=("lemmatizer",))
    assert MORPHOLOGY not in use_fast_morphology(nlp).pipe_names


def test_saved_and_loaded(pipelines, tmp_path):
    _, fast = pipelines
    fast.to_disk(tmp_path / "nlp")
    loaded = spacy.load(tmp_path / "nlp")
    assert loaded.pipe_names == fast.pipe_names
    text = TRICKY[0]
    assert loaded(text).to_bytes() == fast(text).to_bytes()


def test_a_full_cache_starts_again_with_the_same_output(monkeypatch):
    monkeypatch.setattr("argmine.morphology._MAX_FORMS", 8)
    plain, fast = load_spacy(), use_fast_morphology(load_spacy())
    texts = _texts()[:6]
    for a, b in zip(plain.pipe(texts), fast.pipe(texts), strict=True):
        assert a.to_bytes() == b.to_bytes()
    state = fast.get_pipe(MORPHOLOGY)._state
    assert state.fast and len(state.cache) <= max(8, max(len(fast.make_doc(t)) for t in texts))
