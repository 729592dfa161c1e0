"""Locate, verify and trim character spans in text. Readers check corpus offsets here, and the
segmenter trims sentences with the same functions."""

from __future__ import annotations

import re

from .errors import Errors, OffsetError

_WS = re.compile(r"\s+")


def normalize(s: str) -> str:
    """Collapse runs of whitespace, so offsets are checked up to spacing."""
    return _WS.sub(" ", s).strip()


def verify(text: str, start: int, end: int, expected: str, *, label: str = "") -> None:
    """Raise ``OffsetError`` unless ``text[start:end]`` equals ``expected`` (up to whitespace)."""
    found = text[start:end]
    if normalize(found) != normalize(expected):
        raise OffsetError(Errors.E010.format(start=start, end=end, label=label,
                                             expected=expected[:60], found=found[:60]))


def locate(text: str, fragment: str, *, hint: int = 0) -> tuple[int, int] | None:
    """Find ``fragment`` in ``text``, preferring the occurrence nearest ``hint``.

    Whitespace differences are tolerated. Returns ``(start, end)`` or None.
    """
    fragment = fragment.strip()
    if not fragment:
        return None
    hits = [m.start() for m in re.finditer(re.escape(fragment), text)]
    if hits:
        start = min(hits, key=lambda h: abs(h - hint))
        return start, start + len(fragment)
    pattern = r"\s+".join(re.escape(part) for part in fragment.split())
    matches = list(re.finditer(pattern, text))
    if not matches:
        return None
    m = min(matches, key=lambda m: abs(m.start() - hint))
    return m.start(), m.end()


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``start:end`` so the span neither begins nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def join(parts: list[str], sep: str = " ") -> tuple[str, list[tuple[int, int]]]:
    """Build a text from pieces (e.g. sentences) and return it with each piece's exact span.

    Each piece is stripped of surrounding whitespace before joining, so the spans are
    already trimmed: ``text[start:end] == part.strip()``.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    out: list[str] = []
    for i, part in enumerate(parts):
        if i:
            out.append(sep)
            pos += len(sep)
        piece = part.strip()
        out.append(piece)
        spans.append((pos, pos + len(piece)))
        pos += len(piece)
    return "".join(out), spans
