"""Cue-word lists for argumentative sentence features, kept as data files.

Small, closed lists of function-like cues from the argument-mining literature
(modals and deontics, hedges and boosters, reporting verbs, discourse markers),
matched on lower-cased lemmas. Open-class evaluative words are left to the word
n-grams and the part-of-speech features, which generalise better than a list.

Each list is one UTF-8 text file, one word or phrase a line (``#`` starts a comment),
named after the feature it fires (``deontic.txt`` -> ``cue=deontic``). The packaged
lists live in ``argmine/data/cues/``; a trained model carries its own copy in
``units/cues/`` with their SHA-256 in ``meta.json``, so a model never silently reads
lists other than those it was trained with.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import Errors, ModelError

PACKAGED_CUES = Path(__file__).resolve().parent.parent / "data" / "cues"

CueLists = dict[str, frozenset[str]]


def read_cue_lists(directory: str | Path = PACKAGED_CUES) -> CueLists:
    """Read every ``*.txt`` cue list in ``directory``, by name."""
    directory = Path(directory)
    files = sorted(directory.glob("*.txt"))
    if not files:
        raise ModelError(Errors.E011.format(path=str(directory), name="*.txt cue lists"))
    lists = {}
    for file in files:
        words = (line.split("#", 1)[0].strip().lower()
                 for line in file.read_text(encoding="utf-8").splitlines())
        lists[file.stem] = frozenset(w for w in words if w)
    return lists


def fingerprint_cue_lists(directory: str | Path) -> dict[str, str]:
    """SHA-256 of each cue-list file in ``directory``, by file name."""
    return {f.name: hashlib.sha256(f.read_bytes()).hexdigest()
            for f in sorted(Path(directory).glob("*.txt"))}


def copy_cue_lists(target: str | Path, source: str | Path = PACKAGED_CUES) -> dict[str, str]:
    """Copy the cue lists into a model directory; return their fingerprints."""
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    for f in sorted(Path(source).glob("*.txt")):
        (target / f.name).write_bytes(f.read_bytes())
    return fingerprint_cue_lists(target)
