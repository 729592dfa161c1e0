"""NewsMTSC (Hamborg & Donnay 2021): sentiment of news sentences towards the persons they mention.

Source format:
    JSONL, one sentence per line: ``{"primary_gid", "sentence_normalized", "targets": [...]}``;
    each target has ``Input.gid``, ``from``, ``to``, ``mention``, ``polarity`` (2.0 negative,
    4.0 neutral, 6.0 positive) and optionally ``further_mentions`` (``from``, ``to``,
    ``mention``; coreferences found automatically). The dataset readme calls ``to`` "the last
    character" of the mention; in fact ``from``/``to`` are Python-style character offsets
    (exclusive end) into ``sentence_normalized``: in ``train.jsonl`` all 8,739 targets and all
    3,141 further mentions match exactly. (The offsets at the end of ``Input.gid`` are another
    matter: they point into the sentence before normalisation and often differ.) Offsets that
    do not match their ``mention`` are re-located with ``locate`` (nearest
    occurrence of the mention to the given start); the number of exact and re-located mentions
    per file is logged (``logging.getLogger("argmine")``, a warning when any was re-located). A
    main mention that cannot be found at all raises ``OffsetError``; a further mention that
    cannot be found is left out with a warning.

    The path may be one file (``train.jsonl``, ``devtest_mt.jsonl``, ``devtest_rw.jsonl``) or
    the dataset folder (its ``*.jsonl``, ``train.jsonl`` first).

Mapping:
    One document per line, text = ``sentence_normalized``, id = ``primary_gid`` (whitespace
    runs in it, which include line breaks, replaced by one space; a repeated id gets
    ``#L<line>`` appended). No units.

    ==============  ==========================================================
    corpus          argmine
    ==============  ==========================================================
    each target     actor ``p<n>`` (kind ``person``, name = the mention) with
                    mentions = the main mention first, then the further mentions
    polarity 6.0    stance ``favor`` of the author actor ``a0`` towards the
                    mention string, orig ``"polarity=6.0"``
    polarity 4.0    stance ``none``, orig ``"polarity=4.0"``
    polarity 2.0    stance ``against``, orig ``"polarity=2.0"``
    ==============  ==========================================================

    The label is how the sentence portrays the person (sentiment), recorded as the author's
    stance towards that person; stances list the targets in file order, and ``meta["targets"]``
    links each (same order) to its actor id and ``Input.gid``, since two targets of one sentence
    may share a mention string. ``meta``: corpus, split (``train``, or ``test`` for the
    ``devtest_*`` files, with ``test_set`` ``mt``/``rw``), source, topic and article (the
    article part of ``primary_gid``, e.g. ``allsides_703`` or ``polusa_v1_113704059``, so that
    grouped cross-validation keeps the sentences of one article together), story (allsides
    only: the news story the article belongs to; left/centre/right articles of one event share
    it), collection (``allsides``/``polusa``), primary_gid, targets.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import registry
from ..errors import ArgmineError, Errors, OffsetError
from ..schema import Actor, Document, Mention, Stance
from ..spans import locate, trim
from ._common import Where, author, malformed
from .jsonl import iter_json_lines

logger = logging.getLogger("argmine")

FORMAT = "newsmtsc"
CORPUS = "newsmtsc"
POLARITY = {2.0: "against", 4.0: "none", 6.0: "favor"}
_WS = re.compile(r"\s+")



def _files(path: Path) -> list[Path]:
    if not path.is_dir():
        return [path]
    files = sorted(path.glob("*.jsonl"), key=lambda p: (p.stem != "train", p.name))
    if not files:
        raise ArgmineError(Errors.E009.format(path=str(path), expected="*.jsonl"))
    return files


def _article(gid: str) -> tuple[str, str | None, str]:
    """Return ``(article, story, collection)`` from a ``primary_gid``."""
    parts = gid.split("_")
    if parts[0] == "allsides" and len(parts) > 2 and parts[1].isdigit():
        story = f"allsides_story_{parts[2]}" if parts[2].isdigit() else None
        return f"allsides_{parts[1]}", story, "allsides"
    if parts[0] == "polusa" and len(parts) > 2 and parts[2].isdigit():
        return "_".join(parts[:3]), None, "polusa"
    return gid, None, parts[0]


def _span(text: str, start: Any, end: Any, mention: str, counts: Counter) -> tuple[int, int] | None:
    """Return the mention's span, checking the given offsets and re-locating when they are off."""
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text) \
            and text[start:end] == mention:
        counts["exact"] += 1
        return trim(text, start, end)
    found = locate(text, mention, hint=start if isinstance(start, int) else 0)
    if found is None:
        return None
    counts["relocated"] += 1
    return trim(text, *found)


