from collections import Counter

import pytest

from argmine.io import read_corpus
from argmine.io.elecdeb import split_of

from .checks import assert_records_valid


def _read(path):
    return list(read_corpus(path, format="elecdeb"))


def test_fixture_document(data_dir):
    (doc,) = _read(data_dir / "elecdeb")
    assert doc.id == "elecdeb-98_2024"
    assert doc.meta == {"corpus": "elecdeb", "split": "train", "source": "98_2024.ann",
                        "debate": "98_2024", "year": 2024, "topic": "2024",
                        "speakers": ["MODERATOR", "SMITH", "JONES"]}
    actors = {a.id: a for a in doc.actors}
    assert [(a.id, a.name, a.kind) for a in doc.actors] == [
        ("a1", "MODERATOR", "person"), ("a2", "SMITH", "person"), ("a3", "JONES", "person")]
    # Mentions: the tags as written; the second MODERATOR tag is a turn merged into a line.
    assert [doc.text[m.start:m.end] for m in actors["a1"].mentions] == ["MODERATOR", "MODERATOR"]
    assert actors["a1"].mentions[1].start > doc.text.index("\n(CROSSTALK)")
    assert [doc.text[m.start:m.end] for m in actors["a3"].mentions] == [
        "(CROSSTALK)_JONES", "JONES"]
    assert [(u.id, u.label, u.type, u.orig, u.speaker, doc.text[u.start:u.end])
            for u in doc.units] == [
        ("T2", "claim", None, "Claim", "a2", "We must repair the roads"),
        ("T1", "evidence", None, "Premise", "a2", "potholes damage cars"),
        ("T3", "claim", None, "Claim(discontinuous)", "a2",
         "Frankly, and I say this plainly, the budget allows it"),
        ("T4", "claim", None, "Claim", "a3", "The budget does not allow it"),
        ("T5", "evidence", None, "Premise", "a3", "Taxes would have to rise"),  # trimmed
    ]
    assert doc.relations == [] and doc.stances == []


def test_fixture_single_file(data_dir):
    assert _read(data_dir / "elecdeb" / "98_2024.txt") == _read(data_dir / "elecdeb")


def test_split_lists():
    assert split_of("3_1960") == "dev"
    assert split_of("44_2020") == "test"
    assert split_of("4_1960") == "train"


_WITHHELD_TEST = {"1_1960", "2_1960", "13_1988", "14_1988", "19_1992", "21_1992", "27_2000",
                  "36_2008", "44_2020"}


@pytest.mark.slow
@pytest.mark.corpora
def test_real_corpus(corpora_dir):
    root = corpora_dir / "elecdeb60to20"
    docs = _read(root)
    splits = Counter(d.meta["split"] for d in docs)
    # SOURCE.md: 45 debates = 31 train + 5 dev + 9 test; the test debates are withheld here.
    assert splits["train"] == 31 and splits["dev"] == 5 and splits["test"] in (0, 9)
    # Debates per year from SOURCE.md, minus the withheld test debates that are absent.
    years = {1960: 4, 1976: 3, 1980: 2, 1984: 3, 1988: 3, 1992: 6, 1996: 3, 2000: 4, 2004: 4,
             2008: 4, 2012: 4, 2016: 2, 2020: 3}
    if splits["test"] == 0:
        for debate in _WITHHELD_TEST:
            years[int(debate.split("_")[1])] -= 1
    assert Counter(d.meta["year"] for d in docs) == Counter({y: n for y, n in years.items() if n})

    # SOURCE.md only gives label counts for all 45 debates (Claim 16,996, Premise 13,852), so
    # for the part present here the expected counts are recomputed from the raw .ann lines.
    raw = Counter()
    for ann in (root / "data" / "annotations" / "components").glob("*.ann"):
        for line in ann.read_text(encoding="utf-8").splitlines():
            if line.strip():
                raw[line.split("\t")[1].split()[0]] += 1
    if len(docs) == 45:
        assert raw == Counter({"Claim": 16996, "Premise": 13852})
    got = Counter(u.orig.removesuffix("(discontinuous)") for d in docs for u in d.units)
    assert got == raw
    assert Counter(u.label for d in docs for u in d.units) == Counter(
        {"claim": raw["Claim"], "evidence": raw["Premise"]})

    assert_records_valid(docs)
    for doc in docs:
        assert doc.actors and all(a.mentions for a in doc.actors)
        for u in doc.units:
            assert u.speaker is not None
