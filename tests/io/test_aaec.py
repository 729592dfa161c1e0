from collections import Counter

import pytest

from argmine.io import read_corpus
from argmine.io.aaec import detokenize

from .checks import assert_records_valid


def _read(path):
    return list(read_corpus(path, format="aaec"))


def test_fixture_documents(data_dir):
    docs = _read(data_dir / "aaec")
    assert [d.id for d in docs] == ["aaec-train-0001", "aaec-train-0002"]
    first, second = docs
    assert first.text == ("Should cities ban cars? I believe that cities should ban cars from "
                          "their centres. First, cars pollute the air. Exhaust fumes cause asthma in "
                          "children. However, some people's jobs depend on well-paid driving. "
                          "New \"green\" jobs would replace them.")
    assert first.meta == {"corpus": "aaec", "split": "train", "source": "train.dat",
                          "topic": "aaec-train-0001", "essay": 1, "line": 1}
    assert [(u.id, u.label, u.type, u.orig, first.text[u.start:u.end]) for u in first.units] == [
        ("T1", "claim", None, "MajorClaim", "cities should ban cars from their centres"),
        ("T2", "claim", None, "Claim:For", "cars pollute the air"),
        ("T3", "evidence", None, "Premise", "Exhaust fumes cause asthma in children"),
        ("T4", "claim", None, "Claim:Against", "some people's jobs depend on well-paid driving"),
        ("T5", "evidence", None, "Premise", "New \"green\" jobs would replace them"),
    ]
    assert all(u.score is None for u in first.units)
    assert [(r.source, r.target, r.label, r.orig) for r in first.relations] == [
        ("T2", "T1", "support", "Claim:For"),
        ("T3", "T2", "support", "Premise:-1:Support"),
        ("T4", "T1", "attack", "Claim:Against"),
        ("T5", "T4", "attack", "Premise:-1:Attack"),
    ]
    assert second.text == ("Is homework useful? Teachers can't check everything, so pupils need "
                           "routines (daily practice). In conclusion, homework is useful.")
    assert second.meta["line"] == 55
    assert [(u.orig, second.text[u.start:u.end]) for u in second.units] == [
        ("Premise", "Teachers can't check everything"),
        ("Claim:For", "pupils need routines (daily practice)"),
        ("MajorClaim", "homework is useful"),
    ]
    # A forward link (+1), and a claim that both links and states its stance.
    assert [(r.id, r.source, r.target, r.label, r.orig) for r in second.relations] == [
        ("R1", "T1", "T2", "support", "Premise:1:Support"),
        ("R2", "T2", "T3", "support", "Claim:1:Support"),
        ("R3", "T2", "T3", "support", "Claim:For"),
    ]


def test_fixture_single_file_same_as_folder(data_dir):
    assert _read(data_dir / "aaec" / "train.dat") == _read(data_dir / "aaec")


def test_detokenize_offsets():
    tokens = ["He", "said", ":", "\"", "it", "'", "s", "(", "not", ")", "a", "well", "-", "known",
              "fact", "\"", "."]
    text, spans = detokenize(tokens)
    assert text == "He said: \"it's (not) a well-known fact\"."
    assert [text[s:e] for s, e in spans] == tokens


# Per-split counts from the corpus notes (SOURCE.md, "Label counts"); claims split For / Against.
EXPECTED = {
    "train": {"essays": 286, "MajorClaim": 533, "Claim:For": 870, "Claim:Against": 202,
              "Premise": 2697},
    "dev": {"essays": 36, "MajorClaim": 65, "Claim:For": 104, "Claim:Against": 26,
            "Premise": 326},
    "test": {"essays": 80, "MajorClaim": 153, "Claim:For": 254, "Claim:Against": 50,
             "Premise": 809},
}


@pytest.mark.slow
@pytest.mark.corpora
def test_real_corpus(corpora_dir):
    docs = _read(corpora_dir / "aaec-conll")
    splits = Counter(d.meta["split"] for d in docs)
    assert splits and set(splits) <= set(EXPECTED)  # test.dat is withheld in some copies
    for split in splits:
        got = Counter(u.orig for d in docs if d.meta["split"] == split for u in d.units)
        want = dict(EXPECTED[split])
        assert splits[split] == want.pop("essays")
        assert dict(got) == want
    assert_records_valid(docs)
    for doc in docs:
        # One relation per premise, one per claim (stance towards the major claim),
        # plus the rare claim that also links to another component.
        n_links = sum(1 for u in doc.units if u.orig != "MajorClaim")
        assert len(doc.relations) >= n_links
        units = {u.id: u for u in doc.units}
        for r in doc.relations:
            if r.orig.startswith("Premise"):
                assert units[r.target].orig != "MajorClaim"
    assert len({d.id for d in docs}) == len(docs)
