import json

from typer.testing import CliRunner

from argmine.cli.app import app

runner = CliRunner()


def test_validate_reports_file_and_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    good = {"id": "ok", "text": "Fine."}
    bad = {"id": "x", "text": "ab", "units": [{"id": "u1", "start": 0, "end": 5, "label": "claim"}]}
    path.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n{not json\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines[0].startswith(f"{path}:2: record 'x': units[0]")
    assert lines[1].startswith(f"{path}:3: not valid JSON")
    # A handled error exits through typer.Exit; an unhandled one would be kept here.
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_validate_accepts_valid_file(tmp_path):
    path = tmp_path / "ok.jsonl"
    path.write_text(json.dumps({"id": "ok", "text": "Fine."}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.output


def test_convert_text_folder(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Seoul favors talks.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["convert", "--from", "text", str(tmp_path / "in"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["id"] == "a" and record["text"] == "Seoul favors talks."


def test_convert_unknown_format_is_a_clear_error(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["convert", "--from", "brat9", str(src), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 1
    assert "E001" in result.output and "choose one of" in result.output


def test_convert_refuses_to_overwrite(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("x", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    out.write_text("keep", encoding="utf-8")
    result = runner.invoke(app, ["convert", "--from", "text", str(src), "-o", str(out)])
    assert result.exit_code == 1 and "--overwrite" in result.output
    assert out.read_text(encoding="utf-8") == "keep"


def test_malformed_jsonl_input_names_line(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "ok"}\n{"txt": "no text"}\n', encoding="utf-8")
    result = runner.invoke(app, ["convert", "--from", "jsonl", str(src), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 1
    assert f"{src}:2:" in result.output and "'text'" in result.output


def test_validate_reports_folders_missing_files_and_duplicate_ids(tmp_path):
    dup = tmp_path / "dup.jsonl"
    dup.write_text("".join(json.dumps({"id": "d1", "text": t}) + "\n" for t in ("One.", "Two.", "Three.")),
                   encoding="utf-8")
    (tmp_path / "folder").mkdir()
    result = runner.invoke(app, ["validate", str(dup), str(tmp_path / "folder"), str(tmp_path / "gone.jsonl")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"{dup}:2: record 'd1': id 'd1' is already used on line 1",
        f"{dup}:3: record 'd1': id 'd1' is already used on line 1",
        f"{tmp_path / 'folder'}: is a folder; pass the JSONL files in it (e.g. FOLDER/*.jsonl)",
        f"{tmp_path / 'gone.jsonl'}: no such file",
    ]
