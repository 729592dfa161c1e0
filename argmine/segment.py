"""Sentence units: segment a text and project gold component spans onto sentences.

The projection follows the usual sentence-level convention: a sentence holding a
claim is a claim, else one holding a premise (evidence) is evidence, else none.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from .schema import Document, Unit
from .spans import trim

# A gold unit "is held" by a sentence when the overlap covers at least this share of
# the unit or of the sentence. Components often run across a sentence boundary by a
# few characters (ElecDeb), which must not label the neighbouring sentence.
HOLD_SHARE = 0.5


# Each Doc's text, built once: spaCy's Doc.text joins every token again on each access,
# and the components read it several times per document. Keyed weakly, so it goes with the
# Doc. (Retokenizing keeps the text; the token count is checked all the same.)
_TEXTS: weakref.WeakKeyDictionary[Doc, tuple[int, str]] = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc."""
    cached = _TEXTS.get(doc)
    if cached is not None and cached[0] == len(doc):
        return cached[1]
    # Joined from the Doc's arrays: Doc.text makes a Token object per word.
    strings = doc.vocab.strings
    text = "".join(strings[orth] + " " if space else strings[orth]
                   for orth, space in doc.to_array(["ORTH", "SPACY"]).tolist()) if len(doc) else ""
    _TEXTS[doc] = (len(doc), text)
    return text


class Sentence(NamedTuple):
    start: int
    end: int


def sentence_spans(doc: Doc) -> list[Sentence]:
    """Return the non-empty sentences of a parsed Doc as trimmed character spans.

    Line breaks that separate paragraphs also end a sentence, since headings and
    datelines rarely end with punctuation.
    """
    out: list[Sentence] = []
    text = doc_text(doc)
    pending: int | None = None  # start of a punctuation-only piece waiting for its sentence
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        # Split on blank lines inside a sentence (a heading followed by a paragraph).
        pieces, cursor = [], start
        while True:
            brk = text.find("\n\n", cursor, end)
            if brk == -1:
                pieces.append((cursor, end))
                break
            pieces.append((cursor, brk))
            cursor = brk + 2
        for a, b in pieces:
            a, b = trim(text, a, b)
            if a >= b:
                continue
            if pending is not None:
                a, pending = pending, None
            if not any(ch.isalnum() for ch in text[a:b]):
                # The statistical senter ends a sentence before an opening bracket or quote
                # ("... today. [ | applause] We ..."): such a piece joins the sentence after it.
                pending = a
                continue
            if out and text[a] in _OPENING and _mid_sentence(text, out[-1].end, a):
                # "... sign this treaty | [under pressure]." : a bracket does not start a sentence
                # when the text before it has not ended one.
                out[-1] = Sentence(out[-1].start, b)
                continue
            out.append(Sentence(a, b))
    if pending is not None:
        if out:
            out[-1] = Sentence(out[-1].start, trim(text, pending, len(text))[1])
        else:
            out.append(Sentence(*trim(text, pending, len(text))))
    return out


def char_span(doc: Doc, start: int, end: int, *, label: str = "") -> Span:
    """``doc.char_span`` widened to token boundaries, for offsets known to lie inside the text."""
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is None:
        raise ValueError(f"offsets {start}:{end} do not lie inside a text of {len(doc.text)} characters")
    return span


_OPENING = "[("
_FINAL = ".!?…:;\"”’')]"


def _mid_sentence(text: str, prev_end: int, start: int) -> bool:
    """True when the previous piece did not end a sentence and no line break comes between."""
    return "\n" not in text[prev_end:start] and text[prev_end - 1] not in _FINAL


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def project(sent: Sentence, gold: Iterable[Unit]) -> tuple[str, str | None, str | None]:
    """Label one sentence from the gold units it holds: ``(label, type, orig)``."""
    held: dict[str, list[tuple[int, Unit]]] = {"claim": [], "evidence": []}
    length = sent.end - sent.start
    for unit in gold:
        if unit.label == "none":
            continue
        ov = _overlap(sent.start, sent.end, unit.start, unit.end)
        if ov and (ov >= HOLD_SHARE * (unit.end - unit.start) or ov >= HOLD_SHARE * length):
            held[unit.label].append((ov, unit))
    for label in ("claim", "evidence"):
        if held[label]:
            _, best = max(held[label], key=lambda x: x[0])
            return label, best.type, best.orig
    return "none", None, None


def sentence_units(record: Document, doc: Doc) -> list[Unit]:
    """Return one unit per sentence of ``doc`` (the parse of ``record.text``), labels projected."""
    units = []
    for i, sent in enumerate(sentence_spans(doc), start=1):
        label, utype, orig = project(sent, record.units)
        units.append(Unit(id=f"s{i}", start=sent.start, end=sent.end, label=label, type=utype, orig=orig))
    return units


def sentence_record(record: Document, doc: Doc) -> Document:
    """Return ``record`` with sentence units; stance evidence is moved to the holding sentences.

    Relations between gold spans do not survive the projection and are dropped.
    """
    units = sentence_units(record, doc)
    moved: dict[str, str] = {}
    for gold in record.units:
        best = max(units, default=None,
                   key=lambda u: _overlap(u.start, u.end, gold.start, gold.end))
        if best is not None and _overlap(best.start, best.end, gold.start, gold.end):
            moved[gold.id] = best.id
    stances = []
    for st in record.stances:
        evidence = list(dict.fromkeys(moved[e] for e in st.evidence if e in moved))
        timeline = [t.model_copy(update={"unit": moved[t.unit]}) for t in st.timeline if t.unit in moved]
        stances.append(st.model_copy(update={"evidence": evidence, "timeline": timeline}))
    return record.model_copy(update={"units": units, "relations": [], "stances": stances})


def to_sentence_level(records: Iterable[Document], nlp: Language, *, batch_size: int = 32
                      ) -> Iterator[Document]:
    """Yield each record with its units replaced by projected sentence units."""
    records = list(records)
    docs = nlp.pipe((r.text for r in records), batch_size=batch_size)
    for record, doc in zip(records, docs):
        yield sentence_record(record, doc)
