from collections import Counter

import pytest

from argmine.io import read_corpus
from argmine.io.checkthat import clean_speaker

from .checks import assert_records_valid


def _read(path):
    return list(read_corpus(path, format="checkthat"))


def test_fixture(data_dir):
    docs = _read(data_dir / "checkthat")
    assert [d.id for d in docs] == ["checkthat-20200101_townhall", "checkthat-20200202_speech"]
    hall, speech = docs
    assert hall.text == ("Welcome to the town hall.\n"
                         "Unemployment fell to 4 percent last year, the lowest in a decade.\n"
                         "(APPLAUSE)\nI think we can do better.")
    assert [(a.id, a.name, a.kind) for a in hall.actors] == [
        ("s1", "HOST", "person"), ("s2", "SMITH", "person")]
    got = [(u.id, hall.text[u.start:u.end], u.label, u.type, u.orig, u.speaker) for u in hall.units]
    assert got == [
        ("u1", "Welcome to the town hall.", "none", None, "not", "s1"),
        ("u2", "Unemployment fell to 4 percent last year, the lowest in a decade.",
         "claim", "fact", "check-worthy", "s2"),
        ("u3", "(APPLAUSE)", "none", None, "not", None),
        ("u4", "I think we can do better.", "none", None, "not", "s2"),
    ]
    assert hall.meta == {"corpus": "checkthat2019-t1", "split": "train",
                         "source": "CT19-T1-Training.csv", "topic": "20200101_townhall.tsv",
                         "file_name": "20200101_townhall.tsv",
                         "speaker_fixes": {"(APPLAUSE) SMITH": "SMITH"}}
    (u,) = speech.units
    assert speech.text[u.start:u.end] == "Our state built 200 new schools."
    assert speech.actors[0].name == "JONES" and u.speaker == speech.actors[0].id


def test_clean_speaker():
    assert clean_speaker("TRUMP") == "TRUMP"
    assert clean_speaker("SYSTEM") is None and clean_speaker("SYSYTEM") is None
    assert clean_speaker("(APPLAUSE) CLINTON") == "CLINTON"
    assert clean_speaker("we will win this. MADDOW") == "MADDOW"
    assert clean_speaker("MR. SCHWAB") == "MR. SCHWAB"


@pytest.mark.slow
@pytest.mark.corpora
def test_real_corpus(corpora_dir):
    docs = _read(corpora_dir / "checkthat2019-t1")
    # SOURCE.md, CT19-T1-Training.csv (the Test file is withheld here): 16,421 sentences,
    # 440 check-worthy / 15,981 not, 19 debates/speeches; SYSTEM 867 (+1 misspelt SYSYTEM).
    assert len(docs) == 19
    assert Counter(u.orig for d in docs for u in d.units) == {"check-worthy": 440, "not": 15981}
    assert {d.meta["split"] for d in docs} == {"train"}
    speakers = Counter()
    for d in docs:
        names = {a.id: a.name for a in d.actors}
        speakers.update(names.get(u.speaker) for u in d.units)
    assert speakers["TRUMP"] == 7966 and speakers["KAINE"] == 600 and speakers["PENCE"] == 524
    assert speakers[None] == 867 + 1
    assert_records_valid(docs)
