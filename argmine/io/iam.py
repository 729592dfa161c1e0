"""IAM (Cheng et al. 2022): claim sentences in articles and their stance towards a debate topic.

Source format:
    Tab-separated text files, 5 columns, one sentence per row in article order:
    ``label  topic_sentence  candidate_sentence  article_id  stance`` with label ``C`` (claim
    for the topic) or ``O`` (not a claim) and stance ``1`` (supports the topic), ``-1``
    (contests it) or ``0`` (no relation / non-claim). ``claims/{train,dev,test}.txt`` hold
    every sentence of each article; ``stance/{train,dev,test}.txt`` hold only the ``C`` rows.

    The path may be one of these files, the ``claims`` or ``stance`` folder, or the corpus
    root. Given the root, ``claims/*.txt`` are read, and a ``stance/<split>.txt`` only for a
    split that has no claims file (``stance/dev`` and ``stance/test`` are exactly the claim rows
    of ``claims/dev`` and ``claims/test``, so reading both would duplicate them). In the
    development copy that means ``claims/dev.txt`` + ``stance/train.txt``.

Mapping:
    One document per article (rows grouped by ``article_id``, articles in order of first
    appearance), id ``iam-<split>-<article_id>`` for claims files and
    ``iam-stance-<split>-<article_id>`` for stance files (whose text holds only the claim
    sentences of the article: ``meta["claims_only"]`` is true). Text = the sentences, each
    stripped, joined with a single space, in file order; one unit per sentence.

    ==========  ============================================================
    corpus      argmine
    ==========  ============================================================
    ``C``       unit label ``claim``, type null, orig ``"C"``
    ``O``       unit label ``none``, orig ``"O"``
    stance 1    stance ``favor`` of the author actor ``a0`` towards the topic
                sentence, orig ``"1"``, evidence = that sentence's unit
    stance -1   stance ``against`` (same), orig ``"-1"``
    stance 0    on a ``C`` row: stance ``none``, orig ``"0"``; on an ``O`` row:
                no stance record
    ==========  ============================================================

    There is one stance record per claim unit (an article with several claims has several
    records for the same actor and target, one per claim), so each claim's stance can be
    trained on directly. ``meta``: corpus, split, source, topic (the topic sentence),
    article_id, claims_only.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import registry
from ..errors import ArgmineError, Errors, SchemaError
from ..schema import Document, Stance, Unit
from ..spans import join
from ._common import Where, author, malformed
from ._tsv import iter_tsv

logger = logging.getLogger("argmine")

FORMAT = "iam"
CORPUS = "iam"
SPLITS = ("train", "dev", "test")
LABELS = {"C": "claim", "O": "none"}
STANCES = {"1": "favor", "-1": "against", "0": "none"}



def _split_order(p: Path) -> tuple[int, str]:
    return (SPLITS.index(p.stem) if p.stem in SPLITS else len(SPLITS), p.name)


def _files(path: Path) -> list[tuple[Path, str]]:
    """Return ``(file, kind)`` pairs to read, kind being "claims" or "stance"."""
    if path.is_file():
        kind = "stance" if path.parent.name == "stance" else "claims"
        return [(path, kind)]
    if path.name in ("claims", "stance"):
        files = [(f, path.name) for f in sorted(path.glob("*.txt"), key=_split_order)]
    else:
        claims = sorted((path / "claims").glob("*.txt"), key=_split_order)
        claims = [f for f in claims if f.stem in SPLITS]
        have = {f.stem for f in claims}
        stance = [f for f in sorted((path / "stance").glob("*.txt"), key=_split_order)
                  if f.stem in SPLITS and f.stem not in have]
        files = [(f, "claims") for f in claims] + [(f, "stance") for f in stance]
        files.sort(key=lambda fk: (_split_order(fk[0]), fk[1]))
    if not files:
        raise ArgmineError(Errors.E009.format(path=str(path),
                                              expected="claims/*.txt or stance/*.txt"))
    return files


def _source(file: Path) -> str:
    return f"{file.parent.name}/{file.name}" if file.parent.name in ("claims", "stance") \
        else file.name


def _rows(file: Path) -> Iterator[tuple[int, list[str]]]:
    name = str(file)

    def bad_columns(lineno: int, found: int) -> SchemaError:
        return malformed(FORMAT, f"{found} tab-separated columns instead of 5 "
                         f"(label, topic, sentence, article_id, stance)",
                         Where(name, lineno))

    for lineno, cols in iter_tsv(file, n_columns=5, bad_columns=bad_columns):
        label, topic, sentence, article, stance = cols
        if label not in LABELS:
            raise malformed(FORMAT, f"label {label!r} is neither C nor O", Where(name, lineno))
        if stance.strip() not in STANCES:
            raise malformed(FORMAT, f"stance {stance!r} is not 1, -1 or 0", Where(name, lineno))
        if not sentence.strip() or not article.strip() or not topic.strip():
            raise malformed(FORMAT, "empty sentence, topic or article_id", Where(name, lineno))
        yield lineno, cols


def _read_file(file: Path, kind: str) -> Iterator[Document]:
    split = file.stem if file.stem in SPLITS else None
    articles: dict[str, list[tuple[int, list[str]]]] = {}
    for lineno, cols in _rows(file):
        articles.setdefault(cols[3].strip(), []).append((lineno, cols))
    prefix = "iam" if kind == "claims" else "iam-stance"
    tag = split or file.stem
    for article, rows in articles.items():
        text, spans = join([cols[2] for _, cols in rows], " ")
        units, stances = [], []
        for i, ((_, (label, topic, _sent, _art, stance)), (start, end)) in enumerate(
                zip(rows, spans), start=1):
            uid = f"u{i}"
            units.append(Unit(id=uid, start=start, end=end, label=LABELS[label], orig=label))
            stance = stance.strip()
            if stance != "0" or label == "C":
                stances.append(Stance(actor="a0", target=topic.strip(), stance=STANCES[stance],
                                      evidence=[uid], orig=stance))
        topics = list(dict.fromkeys(cols[1].strip() for _, cols in rows))
        meta: dict[str, Any] = {"corpus": CORPUS, "split": split, "source": _source(file), "topic": topics[0],
                "article_id": article, "claims_only": kind == "stance"}
        if len(topics) > 1:
            meta["topics"] = topics
        yield Document(id=f"{prefix}-{tag}-{article}", text=text, meta=meta, units=units,
                       actors=[author()], stances=stances)


@registry.reader("iam", labels=("claims", "stances", "actors"))
def read_iam(path: Path) -> Iterator[Document]:
    """Yield one document per article of the IAM claims/stance files (file, folder or root)."""
    for file, kind in _files(path):
        yield from _read_file(file, kind)
