import logging
from collections import Counter

import pytest

from argmine.io import read_corpus
from argmine.schema import Document


def _read(path):
    return list(read_corpus(path, format="newsmtsc"))


def test_fixture(data_dir, caplog):
    with caplog.at_level(logging.INFO, logger="argmine"):
        docs = _read(data_dir / "newsmtsc")
    assert [d.id for d in docs] == ["allsides_12_5_3_Jane Doe_6_14",
                                    "polusa_v1_777_-1_0_Rob Roe_15_30"]
    first, second = docs
    assert first.units == [] and second.units == []

    assert [(a.id, a.name, a.kind, a.role) for a in first.actors] == [
        ("a0", "author", "person", "author"), ("p1", "Mayor Jane Doe", "person", None)]
    mentions = first.actors[1].mentions
    assert [first.text[m.start:m.end] for m in mentions] == ["Mayor Jane Doe", "she"]
    assert [(s.actor, s.target, s.stance, s.orig, s.evidence) for s in first.stances] == [
        ("a0", "Mayor Jane Doe", "favor", "polarity=6.0", [])]
    assert first.meta["split"] == "train"
    assert first.meta["topic"] == first.meta["article"] == "allsides_12"
    assert first.meta["story"] == "allsides_story_5"
    assert first.meta["targets"] == [
        {"actor": "p1", "gid": "allsides_12_5_3_Jane Doe_6_14", "polarity": 6.0}]

    # The first target's offsets are off by two: the mention is re-located and counted.
    assert [second.text[a.mentions[0].start:a.mentions[0].end] for a in second.actors[1:]] == [
        "Senator Rob Roe", "Ann Poe"]
    assert [(s.target, s.stance) for s in second.stances] == [
        ("Senator Rob Roe", "against"), ("Ann Poe", "none")]
    assert second.meta["topic"] == "polusa_v1_777" and second.meta["story"] is None
    assert "3 mention offsets exact, 1 re-located" in caplog.text


@pytest.mark.slow
@pytest.mark.corpora
def test_real_corpus(corpora_dir, caplog):
    with caplog.at_level(logging.INFO, logger="argmine"):
        docs = _read(corpora_dir / "newsmtsc")
    # SOURCE.md, train.jsonl (the devtest files are withheld here).
    assert len(docs) == 7758
    assert Counter(s.stance for d in docs for s in d.stances) == {
        "against": 3316, "none": 3028, "favor": 2395}
    assert Counter(len(d.stances) for d in docs) == {1: 6786, 2: 963, 3: 9}
    assert Counter(d.meta["collection"] for d in docs) == {"allsides": 3640, "polusa": 4118}
    # Every offset in train.jsonl is exact (8,739 targets + 3,141 further mentions).
    assert "11880 mention offsets exact, 0 re-located" in caplog.text
    assert len({d.id for d in docs}) == len(docs)
    for doc in docs:
        assert Document.model_validate(doc.to_dict()) == doc
        for actor in doc.actors[1:]:
            for m in actor.mentions:
                span = doc.text[m.start:m.end]
                assert span and span == span.strip()
