import json
import logging

import pytest

from argmine.io import read_corpus
from argmine.io.prodigy import unit_label
from argmine.schema import Document


def _read(path):
    return list(read_corpus(path, format="prodigy"))


def _write(tmp_path, *tasks):
    path = tmp_path / "tasks.jsonl"
    path.write_text("".join(json.dumps(t) + "\n" for t in tasks), encoding="utf-8")
    return path


def test_fixture(data_dir, caplog):
    with caplog.at_level(logging.INFO, logger="argmine"):
        docs = _read(data_dir / "prodigy")
    assert [d.id for d in docs] == ["op-1", "annotations-3"]
    op, plain = docs
    got = [(u.id, op.text[u.start:u.end], u.label, u.type, u.orig) for u in op.units]
    assert got == [
        ("u1", "We should tax sugary drinks.", "claim", "policy", "CLAIM:policy"),
        ("u2", "Sales fell 20% after Mexico did so.", "evidence", "statistic",
         "evidence_statistic"),
        ("u3", "Doctors agree.", "evidence", None, "PREMISE"),
    ]
    assert [(r.id, r.source, r.target, r.label, r.orig) for r in op.relations] == [
        ("r1", "u2", "u1", "support", "SUPPORT"), ("r2", "u3", "u1", "support", "supports")]
    assert op.meta["corpus"] == "prodigy" and op.meta["topic"] == "sugar tax"
    assert op.meta["split"] is None and op.meta["source"] == "annotations.jsonl"
    assert op.meta["task_source"] == "letters page"
    assert op.meta["prodigy"] == {"_input_hash": 101, "_task_hash": 202}
    (u,) = plain.units
    assert (plain.text[u.start:u.end], u.label, u.type) == ("The weather was mild.", "none", None)
    assert "2 accepted task(s) read; 1 rejected and 0 ignored" in caplog.text


@pytest.mark.parametrize("raw, expected", [
    ("CLAIM", ("claim", None)), ("claim_value", ("claim", "value")),
    ("CLAIM:policy", ("claim", "policy")), ("Claim - Fact", ("claim", "fact")),
    ("MAJORCLAIM", ("claim", None)), ("Major Claim", ("claim", None)),
    ("EVIDENCE_TESTIMONY", ("evidence", "testimony")), ("PREMISE", ("evidence", None)),
    ("premise/reference", ("evidence", "reference")), ("NONE", ("none", None)),
    ("CLAIM_TESTIMONY", None), ("NONE_FACT", None), ("PERSON", None),
])
def test_unit_label(raw, expected):
    assert unit_label(raw) == expected


def test_token_offsets_and_repeated_ids(tmp_path):
    task = {"text": "Tax it now", "_input_hash": 7, "answer": "accept",
            "tokens": [{"text": "Tax", "start": 0, "end": 3, "id": 0},
                       {"text": "it", "start": 4, "end": 6, "id": 1},
                       {"text": "now", "start": 7, "end": 10, "id": 2}],
            "spans": [{"token_start": 0, "token_end": 1, "label": "claim"}]}
    docs = _read(_write(tmp_path, task, {**task, "answer": "ignore"}, task))
    assert [d.id for d in docs] == ["7", "7#L3"]
    assert docs[0].text[docs[0].units[0].start:docs[0].units[0].end] == "Tax it"
    for doc in docs:
        assert Document.model_validate(doc.to_dict()) == doc
