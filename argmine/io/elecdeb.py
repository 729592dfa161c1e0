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

``parse_ann`` is the shared brat standoff parser (also used by the ``cmv`` reader).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .. import registry
from ..errors import Errors, FormatError, OffsetError, SchemaError
from ..schema import Actor, Document, Mention, Unit
from . import _offsets

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


# ---------------------------------------------------------------------------
# brat standoff


@dataclass
class BratSpan:
    id: str
    label: str
    fragments: list[tuple[int, int]]  # character offsets into the text
    text: str
    lineno: int


@dataclass
class BratAnn:
    spans: dict[str, BratSpan] = field(default_factory=dict)
    # (id, name, target id, value or None, line)
    attributes: list[tuple[str, str, str, str | None, int]] = field(default_factory=list)
    # (id, type, Arg1 id, Arg2 id, line)
    relations: list[tuple[str, str, str, str, int]] = field(default_factory=list)


def parse_ann(file: Path, text: str, *, fmt: str, byte_offsets: bool = False) -> BratAnn:
    """Parse a brat ``.ann`` file (``T``, ``A``, ``R`` lines) and check every span's text.

    Args:
        file: The ``.ann`` file.
        text: The document text (the ``.txt`` file, read as UTF-8 without newline
            translation).
        fmt: Format name for error messages.
        byte_offsets: The offsets count UTF-8 bytes instead of characters; they are
            converted to character offsets.

    Raises:
        SchemaError: A line is malformed or of an unsupported kind (with file and line).
        OffsetError: A span's text does not match the document text.
    """
    ann = BratAnn()
    to_char = _offsets.byte_offsets(text) if byte_offsets else None
    with open(file, encoding="utf-8", newline="") as f:
        lines = f.read().splitlines()
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        cols = line.split("\t")
        kind = cols[0][:1]

        def bad(detail: str) -> SchemaError:
            return SchemaError(Errors.E101.format(fmt=fmt, detail=detail), path=str(file),
                               lineno=lineno)

        if kind == "T":
            if len(cols) < 3:
                raise bad("a span line needs 3 tab-separated fields `T<n>  <Label> <start> "
                          "<end>[;<start> <end>]  <text>`")
            label, _, offsets = cols[1].partition(" ")
            fragments = []
            for piece in offsets.split(";"):
                nums = piece.split()
                if len(nums) != 2 or not all(n.isdigit() for n in nums):
                    raise bad(f"span offsets {offsets!r} are not `<start> <end>` pairs "
                              f"separated by ';'")
                start, end = int(nums[0]), int(nums[1])
                if to_char is not None:
                    if start not in to_char or end not in to_char:
                        raise bad(f"byte offsets {start} {end} cut a multi-byte character")
                    start, end = to_char[start], to_char[end]
                if not start < end <= len(text):
                    raise bad(f"span {start}:{end} is empty or beyond the end of the text "
                              f"(length {len(text)})")
                fragments.append((start, end))
            span_text = "\t".join(cols[2:])
            try:
                _offsets.verify_fragments(text, fragments, span_text, label=label)
            except OffsetError as e:
                raise OffsetError(e.message, path=str(file), lineno=lineno) from None
            if cols[0] in ann.spans:
                raise bad(f"span id {cols[0]} is used twice")
            ann.spans[cols[0]] = BratSpan(cols[0], label, fragments, span_text, lineno)
        elif kind in ("A", "M"):
            parts = cols[1].split() if len(cols) > 1 else []
            if len(parts) not in (2, 3):
                raise bad("an attribute line needs `A<n>  <Name> <T-id> [<value>]`")
            ann.attributes.append((cols[0], parts[0], parts[1],
                                   parts[2] if len(parts) == 3 else None, lineno))
        elif kind == "R":
            parts = cols[1].split() if len(cols) > 1 else []
            if (len(parts) != 3 or not parts[1].startswith("Arg1:")
                    or not parts[2].startswith("Arg2:")):
                raise bad("a relation line needs `R<n>  <Type> Arg1:<id> Arg2:<id>`")
            ann.relations.append((cols[0], parts[0], parts[1][5:], parts[2][5:], lineno))
        else:
            raise bad(f"annotation kind {cols[0]!r} is not supported (only T, A and R lines)")
    return ann


def read_brat_text(file: Path) -> str:
    """Read a brat ``.txt`` file exactly (UTF-8, no newline translation: offsets count ``\\r``)."""
    try:
        with open(file, encoding="utf-8", newline="") as f:
            return f.read()
    except UnicodeDecodeError as e:
        raise SchemaError(f"not UTF-8 text (byte {e.start}); convert it with `iconv -t utf-8` "
                          f"first", path=str(file)) from e


def unit_span(text: str, span: BratSpan) -> tuple[int, int]:
    """One trimmed span from the first fragment's start to the last fragment's end."""
    start = min(s for s, _ in span.fragments)
    end = max(e for _, e in span.fragments)
    return _offsets.trim(text, start, end)


def source_name(file: Path, layouts: tuple[tuple[str, ...], ...]) -> str:
    """``file`` relative to the corpus root, recognised by one of the release layouts
    (the folders between root and file); else just relative to its folder."""
    file = file.absolute()
    parent = file.parent
    for layout in layouts:
        n = len(layout)
        if parent.parts[-n:] == layout:
            return file.relative_to(parent.parents[n - 1]).as_posix()
    return file.name


# ---------------------------------------------------------------------------
# ElecDeb60to20


def split_of(debate: str) -> str:
    """The standard split of a debate id such as ``"3_1960"``."""
    return "dev" if debate in _DEV else "test" if debate in _TEST else "train"


def _files(path: Path) -> list[Path]:
    if path.is_file():
        ann = path.with_suffix(".ann")
        if not ann.is_file():
            raise FormatError(Errors.E009.format(path=str(path), expected="<n>_<year>.ann "
                                                 "beside the .txt"))
        return [ann]
    for base in (path.joinpath(*_LAYOUT), path / "components", path):
        files = list(base.glob("*.ann"))
        if files:
            def key(p: Path) -> tuple:
                m = _NAME.match(p.stem)
                return (0, int(m["n"]), p.stem) if m else (1, 0, p.stem)
            return sorted(files, key=key)
    raise FormatError(Errors.E009.format(path=str(path),
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
    txt_file = ann_file.with_suffix(".txt")
    if not txt_file.is_file():
        raise FormatError(Errors.E009.format(path=str(ann_file.parent),
                                             expected=f"{txt_file.name} beside {ann_file.name}"))
    text = read_brat_text(txt_file)
    ann = parse_ann(ann_file, text, fmt=FORMAT)
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


@registry.readers.register(FORMAT)
def read_elecdeb(path: Path) -> Iterator[Document]:
    """Yield one document per debate (see the module docstring)."""
    for ann_file in _files(path):
        yield _document(ann_file)
