"""BASIL (Fan et al. 2019): bias spans in news, with the quoted speaker of each span.

Source format:
    ``articles/YEAR/UUID.json`` (``title``, ``source`` outlet, ``date``, ``triplet-uuid``
    event, ``main-entities``, ``body-paragraphs``: paragraphs as lists of sentences) and
    ``annotations/YEAR/UUID_ann.json`` (``phrase-level-annotations``: spans with ``id``
    ``"pK"`` = the K-th body sentence, ``start``/``end`` inside that sentence, ``txt``,
    ``target``, ``polarity`` pos/neg, ``bias`` lex/inf, ``quote`` yes/no, ``speaker``,
    ``aim``; ``article-level-annotations``). The path is the corpus root, or its
    ``annotations`` folder. Spans on the title (``id`` "title") are left out: the title is
    not part of the text.

Mapping:
    One document per article. Text = the body, sentences joined by one space and
    paragraphs by a blank line (the quotation layout of news depends on paragraphs).
    Each quoted span with a named speaker (``quote`` yes, ``speaker`` not empty and not
    ``other_…``) becomes a quote of kind ``direct`` (BASIL marks no cue, so ``cue`` is null)
    whose speaker is a person actor named by the underscored name ("Mitt_Romney" ->
    "Mitt Romney", no mentions). ``meta``: corpus, event (``triplet-uuid``, the unit of
    cross-validation: the three articles of one event share their quotes), outlet, year,
    date, main_entities, and ``spans``: every span with document offsets and its raw
    fields (target, polarity, bias, quote, speaker, aim), for stance work.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import registry
from ..schema import Actor, Document, Quote
from ._common import Where, malformed

FORMAT = "basil"


def _body(paragraphs: list[list[str]]) -> tuple[str, list[int]]:
    """The body text and the offset of each sentence's first character (as annotated)."""
    out: list[str] = []
    starts: list[int] = []
    pos = 0
    for p, sents in enumerate(paragraphs):
        if p and out:
            out.append("\n\n")
            pos += 2
        for s, sent in enumerate(sents):
            if s:
                out.append(" ")
                pos += 1
            starts.append(pos)
            out.append(sent)
            pos += len(sent)
    return "".join(out), starts


def named_speaker(raw: str) -> str | None:
    """The display name of a BASIL speaker, or None for none and unnamed sources."""
    raw = (raw or "").strip()
    if not raw or raw.lower().startswith("other"):
        return None
    return raw.replace("_", " ")


def _document(article: dict[str, Any], ann: dict[str, Any], name: str) -> Document:
    text, starts = _body(article["body-paragraphs"])
    spans: list[dict[str, Any]] = []
    actors: dict[str, str] = {}  # speaker name -> actor id
    quotes: list[Quote] = []
    for raw in ann.get("phrase-level-annotations", []):
        pid = str(raw.get("id", ""))
        if not pid.startswith("p"):
            continue
        k = int(pid[1:])
        if k >= len(starts):
            raise malformed(FORMAT, f"span {pid} points past the last sentence ({len(starts)})", Where(name))
        start, end = starts[k] + int(raw["start"]), starts[k] + int(raw["end"])
        if text[start:end] != raw.get("txt", text[start:end]):
            raise malformed(FORMAT, f"span {pid} {raw['start']}:{raw['end']} does not match its txt", Where(name))
        spans.append({"start": start, "end": end, **{key: raw.get(key) for key in (
            "target", "polarity", "bias", "quote", "speaker", "aim")}})
        speaker = named_speaker(raw.get("speaker", ""))
        if raw.get("quote") == "yes" and speaker and end > start:
            aid = actors.setdefault(speaker, f"s{len(actors) + 1}")
            quotes.append(Quote(id=f"q{len(quotes) + 1}", speaker=aid, start=start, end=end, kind="direct"))
    return Document(
        id=f"basil/{article.get('uuid', Path(name).stem)}", text=text,
        meta={"corpus": "basil", "event": article.get("triplet-uuid"), "outlet": article.get("source"),
              "year": Path(name).parent.name, "date": article.get("date"),
              "main_entities": article.get("main-entities"), "spans": spans},
        actors=[Actor(id=aid, name=n, kind="person") for n, aid in actors.items()],
        quotes=quotes)


@registry.reader("basil", labels=("quotes", "actors"))
def read_basil(path: Path) -> Iterator[Document]:
    """Yield one document per annotated article, by year then file name."""
    root = path.parent if path.name == "annotations" else path
    files = sorted((root / "annotations").glob("*/*_ann.json"))
    if not files:
        raise malformed(FORMAT, "no annotations/YEAR/*_ann.json files", Where(str(path)))
    for ann_path in files:
        art_path = root / "articles" / ann_path.parent.name / ann_path.name.replace("_ann.json", ".json")
        name = f"{ann_path.parent.name}/{art_path.name}"
        try:
            ann = json.loads(ann_path.read_text(encoding="utf-8"))
            article = json.loads(art_path.read_text(encoding="utf-8"))
        except FileNotFoundError as e:
            raise malformed(FORMAT, "article file missing", Where(name)) from e
        except ValueError as e:
            raise malformed(FORMAT, f"not valid JSON ({e})", Where(name)) from e
        yield _document(article, ann, name)
