"""``annotate(..., n_process=2)``: forked workers send back records equal to a one-process run."""

from __future__ import annotations

import multiprocessing as mp

import pytest

import argmine
from argmine.errors import ArgmineError
from argmine.schema import Document
from argmine.workers import fork_available

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not fork_available(), reason="worker processes are forked")]

TEXTS = [
    "The council must fund the clinic. Costs rose 12% last year, the report says.",
    "Thanks to everyone who came tonight.",
    "We should act now. Waiting has cost us dearly. Nobody disputes that the bridge is unsafe.",
    "Critics say the plan is a mistake. They cite the failed pilot of 2019.",
]


@pytest.fixture(scope="module")
def nlp():
    return argmine.load(units_only=True)


def _records() -> list[Document]:
    records = [Document(id=f"d{i}", text=TEXTS[i % len(TEXTS)]) for i in range(24)]
    # A stated genre travels on a Doc; a long text is analysed in pieces and merged.
    records[5] = records[5].model_copy(update={"meta": {"genre": "essay"}})
    records[9] = Document(id="d9", text=" ".join(TEXTS * 6))
    return records


def test_two_workers_write_what_one_process_writes(nlp):
    records = _records()
    one = [r.model_dump_json() for r in argmine.annotate(records, nlp=nlp, batch_size=3, piece_chars=200)]
    two = [r.model_dump_json() for r in argmine.annotate(records, nlp=nlp, batch_size=3, piece_chars=200,
                                                          n_process=2)]
    assert two == one and len(one) == len(records)
    assert not mp.active_children()


def test_a_document_that_fails_in_a_worker_stops_the_run_after_the_ones_before(nlp, monkeypatch):
    from argmine import api

    real = api.from_doc

    def failing(doc, *, doc_id, meta=None):
        if doc_id == "d7":
            raise RuntimeError("broken")
        return real(doc, doc_id=doc_id, meta=meta)

    # Set before the workers fork, so they run it too.
    monkeypatch.setattr(api, "from_doc", failing)
    done = []
    with pytest.raises(ArgmineError, match="E099"):
        for record in argmine.annotate(_records(), nlp=nlp, batch_size=2, n_process=2):
            done.append(record.id)
    assert done == [f"d{i}" for i in range(7)]
    kept = [r.id for r in argmine.annotate(_records(), nlp=nlp, batch_size=2, n_process=2, skip_invalid=True)]
    assert "d7" not in kept and len(kept) == 23
    assert not mp.active_children()


def test_stopping_early_leaves_no_worker(nlp):
    results = argmine.annotate(_records(), nlp=nlp, batch_size=2, n_process=2)
    assert next(results).id == "d0"
    results.close()
    assert not mp.active_children()
