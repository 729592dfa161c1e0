"""Quotation marks: pair them into quoted stretches without refusing unbalanced text.

Straight marks (") are opened or closed by what surrounds them; curly marks say which
they are; a straight mark that looks like an opening one while a quotation is open
closes it when the marks after it in the paragraph pair up among themselves. A
quotation left open at the end of a paragraph is, in news style, continued
by the next paragraph's opening mark (the closing mark is only written at the very
end); one never closed at all ends with its paragraph, so a stray mark costs one
paragraph, not the rest of the document. A closing mark with no opening one is
ignored.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_OPEN = "“«„"
_CLOSE = "”»"
_STRAIGHT = '"'
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*[“\"])")


class Quoted(NamedTuple):
    """A stretch of text between quotation marks.

    Attributes:
        start: Offset of the first character inside the marks.
        end: Offset after the last character inside the marks.
        open_mark: Offset of the opening mark.
        close_mark: Offset of the closing mark, or None when the paragraph ended first.
        continues: True when this stretch carries on a quotation of the previous paragraph.
    """
    start: int
    end: int
    open_mark: int
    close_mark: int | None
    continues: bool


def paragraphs(text: str, breaks: re.Pattern[str] = _PARAGRAPH) -> list[tuple[int, int]]:
    """Character bounds of the non-empty stretches of ``text`` between matches of ``breaks``
    (default: a blank line, or a line break before a quotation mark)."""
    out, pos = [], 0
    for m in breaks.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return [(s, e) for s, e in out if e > s]


def _straight_opens(text: str, i: int, is_open: bool) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() or before in "([{—–-:" or i == 0:
        return not after.isspace() or not is_open
    if after.isspace() or after in ".,;:!?)]}—–-" or i + 1 == len(text):
        return False
    # Glued on both sides ("word"word): toggle.
    return not is_open


def find_quoted(text: str) -> list[Quoted]:
    """Return the quoted stretches of ``text`` in order (never raises on unbalanced marks)."""
    out: list[Quoted] = []
    carried = False  # the previous paragraph ended inside a quotation
    for p_start, p_end in paragraphs(text):
        open_at: int | None = None
        starts_with_mark = False
        for i in range(p_start, p_end):
            ch = text[i]
            if ch not in _OPEN and ch not in _CLOSE and ch != _STRAIGHT:
                continue
            opening = ch in _OPEN or (ch == _STRAIGHT and _straight_opens(text, i, open_at is not None))
            if opening and ch == _STRAIGHT and open_at is not None and text[open_at] == _STRAIGHT and (
                    text.count(_STRAIGHT, i + 1, p_end) % 2 == 0):
                # 'wrong. "Perry said…': a mark that looks like an opening one while a
                # quotation is open closes it when the marks left in the paragraph pair up
                # among themselves.
                opening = False
            if opening:
                # Two openings in a row: the first was never closed; the later one counts.
                if not text[p_start:i].strip():
                    starts_with_mark = True
                open_at = i
            elif open_at is not None:
                continues = carried and starts_with_mark and open_at <= p_start + 2
                if i > open_at + 1:
                    out.append(Quoted(open_at + 1, i, open_at, i, continues))
                open_at = None
                starts_with_mark = False
        if open_at is not None:
            end = p_end
            while end > open_at + 1 and text[end - 1].isspace():
                end -= 1
            continues = carried and starts_with_mark and open_at <= p_start + 2
            if end > open_at + 1:
                out.append(Quoted(open_at + 1, end, open_at, None, continues))
            carried = True
        else:
            carried = False
    return out
