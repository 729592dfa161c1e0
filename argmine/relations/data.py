"""Gold argument structure projected onto sentences, the units the pipeline predicts on.

A gold unit belongs to the sentence it overlaps most; a relation becomes a link from its
source's sentence to its target's sentence, and a relation that targets another relation
(an undercut) is attached to that relation's source, as in Peldszus & Stede's (2015)
dependency conversion. Links inside one sentence vanish (the sentence is one unit).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..progress import track, words_of
from ..schema import Document
from ..segment import Sentence, char_span, project, sentence_spans
from .features import ArgUnit, arg_units
from .model import GoldStructure

SentLink = tuple[int, int, str]  # source sentence, target sentence, label


class RelationDoc(NamedTuple):
    """One gold document ready for training and scoring; sentence indices throughout."""
    doc_id: str
    group: str
    gold: GoldStructure                 # units labelled from the gold annotation
    links: frozenset[SentLink]
    mains: frozenset[int]
    sentences: list[Sentence]


def _best_sentence(sents: Sequence[Sentence], start: int, end: int) -> int | None:
    best, best_ov = None, 0
    for k, s in enumerate(sents):
        ov = min(s.end, end) - max(s.start, start)
        if ov > best_ov:
            best, best_ov = k, ov
    return best


def sentence_spans_of(doc: Doc, sents: Sequence[Sentence]) -> list[Span]:
    """The sentences as spaCy spans (expanded to token boundaries)."""
    return [char_span(doc, s.start, s.end) for s in sents]


def relation_doc(record: Document, doc: Doc) -> RelationDoc:
    """Project ``record``'s units, relations and main claims onto the sentences of ``doc``."""
    sents = sentence_spans(doc)
    sent_of = {u.id: _best_sentence(sents, u.start, u.end) for u in record.units}
    rel_source = {r.id: r.source for r in record.relations}

    def target_sentence(target: str) -> int | None:
        seen = set()
        while target in rel_source and target not in seen:  # an undercut: the attacked edge's source
            seen.add(target)
            target = rel_source[target]
        return sent_of.get(target)

    links: dict[tuple[int, int], str] = {}
    for rel in record.relations:
        src, tgt = sent_of.get(rel.source), target_sentence(rel.target)
        if src is None or tgt is None or src == tgt:
            continue
        links.setdefault((src, tgt), rel.label)
    mains = sorted({k for u in record.units if u.role == "main" and (k := sent_of[u.id]) is not None})

    labels = [project(s, record.units)[0] for s in sents]
    for (src, tgt) in links:  # a link endpoint is argumentative even if it holds little of a unit
        for k in (src, tgt):
            if labels[k] == "none":
                labels[k] = "evidence"
    for k in mains:
        labels[k] = "claim"
    units = arg_units(doc, sentence_spans_of(doc, sents), labels)
    pos = {u.index: k for k, u in enumerate(units)}
    gold_links: dict[int, tuple[int, str]] = {}
    for (src, tgt), label in links.items():
        gold_links.setdefault(pos[src], (pos[tgt], label))
    group = str(record.meta.get("topic") if record.meta.get("topic") is not None else record.id)
    return RelationDoc(record.id, group, GoldStructure(units, gold_links, [pos[k] for k in mains]),
                       frozenset((s, t, lab) for (s, t), lab in links.items()), frozenset(mains),
                       list(sents))


def has_structure(record: Document) -> bool:
    """Whether a record teaches anything about structure (relations or a main claim)."""
    return bool(record.relations) or any(u.role == "main" for u in record.units)


def relation_docs(records: Iterable[Document], nlp: Language, *, batch_size: int = 16
                  ) -> Iterator[tuple[RelationDoc, Doc]]:
    """Parse the records that carry structure and yield each with its Doc."""
    records = [r for r in records if has_structure(r)]
    docs = track(nlp.pipe((r.text for r in records), batch_size=batch_size), what="parse",
                 total=len(records), words=lambda doc: words_of(doc.text))
    for record, doc in zip(records, docs):
        yield relation_doc(record, doc), doc


def predicted_units(doc: Doc, sents: Sequence[Sentence], labels: Sequence[str]) -> list[ArgUnit]:
    """Units from sentence labels predicted by the unit classifier (same segmentation)."""
    return arg_units(doc, sentence_spans_of(doc, sents), labels)
