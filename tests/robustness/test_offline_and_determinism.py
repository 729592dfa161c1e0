"""No network at run time; the same input gives byte-identical output every way it is run."""

import json
import socket
import threading

import pytest
from typer.testing import CliRunner

import argmine
from argmine.api import DEFAULT_MODEL
from argmine.cli.app import app

runner = CliRunner()
TEXTS = ["Seoul has pushed Washington for years to open a dialogue with Pyongyang.",
         "Japan appears less than thrilled about the rapprochement. Tokyo wants more sanctions.",
         "President Moon said the talks must continue. Critics reply that they produced nothing."]


@pytest.fixture()
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("argmine opened a network socket")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def _src(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(TEXTS)),
                   encoding="utf-8")
    return src


def test_annotate_train_evaluate_show_export_without_network(tmp_path, data_dir, no_network):
    src = _src(tmp_path)
    steps = [
        ["annotate", str(src), "--target", "talks with North Korea", "--show", "-o", str(tmp_path / "o.jsonl")],
        ["validate", str(tmp_path / "o.jsonl")],
        ["convert", "--from", "jsonl", str(src), "-o", str(tmp_path / "c.jsonl")],
        ["train", f"jsonl:{data_dir / 'train' / 'mini.jsonl'}", "-o", str(tmp_path / "m")],
        ["evaluate", str(tmp_path / "m"), f"jsonl:{data_dir / 'train' / 'mini.jsonl'}",
         "--json", str(tmp_path / "scores.json")],
        ["show", str(tmp_path / "o.jsonl"), "-o", str(tmp_path / "report.html")],
        ["export", str(tmp_path / "o.jsonl"), "--format", "graphml", "-o", str(tmp_path / "net.graphml")],
        ["export", str(tmp_path / "o.jsonl"), "--format", "aif", "-o", str(tmp_path / "arg.json")],
    ]
    for args in steps:
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (args[0], result.output, result.exception)


def test_output_is_byte_identical_across_runs_and_processes(tmp_path):
    src = _src(tmp_path)
    outputs = []
    for k, extra in enumerate([[], [], ["--n-process", "2", "--batch-size", "1"]]):
        out = tmp_path / f"o{k}.jsonl"
        result = runner.invoke(app, ["annotate", str(src), "--target", "talks with North Korea", *extra,
                                     "-o", str(out)])
        assert result.exit_code == 0, result.output
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]


def test_threads_sharing_one_pipeline_get_serial_results():
    nlp = argmine.load(DEFAULT_MODEL)
    serial = [argmine.analyze(t, nlp=nlp, targets=["talks"]).to_dict() for t in TEXTS]
    results = {}

    def work(i):
        results[i] = argmine.analyze(TEXTS[i % 3], nlp=nlp, targets=["talks"]).to_dict()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(9)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(results[i] == serial[i % 3] for i in range(9))
