"""The progress bar: drawn on a terminal, absent in a pipe and with --quiet, the same for every command."""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from argmine.cli.app import app
from argmine.cli.progress import progress
from argmine.progress import phase, track

LONG_COMMANDS = ["annotate", "convert", "evaluate", "train"]


def _records(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": f"d{i}", "text": f"Document {i} says the budget must pass. It is late."}) + "\n")
    return path


def _run_on_terminal(args: list[str], cwd: Path) -> tuple[int, str]:
    """Run ``argmine ARGS`` with stderr on a pseudo-terminal; return the exit code and what it drew."""
    main, secondary = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "160"}
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen([sys.executable, "-m", "argmine", *args], cwd=cwd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=secondary, env=env)
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    return proc.wait(timeout=120), b"".join(chunks).decode("utf-8", "replace")


def test_counts_words_rate_and_total_on_a_terminal():
    out = io.StringIO()
    with progress(console=Console(file=out, force_terminal=True, width=160)):
        with phase("fit the heads"):
            pass
        docs = list(track(["one two three", "four five"], what="parse essays", total=2,
                          words=lambda text: len(text.split())))
    assert docs == ["one two three", "four five"]  # passed through unchanged
    shown = out.getvalue()
    assert "parse essays" in shown and "2 / 2 documents" in shown and "words/s" in shown


def test_nothing_is_drawn_when_quiet_or_without_a_reporter():
    out = io.StringIO()
    with progress(quiet=True, console=Console(file=out, force_terminal=True)):
        assert list(track([1, 2], what="parse", total=2)) == [1, 2]
    assert out.getvalue() == ""
    # Library calls outside any ``progress`` block report nowhere.
    assert list(track(iter("ab"), what="parse")) == ["a", "b"]


@pytest.mark.parametrize("command", LONG_COMMANDS)
def test_every_long_command_offers_quiet(command):
    result = CliRunner().invoke(app, [command, "--help"], terminal_width=200)
    assert result.exit_code == 0 and "--quiet" in result.output


def test_convert_draws_the_bar_on_a_terminal_only(tmp_path):
    src = _records(tmp_path / "in.jsonl", 40)
    code, drawn = _run_on_terminal(["convert", str(src), "--from", "jsonl", "-o", str(tmp_path / "a.jsonl")], tmp_path)
    assert code == 0, drawn
    assert "convert jsonl" in drawn and "40 documents" in drawn and "words/s" in drawn

    code, drawn = _run_on_terminal(["convert", str(src), "--from", "jsonl", "-o", str(tmp_path / "b.jsonl"),
                                    "--quiet"], tmp_path)
    assert code == 0 and "documents" not in drawn, drawn

    # stderr in a pipe: no bar, only the records and the result line.
    res = subprocess.run([sys.executable, "-m", "argmine", "convert", str(src), "--from", "jsonl",
                          "-o", str(tmp_path / "c.jsonl")], capture_output=True, text=True, cwd=tmp_path)
    assert res.returncode == 0 and "documents/s" not in res.stderr and "━" not in res.stderr
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "c.jsonl").read_bytes()


@pytest.mark.slow
def test_annotate_draws_the_bar_on_a_terminal(tmp_path):
    src = _records(tmp_path / "in.jsonl", 20)
    code, drawn = _run_on_terminal(["annotate", str(src), "--units-only", "-o", str(tmp_path / "out.jsonl")],
                                   tmp_path)
    assert code == 0, drawn
    assert "annotate" in drawn and "20 documents" in drawn and "words/s" in drawn
    code, drawn = _run_on_terminal(["annotate", str(src), "--units-only", "-o", str(tmp_path / "q.jsonl"),
                                    "--quiet"], tmp_path)
    assert code == 0 and "documents" not in drawn.replace("document(s)", ""), drawn


@pytest.mark.slow
def test_train_and_evaluate_show_each_parse_with_its_total(tmp_path, data_dir):
    gold = data_dir / "train" / "mini.jsonl"
    n = sum(1 for line in gold.read_text(encoding="utf-8").splitlines() if line.strip())
    code, drawn = _run_on_terminal(["train", f"jsonl:{gold}", "-o", str(tmp_path / "model"), "--no-cache"],
                                   tmp_path)
    assert code == 0, drawn
    assert f"parse jsonl:{gold}" in drawn and f"{n} / {n} documents" in drawn and "words/s" in drawn, drawn
    code, drawn = _run_on_terminal(["train", f"jsonl:{gold}", "-o", str(tmp_path / "quiet"), "--no-cache",
                                    "--quiet"], tmp_path)
    assert code == 0 and "documents" not in drawn, drawn
    code, drawn = _run_on_terminal(["evaluate", str(tmp_path / "model"), f"jsonl:{gold}"], tmp_path)
    assert code == 0 and f"{n} / {n} documents" in drawn, drawn
