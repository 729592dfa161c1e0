import json

import pytest

from argmine.errors import ArgmineError, SchemaError
from argmine.io import read_corpus, write_jsonl
from argmine.schema import Document


def _docs(n, fail_after=None):
    for i in range(n):
        if fail_after is not None and i == fail_after:
            raise KeyboardInterrupt
        yield Document(id=f"d{i}", text=f"Text {i}.")


def test_interrupted_run_keeps_finished_records(tmp_path):
    out = tmp_path / "out.jsonl"
    with pytest.raises(KeyboardInterrupt):
        write_jsonl(_docs(5, fail_after=3), out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["d0", "d1", "d2"]


def test_writer_refuses_to_overwrite(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("keep\n", encoding="utf-8")
    with pytest.raises(ArgmineError, match="--overwrite"):
        write_jsonl(_docs(1), out)
    assert write_jsonl(_docs(2), out, overwrite=True) == 2


def test_read_back_round_trip(tmp_path):
    out = tmp_path / "out.jsonl"
    write_jsonl(_docs(3), out)
    assert [d.id for d in read_corpus(out, format="jsonl")] == ["d0", "d1", "d2"]


@pytest.mark.parametrize("line,message", [
    ('{"id": "x", "text": 5}', "'text' field"),
    ('[1, 2]', "JSON list, not an object"),
    ('{"id": "x", "text": "a", "units": [{"id": "u1", "start": 0, "end": 9, "label": "claim"}]}', "beyond the end"),
    ('{"id": "x", "text": "a"', "not valid JSON"),
])
def test_bad_lines_name_file_and_line(tmp_path, line, message):
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "fine"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(SchemaError) as info:
        list(read_corpus(src, format="jsonl"))
    assert str(info.value).startswith(f"{src}:2:")
    assert message in str(info.value)
