from collections import Counter

import pytest

from argmine.io import read_corpus

from .checks import assert_records_valid


def _read(path):
    return list(read_corpus(path, format="cmv"))


def test_fixture_documents(data_dir):
    docs = _read(data_dir / "cmv")
    assert [d.id for d in docs] == ["cmv-positive-2", "cmv-negative-3"]
    pos, neg = docs

    assert pos.text.startswith("CMV: Cafés should stay open until midnight.\n\nI think")
    assert pos.meta == {
        "corpus": "cmv", "split": None, "source": "v2.0/positive/2.ann", "delta": True,
        "topic": "x1abcd", "thread": "x1abcd",
        "title": "CMV: Cafés should stay open until midnight.",
        "url": "http://www.reddit.com/r/changemyview/comments/x1abcd/example/",
        "posts": [{"id": "x1abcd", "author": "alpha_user", "start": 44, "end": 194},
                  {"id": "c2efgh", "author": "beta_user", "start": 194, "end": 266}],
        "linked_premises": [["T3", "T4"]],
    }
    # The .ann offsets count UTF-8 bytes ("é", "—", "’" are several bytes); units use characters.
    assert [(u.id, u.label, u.type, u.orig, u.speaker, pos.text[u.start:u.end])
            for u in pos.units] == [
        ("T1", "claim", "value", "main_claim:evaluation_rational", "a1",
         "CMV: Cafés should stay open until midnight."),
        ("T2", "claim", "fact", "claim:interpretation", "a1", "late opening helps students"),
        ("T3", "evidence", None, "premise:logos", "a1", "Libraries close at eight"),
        ("T4", "evidence", None, "premise:pathos(discontinuous)", "a1",
         "people need somewhere to study — and cafés are cosy"),
        ("T5", "evidence", None, "premise:logos_pathos", "a1", "it’s good for business"),
        ("T6", "claim", None, "claim:disagreement", "a2", "I disagree that it helps students"),
        ("T7", "evidence", None, "premise:logos", "a2", "Caffeine late at night ruins sleep"),
    ]
    assert [(r.id, r.source, r.target, r.label, r.orig) for r in pos.relations] == [
        ("R1", "T3", "T2", "support", "support"),
        ("R2", "T4", "T2", "support", "support"),
        ("R3", "T2", "T1", "support", "agreement"),
        ("R4", "T6", "T2", "attack", "rebuttal_attack"),
        ("R5", "T7", "T6", "support", "support"),
        ("R6", "T5", "T1", "support", "support"),
    ]
    assert [(a.id, a.name, a.kind, a.mentions) for a in pos.actors] == [
        ("a1", "alpha_user", "person", []), ("a2", "beta_user", "person", [])]

    assert neg.meta["delta"] is False and neg.meta["source"] == "v2.0/negative/3.ann"
    assert [(u.id, u.type, u.orig, neg.text[u.start:u.end]) for u in neg.units] == [
        ("T1", "value", "main_claim:evaluation_emotional", "CMV: Board games beat video games."),
        ("T2", None, "claim:agreement", "Board games bring people together"),
        ("T3", None, "premise", "Everyone sits at one table"),  # no attribute line
    ]
    assert [(r.label, r.orig) for r in neg.relations] == [("support", "support"),
                                                          ("support", "partial_agreement")]


def test_fixture_folder_and_file(data_dir):
    root = data_dir / "cmv"
    assert _read(root / "v2.0") == _read(root)
    assert _read(root / "v2.0" / "negative") == _read(root)[1:]
    assert _read(root / "v2.0" / "positive" / "2.txt") == _read(root)[:1]


@pytest.mark.corpora
def test_real_corpus(corpora_dir):
    v2 = corpora_dir / "cmv-modes" / "v2.0"
    docs = _read(corpora_dir / "cmv-modes")
    # SOURCE.md gives counts only for all 113 threads, but ids divisible by 5 are withheld
    # here, so the expected counts for the present part are recomputed from the raw files.
    files = {f: sorted(v2.joinpath(f).glob("*.ann")) for f in ("positive", "negative")}
    assert Counter(d.meta["delta"] for d in docs) == Counter(
        {True: len(files["positive"]), False: len(files["negative"])})
    if len(docs) == 113:
        assert len(files["positive"]) == 49 and len(files["negative"]) == 64
    spans, attrs, rels = Counter(), Counter(), Counter()
    for ann in files["positive"] + files["negative"]:
        labels = {}
        for line in ann.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if line.startswith("T"):
                labels[cols[0]] = cols[1].split()[0]
                spans[labels[cols[0]]] += 1
            elif line.startswith("A"):
                _, target, value = cols[1].split()
                attrs[f"{labels[target]}:{value}"] += 1
            elif line.startswith("R"):
                rels[cols[1].split()[0]] += 1
    if len(docs) == 113:
        assert spans == Counter({"main_claim": 116, "claim": 1591, "premise": 2060})
    got = Counter(u.orig.removesuffix("(discontinuous)") for d in docs for u in d.units)
    assert got == attrs  # every span has exactly one type attribute
    assert Counter(u.orig.split(":")[0] for d in docs for u in d.units) == spans
    assert Counter(r.orig for d in docs for r in d.relations) == rels
    types = Counter((u.label, u.type) for d in docs for u in d.units)
    assert types[("claim", "value")] == sum(
        n for k, n in attrs.items() if "claim:evaluation_" in k)
    assert types[("claim", "fact")] == sum(
        n for k, n in attrs.items() if k.endswith(":interpretation"))
    assert types[("evidence", None)] == spans["premise"]

    # Several files are reply chains under the same original post: topic = Reddit thread id.
    assert len({d.meta["topic"] for d in docs}) < len(docs)
    assert_records_valid(docs)
    for doc in docs:
        assert doc.meta["title"] and doc.meta["posts"]
        for u in doc.units:
            assert u.speaker is not None
