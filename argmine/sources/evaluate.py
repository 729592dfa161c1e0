"""Speaker attribution against gold quoted spans (BASIL-style: span + named speaker).

A gold span counts as found when the reported-speech statement that overlaps it most
has the gold speaker: an actor whose name matches the gold name (same surname), or,
since BASIL often names the group or organization a quoted member speaks for ("Senate
Republicans" for a quoted senator, "NAACP" for its president), an actor who speaks for
it: the gold group's distinctive words ("Republican" ~ "Republicans") match the
speaker's name or an affiliation the text states, followed up to three steps ("a
spokesman for Mr. Reid" -> Reid -> Democrats). The name-only share is reported
beside it. Scores are grouped into folds by event, so that the three articles of one
story (which share their quotes) never sit in two folds.

Run:
    python -m argmine.sources.evaluate ../shared/corpora/basil [--textacy] [--cache FILE]
    python -m argmine.sources.evaluate annotations/quotes.jsonl --format jsonl --textacy
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from ..schema import Document

log = logging.getLogger("argmine")


class Found(NamedTuple):
    """A predicted statement: content offsets, the speaker's name and whom they speak for.

    ``affiliations`` lists the names along the speaker's affiliation chain, nearest first.
    """
    start: int
    end: int
    speaker: str | None
    affiliations: tuple[str, ...] = ()


# Words too general to identify a group on their own ("Republican lawmakers" is matched
# by "Republicans", not by any "lawmakers").
_GENERIC = frozenset({"official", "lawmaker", "member", "campaign", "the", "of", "and", "group",
                      "leader", "house", "senate", "state", "office", "people", "other", "party",
                      "department", "committee", "company", "national"})
# Shortest stem that may match a longer word it begins ("democrat" ~ "democratic").
_PREFIX = 6


def _stems(name: str) -> set[str]:
    words = (w.strip(".,'’()").lower() for w in name.replace("_", " ").split())
    return {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words if w} - _GENERIC


def _stem_match(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return short == long or (len(short) >= _PREFIX and long.startswith(short))


def same_group(gold: str, predicted: str | None) -> bool:
    """Does a group or organization name match ("Democratic Lawmakers" ~ "Democrats")?

    The distinctive words of one name must all occur in the other ("Tea Party" ~ "St.
    Louis Tea Party", "Nebraska" ~ "Nebraska and Oklahoma officials"), so that a shared
    given name ("Rick Perry", "Rick Santorum") is no match.
    """
    if not predicted:
        return False
    ours, theirs = _stems(predicted), _stems(gold)
    if not ours or not theirs:
        return False

    def within(a: set[str], b: set[str]) -> bool:
        return all(any(_stem_match(x, y) for y in b) for x in a)

    return within(ours, theirs) or within(theirs, ours)


def speaks_for(gold: str, found: Found) -> bool:
    """Is ``found``'s speaker the gold speaker, or someone who speaks for the gold group?"""
    return (same_person(gold, found.speaker) or same_group(gold, found.speaker)
            or any(same_group(gold, name) for name in found.affiliations))


def same_person(gold: str, predicted: str | None) -> bool:
    """Do two names denote the same person ("Mitt Romney" ~ "Romney", "Mr. Romney")?"""
    if not predicted:
        return False
    g = [w.strip(".,'’").lower() for w in gold.split() if w.strip(".,'’")]
    p = [w.strip(".,'’").lower() for w in predicted.split() if w.strip(".,'’")]
    if not g or not p:
        return False
    return g[-1] in p or p[-1] in g


def argmine_found(doc: Doc) -> list[Found]:
    """Statements of ``doc.spans["argmine_quotes"]`` with speaker names."""
    actors = {a["id"]: a for a in (doc._.argmine_actors or [])}

    def chain(aid: str | None) -> tuple[str, ...]:
        names: list[str] = []
        seen = {aid}
        aff = actors[aid].get("affiliation") if aid in actors else None
        while aff in actors and aff not in seen and len(names) < 3:
            names.append(actors[aff]["name"])
            seen.add(aff)
            aff = actors[aff].get("affiliation")
        return tuple(names)

    out = []
    for s in doc.spans.get("argmine_quotes", []):
        aid = s._.argmine_speaker
        name = actors[aid]["name"] if aid in actors else None
        out.append(Found(s.start_char, s.end_char, name, chain(aid)))
    return out


def textacy_found(doc: Doc) -> list[Found] | None:
    """textacy's ``direct_quotations`` as statements; None when it refuses the document."""
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # an odd number of quotation marks: textacy refuses to guess
        return None
    return [Found(t.content[0].idx, t.content[-1].idx + len(t.content[-1]),
                  " ".join(tok.text for tok in t.speaker)) for t in triples if t.content]


def score_document(record: Document, found: Sequence[Found] | None, *,
                   affiliation: bool = False) -> list[bool]:
    """One hit/miss per gold quote with a speaker.

    With ``affiliation``, a speaker also counts when the gold names the group or
    organization the found speaker speaks for (:func:`speaks_for`: "NAACP" for the
    NAACP's president); without it, only the speaker's own name counts.
    """
    names = {a.id: a.name for a in record.actors}
    out = []
    for q in record.quotes:
        if q.speaker is None:
            continue
        best, overlap = None, 0
        for f in found or ():
            o = min(q.end, f.end) - max(q.start, f.start)
            if o > overlap:
                best, overlap = f, o
        if best is None:
            out.append(False)
        elif affiliation:
            out.append(speaks_for(names[q.speaker], best))
        else:
            out.append(same_person(names[q.speaker], best.speaker))
    return out


def folds_by_event(records: Sequence[Document], k: int = 5) -> list[int]:
    """Fold number of each record; the events are dealt round-robin in sorted order."""
    def group(r: Document) -> str:
        return str(r.meta.get("event") or r.meta.get("source") or r.id)

    events = sorted({group(r) for r in records})
    fold = {e: i % k for i, e in enumerate(events)}
    return [fold[group(r)] for r in records]


def evaluate(records: Sequence[Document], docs: Sequence[Doc],
             systems: dict[str, Callable[[Doc], Sequence[Found] | None]], *, k: int = 5
             ) -> dict[str, dict[str, object]]:
    """Share of gold quoted spans whose speaker each system finds, overall and per fold.

    ``accuracy`` counts the speaker or whom the speaker speaks for (:func:`speaks_for`),
    ``by_name`` the speaker's own name only.
    """
    folds = folds_by_event(records, k)
    results: dict[str, dict[str, object]] = {}
    for name, system in systems.items():
        per_fold = [[0, 0, 0] for _ in range(k)]
        refused = 0
        for record, doc, fold in zip(records, docs, folds):
            found = system(doc)
            refused += found is None and bool(record.quotes)
            hits = score_document(record, found, affiliation=True)
            by_name = score_document(record, found)
            per_fold[fold][0] += sum(hits)
            per_fold[fold][1] += sum(by_name)
            per_fold[fold][2] += len(hits)
        total = sum(f[2] for f in per_fold)
        results[name] = {
            "accuracy": round(sum(f[0] for f in per_fold) / total, 3) if total else 0.0,
            "by_name": round(sum(f[1] for f in per_fold) / total, 3) if total else 0.0,
            "folds": [round(f[0] / f[2], 3) if f[2] else None for f in per_fold],
            "spans": total, "refused_documents": refused}
    return results


def parse_cached(records: Sequence[Document], nlp: Language, cache: Path | None) -> list[Doc]:
    """Parse the texts with ``nlp`` (spaCy components only), reusing a DocBin cache."""
    if cache is not None and cache.is_file():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] == [r.text for r in records]:
            return docs
    docs = list(nlp.pipe((r.text for r in records), batch_size=16))
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        DocBin(store_user_data=False, docs=docs).to_disk(cache)
    return docs


