"""Every broken input of the reliability battery ends in a coded message, never a traceback.

Each case runs a command in-process and checks the exit code (1 = bad input or
environment, documented in the README), the error code in the message, and that no
Python exception escaped.
"""

import json
import os
import shutil

import numpy as np
import pytest
from typer.testing import CliRunner

from argmine.api import DEFAULT_MODEL
from argmine.cli.app import app

runner = CliRunner()


def run(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def coded(result, code, exit_code=1):
    """The command stopped with ``exit_code`` and a message carrying ``code``."""
    escaped = result.exception is None or isinstance(result.exception, SystemExit)
    assert escaped, f"unhandled {type(result.exception).__name__}: {result.exception}"
    assert result.exit_code == exit_code, result.output
    assert code in result.output, result.output
    return True


@pytest.fixture()
def jsonl(tmp_path):
    def make(*lines, name="in.jsonl"):
        path = tmp_path / name
        path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        return path
    return make


GOOD = json.dumps({"id": "good", "text": "Seoul favors talks with Pyongyang."})


@pytest.mark.parametrize("line, code", [
    ('{"id": "", "text": "x"}', "E039"),
    ('{"id": ' + "9" * 5000 + ', "text": "x"}', "E003"),
    ("[" * 100_000 + "]" * 100_000, "E003"),
    ('{"id": "a", "text": "bad \\ud800 surrogate"}', "E040"),
    ('{"id": "\\udfff", "text": "x"}', "E040"),
    ('{"id": ["a"], "text": "x"}', "E039"),
    ('{"id": "a", "text": 5}', "E005"),
])
def test_bad_record_stops_with_code_after_good_ones(tmp_path, jsonl, line, code):
    src = jsonl(GOOD, line)
    out = tmp_path / "out.jsonl"
    result = run("annotate", src, "--units-only", "-o", out)
    assert coded(result, code)
    assert f"{src}:2" in result.output
    # The good record before it was written, and nothing after it.
    assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()] == ["good"]


def test_skip_invalid_reports_and_continues(tmp_path, jsonl):
    src = jsonl(GOOD, '{"id": "", "text": "x"}', "not json", json.dumps({"id": "last", "text": "Tokyo agrees."}))
    out = tmp_path / "out.jsonl"
    result = run("annotate", src, "--units-only", "--skip-invalid", "-o", out)
    assert result.exit_code == 0, result.output
    assert f"{src}:2" in result.stderr and f"{src}:3" in result.stderr
    assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()] == ["good", "last"]


def test_validate_reports_lone_surrogates(jsonl):
    src = jsonl('{"schema": "argmine.doc/1", "id": "a", "text": "\\ud800"}')
    result = run("validate", src)
    assert result.exit_code == 1 and "E040" in result.output and f"{src}:1" in result.output


def test_binary_stdin(tmp_path):
    result = runner.invoke(app, ["annotate", "-", "--units-only", "-o", str(tmp_path / "o.jsonl")],
                           input=bytes(range(256)))
    assert coded(result, "E022")
    assert not (tmp_path / "o.jsonl").exists()


def test_device_input_is_refused(tmp_path):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    assert coded(run("annotate", "/dev/zero", "--units-only", "-o", tmp_path / "o.jsonl"), "E036")


