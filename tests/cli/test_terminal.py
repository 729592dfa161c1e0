"""Terminal output never loses text: escaped markup, wrapped tables, plain text in pipes."""

import io

import pytest
from rich.console import Console
from typer.testing import CliRunner

from argmine import __version__
from argmine.cli.app import app, fail
from argmine.cli.show import show_document

from ..report.records import council_record

COMMANDS = ["annotate", "convert", "evaluate", "export", "show", "train", "validate"]


@pytest.mark.parametrize("width", [40, 80, 200])
def test_tables_wrap_without_cropping_at_any_width(width):
    record = council_record()
    console = Console(file=io.StringIO(), force_terminal=True, width=width, record=True)
    show_document(record, console)
    shown = " ".join(console.export_text().split())
    # Every word of every unit and of the evidence survives (a table cell may break a long word).
    joined = "".join(shown.split())
    for unit in record.units:
        assert "".join(record.text[unit.start:unit.end].split()).replace("│", "") in joined.replace("│", "")
    assert "[to" in shown and "valley]" in shown


def test_error_messages_keep_brackets(capsys):
    fail("Install one with `pip install 'argmine[model]'` [E002]")
    assert "pip install 'argmine[model]'" in capsys.readouterr().err


def test_version():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"argmine {__version__}"


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_shows_no_python_type_names(command):
    result = CliRunner().invoke(app, [command, "--help"] if command else ["--help"], terminal_width=120)
    assert result.exit_code == 0, result.output
    assert "<" not in result.output.replace("<stdin>", ""), result.output
    assert "list[" not in result.output


def test_e002_names_the_extra_to_install(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("A sentence.", encoding="utf-8")
    result = CliRunner().invoke(app, ["annotate", str(text), "--spacy", "no_such_pipeline", "-o", "-"])
    assert result.exit_code == 1
    assert "pip install 'argmine[model]'" in result.output


def test_folders_of_markdown_and_text_are_read(tmp_path):
    from argmine.io.inputs import read_inputs

    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.md").write_text("# Title\n\nA claim in markdown.", encoding="utf-8")
    (tmp_path / "notes" / "b.txt").write_text("A plain text.", encoding="utf-8")
    docs = list(read_inputs([tmp_path / "notes"]))
    assert [d.id for d in docs] == ["a", "b"]
    assert docs[0].text.startswith("# Title")


def test_stance_shows_the_actor_name():
    record = council_record()
    stance = record.stances[0]
    assert stance.actor == "a1" and stance.actor_name == "Alba"
    assert str(stance) == "Alba on the treaty: against (0.80)"
    assert record.actor("a3").name == "Ruritania"


@pytest.mark.parametrize("command", ["train", "evaluate"])
def test_help_keeps_brackets_in_the_source_syntax(command):
    result = CliRunner().invoke(app, [command, "--help"], terminal_width=200)
    assert "FORMAT:PATH[@SPLIT]" in result.output
