import json

from typer.testing import CliRunner

from argmine.cli.app import app

runner = CliRunner()
TEXT = ("Seoul has pushed for talks with Pyongyang for years. "
        "The government should resume the dialogue. It would be a tragedy if the talks failed.")


def _records(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_annotate_text_file_units_only(tmp_path):
    src = tmp_path / "op-ed.txt"
    src.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["annotate", str(src), "--units-only", "-o", str(out)])
    assert result.exit_code == 0, result.output
    [record] = _records(out)
    assert record["id"] == "op-ed" and record["schema"] == "argmine.doc/1"
    assert len(record["units"]) == 3
    for unit in record["units"]:
        assert unit["label"] in ("claim", "evidence", "none")
        assert 0.0 <= unit["score"] <= 1.0
        assert abs(sum(v for k, v in unit["probs"].items() if "/" not in k) - 1.0) < 1e-3
    validate = runner.invoke(app, ["validate", str(out)])
    assert validate.exit_code == 0, validate.output


def test_annotate_jsonl_keeps_ids_and_meta(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "doc-7", "text": TEXT, "outlet": "x"}) + "\n"
                   + json.dumps({"text": "Short one."}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["annotate", str(src), "--units-only", "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = _records(out)
    assert [r["id"] for r in records] == ["doc-7", "in-2"]
    assert records[0]["meta"]["outlet"] == "x"


def test_annotate_stdin(tmp_path):
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["annotate", "-", "--units-only", "-o", str(out)], input=TEXT)
    assert result.exit_code == 0, result.output
    assert _records(out)[0]["id"] == "stdin"


def test_bad_input_line_is_reported_and_finished_output_kept(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "ok", "text": TEXT}) + "\n{broken\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["annotate", str(src), "--units-only", "-o", str(out)])
    assert result.exit_code == 1
    assert f"{src}:2:" in result.output and "not valid JSON" in result.output
    # A handled error exits through typer.Exit; an unhandled one would be kept here.
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert [r["id"] for r in _records(out)] == ["ok"]


def test_missing_input_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["annotate", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 1
    assert "does not exist" in result.output


def test_missing_model_is_a_clear_error(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["annotate", str(src), "--model", str(tmp_path), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 1
    assert "argmine train" in result.output


def test_annotate_genre_option(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["annotate", str(src), "--units-only", "--genre", "news", "-o", str(out)])
    assert result.exit_code == 0, result.output
    record = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert "genre_predicted" not in record["meta"]
    auto = tmp_path / "auto.jsonl"
    result = runner.invoke(app, ["annotate", str(src), "--units-only", "-o", str(auto)])
    predicted = json.loads(auto.read_text(encoding="utf-8").splitlines()[0])["meta"]["genre_predicted"]
    assert predicted["genre"] in ("essay", "debate", "microtext", "discussion", "news")
    assert 0.0 < predicted["probability"] <= 1.0


def test_annotate_unknown_genre_is_a_clear_error(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["annotate", str(src), "--genre", "poetry", "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 1
    assert "poetry" in result.output and "auto" in result.output
