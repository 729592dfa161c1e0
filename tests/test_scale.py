"""Annotation beyond one process: Hugging Face ``map`` workers and a Dask cluster."""

from __future__ import annotations

import json

import pytest

from argmine.schema import Document

TEXTS = [
    "Beijing has pushed Washington for years to open a bilateral dialogue with Pyongyang.",
    "It would be a tragedy for all concerned if the budding rapprochement fails.",
    "Japan appears less than thrilled about the rapprochement.",
    "Seoul has been more ambivalent.",
    "The talks resumed in June.",
]
TARGET = "detente with North Korea"


@pytest.fixture(scope="module")
def local_records():
    import argmine

    records = [Document(id=f"d{i}", text=t) for i, t in enumerate(TEXTS)]
    return records, [r.model_dump_json() for r in argmine.annotate(records, nlp=argmine.load(),
                                                                   targets=[TARGET])]


@pytest.mark.slow
def test_annotate_dataset_two_processes_matches_local_run(local_records):
    datasets = pytest.importorskip("datasets")
    from argmine.io.hf import from_hf_dataset
    from argmine.scale import annotate_dataset

    records, expected = local_records
    ds = datasets.Dataset.from_dict({"id": [r.id for r in records], "text": [r.text for r in records]})
    out = annotate_dataset(ds, targets=[TARGET], num_proc=2, batch_size=2)
    assert [d.model_dump_json() for d in from_hf_dataset(out)] == expected


def test_annotate_dataset_without_id_column_numbers_rows():
    datasets = pytest.importorskip("datasets")
    from argmine.scale import annotate_dataset

    ds = datasets.Dataset.from_dict({"text": ["One claim here.", "Another sentence.", "A third."]})
    out = annotate_dataset(ds, units_only=True, batch_size=2)
    assert out["id"] == ["row-0", "row-1", "row-2"]
    assert all(units for units in out["units"])


def test_annotate_dataset_missing_text_column_is_a_coded_error():
    datasets = pytest.importorskip("datasets")
    from argmine.errors import ArgmineError
    from argmine.scale import annotate_dataset

    with pytest.raises(ArgmineError, match="E015"):
        annotate_dataset(datasets.Dataset.from_dict({"body": ["x"]}))


@pytest.mark.slow
def test_dask_local_cluster_writes_the_same_records_in_order(local_records):
    distributed = pytest.importorskip("distributed", reason="dask[distributed] is in the dev extra")
    from argmine.scale import annotate_dask

    records, expected = local_records
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None,
                                  processes=True) as cluster, distributed.Client(cluster) as client:
        got = list(annotate_dask(records, address=client, targets=[TARGET], chunk_size=2, window=2))
        # Each worker process loaded the pipeline once, however many chunks it ran.
        loads = client.run(lambda: len(__import__("argmine.scale").scale._PIPELINES))
    assert [d.model_dump_json() for d in got] == expected
    assert all(n <= 1 for n in loads.values())


@pytest.mark.slow
def test_cli_dask_writes_the_same_file_as_a_local_run(tmp_path):
    distributed = pytest.importorskip("distributed", reason="dask[distributed] is in the dev extra")
    from typer.testing import CliRunner

    from argmine.cli.app import app

    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(TEXTS)),
                   encoding="utf-8")
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    result = CliRunner().invoke(app, ["annotate", str(src), "-t", TARGET, "-o", str(local)])
    assert result.exit_code == 0, result.output
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        result = CliRunner().invoke(app, ["annotate", str(src), "-t", TARGET, "-o", str(remote),
                                          "--dask", cluster.scheduler_address])
    assert result.exit_code == 0, result.output
    assert remote.read_bytes() == local.read_bytes()
