"""Rebuild speeches-north-korea.jsonl: the North Korea passages of six presidential speeches.

Run from the checkout with the public-domain text collection beside it:
    python notebooks/data/make_speech_sample.py [../shared/texts/presidential-speeches]
Each record holds the paragraphs that name North Korea, Pyongyang or Kim Jong Un, with the
paragraph before each for context; meta has the date, the president (author) and the source file.
"""

import json
import re
import sys
from pathlib import Path

SPEECHES = [
    "2003-01-28-state-union-address.txt",
    "2017-09-19-address-united-nations-general-assembly.txt",
    "2017-12-18-remarks-national-security-strategy.txt",
    "2018-01-30-state-union-address.txt",
    "2018-09-25-address-73rd-session-united-nations-general.txt",
    "2019-02-05-state-union-address.txt",
]
PATTERN = re.compile(r"North Korea|Pyongyang|Kim Jong|DPRK")


def main(folder: Path, out: Path) -> None:
    with open(out, "w", encoding="utf-8") as f:
        for name in SPEECHES:
            raw = (folder / "data" / name).read_text(encoding="utf-8")
            header, _, body = raw.partition("\n\n")
            president = header.removeprefix("President:").strip()
            paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
            keep = sorted({j for i, p in enumerate(paragraphs) if PATTERN.search(p) for j in (i - 1, i) if j >= 0})
            text = "\n\n".join(paragraphs[i] for i in keep)
            record = {"schema": "argmine.doc/1", "id": name.removesuffix(".txt"), "text": text,
                      "meta": {"date": name[:10], "author": president,
                               "source": f"presidential-speeches/data/{name}"}}
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else here.parent.parent.parent / "shared" / "texts" / "presidential-speeches"
    main(src, here / "speeches-north-korea.jsonl")
