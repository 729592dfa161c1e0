"""Stance targets on the command line: --target, --term, --show, and their errors."""

import json

import pytest
from typer.testing import CliRunner

from argmine.cli.app import app

runner = CliRunner()
TARGET = "detente with North Korea"
# Invented: "the Sunshine Policy" names the target only through --term.
TEXT = "Seoul strongly supports the Sunshine Policy. Tokyo rejects any rapprochement with Pyongyang."


@pytest.fixture()
def text_file(tmp_path):
    path = tmp_path / "op-ed.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def _stances(path):
    record = json.loads(path.read_text(encoding="utf-8"))
    names = {a["id"]: a["name"] for a in record["actors"]}
    return {names[s["actor"]]: s["stance"] for s in record["stances"] if s["stance"] != "none"}


def test_term_adds_a_word_for_a_target(tmp_path, text_file):
    plain, termed = tmp_path / "plain.jsonl", tmp_path / "termed.jsonl"
    result = runner.invoke(app, ["annotate", str(text_file), "-t", TARGET, "-o", str(plain)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["annotate", str(text_file), "-t", TARGET,
                                 "--term", f"{TARGET}=Sunshine Policy", "-o", str(termed)])
    assert result.exit_code == 0, result.output
    assert "South Korea" not in _stances(plain)
    assert _stances(termed)["South Korea"] == "favor"
    assert _stances(termed)["Japan"] == _stances(plain)["Japan"] == "against"


@pytest.mark.parametrize("spec", ["Sunshine Policy", "peace=Sunshine Policy", f"{TARGET}= "])
def test_bad_term_is_a_clear_error(tmp_path, text_file, spec):
    result = runner.invoke(app, ["annotate", str(text_file), "-t", TARGET, "--term", spec,
                                 "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 1 and "write TARGET=WORD" in result.output
    assert not (tmp_path / "o.jsonl").exists()


@pytest.mark.parametrize("args, code", [(["-t", "  "], "E016"), (["-t", TARGET, "--units-only"], "E020")])
def test_target_errors(tmp_path, text_file, args, code):
    result = runner.invoke(app, ["annotate", str(text_file), *args, "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 1 and f"[{code}]" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_show_prints_the_stance_table(tmp_path, text_file):
    out = tmp_path / "o.jsonl"
    result = runner.invoke(app, ["annotate", str(text_file), "-t", TARGET, "--show", "-o", str(out)],
                           env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "argument units" in result.output and "who stands where" in result.output
    rows = [line for line in result.output.splitlines() if "Japan" in line and "against" in line]
    assert rows and "rapprochement" in rows[0]