def _document(data: Any, name: str, lineno: int, meta_base: dict[str, Any], counts: Counter,
              seen: set[str]) -> Document:
    where = Where(name, lineno)
    if not isinstance(data, dict):
        raise malformed(FORMAT, f"the line holds a JSON {type(data).__name__}, not an object", where)
    text, gid = data.get("sentence_normalized"), data.get("primary_gid")
    targets = data.get("targets")
    if not isinstance(text, str) or not isinstance(gid, str) or not gid.strip():
        raise malformed(FORMAT, "missing 'sentence_normalized' or 'primary_gid'", where)
    if not isinstance(targets, list) or not targets:
        raise malformed(FORMAT, "'targets' is missing or empty", where)
    actors, stances, target_meta = [author()], [], []
    for n, target in enumerate(targets, start=1):
        if not isinstance(target, dict) or not isinstance(target.get("mention"), str):
            raise malformed(FORMAT, f"target {n} has no 'mention'", where)
        polarity = target.get("polarity")
        if isinstance(polarity, bool) or not isinstance(polarity, (int, float)) \
                or float(polarity) not in POLARITY:
            raise malformed(FORMAT, f"target {n} has polarity {polarity!r}; expected 2.0, 4.0 or 6.0", where)
        mention = target["mention"]
        span = _span(text, target.get("from"), target.get("to"), mention, counts)
        if span is None or span[0] >= span[1]:
            raise OffsetError(Errors.E010.format(start=target.get("from"), end=target.get("to"),
                                                 label=f"target {n}", expected=mention[:60],
                                                 found=text[:60]), path=name, lineno=lineno)
        mentions = [Mention(start=span[0], end=span[1])]
        for fm in target.get("further_mentions") or []:
            if not isinstance(fm, dict) or not isinstance(fm.get("mention"), str):
                raise malformed(FORMAT, f"a further mention of target {n} has no 'mention'", where)
            fspan = _span(text, fm.get("from"), fm.get("to"), fm["mention"], counts)
            if fspan is None or fspan[0] >= fspan[1]:
                counts["further_missing"] += 1
                logger.warning("%s: further mention %r of target %d is not in the sentence; "
                               "left out", where, fm["mention"][:40], n)
                continue
            m = Mention(start=fspan[0], end=fspan[1])
            if m not in mentions:
                mentions.append(m)
        actor_id = f"p{n}"
        name = mention.strip()
        actors.append(Actor(id=actor_id, name=name, kind="person", mentions=mentions))
        stances.append(Stance(actor="a0", target=name, stance=POLARITY[float(polarity)],
                              orig=f"polarity={float(polarity)}"))
        target_meta.append({"actor": actor_id, "gid": target.get("Input.gid"),
                            "polarity": float(polarity)})
    article, story, collection = _article(gid)
    doc_id = _WS.sub(" ", gid).strip()
    if doc_id in seen:
        doc_id = f"{doc_id}#L{lineno}"
    seen.add(doc_id)
    meta = {**meta_base, "topic": article, "article": article, "story": story,
            "collection": collection, "primary_gid": gid, "targets": target_meta}
    return Document(id=doc_id, text=text, meta=meta, actors=actors, stances=stances)


@registry.reader("newsmtsc", labels=("stances", "actors"))
def read_newsmtsc(path: Path) -> Iterator[Document]:
    """Yield one document per sentence of the NewsMTSC JSONL files (file or dataset folder)."""
    seen: set[str] = set()
    for file in _files(path):
        name = str(file)
        if file.stem.startswith("devtest_"):
            meta_base: dict[str, str | None] = {"corpus": CORPUS, "split": "test", "source": file.name,
                         "test_set": file.stem.removeprefix("devtest_")}
        else:
            meta_base = {"corpus": CORPUS, "split": "train" if file.stem == "train" else None,
                         "source": file.name}
        counts: Counter = Counter()
        for lineno, data in iter_json_lines(file):
            yield _document(data, name, lineno, meta_base, counts, seen)
        log = logger.warning if counts["relocated"] else logger.info
        log("%s: %d mention offsets exact, %d re-located from the mention text, %d further "
            "mentions not found", name, counts["exact"], counts["relocated"],
            counts["further_missing"])
