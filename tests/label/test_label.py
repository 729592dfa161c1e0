"""argmine label: driven in a real pseudo-terminal, one key per decision, resumable."""

import io
import sys
from pathlib import Path

import pytest
from rich.console import Console

from argmine.io import write_jsonl
from argmine.io.jsonl import read_jsonl
from argmine.label import DecisionLog, build_items
from argmine.label.session import run

from ..report.records import council_record

pexpect = pytest.importorskip("pexpect", reason="pexpect is in the dev extra")
ARGMINE = Path(sys.executable).with_name("argmine")


def _spawn(*args, cwd):
    if not ARGMINE.exists():
        pytest.skip(f"the argmine command is not installed beside {sys.executable}")
    return pexpect.spawn(str(ARGMINE), list(args), cwd=str(cwd), encoding="utf-8", timeout=60,
                         dimensions=(40, 100), env={"PATH": str(ARGMINE.parent), "TERM": "dumb",
                                                    "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"})


def test_label_units_in_a_terminal_and_resume(tmp_path):
    write_jsonl([council_record()], tmp_path / "in.jsonl")
    child = _spawn("label", "in.jsonl", "-o", "out.jsonl", cwd=tmp_path)
    child.expect(r"\[1/5\] council-1")
    child.expect("model: claim · value · p=0.55")
    child.send("\r")                      # accept
    child.expect(r"\[2/5\]")
    child.send("c")                       # correct the label to claim ...
    child.expect("type: v value")
    child.send("p")                       # ... of type policy
    child.expect(r"\[3/5\]")
    child.send("b")                       # back to the second unit
    child.expect(r"\[2/5\] council-1  \(your answer: claim\)")
    child.send("n")                       # revise it to none
    child.expect(r"\[3/5\]")
    child.send("s")                       # skip the third
    child.expect(r"\[4/5\]")
    child.send("q")
    child.expect("2 decision\\(s\\) in out.jsonl; 3 item\\(s\\) left")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    records = list(read_jsonl(tmp_path / "out.jsonl"))
    # One line per decided unit: the revision replaced the first answer for u2.
    assert [(r.id, r.units[0].label, r.units[0].type, r.meta["label"]["decision"]) for r in records] == [
        ("council-1:u1", "claim", "value", "accepted"), ("council-1:u2", "none", None, "corrected")]
    assert records[0].text == "Minister Alba said the treaty would bring peace [to the valley]."

    # A re-run resumes with what is left (the skipped unit first); quitting with Ctrl-C loses nothing.
    child = _spawn("label", "in.jsonl", "-o", "out.jsonl", cwd=tmp_path)
    child.expect(r"\[1/3\] council-1")
    child.expect("model: evidence · event")
    child.send("e")
    child.expect("type:")
    child.send("s")                       # statistic
    child.expect(r"\[2/3\]")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    decided = DecisionLog(tmp_path / "out.jsonl")
    assert len(decided) == 3 and decided.answer("council-1:u3") == "evidence"


def _keys(*pressed):
    it = iter(pressed)
    return lambda: next(it)


def test_order_uncertain_puts_least_confident_first():
    record = council_record()
    units = [u.model_copy(update={"score": s}) for u, s in zip(record.units, [0.9, 0.3, 0.6, 0.2, 0.95])]
    record = record.model_copy(update={"units": units})
    items = build_items([record], "units", order="uncertain")
    assert [it.unit.id for it in items] == ["u4", "u2", "u3", "u1", "u5"]


def test_stance_mode_records_gold_positions(tmp_path):
    items = build_items([council_record()], "stance", targets=["the treaty"])
    assert [it.key for it in items] == ["council-1:a1:the treaty", "council-1:a2:the treaty",
                                        "council-1:a3:the treaty"]
    log = DecisionLog(tmp_path / "s.jsonl")
    console = Console(file=io.StringIO(), width=100)
    outcome = run(items, log, console=console, key=_keys("m", "\r", "q"))
    assert outcome == (2, 1, True)
    records = list(read_jsonl(tmp_path / "s.jsonl"))
    assert [(r.stances[0].actor, r.stances[0].stance) for r in records] == [("a1", "mixed"), ("a2", "favor")]
    assert records[0].meta["targets"] == ["the treaty"] and records[0].stances[0].evidence == ["u1", "u4"]
    assert "actor Alba · target the treaty" in console.file.getvalue()


def test_relations_mode_from_predicted_relations_and_candidates(tmp_path):
    record = council_record()
    items = build_items([record], "relations")
    assert [(it.key, it.suggestion) for it in items] == [("council-1:u3>u2", "support"), ("council-1:u1>u2", "attack")]
    log = DecisionLog(tmp_path / "r.jsonl")
    run(items, log, console=Console(file=io.StringIO()), key=_keys("\r", "0"))
    records = list(read_jsonl(tmp_path / "r.jsonl"))
    assert [[(x.source, x.target, x.label) for x in r.relations] for r in records] == [[("u3", "u2", "support")], []]
    # Without predicted relations every argumentative unit is offered with the claims near it.
    bare = build_items([record.model_copy(update={"relations": []})], "relations")
    assert {it.key for it in bare} >= {"council-1:u3>u2", "council-1:u1>u4"}
    assert all(it.other.label == "claim" for it in bare)


@pytest.mark.slow
def test_unit_decisions_train_a_model(tmp_path):
    from typer.testing import CliRunner

    from argmine.cli.app import app

    record = council_record()
    items = build_items([record, record.model_copy(update={"id": "council-2"})], "units")
    log = DecisionLog(tmp_path / "d.jsonl")
    run(items, log, console=Console(file=io.StringIO()), key=_keys(*["\r"] * len(items)))
    result = CliRunner().invoke(app, ["train", f"jsonl:{tmp_path / 'd.jsonl'}", "-o", str(tmp_path / "m")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "m" / "units" / "cfg.json").is_file()


@pytest.mark.slow
def test_plain_texts_get_the_models_suggestions(tmp_path):
    """Texts without units are labelled by the model first; a record's own targets do not get in the way."""
    import json

    from typer.testing import CliRunner

    from argmine.cli.app import app

    src = tmp_path / "texts.jsonl"
    src.write_text(json.dumps({"schema": "argmine.doc/1", "id": "t1", "meta": {"targets": ["the treaty"], "topic": "x"},
                               "text": "We must sign the treaty now. The talks began in 2019. Thank you."}) + "\n",
                   encoding="utf-8")
    # From a pipe each line is one key: accept, relabel as none, quit.
    result = CliRunner().invoke(app, ["label", str(src), "-o", str(tmp_path / "out.jsonl")], input="\nn\nq\n")
    assert result.exit_code == 0, result.output
    assert "model: " in result.output and "[1/3] t1" in result.output
    records = list(read_jsonl(tmp_path / "out.jsonl"))
    assert [r.meta["label"]["unit"] for r in records] == ["u1", "u2"]
    assert records[1].units[0].label == "none" and records[0].meta["topic"] == "x"
