"""Interrupted, concurrent and failing runs lose nothing and leave no broken lines."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from argmine.cli.app import app
from argmine.errors import ArgmineError
from argmine.io import JsonlWriter
from argmine.schema import Document

runner = CliRunner()
N = 60


def _ids(path):
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_sigkill_mid_run_then_resume_gives_exactly_one_record_per_input(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": f"Seoul favors talks number {i}. " * 40}) + "\n"
                           for i in range(N)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "argmine", "annotate", str(src), "--units-only", "--batch-size", "1",
           "-o", str(out)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not out.exists() or len(out.read_bytes().splitlines()) < 5):
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    written = out.read_bytes()
    assert 0 < written.count(b"\n") < N, "the run was not interrupted mid-way"
    # Simulate the worst case: a kill inside a write leaves a partial last line.
    with open(out, "ab") as f:
        f.write(b'{"schema": "argmine.doc/1", "id": "d')
    result = subprocess.run(cmd + ["--resume"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "unfinished last line" in result.stderr
    assert _ids(out) == [f"d{i}" for i in range(N)]
    assert runner.invoke(app, ["validate", str(out)]).exit_code == 0


def test_resume_when_everything_is_done_writes_nothing_new(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "Seoul favors talks."}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert runner.invoke(app, ["annotate", str(src), "--units-only", "-o", str(out)]).exit_code == 0
    before = out.read_bytes()
    result = runner.invoke(app, ["annotate", str(src), "--units-only", "-o", str(out), "--resume"])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == before


def test_a_second_writer_on_the_same_output_is_refused(tmp_path):
    out = tmp_path / "out.jsonl"
    doc = Document(id="a", text="x")
    with JsonlWriter(out) as first:
        first.write(doc)
        with pytest.raises(ArgmineError, match="E035"):
            with JsonlWriter(out, overwrite=True):
                pass
        first.write(doc.model_copy(update={"id": "b"}))
    assert _ids(out) == ["a", "b"]


def test_two_concurrent_runs_never_interleave(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": "Seoul favors talks."}) + "\n" for i in range(30)),
                   encoding="utf-8")
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "argmine", "annotate", str(src), "--units-only", "-o", str(out), "--overwrite"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    codes = sorted(code for code, _ in results)
    # Either one run waited for the lock's release (it came second) or it was refused.
    assert codes in ([0, 0], [0, 1]), results
    if codes == [0, 1]:
        assert any("E035" in err for _, err in results)
    assert _ids(out) == [f"d{i}" for i in range(30)]


def test_library_writer_rolls_back_a_failed_write(tmp_path, monkeypatch):
    out = tmp_path / "out.jsonl"
    real = os.write
    calls = {"n": 0}

    def flaky(fd, data):
        calls["n"] += 1
        if calls["n"] == 1:
            real(fd, data[:10])
            raise OSError(28, "No space left on device")
        return real(fd, data)

    with JsonlWriter(out) as writer:
        writer.write(Document(id="a", text="x"))
        monkeypatch.setattr(os, "write", flaky)
        with pytest.raises(ArgmineError, match="E033"):
            writer.write(Document(id="b", text="y"))
    assert out.read_text(encoding="utf-8").endswith("}\n") and _ids(out) == ["a"]


def test_ctrl_c_with_worker_processes_is_clean(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": "Seoul favors talks. " * 30}) + "\n"
                           for i in range(400)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "argmine", "annotate", str(src), "--units-only", "--n-process", "2",
           "--batch-size", "2", "-o", str(out)]
    # Its own process group, as a shell job: Ctrl-C reaches the workers too.
    # The default Ctrl-C disposition, even when this test itself runs in the background
    # (where the shell ignores SIGINT and Python then raises no KeyboardInterrupt).
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size == 0):
        time.sleep(0.1)
    os.killpg(proc.pid, signal.SIGINT)
    stderr = proc.communicate(timeout=120)[1]
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr and "--resume" in stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines and all(json.loads(line)["id"] for line in lines)
