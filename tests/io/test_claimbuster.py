from collections import Counter

import pytest

from argmine.io import read_corpus

from .checks import assert_records_valid


def _read(path):
    return list(read_corpus(path, format="claimbuster"))


def test_fixture(data_dir):
    docs = _read(data_dir / "claimbuster")
    assert [d.id for d in docs] == ["claimbuster-501", "claimbuster-502"]
    cfs, ncs = docs
    (u,) = cfs.units
    assert cfs.text[u.start:u.end] == "We cut the deficit by 3 billion dollars last year."
    assert (u.id, u.label, u.type, u.orig) == ("u1", "claim", "fact", "CFS")
    assert cfs.meta == {"corpus": "claimbuster", "split": None, "source": "kfold_25ncs.json",
                        "topic": None, "sentence_id": 501}
    (u,) = ncs.units
    assert ncs.text == " Thank you all for coming tonight. "
    assert ncs.text[u.start:u.end] == "Thank you all for coming tonight."
    assert (u.label, u.type, u.orig) == ("none", None, "NCS")


def test_csv_and_jsonl(tmp_path):
    csv_file = tmp_path / "kfold.csv"
    csv_file.write_text('sentence_id,screening,label,text\n7,-3,1,"Taxes rose, he said."\n',
                        encoding="utf-8")
    (doc,) = _read(csv_file)
    assert doc.id == "claimbuster-7" and doc.units[0].label == "claim"
    assert doc.meta["screening"] == "-3" and doc.text == "Taxes rose, he said."
    jsonl_file = tmp_path / "kfold.jsonl"
    jsonl_file.write_text('{"sentence_id": 8, "label": 0, "text": "Hello."}\n', encoding="utf-8")
    (doc,) = _read(jsonl_file)
    assert doc.id == "claimbuster-8" and doc.units[0].orig == "NCS"


@pytest.mark.slow
@pytest.mark.corpora
def test_real_corpus(corpora_dir):
    docs = _read(corpora_dir / "claimbuster")
    # SOURCE.md: 9,674 sentences, CFS 2,764 / NCS 6,910 (the whole file is here).
    assert len(docs) == 9674
    assert Counter(u.orig for d in docs for u in d.units) == {"CFS": 2764, "NCS": 6910}
    assert Counter(u.label for d in docs for u in d.units) == {"claim": 2764, "none": 6910}
    assert len({d.id for d in docs}) == len(docs)
    assert_records_valid(docs)
