"""Time the reported-speech layer against the spaCy parse, in one run.

    python benchmarks/sources_speed.py ../shared/corpora/basil [--limit 60]

Parses the BASIL article bodies with the English pipeline, then runs the actors and
sources layers on the parsed Docs, and prints both times and their ratio (the sources
layer should cost under 10% of the parse).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from argmine.io import read_corpus
from argmine.nlp import load_spacy
from argmine.pipeline.actors import ActorsComponent
from argmine.pipeline.sources import SourcesComponent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=60)
    args = parser.parse_args()
    texts = [r.text for r in read_corpus(args.corpus, format="basil", limit=args.limit)]
    nlp = load_spacy()
    actors, sources = ActorsComponent(nlp), SourcesComponent(nlp)
    actors.initialize()
    sources.initialize()
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    docs = [actors(d) for d in docs]
    t_actors = time.perf_counter() - t0
    t0 = time.perf_counter()
    docs = [sources(d) for d in docs]
    t_sources = time.perf_counter() - t0
    words = sum(len(d) for d in docs)
    print(f"{len(docs)} documents, {words} tokens")
    print(f"spaCy parse   {parse:7.2f} s")
    print(f"actors layer  {t_actors:7.2f} s  ({t_actors / parse:.1%} of the parse)")
    print(f"sources layer {t_sources:7.2f} s  ({t_sources / parse:.1%} of the parse)")


if __name__ == "__main__":
    main()
