"""Long texts are split at paragraph, then sentence boundaries and merged back."""

import pytest

import argmine
from argmine.pieces import merge_records, split_text
from argmine.schema import Actor, Document, Mention, Stance, Unit

PARA = "Seoul has pushed for talks with Pyongyang for years. The talks should resume soon."


@pytest.mark.parametrize("limit", [40, 100, 500, 10_000])
def test_pieces_cover_the_text_within_the_limit(limit):
    text = "\n\n".join([PARA] * 30) + " " + "x" * 700
    pieces = split_text(text, limit)
    assert all(len(p.text) <= limit for p in pieces)
    rebuilt = "".join(text[p.start:p.start + len(p.text)] for p in pieces)
    assert rebuilt == text
    assert all(text[p.start:p.start + len(p.text)] == p.text for p in pieces)


def test_pieces_end_at_paragraphs_then_sentences():
    text = "\n\n".join([PARA] * 10)
    cut = [p.start for p in split_text(text, 3 * len(PARA))][1:]
    assert all(text[c - 2:c] == "\n\n" for c in cut)
    one = split_text(PARA * 4, 2 * len(PARA))
    assert all(p.text.rstrip().endswith(".") for p in one[:-1])


def test_merge_shifts_offsets_renumbers_ids_and_merges_actors():
    text = "Seoul wants talks. Tokyo agrees. Seoul insists."
    a = Document(id="x", text=text[:19], units=[Unit(id="u1", start=0, end=18, label="claim")],
                 actors=[Actor(id="a1", name="South Korea", kind="country", mentions=[Mention(start=0, end=5)])],
                 stances=[Stance(actor="a1", target="talks", stance="favor", score=0.8, evidence=["u1"])])
    b = Document(id="x", text=text[19:], units=[Unit(id="u1", start=0, end=13, label="none"),
                                                Unit(id="u2", start=14, end=28, label="claim")],
                 actors=[Actor(id="a1", name="Japan", kind="country", mentions=[Mention(start=0, end=5)]),
                         Actor(id="a2", name="South Korea", kind="country", mentions=[Mention(start=14, end=19)])],
                 stances=[Stance(actor="a2", target="talks", stance="against", score=0.6, evidence=["u2"])])
    merged = merge_records(Document(id="x", text=text, meta={"k": 1}), [(0, a), (19, b)])
    assert [text[u.start:u.end] for u in merged.units] == ["Seoul wants talks.", "Tokyo agrees.", "Seoul insists."]
    assert [u.id for u in merged.units] == ["u1", "u2", "u3"]
    korea = next(x for x in merged.actors if x.name == "South Korea")
    assert [text[m.start:m.end] for m in korea.mentions] == ["Seoul", "Seoul"]
    [stance] = merged.stances
    assert stance.actor == korea.id and stance.stance == "mixed" and stance.evidence == ["u1", "u3"]
    assert merged.meta == {"k": 1}


@pytest.fixture(scope="module")
def nlp():
    return argmine.load(units_only=True)


def test_text_past_spacy_max_length_is_analysed_with_offsets_into_the_whole(nlp):
    text = "\n\n".join(f"Paragraph {i}. {PARA}" for i in range(60))
    nlp.max_length = 1000  # as if the text were far past spaCy's limit
    try:
        [record] = argmine.annotate([Document(id="long", text=text)], nlp=nlp)
    finally:
        nlp.max_length = 1_000_000
    whole = next(argmine.annotate([Document(id="long", text=text)], nlp=nlp))
    assert record.text == text
    # The same sentences at the same offsets; labels may differ where a feature reads the
    # position in the document, which restarts in each piece.
    assert [(u.start, u.end) for u in record.units] == [(u.start, u.end) for u in whole.units]
    same = sum(a.label == b.label for a, b in zip(record.units, whole.units))
    assert same >= 0.8 * len(whole.units)


def test_one_bad_document_does_not_lose_the_batch(nlp, monkeypatch):
    from argmine import api

    real = api.from_doc

    def broken(doc, **kw):
        if "boom" in doc.text:
            raise RuntimeError("boom")
        return real(doc, **kw)

    monkeypatch.setattr(api, "from_doc", broken)
    docs = [Document(id=f"d{i}", text=PARA if i != 5 else "boom") for i in range(8)]
    out = []
    with pytest.raises(argmine.errors.ArgmineError, match="E099"):
        for record in argmine.annotate(docs, nlp=nlp, batch_size=32):
            out.append(record.id)
    assert out == [f"d{i}" for i in range(5)]
    kept = [r.id for r in argmine.annotate(docs, nlp=nlp, skip_invalid=True)]
    assert kept == [f"d{i}" for i in range(8) if i != 5]


def test_mentions_never_start_or_end_with_whitespace():
    text = "Seoul  and  Tokyo  met.  President  Moon  Jae-in  said  China  agreed.   Kim  Jong  Un  left."
    record = argmine.analyze(text, nlp=argmine.load())
    mentions = [text[m.start:m.end] for a in record.actors for m in a.mentions]
    assert mentions and all(m == m.strip() for m in mentions), mentions


def test_candidate_spans_are_trimmed_of_whitespace_tokens():
    import spacy

    from argmine.actors.spans import candidate

    doc = spacy.blank("en")("Seoul  and  Tokyo  met.")
    # Characters 5:17 start on the whitespace token of the double space.
    cand = candidate(doc, "country", "japan", "Japan", 5, 19)
    assert doc.text[cand.start:cand.end] == "and  Tokyo"


@pytest.mark.parametrize("text", ["Seoul  and  Tokyo  met.  \n\n  Kim   left ", "  x", "Kim’s  “Rocket”  man "])
def test_text_between_equals_slicing_the_whole_text(text):
    import spacy

    from argmine.actors.spans import text_between

    doc = spacy.blank("en")(text)
    for a in range(len(text) + 1):
        for b in range(a, len(text) + 1):
            assert text_between(doc, a, b) == text[a:b]
