"""Locate and verify spans in text. Every reader checks offsets here rather than trust the corpus."""

from __future__ import annotations

import re

from ..errors import Errors, OffsetError

_WS = re.compile(r"\s+")


def _norm(s: str) -> str:
    return _WS.sub(" ", s).strip()


def verify(text: str, start: int, end: int, expected: str, *, label: str = "") -> None:
    """Raise ``OffsetError`` unless ``text[start:end]`` equals ``expected`` (up to whitespace)."""
    found = text[start:end]
    if _norm(found) != _norm(expected):
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


# --- Helpers for brat standoff (discontinuous spans, byte offsets); used by elecdeb, cmv. ---

def verify_fragments(text: str, fragments: list[tuple[int, int]], expected: str, *,
                     label: str = "") -> None:
    """``verify`` for a discontinuous span given as ``[(start, end), ...]``.

    ``expected`` is the fragments' text joined by single spaces, as brat writes it in
    the ``.ann`` file; whitespace differences are tolerated.
    """
    found = " ".join(text[s:e] for s, e in fragments)
    if _norm(found) != _norm(expected):
        raise OffsetError(Errors.E010.format(start=fragments[0][0], end=fragments[-1][1],
                                             label=label, expected=expected[:60],
                                             found=found[:60]))


def byte_offsets(text: str) -> dict[int, int]:
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
