"""ElecDeb60to20: claims and premises in US presidential debates 1960-2020 (brat standoff).

Source format:
    ``data/annotations/components/<n>_<year>.txt`` (debate transcript) and
    ``<n>_<year>.ann`` (brat ``T`` lines ``Claim`` / ``Premise`` with character
    offsets; discontinuous spans are written ``start end;start end``). The reader
    takes the corpus root, the ``components`` folder, or one ``.ann``/``.txt`` file.
    Debates are read in the order of their number ``<n>``. The relation files of the
    release (``data/annotations/relations/``, per-segment) are not read.

Label mapping (types are null: the corpus has none):
    - ``Claim`` -> claim, orig ``Claim``
    - ``Premise`` -> evidence, orig ``Premise``

    A discontinuous span becomes one unit from the first fragment's start to the last
    fragment's end (so it also covers the words between the fragments); its orig gets
    ``(discontinuous)`` appended, e.g. ``Claim(discontinuous)``. Every fragment is
    checked against the ``.ann`` text. Unit ids are the brat ids (``T12``), units are
    sorted by offset, and spans are trimmed of whitespace.

Speakers:
    Turns start with a speaker tag ``NAME:`` at the beginning of a line; a few turns
    were merged into the previous line, so an all-caps ``NAME:`` right after ``.``,
    ``?`` or ``!`` counts as well. Each distinct tag becomes an actor (kind person, ids
    ``a1``, ``a2`` ... in order of first appearance, mentions = the tags' offsets, without
    the colon). The name is the tag upper-cased with crosstalk/continuation marks
    removed, so ``(CROSSTALK)_BIDEN`` -> ``BIDEN``, ``SIMPSON_(continuing)`` ->
    ``SIMPSON``, ``McGEE`` -> ``MCGEE``; typos such as ``REAGAV`` are kept as written.
    Moderators, panellists and audience members (``QUESTION``, ``MEMBER_OF_AUDIENCE``)
    are actors too; the header labels ``TOPIC:`` and ``SPEAKERS:`` are not. A unit's
    ``speaker`` is the actor of the last tag starting before it (none before the first
    tag).

Records:
    id ``elecdeb-<n>_<year>``; meta: ``corpus``, ``split`` (from the split lists in
    the corpus notes: dev 3_1960, 9_1980, 31_2004, 32_2004, 40_2012; test 1_1960,
    2_1960, 13_1988, 14_1988, 19_1992, 21_1992, 27_2000, 36_2008, 44_2020; train the
    rest), ``source`` (the ``.ann`` file relative to the corpus root), ``debate``,
    ``year`` (int), ``topic`` (the year as a string: debates have no topic labels)
    and ``speakers`` (actor names in order of first appearance).

The brat standoff parsing is shared with the ``cmv`` reader (``argmine.io._brat``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from pathlib import Path

from .. import registry
from ..errors import Errors, SchemaError
from ..schema import Actor, Document, Mention, Unit
from ._brat import read_pair, unit_span
from ._paths import source_name

FORMAT = "elecdeb"
_LAYOUT = ("data", "annotations", "components")
_DEV = {"3_1960", "9_1980", "31_2004", "32_2004", "40_2012"}
_TEST = {"1_1960", "2_1960", "13_1988", "14_1988", "19_1992", "21_1992", "27_2000",
         "36_2008", "44_2020"}
_UNIT_LABEL = {"Claim": "claim", "Premise": "evidence"}
_NAME = re.compile(r"^(?P<n>\d+)_(?P<year>\d{4})$")
# A tag at the start of a line, as written (may hold "(CROSSTALK)_", "_(continuing)", "McGEE").
_LINE_TAG = re.compile(r"^[ \t]*(?P<tag>[A-Za-z_()'’]+):", re.MULTILINE)
# A turn merged into the previous line: all caps, right after a sentence end.
_INLINE_TAG = re.compile(r"(?<=[.?!])[ \t]+(?P<tag>[A-Z][A-Z_'’]+):(?=[ \t])")
_NOT_SPEAKERS = {"TOPIC", "SPEAKERS"}


def split_of(debate: str) -> str:
    """The standard split of a debate id such as ``"3_1960"``."""
    return "dev" if debate in _DEV else "test" if debate in _TEST else "train"


def _files(path: Path) -> list[Path]:
    if path.is_file():
        ann = path.with_suffix(".ann")
        if not ann.is_file():
            raise SchemaError(Errors.E009.format(path=str(path), expected="<n>_<year>.ann "
                                                 "beside the .txt"))
        return [ann]
    for base in (path.joinpath(*_LAYOUT), path / "components", path):
        files = list(base.glob("*.ann"))
        if files:
            def key(p: Path) -> tuple:
                m = _NAME.match(p.stem)
                return (0, int(m["n"]), p.stem) if m else (1, 0, p.stem)
            return sorted(files, key=key)
    raise SchemaError(Errors.E009.format(path=str(path),
                                         expected="data/annotations/components/*.ann + .txt"))


def _speakers(text: str) -> tuple[list[Actor], list[tuple[int, str]]]:
    """Find the speaker tags; return the actors and ``(tag start, actor id)`` in text order."""
    tags: list[tuple[int, int, str]] = []
    for m in _LINE_TAG.finditer(text):
        raw = m["tag"]
        name = re.sub(r"\([^)]*\)", "", raw).strip("_").upper()
        upper = sum(c.isupper() for c in raw)
        if (re.fullmatch(r"[A-Z][A-Z_'’]*", name) and upper >= 2
                and upper > sum(c.islower() for c in raw) and name not in _NOT_SPEAKERS):
            tags.append((m.start("tag"), m.end("tag"), name))
    for m in _INLINE_TAG.finditer(text):
        if m["tag"] not in _NOT_SPEAKERS:
            tags.append((m.start("tag"), m.end("tag"), m["tag"]))
    tags.sort()
    ids: dict[str, str] = {}
    mentions: dict[str, list[Mention]] = {}
    turns = []
    for start, end, name in tags:
        if name not in ids:
            ids[name] = f"a{len(ids) + 1}"
            mentions[name] = []
        mentions[name].append(Mention(start=start, end=end))
        turns.append((start, ids[name]))
    actors = [Actor(id=ids[name], name=name, kind="person", mentions=mentions[name])
              for name in ids]
    return actors, turns


def _document(ann_file: Path) -> Document:
    text, ann = read_pair(ann_file, fmt=FORMAT)
    if ann.attributes or ann.relations:
        first = (ann.attributes or ann.relations)[0]
        raise SchemaError(Errors.E101.format(fmt=FORMAT, detail=f"unexpected {first[0]} line: "
                                             f"component files hold only T lines"),
                          path=str(ann_file), lineno=first[-1])
    actors, turns = _speakers(text)
    turn_starts = [s for s, _ in turns]

    units = []
    for span in ann.spans.values():
        if span.label not in _UNIT_LABEL:
            raise SchemaError(Errors.E102.format(fmt=FORMAT, kind="component",
                                                 label=span.label, allowed="Claim, Premise"),
                              path=str(ann_file), lineno=span.lineno)
        start, end = unit_span(text, span)
        orig = span.label + ("(discontinuous)" if len(span.fragments) > 1 else "")
        # Speaker: the last tag that starts before the unit.
        k = bisect.bisect_left(turn_starts, start)
        speaker = turns[k - 1][1] if k else None
        units.append(Unit(id=span.id, start=start, end=end, label=_UNIT_LABEL[span.label],
                          orig=orig, speaker=speaker))
    units.sort(key=lambda u: (u.start, u.end, u.id))

    debate = ann_file.stem
    m = _NAME.match(debate)
    year = int(m["year"]) if m else None
    meta = {"corpus": FORMAT, "split": split_of(debate),
            "source": source_name(ann_file, (_LAYOUT,)), "debate": debate, "year": year,
            "topic": str(year) if year is not None else None,
            "speakers": [a.name for a in actors]}
    return Document(id=f"elecdeb-{debate}", text=text, meta=meta, units=units, actors=actors)


@registry.reader(FORMAT, labels=("units", "actors"), genre="debate")
def read_elecdeb(path: Path) -> Iterator[Document]:
    """Yield one document per debate (see the module docstring)."""
    for ann_file in _files(path):
        yield _document(ann_file)
