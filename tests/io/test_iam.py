from collections import Counter

import pytest

from argmine.io import read_corpus

from .checks import assert_records_valid


def _read(path):
    return list(read_corpus(path, format="iam"))


def test_root_reads_claims_and_only_the_missing_stance_splits(data_dir):
    docs = _read(data_dir / "iam")
    # stance/dev.txt repeats the claim rows of claims/dev.txt, so only stance/train.txt is added.
    assert [d.id for d in docs] == ["iam-stance-train-9_2", "iam-dev-7_1"]
    train, dev = docs

    assert dev.text == ("Trees in the town square Shade from trees keeps streets cool in summer. "
                        "The council met on Monday. Roots can crack the pavement.")
    spans = [(u.id, dev.text[u.start:u.end], u.label, u.type, u.orig) for u in dev.units]
    assert spans == [
        ("u1", "Trees in the town square", "none", None, "O"),
        ("u2", "Shade from trees keeps streets cool in summer.", "claim", None, "C"),
        ("u3", "The council met on Monday.", "none", None, "O"),
        ("u4", "Roots can crack the pavement.", "claim", None, "C"),
    ]
    assert [(s.actor, s.target, s.stance, s.evidence, s.orig) for s in dev.stances] == [
        ("a0", "Should towns plant more trees", "favor", ["u2"], "1"),
        ("a0", "Should towns plant more trees", "against", ["u4"], "-1"),
    ]
    assert dev.meta == {"corpus": "iam", "split": "dev", "source": "claims/dev.txt",
                        "topic": "Should towns plant more trees", "article_id": "7_1",
                        "claims_only": False}

    assert train.meta["claims_only"] is True and train.meta["split"] == "train"
    assert train.meta["source"] == "stance/train.txt"
    assert [train.text[u.start:u.end] for u in train.units] == [
        "Teenagers learn better after a full night of sleep.",
        "Late starts clash with parents' work hours."]
    assert [s.stance for s in train.stances] == ["favor", "against"]


def test_single_stance_file(data_dir):
    (doc,) = _read(data_dir / "iam" / "stance" / "dev.txt")
    assert doc.id == "iam-stance-dev-7_1"
    assert [doc.text[u.start:u.end] for u in doc.units] == [
        "Shade from trees keeps streets cool in summer.", "Roots can crack the pavement."]


def _counts(docs):
    units = Counter(u.orig for d in docs for u in d.units)
    stances = Counter(s.orig for d in docs for s in d.stances)
    return units, stances


@pytest.mark.corpora
def test_real_corpus(corpora_dir):
    root = corpora_dir / "iam"
    docs = _read(root)
    by_source = {}
    for d in docs:
        by_source.setdefault(d.meta["source"], []).append(d)
    # Counts from the table in SOURCE.md (claims/test and stance/test are withheld here).
    dev = by_source["claims/dev.txt"]
    assert len(dev) == 101
    assert _counts(dev) == ({"C": 492, "O": 6565}, {"1": 259, "-1": 233})
    assert len({d.meta["topic"] for d in dev}) == 62
    train = by_source["stance/train.txt"]
    assert len(train) == 648
    assert _counts(train) == ({"C": 3871}, {"1": 2098, "-1": 1773})
    assert len({d.meta["topic"] for d in train}) == 95
    assert set(by_source) == {"claims/dev.txt", "stance/train.txt"}
    assert len({d.id for d in docs}) == len(docs)
    assert_records_valid(docs)

    stance_dev = _read(root / "stance" / "dev.txt")
    assert len(stance_dev) == 82
    assert _counts(stance_dev) == ({"C": 492}, {"1": 259, "-1": 233})
