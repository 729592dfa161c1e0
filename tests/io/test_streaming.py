"""Inputs are read as they are consumed: a record is ready before the rest of the input is read."""

from __future__ import annotations

import json
import sys
import types
from collections.abc import Iterator

import pytest

from argmine.io.inputs import read_inputs


class _Lines:
    """A binary stream that hands out lines one at a time and counts how many were taken."""

    def __init__(self, lines: list[bytes]):
        self.lines, self.taken = lines, 0

    def __iter__(self) -> Iterator[bytes]:
        while self.taken < len(self.lines):
            self.taken += 1
            yield self.lines[self.taken - 1]

    def read(self) -> bytes:
        rest = b"".join(self.lines[self.taken:])
        self.taken = len(self.lines)
        return rest


def _stdin(monkeypatch, lines: list[bytes]) -> _Lines:
    stream = _Lines(lines)
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=stream))
    return stream


def test_jsonl_on_stdin_is_read_line_by_line(monkeypatch):
    lines = [b"\n"] + [json.dumps({"id": f"d{i}", "text": f"Text {i}."}).encode() + b"\n" for i in range(1000)]
    stream = _stdin(monkeypatch, lines)
    records = read_inputs(["-"])
    first = next(records)
    assert first.id == "d0" and stream.taken <= 3
    assert [r.id for r in records] == [f"d{i}" for i in range(1, 1000)]


def test_plain_text_on_stdin_is_one_document(monkeypatch):
    _stdin(monkeypatch, [b"A claim.\n", b"{\"not\": \"json at the start\"}\n"])
    [record] = list(read_inputs(["-"]))
    assert record.id == "stdin" and record.text.startswith("A claim.")


def test_bad_utf8_later_on_stdin_names_its_line(monkeypatch):
    from argmine.errors import SchemaError

    _stdin(monkeypatch, [b'{"id": "a", "text": "Fine."}\n', b'{"id": "b", "text": "\xff"}\n'])
    records = read_inputs(["-"])
    assert next(records).id == "a"
    with pytest.raises(SchemaError) as info:
        next(records)
    assert info.value.lineno == 2


def test_jsonl_file_is_read_lazily(tmp_path, monkeypatch):
    path = tmp_path / "big.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": "Text."}) + "\n" for i in range(5000)),
                    encoding="utf-8")
    opened = []
    real_open = open

    def tracking_open(file, mode="r", *args, **kwargs):
        handle = real_open(file, mode, *args, **kwargs)
        if str(file) == str(path):
            opened.append(handle)
        return handle

    monkeypatch.setattr("builtins.open", tracking_open)
    records = read_inputs([path])
    assert next(records).id == "d0"
    # One buffered read, not the whole file.
    assert opened and opened[0].tell() < path.stat().st_size // 10
