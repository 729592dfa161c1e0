"""Print or write a skeleton argmine.doc/1 record for one worklist row.

Usage (from the repository root):
    .venv/bin/python annotations/tools/segment.py DOC_ID [--texts-root DIR] [--annotator A] [--out FILE]

DIR is the folder that contains ``texts/`` (default: $ARGMINE_TEXTS_ROOT, else ../shared
relative to the repository root). The record gets one unit per sentence with
``"label": null`` for the annotator to fill; actors and stances are left empty.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import sources  # noqa: E402

from argmine.io._offsets import trim  # noqa: E402

WORKLIST = HERE.parent / "worklist.tsv"

# A split right after one of these tokens is undone (the next sentence is merged back).
ABBREV = re.compile(
    r"(?:\b(?:U\.S|U\.N|U\.K|E\.U|D\.C|P\.M|A\.M|a\.m|p\.m|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Amb|Lt|Col|"
    r"No|Nos|Jr|Sr|Inc|Co|Corp|Ltd|vs|etc|e\.g|i\.e|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec)\.)$")
# ... but not when the next piece clearly starts a new sentence after "U.S." etc.
NEW_SENT_START = re.compile(r"^(?:The|This|That|These|Those|We|I|It|And|But|So|In|Our|They|He|She)\b")


def load_nlp():
    from argmine.errors import ModelError
    from argmine.nlp import load_spacy

    try:
        return load_spacy(exclude=("ner", "lemmatizer"))
    except ModelError as e:
        sys.exit(str(e))


def read_worklist(doc_id: str) -> dict:
    with open(WORKLIST, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["doc_id"] == doc_id:
                return row
    sys.exit(f"{doc_id}: not in {WORKLIST.name}")


def _paragraphs(text: str, sep: str):
    """Yield (start, end) of non-empty paragraphs, whitespace-trimmed."""
    pat = re.compile(r"\n[ \t\xa0]*\n" if sep == "\n\n" else r"\n")
    pos = 0
    for m in list(pat.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        s, e = trim(text, pos, end)
        if s < e:
            yield s, e
        if m:
            pos = m.end()


def sentence_spans(nlp, text: str, sep: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in ``text``; paragraph breaks are hard boundaries.

    Single newlines inside a paragraph (hard-wrapped Markdown) are replaced by spaces
    before parsing; the replacement keeps the length, so offsets stay exact.
    """
    spans = []
    paras = list(_paragraphs(text, sep))
    chunks = [text[s:e].replace("\n", " ").replace("\xa0", " ") for s, e in paras]
    for (ps, _pe), doc in zip(paras, nlp.pipe(chunks, batch_size=64)):
        cur = []
        for sent in doc.sents:
            s, e = trim(text, ps + sent.start_char, ps + sent.end_char)
            if s >= e:
                continue
            if cur:
                prev = text[cur[-1][0]:cur[-1][1]]
                nxt = text[s:e]
                merge = (
                    (ABBREV.search(prev) and not NEW_SENT_START.match(nxt))
                    or not re.search(r"[A-Za-z0-9]", nxt)          # stray punctuation / quote
                    or (nxt[:1].islower() and not prev.endswith((".", "?", "!")))
                )
                if merge:
                    cur[-1] = (cur[-1][0], e)
                    continue
            cur.append((s, e))
        spans.extend(cur)
    return spans


def build(row: dict, root: Path, annotator: str | None) -> dict:
    full = sources.load_text(root, row["source"])
    xs, xe = int(row["excerpt_start"]), int(row["excerpt_end"])
    text = full[xs:xe]
    spans = sentence_spans(load_nlp(), text, sources.paragraph_sep(row["source"]))
    meta = {
        "source": row["source"],
        "date": row["date"],
        "licence": row["licence"],
        "excerpt": [xs, xe],
        "excerpt_decoding": sources.decoding_note(row["source"]),
        "annotator": annotator,
        "targets": [t.strip() for t in row["targets"].split(" | ") if t.strip()],
        "collection": row["source"].split("/")[1],
        "topic": row.get("topic"),
        "batch": int(row["batch"]),
        "second": row.get("second") == "yes",
    }
    if row.get("url"):
        meta["url"] = row["url"]
    if row.get("speaker"):
        meta["speaker"] = row["speaker"]
    return {
        "schema": "argmine.doc/1",
        "id": row["doc_id"] + (f"--{annotator}" if annotator else ""),
        "text": text,
        "meta": meta,
        "units": [
            {"id": f"u{i}", "start": s, "end": e, "label": None, "type": None, "score": None}
            for i, (s, e) in enumerate(spans, 1)
        ],
        "relations": [],
        "actors": [],
        "stances": [],
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("doc_id")
    ap.add_argument("--texts-root", default=os.environ.get("ARGMINE_TEXTS_ROOT"),
                    help="folder containing texts/ (default: $ARGMINE_TEXTS_ROOT or ../shared)")
    ap.add_argument("--annotator", default=None, help="annotator letter, e.g. A")
    ap.add_argument("--out", help="append the record as one JSON line to this file")
    ap.add_argument("--show", action="store_true", help="also print the units, one per line")
    args = ap.parse_args(argv)
    root = Path(args.texts_root) if args.texts_root else HERE.parents[2] / "shared"
    rec = build(read_worklist(args.doc_id), root, args.annotator)
    line = json.dumps(rec, ensure_ascii=False)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        with open(args.out, "a", encoding="utf-8") as fh:
            fh.write(line + "\n")
    else:
        print(line)
    if args.show:
        for u in rec["units"]:
            print(f"{u['id']}\t{rec['text'][u['start']:u['end']]!r}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