def test_encoding_error_names_the_line_and_keeps_lines_before(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes((GOOD + "\n").encode() + b'{"id": "b", "text": "caf\xe9"}\n')
    out = tmp_path / "out.jsonl"
    result = run("annotate", src, "--units-only", "-o", out)
    assert coded(result, "E022") and f"{src}:2" in result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1


def test_csv_field_over_the_csv_limit(tmp_path):
    src = tmp_path / "claim_stance_train.csv"
    src.write_text('topicText,claims.claimCorrectedText\n"t","' + "x" * 200_000 + '"\n', encoding="utf-8")
    result = run("convert", "--from", "ibm", src, "-o", tmp_path / "o.jsonl")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1 and "[E" in result.output


def test_huge_elecdeb_offset(tmp_path, data_dir):
    folder = tmp_path / "elecdeb"
    shutil.copytree(data_dir / "elecdeb", folder)
    ann = folder / "98_2024.ann"
    ann.write_text("T1\tClaim 0 99999999999999999999\tx\n", encoding="utf-8")
    result = run("convert", "--from", "elecdeb", folder, "-o", tmp_path / "o.jsonl")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1 and "[E" in result.output


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads and writes any file")
def test_unreadable_input(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("x", encoding="utf-8")
    src.chmod(0)
    assert coded(run("annotate", src, "--units-only", "-o", tmp_path / "o.jsonl"), "E034")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_read_only_output_folder(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("x", encoding="utf-8")
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    assert coded(run("annotate", src, "--units-only", "-o", ro / "o.jsonl"), "E033")


def test_full_disk(tmp_path):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    src = tmp_path / "a.txt"
    src.write_text("Seoul favors talks.", encoding="utf-8")
    assert coded(run("annotate", src, "--units-only", "-o", "/dev/full", "--overwrite"), "E033")


def test_rich_markup_in_paths_ids_and_text_is_printed_as_is(tmp_path):
    folder = tmp_path / "[red]x"
    folder.mkdir()
    src = folder / "in.jsonl"
    src.write_text(json.dumps({"id": "[/]", "text": "Seoul [/] favors [bold]talks."}) + "\n"
                   + '{"id": ""}\n', encoding="utf-8")
    out = tmp_path / "o.jsonl"
    result = run("annotate", src, "--units-only", "--show", "-o", out)
    assert coded(result, "E005")
    assert "[red]x/in.jsonl:2" in result.output and "bold]talks." in result.output


def _model_copy(tmp_path):
    model = tmp_path / "model"
    shutil.copytree(DEFAULT_MODEL, model)
    return model


def _rewrite_checksums(model):
    from argmine.models.integrity import write_checksums
    write_checksums(model)


@pytest.mark.parametrize("damage, code", [
    ("shape", "E021"), ("nan", "E044"), ("stance-config", "E021"), ("meta", "E021"),
    ("head-outside", "E045"), ("future-format", "E043"), ("schema", "E043"),
])
def test_damaged_models(tmp_path, damage, code):
    model = _model_copy(tmp_path)
    units = model / "units"
    if damage == "shape":
        # Weights that no longer match the saved vocabulary.
        with np.load(units / "component.npz") as arrays:
            data = dict(arrays)
        data["coef"] = data["coef"][:, :-1].copy()
        np.savez_compressed(units / "component.npz", **data)
    elif damage == "nan":
        with np.load(units / "component.npz") as arrays:
            data = dict(arrays)
        data["coef"] = data["coef"].copy()
        data["coef"][0, 0] = np.nan
        np.savez_compressed(units / "component.npz", **data)
    elif damage == "stance-config":
        (model / "stance" / "polarity" / "config.json").write_text('{"kind": "polarity"}',
                                                                     encoding="utf-8")
    elif damage == "head-outside":
        cfg = json.loads((units / "cfg.json").read_text(encoding="utf-8"))
        cfg["heads"] = ["component", "../../../etc/passwd"]
        (units / "cfg.json").write_text(json.dumps(cfg), encoding="utf-8")
    if damage == "meta":
        (model / "meta.json").write_text("[1, 2", encoding="utf-8")
    else:
        _rewrite_checksums(model)  # the damage is in the values, not a changed file
    if damage in ("future-format", "schema"):
        meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
        meta.update({"format": 99} if damage == "future-format" else {"schema": "argmine.doc/9"})
        (model / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    src = tmp_path / "a.txt"
    src.write_text("Seoul favors talks with Pyongyang.", encoding="utf-8")
    targets = ["--target", "talks"] if damage == "stance-config" else ["--units-only"]
    result = run("annotate", src, *targets, "--model", model, "-o", tmp_path / "o.jsonl")
    assert coded(result, code)
    assert not (tmp_path / "o.jsonl").exists()


def test_evaluate_json_into_a_missing_folder_keeps_the_scores(tmp_path, data_dir):
    out = tmp_path / "new" / "folder" / "scores.json"
    result = run("evaluate", DEFAULT_MODEL, f"jsonl:{data_dir / 'train' / 'mini.jsonl'}", "--json", out)
    assert result.exit_code == 0, result.output
    assert "component" in json.loads(out.read_text(encoding="utf-8"))


def test_duplicate_ids_are_made_unique(tmp_path, jsonl):
    src = jsonl(GOOD, GOOD)
    out = tmp_path / "out.jsonl"
    result = run("annotate", src, "--units-only", "-o", out)
    assert result.exit_code == 0, result.output
    records = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["good", "good-2"] and records[1]["meta"]["id"] == "good"
    assert run("validate", out).exit_code == 0


@pytest.mark.parametrize("raw, text, meta", [
    (b"\xef\xbb\xbfSeoul favors talks.", "Seoul favors talks.", {"bom_removed": True}),
    (b"Seoul favors talks.\r\nTokyo agrees.\r\n", "Seoul favors talks.\nTokyo agrees.\n", {"newlines": "crlf"}),
    (b"Seoul favors talks.\rTokyo agrees.", "Seoul favors talks.\nTokyo agrees.", {"newlines": "cr"}),
    (b"Seoul favors talks.\nTokyo agrees.", "Seoul favors talks.\nTokyo agrees.", {}),
])
def test_text_files_record_how_they_were_read(tmp_path, raw, text, meta):
    src = tmp_path / "a.txt"
    src.write_bytes(raw)
    out = tmp_path / "o.jsonl"
    assert run("annotate", src, "--units-only", "-o", out).exit_code == 0
    [record] = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert record["text"] == text
    # How the file was read; the model's own additions (the predicted genre) are not compared.
    assert {k: v for k, v in record["meta"].items() if k not in ("source", "genre_predicted")} == meta


def test_bom_in_jsonl_first_line(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"\xef\xbb\xbf" + GOOD.encode() + b"\n")
    out = tmp_path / "o.jsonl"
    assert run("annotate", src, "--units-only", "-o", out).exit_code == 0


def test_failed_run_leaves_no_empty_output_and_keeps_an_old_one(tmp_path, jsonl):
    src = jsonl("not json")
    out = tmp_path / "o.jsonl"
    assert coded(run("annotate", src, "--units-only", "-o", out), "E003")
    assert not out.exists()
    out.write_text("old\n", encoding="utf-8")
    assert coded(run("annotate", src, "--units-only", "-o", out, "--overwrite"), "E003")
    assert out.read_text(encoding="utf-8") == "old\n"
