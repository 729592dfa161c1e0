"""Reading brat standoff (``.txt`` + ``.ann``), shared by the brat-based corpus readers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Errors, OffsetError, SchemaError
from ..spans import normalize, trim
from ._common import Where, malformed


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


def verify_fragments(text: str, fragments: list[tuple[int, int]], expected: str, *,
                     label: str = "") -> None:
    """``verify`` for a discontinuous span given as ``[(start, end), ...]``.

    ``expected`` is the fragments' text joined by single spaces, as brat writes it in
    the ``.ann`` file; whitespace differences are tolerated.
    """
    found = " ".join(text[s:e] for s, e in fragments)
    if normalize(found) != normalize(expected):
        raise OffsetError(Errors.E010.format(start=fragments[0][0], end=fragments[-1][1],
                                             label=label, expected=expected[:60],
                                             found=found[:60]))


def byte_to_char(text: str) -> dict[int, int]:
    """Map UTF-8 byte offsets of ``text`` to character offsets.

    For annotation files that count bytes instead of characters. Only offsets that fall
    on a character boundary (including ``len(text)``) are keys; a missing key means the
    offset cuts a multi-byte character.
    """
    out: dict[int, int] = {}
    b = 0
    for i, ch in enumerate(text):
        out[b] = i
        b += len(ch.encode("utf-8"))
    out[b] = len(text)
    return out


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
    to_char = byte_to_char(text) if byte_offsets else None
    with open(file, encoding="utf-8", newline="") as f:
        lines = f.read().splitlines()
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        cols = line.split("\t")
        kind = cols[0][:1]

        at = Where(file, lineno)

        def bad(detail: str, at: Where = at) -> SchemaError:
            return malformed(fmt, detail, at)

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
                verify_fragments(text, fragments, span_text, label=label)
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
    return trim(text, start, end)


def read_pair(ann_file: Path, *, fmt: str, byte_offsets: bool = False) -> tuple[str, BratAnn]:
    """Read the ``.txt`` beside ``ann_file`` and parse ``ann_file`` against it.

    Raises:
        SchemaError: There is no ``.txt`` file beside the ``.ann`` file.
        SchemaError, OffsetError: As ``read_brat_text`` and ``parse_ann``.
    """
    txt_file = ann_file.with_suffix(".txt")
    if not txt_file.is_file():
        raise SchemaError(Errors.E009.format(path=str(ann_file.parent),
                                             expected=f"{txt_file.name} beside {ann_file.name}"))
    text = read_brat_text(txt_file)
    return text, parse_ann(ann_file, text, fmt=fmt, byte_offsets=byte_offsets)
