"""Speaker attribution on BASIL 2010-2014 (runs when ../shared/corpora is present)."""

from __future__ import annotations

import pytest

from argmine.io import read_corpus
from argmine.sources import evaluate as ev


@pytest.mark.corpora
@pytest.mark.slow
def test_basil_speakers_beat_textacy(corpora_dir):
    path = corpora_dir / "basil"
    if not path.is_dir():
        pytest.skip("BASIL not found")
    records = list(read_corpus(path, format="basil"))
    assert len(records) == 150 and sum(len(r.quotes) for r in records) == 140
    from argmine.nlp import load_spacy

    nlp = load_spacy()
    layers = ev._argmine_layers(nlp)
    docs = [layers(d) for d in ev.parse_cached(records, nlp, None)]
    systems = {"argmine": ev.argmine_found}
    try:
        import textacy  # noqa: F401
        systems["textacy"] = ev.textacy_found
    except ImportError:
        pass
    res = ev.evaluate(records, docs, systems)
    assert res["argmine"]["refused_documents"] == 0
    # Measured 0.857, 0.643 by name (see the model card); the goal is 0.85.
    assert res["argmine"]["accuracy"] >= 0.85
    assert res["argmine"]["by_name"] >= 0.6
    if "textacy" in res:
        assert res["argmine"]["accuracy"] > res["textacy"]["accuracy"] + 0.1


def test_same_person():
    assert ev.same_person("Mitt Romney", "Romney")
    assert ev.same_person("Mitt Romney", "Mr. Romney")
    assert not ev.same_person("Mitt Romney", "Paul Ryan")
    assert not ev.same_person("Mitt Romney", None)


@pytest.mark.parametrize("gold, predicted, expected", [
    ("Republican Lawmakers", "Republicans", True),
    ("Democratic Lawmakers", "Democrats", True),
    ("Tea Party", "St. Louis Tea Party", True),
    ("Nebraska and Oklahoma officials", "Nebraska", True),
    ("Rick Perry", "Rick Santorum", False),
    ("Democrats", "Republican Party", False),
    ("NAACP", None, False),
])
def test_same_group(gold, predicted, expected):
    assert ev.same_group(gold, predicted) is expected


def test_speaks_for_follows_the_affiliation_chain():
    found = ev.Found(0, 10, "Jane Doe", ("Harry Reid", "Democrats"))
    assert ev.speaks_for("Senate Democrats", found)
    assert ev.speaks_for("Jane Doe", found)
    assert not ev.speaks_for("Republicans", found)
