"""Read the shared source collections and return the text that excerpt offsets refer to.

Offsets in worklist.tsv (excerpt_start, excerpt_end) and in meta.excerpt are character
offsets into the string returned by ``load_text(root, source)``:

* presidential-speeches, crs-reports, wh-briefing-room: the file decoded as UTF-8,
  unchanged (front matter and hard line wraps included).
* obama-wh-briefings: line 1 ``<h1>Title</h1>``, line 2 a Python bytes literal;
  text = title + "\\n" + strip_html(ast.literal_eval(line2).decode("utf-8")).
* state-dept-releases: one JSONL record; ``source`` is
  ``texts/state-dept-releases/press_releases_2021-05_2022-08.jsonl#<slug>`` where slug is the
  last path segment of ``link``; text = strip_html(record["content_encoded"]).

strip_html: HTML entities decoded, block tags (p, br, div, li, h1-h6, tr, table, blockquote)
end a line, then every line is stripped of surrounding whitespace (incl. no-break spaces)
and empty lines are dropped, so paragraphs are separated by a single "\\n".
"""
from __future__ import annotations

import ast
import json
from html.parser import HTMLParser
from pathlib import Path

BLOCK_TAGS = {"p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
              "blockquote", "ul", "ol", "hr"}
STATE_JSONL = "texts/state-dept-releases/press_releases_2021-05_2022-08.jsonl"


class _Stripper(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_data(self, data):
        self.parts.append(data.replace("\r", " ").replace("\n", " "))


def strip_html(html: str) -> str:
    p = _Stripper()
    p.feed(html)
    p.close()
    lines = ("".join(p.parts)).split("\n")
    out = []
    for line in lines:
        line = " ".join(line.replace("\xa0", " ").split())
        if line:
            out.append(line)
    return "\n".join(out)


def _state_records(root: Path) -> dict[str, dict]:
    recs = {}
    with open(root / STATE_JSONL, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            slug = r["link"].rstrip("/").rsplit("/", 1)[-1]
            recs[slug] = r
    return recs


def load_record(root: Path, source: str) -> dict | None:
    """Return the JSONL record for a state-dept source (None for other collections)."""
    if "#" not in source:
        return None
    path, slug = source.split("#", 1)
    return _state_records(Path(root))[slug]


def load_text(root, source: str) -> str:
    """root: the folder that contains ``texts/``; source: path relative to root."""
    root = Path(root)
    if "#" in source:
        return strip_html(load_record(root, source)["content_encoded"])
    raw = (root / source).read_text(encoding="utf-8")
    if source.startswith("texts/obama-wh-briefings/"):
        line1, line2 = raw.split("\n", 2)[:2]
        title = strip_html(line1)
        body = ast.literal_eval(line2).decode("utf-8")
        return title + "\n" + strip_html(body)
    return raw


# Paragraph separators used by the segmenter: blank lines in plain/markdown files,
# single newlines in decoded HTML.
def paragraph_sep(source: str) -> str:
    if "#" in source or source.startswith("texts/obama-wh-briefings/"):
        return "\n"
    return "\n\n"


def decoding_note(source: str) -> str:
    if "#" in source:
        return "JSONL record by link slug; content_encoded HTML stripped (annotations/tools/sources.py strip_html)"
    if source.startswith("texts/obama-wh-briefings/"):
        return ("line 1 <h1> title + newline + ast.literal_eval(line 2).decode('utf-8'), HTML stripped "
                "(annotations/tools/sources.py)")
    return "file read as UTF-8, unchanged"
