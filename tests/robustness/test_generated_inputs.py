"""Generated broken inputs: every case ends in success or a coded message, never a traceback.

Hypothesis writes JSONL records (valid, half-valid and garbage), free texts and brat
``.ann`` lines, and runs them through annotate, convert, validate, train, evaluate and
the library.
"""

import json
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import argmine
from argmine.cli.app import app
from argmine.errors import ArgmineError
from argmine.io.jsonl import read_jsonl
from argmine.schema import Document

runner = CliRunner()
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))

texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200) | st.sampled_from(
    ["", " ", "\n\n\n", "[/]", "[bold]x[/bold]", "Seoul  favors  talks.", "\ufeffx", "a\r\nb\rc"])
scalars = st.none() | st.booleans() | st.integers(-(10 ** 30), 10 ** 30) | st.floats() | texts
json_values = st.recursive(scalars, lambda c: st.lists(c, max_size=3) | st.dictionaries(texts, c, max_size=3),
                           max_leaves=8)
units = st.fixed_dictionaries({"id": texts, "start": st.integers(-5, 300), "end": st.integers(-5, 300),
                               "label": st.sampled_from(["claim", "evidence", "none", "Claim", ""])},
                              optional={"type": st.sampled_from(["value", "fact", "event", "x"]),
                                        "score": st.floats()})
records = st.one_of(
    st.fixed_dictionaries({"text": texts}, optional={"id": scalars, "extra": json_values}),
    st.fixed_dictionaries({"schema": st.sampled_from(["argmine.doc/1", "argmine.doc/2"]), "id": texts,
                           "text": texts}, optional={"units": st.lists(units, max_size=3),
                                                     "meta": json_values}),
    st.dictionaries(texts, json_values, max_size=4),
)
lines = st.one_of(records.map(lambda r: json.dumps(r, ensure_ascii=False)),
                  records.map(lambda r: json.dumps(r)),  # \u escapes, surrogates included
                  texts.filter(lambda t: "\n" not in t and "\r" not in t),
                  st.sampled_from(['{"text": "\\ud800"}', '{"id": 1e999, "text": "x"}', "[" * 5000,
                                   '{"id": ' + "7" * 5000 + ', "text": "x"}']))
jsonl_files = st.lists(lines, min_size=1, max_size=5).map(lambda ls: "\n".join(ls) + "\n")


def _clean(result) -> None:
    """Success, or exit 1 with a coded message; never an escaped exception."""
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{type(result.exception).__name__}: {result.exception}")
    assert result.exit_code in (0, 1), result.output
    if result.exit_code:
        assert "[E" in result.output or ": " in result.output, result.output


@pytest.fixture(scope="module")
def nlp():
    return argmine.load(units_only=True)


@pytest.fixture()
def workdir():
    path = Path(tempfile.mkdtemp(prefix="argmine-gen-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@SETTINGS
@given(content=jsonl_files)
def test_validate_and_convert(content, workdir):
    src = workdir / "in.jsonl"
    src.write_text(content, encoding="utf-8", errors="surrogatepass")
    _clean(runner.invoke(app, ["validate", str(src)]))
    out = workdir / "out.jsonl"
    result = runner.invoke(app, ["convert", "--from", "jsonl", str(src), "-o", str(out), "--overwrite"])
    _clean(result)
    if result.exit_code == 0:
        # What convert writes, validate accepts.
        assert runner.invoke(app, ["validate", str(out)]).exit_code == 0


@SETTINGS
@given(content=jsonl_files)
def test_library_reads_and_annotates(content, workdir, nlp):
    src = workdir / "in.jsonl"
    src.write_text(content, encoding="utf-8", errors="surrogatepass")
    try:
        for record in argmine.annotate(read_jsonl(src), nlp=nlp):
            Document.model_validate(record.to_dict())
            json.dumps(record.to_dict(), ensure_ascii=False).encode("utf-8")
    except ArgmineError as e:
        assert str(e).startswith((str(src), "[E")), str(e)


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(content=jsonl_files, skip=st.booleans())
def test_annotate_command(content, skip, workdir):
    src = workdir / "in.jsonl"
    src.write_text(content, encoding="utf-8", errors="surrogatepass")
    out = workdir / "out.jsonl"
    args = ["annotate", str(src), "--units-only", "-o", str(out), "--overwrite"]
    result = runner.invoke(app, args + (["--skip-invalid"] if skip else []))
    _clean(result)
    if out.exists():
        assert runner.invoke(app, ["validate", str(out)]).exit_code == 0


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=texts)
def test_analyze_any_text(text, nlp):
    record = argmine.analyze(text, nlp=nlp)
    assert record.text == text
    assert all(0 <= u.start < u.end <= len(text) for u in record.units)


ann_lines = st.one_of(
    st.builds(lambda n, label, s, e, t: f"T{n}\t{label} {s} {e}\t{t}", st.integers(0, 9),
              st.sampled_from(["Claim", "Premise", "Other", ""]), st.integers(-3, 10 ** 20),
              st.integers(-3, 10 ** 20), texts.filter(lambda t: "\n" not in t and "\r" not in t)),
    st.builds(lambda s, e: f"T1\tClaim {s} {e};{e} {s}\tx", st.integers(0, 50), st.integers(0, 50)),
    st.sampled_from(["R1\tSupport Arg1:T1 Arg2:T2", "A1\tStance T1 For", "#1\tNote T1\tx", "garbage", "T1"]),
)


@SETTINGS
@given(ann=st.lists(ann_lines, min_size=1, max_size=4), text=texts)
def test_brat_annotations(ann, text, workdir):
    folder = workdir / "elecdeb"
    folder.mkdir(exist_ok=True)
    (folder / "98_2024.txt").write_text(text, encoding="utf-8")
    (folder / "98_2024.ann").write_text("\n".join(ann) + "\n", encoding="utf-8")
    _clean(runner.invoke(app, ["convert", "--from", "elecdeb", str(folder), "-o", str(workdir / "o.jsonl"),
                               "--overwrite"]))


@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck))
@given(content=jsonl_files)
def test_train_and_evaluate(content, workdir, data_dir):
    src = workdir / "in.jsonl"
    src.write_text(content, encoding="utf-8", errors="surrogatepass")
    _clean(runner.invoke(app, ["train", f"jsonl:{src}", "-o", str(workdir / "m"), "--overwrite"]))
    from argmine.api import DEFAULT_MODEL
    _clean(runner.invoke(app, ["evaluate", str(DEFAULT_MODEL), f"jsonl:{src}"]))
