"""An output path must never destroy or re-read an input (checked before anything opens)."""

import json

import pytest
from typer.testing import CliRunner

from argmine.cli.app import app

runner = CliRunner()
LINE = json.dumps({"id": "a", "text": "Seoul favors talks with Pyongyang."}) + "\n"


def _refused(result, code):
    return result.exit_code == 1 and code in result.output


@pytest.mark.parametrize("command", [["annotate", "--units-only"], ["convert", "--from", "jsonl"]])
@pytest.mark.parametrize("via", ["same", "symlink", "relative"])
def test_output_equal_to_input_is_refused_even_with_overwrite(tmp_path, monkeypatch, command, via):
    src = tmp_path / "in.jsonl"
    src.write_text(LINE, encoding="utf-8")
    out = src
    if via == "symlink":
        out = tmp_path / "link.jsonl"
        out.symlink_to(src)
    elif via == "relative":
        monkeypatch.chdir(tmp_path)
        out = "./sub/../in.jsonl"
        (tmp_path / "sub").mkdir()
    result = runner.invoke(app, [command[0], str(src), *command[1:], "-o", str(out), "--overwrite"])
    assert _refused(result, "E030"), result.output
    assert src.read_text(encoding="utf-8") == LINE


@pytest.mark.parametrize("command", [["annotate", "--units-only"], ["convert", "--from", "text"]])
def test_output_inside_an_input_folder_is_refused_before_anything_is_written(tmp_path, command):
    folder = tmp_path / "texts"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Seoul favors talks.", encoding="utf-8")
    out = folder / "sub" / "out.jsonl"
    result = runner.invoke(app, [command[0], str(folder), *command[1:], "-o", str(out)])
    assert _refused(result, "E031"), result.output
    assert not out.exists()


def test_output_folder_is_refused(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Seoul favors talks.", encoding="utf-8")
    (tmp_path / "out").mkdir()
    result = runner.invoke(app, ["annotate", str(src), "--units-only", "-o", str(tmp_path / "out"), "--overwrite"])
    assert _refused(result, "E032"), result.output


def test_stdin_twice_is_refused(tmp_path):
    result = runner.invoke(app, ["annotate", "-", "-", "--units-only", "-o", str(tmp_path / "o.jsonl")],
                           input="Seoul favors talks.")
    assert _refused(result, "E037"), result.output
    assert not (tmp_path / "o.jsonl").exists()