def _argmine_layers(nlp: Language) -> Callable[[Doc], Doc]:
    from ..pipeline.actors import ActorsComponent
    from ..pipeline.sources import SourcesComponent

    actors, sources = ActorsComponent(nlp), SourcesComponent(nlp)
    actors.initialize()
    sources.initialize()
    return lambda doc: sources(actors(doc))


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path, help="BASIL root (articles/ and annotations/), or a JSONL file")
    parser.add_argument("--format", default="basil", help="reader: basil, or jsonl for records with quotes "
                        "(e.g. annotations/quotes.jsonl)")
    parser.add_argument("--textacy", action="store_true", help="also score textacy direct_quotations")
    parser.add_argument("--cache", type=Path, default=None, help="DocBin file for the parsed texts")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(list(argv) if argv is not None else None)

    from ..io import read_corpus
    from ..nlp import load_spacy

    records = [r for r in read_corpus(args.corpus, format=args.format) if r.quotes]
    nlp = load_spacy()
    docs = parse_cached(records, nlp, args.cache)
    layers = _argmine_layers(nlp)
    docs = [layers(doc) for doc in docs]
    systems: dict[str, Callable[[Doc], Sequence[Found] | None]] = {"argmine": argmine_found}
    if args.textacy:
        systems["textacy direct_quotations"] = textacy_found
    for name, res in evaluate(records, docs, systems, k=args.folds).items():
        print(f"{name}: {res['accuracy']:.3f} of {res['spans']} spans, the speaker or whom it speaks for "
              f"({res['by_name']:.3f} by the speaker's own name); "
              f"by event fold {res['folds']}; documents refused: {res['refused_documents']}")


if __name__ == "__main__":
    main()
