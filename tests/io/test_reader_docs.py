"""The reader guide lists every label a reader can declare."""

from pathlib import Path

from argmine.registry import LABELS

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "readers" / "README.md"


def test_guide_lists_every_label():
    rows = {line.split("`")[1] for line in GUIDE.read_text(encoding="utf-8").splitlines()
            if line.startswith("| `")}
    assert rows == set(LABELS)
