"""A reader registered from outside the package is trained on like a built-in one."""

from __future__ import annotations

import catalogue
import pytest

from argmine import registry
from argmine.errors import ArgmineError
from argmine.io import formats, read_corpus
from argmine.schema import Document, Unit
from argmine.training import parse_source, train
from argmine.training.corpus import format_tasks

NAME = "demo_tsv"


def _read_demo_tsv(path):
    """One document per value of the first column; each row ``doc<TAB>label<TAB>sentence``."""
    docs: dict[str, list[tuple[str, str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        doc_id, label, sentence = line.split("\t")
        docs.setdefault(doc_id, []).append((label, sentence))
    for doc_id, rows in docs.items():
        text, units, pos = "", [], 0
        for i, (label, sentence) in enumerate(rows, start=1):
            text += ("" if i == 1 else " ") + sentence
            pos = len(text) - len(sentence)
            units.append(Unit(id=f"u{i}", start=pos, end=len(text), label=label))
        yield Document(id=doc_id, text=text, meta={"topic": doc_id}, units=units)


@pytest.fixture
def demo_reader():
    """Register the reader the way another package would, and unregister it afterwards."""
    func = registry.reader(NAME, labels=("units",))(_read_demo_tsv)
    yield func
    catalogue._remove(("argmine", "readers", NAME))


@pytest.fixture
def demo_file(tmp_path, data_dir):
    """The synthetic training records of tests/data, rewritten in the demo format."""
    rows = []
    for doc in read_corpus(data_dir / "train" / "mini.jsonl"):
        rows += [f"{doc.id}\t{u.label}\t{doc.text[u.start:u.end]}" for u in doc.units]
    path = tmp_path / "demo.tsv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_registered_reader_is_a_format(demo_reader, demo_file):
    assert NAME in formats()
    assert format_tasks(NAME) == {"component"}
    assert parse_source(f"{NAME}:{demo_file}").format == NAME


def test_registered_reader_trains_the_component_head(demo_reader, demo_file, tmp_path, small_hash):
    meta = train([parse_source(f"{NAME}:{demo_file}")], tmp_path / "model", seed=0)
    assert meta["heads"] == ["component"]
    labels = meta["sizes"]["component"]["labels"]
    assert set(labels) == {"claim", "evidence", "none"} and sum(labels.values()) > 20
    assert (tmp_path / "model" / "units" / "component.npz").is_file()


def test_format_without_unit_labels_is_refused(tmp_path, demo_file):
    registry.reader("demo_stances", labels=("stances",))(_read_demo_tsv)
    try:
        with pytest.raises(ArgmineError, match=r"E023.*format 'demo_stances' carries stances\). "
                                               r"Train units on a format that labels units \(aaec"):
            train([parse_source(f"demo_stances:{demo_file}")], tmp_path / "m")
    finally:
        catalogue._remove(("argmine", "readers", "demo_stances"))


def test_unknown_label_declaration_is_refused():
    with pytest.raises(ValueError, match="Unknown reader label"):
        registry.reader("demo_bad", labels=("topics",))
