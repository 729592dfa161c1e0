"""Imports run one way: a module may import its own layer or a lower one, never a higher one.

The layers are those drawn in ARCHITECTURE.md. Imports inside functions count too: a lazy
import still ties the two modules together. A new top-level module or package must be given
a layer here, so the drawing stays complete.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "argmine"

# Lowest first. Each entry is a top-level module or sub-package of argmine.
LAYERS: list[set[str]] = [
    {"errors", "registry", "schema", "extensions", "spans", "scoring", "nlp", "morphology", "matching",
     "progress", "paragraphs"},  # shared core
    {"segment", "convert", "models", "features", "pieces"},  # doc <-> record, sentences, long texts, model pieces
    {"io", "validate"},                             # readers and the JSONL writer
    {"actors", "sources", "stance", "relations", "pipeline"},  # inference: components and rules
    {"api", "scale", "workers"},                    # load / annotate / analyze; many processes
    {"training"},                                   # train and evaluate models
    {"report", "network", "aif", "exports", "label"},  # reports, discourse networks, hand annotation
    {"cli", "__main__", "__init__"},                # entry points
]
LAYER_OF = {name: i for i, names in enumerate(LAYERS) for name in names}


def _unit(path: Path) -> str:
    """The top-level module or sub-package a file belongs to."""
    rel = path.relative_to(PACKAGE)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def _imported_units(source: str, rel: Path) -> list[tuple[int, str]]:
    """(line, top-level argmine unit) for every argmine import in one file.

    Args:
        source: The file's text.
        rel: Its path relative to the package, which resolves relative imports.
    """
    tree = ast.parse(source, filename=str(rel))
    # Package of the importing module, as a list of names below argmine.
    package = list(rel.parent.parts)
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - (node.level - 1)] if node.level > 1 else list(package)
                target = base + (node.module.split(".") if node.module else [])
                if target:
                    out.append((node.lineno, target[0]))
                else:  # ``from .. import x``: each name is a unit
                    out += [(node.lineno, alias.name) for alias in node.names]
            elif node.module and node.module.split(".")[0] == "argmine":
                parts = node.module.split(".")[1:]
                if parts:
                    out.append((node.lineno, parts[0]))
                else:
                    out += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "argmine" and len(parts) > 1:
                    out.append((node.lineno, parts[1]))
    return out


SOURCES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_has_a_layer():
    missing = sorted({_unit(p) for p in SOURCES} - set(LAYER_OF))
    assert not missing, f"give these modules a layer in LAYERS and ARCHITECTURE.md: {missing}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_down(path):
    own = _unit(path)
    wrong = [f"line {line}: {own} (layer {LAYER_OF[own]}) imports {unit} (layer {LAYER_OF[unit]})"
             for line, unit in _imported_units(path.read_text(encoding="utf-8"), path.relative_to(PACKAGE))
             if unit in LAYER_OF and own in LAYER_OF and LAYER_OF[unit] > LAYER_OF[own]]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("source, rel, expected", [
    ("from ..training.evaluate import scores\n", "stance/learned.py", [(1, "training")]),
    ("def f():\n    from .. import api\n", "io/hf.py", [(2, "api")]),
    ("import argmine.cli.app\n", "segment.py", [(1, "cli")]),
    ("from .lexicon import CUES\n", "features/sentence.py", [(1, "features")]),
])
def test_the_check_resolves_imports(source, rel, expected):
    """Relative, lazy and absolute imports are all seen, so a backward one cannot slip through."""
    assert _imported_units(source, Path(rel)) == expected
