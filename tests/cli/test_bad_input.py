"""Bad input gets a coded, located error and exit code 1, never an unhandled exception."""

import json
import shutil

import pytest
from typer.testing import CliRunner

from argmine.api import DEFAULT_MODEL
from argmine.cli.app import app

runner = CliRunner()


def _handled(result):
    return result.exit_code == 1 and (result.exception is None or isinstance(result.exception, SystemExit))


@pytest.fixture()
def binary(tmp_path):
    path = tmp_path / "bin.jsonl"
    path.write_bytes(bytes(range(256)))
    return path


@pytest.mark.parametrize("fmt", ["jsonl", "aaec", "ibm", "iam", "checkthat", "text"])
def test_non_utf8_corpus_is_a_clear_error(tmp_path, binary, fmt):
    result = runner.invoke(app, ["convert", "--from", fmt, str(binary), "-o", str(tmp_path / "o.jsonl")])
    assert _handled(result), result.output
    assert "not UTF-8" in result.output


def test_non_utf8_annotate_input(tmp_path, binary):
    result = runner.invoke(app, ["annotate", str(binary), "--units-only", "-o", str(tmp_path / "o.jsonl")])
    assert _handled(result) and "not UTF-8" in result.output


@pytest.mark.parametrize("damage", ["bad-json", "no-heads", "truncated-npz", "list-config"])
def test_damaged_model_is_a_clear_error(tmp_path, damage):
    model = tmp_path / "model"
    shutil.copytree(DEFAULT_MODEL / "units", model / "units")
    if damage == "bad-json":
        (model / "units" / "cfg.json").write_text("{bad", encoding="utf-8")
    elif damage == "no-heads":
        (model / "units" / "cfg.json").write_text("{}", encoding="utf-8")
    elif damage == "truncated-npz":
        data = (model / "units" / "component.npz").read_bytes()
        (model / "units" / "component.npz").write_bytes(data[: len(data) // 3])
    else:
        (model / "units" / "component.json").write_text("[]", encoding="utf-8")
    src = tmp_path / "a.txt"
    src.write_text("Seoul favors talks.", encoding="utf-8")
    result = runner.invoke(app, ["annotate", str(src), "--units-only", "--model", str(model),
                                 "-o", str(tmp_path / "o.jsonl")])
    assert _handled(result), result.output
    assert "E021" in result.output or "E011" in result.output


def test_training_on_a_stance_only_corpus_is_refused(tmp_path, data_dir):
    result = runner.invoke(app, ["train", f"ibm:{data_dir / 'ibm' / 'claim_stance_train.csv'}",
                                 "-o", str(tmp_path / "m")])
    assert _handled(result) and "E023" in result.output
    assert not (tmp_path / "m").exists()


def test_train_refuses_to_overwrite_without_flag(tmp_path, data_dir):
    out = tmp_path / "m"
    out.mkdir()
    (out / "keep.txt").write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["train", f"jsonl:{data_dir / 'train' / 'mini.jsonl'}", "-o", str(out)])
    assert _handled(result) and "--overwrite" in result.output
    assert (out / "keep.txt").exists()


def test_missing_hf_dataset_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["train", f"hf:{tmp_path / 'nope'}", "-o", str(tmp_path / "m")])
    assert _handled(result) and "E006" in result.output  # like every format's missing path
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, ["train", f"hf:{tmp_path / 'empty'}", "-o", str(tmp_path / "m")])
    assert _handled(result) and "E025" in result.output


def test_show_with_stdout_output_keeps_jsonl_clean(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Seoul favors talks. Tokyo does not.", encoding="utf-8")
    result = CliRunner().invoke(app, ["annotate", str(src), "--units-only", "--show", "-o", "-"])
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1 and json.loads(lines[0])["id"] == "a"
    assert "argument units" in result.stderr


def test_folder_ids_keep_subfolders_apart_and_skips_are_reported(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / "in" / sub).mkdir(parents=True)
        (tmp_path / "in" / sub / "x.txt").write_text("Seoul favors talks.", encoding="utf-8")
    (tmp_path / "in" / "notes.csv").write_text("x", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    result = CliRunner().invoke(app, ["annotate", str(tmp_path / "in"), "--units-only",
                                                      "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == ["a/x", "b/x"]
    stderr = " ".join(result.stderr.split())  # rich wraps log lines to the console width
    assert stderr.startswith("⚠ ") and "skipped 1 file" in stderr and "notes.csv" in stderr


def test_empty_input_is_not_reported_as_success(tmp_path):
    src = tmp_path / "empty.jsonl"
    src.write_text("\n", encoding="utf-8")
    result = runner.invoke(app, ["annotate", str(src), "--units-only", "-o", str(tmp_path / "o.jsonl")])
    assert _handled(result) and "No documents" in result.output


def test_stance_evaluation_without_gold_stances_is_an_error(tmp_path):
    src = tmp_path / "plain.jsonl"
    src.write_text('{"id": "a", "text": "Seoul favors talks."}\n', encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(DEFAULT_MODEL), f"jsonl:{src}", "--stance"])
    assert _handled(result) and "No gold stances" in result.output
