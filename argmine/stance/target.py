"""Recognise a stance target and its paraphrases in text.

A target is free text ("detente with North Korea", "the Iran nuclear deal",
"sanctions on Russia"). It is parsed into a *head concept* (the policy it names),
looked up in a general lexicon of policy concepts (``data/target_concepts.json``),
and *anchor entities* (the countries or people it is about). A sentence mentions
the target when it holds a term of the head concept and an anchor is in reach;
it mentions the target's *opposite* when it holds a term of an opposed concept
(favouring pressure counts against engagement). Users add their own terms.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Span, Token

from ..errors import ArgmineError, Errors

_DATA = Path(__file__).resolve().parent.parent / "data" / "target_concepts.json"
_STOP = frozenset({"the", "a", "an", "of", "with", "on", "to", "for", "toward", "towards", "against",
                   "in", "and", "or", "between", "about", "over", "by"})


@lru_cache(maxsize=1)
def _concepts() -> dict:
    return json.loads(_DATA.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Target:
    """A parsed stance target.

    Attributes:
        text: The target as the user wrote it.
        terms: Lower-case lemmas/phrases that name the target (head concept + user terms).
        opposite: Terms whose endorsement counts against the target.
        anchors: Lower-case names of what the target is about ("north korea").
        concepts: Names of the matched concepts, for explanation.
    """
    text: str
    terms: frozenset[str]
    opposite: frozenset[str]
    anchors: tuple[str, ...] = ()
    concepts: tuple[str, ...] = ()
    multiword: tuple[str, ...] = field(default=())


def parse_target(text: str, nlp: Language, *, extra_terms: Iterable[str] = ()) -> Target:
    """Parse a target phrase into concept terms and anchor entities.

    Args:
        text: The target, e.g. "detente with North Korea".
        nlp: A pipeline with tagger and NER (for lemmas and anchors).
        extra_terms: User-supplied words or phrases that also name the target.
    """
    text = text.strip()
    if not text:
        raise ArgmineError(Errors.E016)
    doc = nlp(text)
    data = _concepts()["concepts"]
    # Anchors are who the policy concerns; other names ("INF") belong to the target's name.
    anchor_ents = [ent for ent in doc.ents if ent.label_ in ("GPE", "NORP", "PERSON")]
    anchors = [ent.text.lower().removeprefix("the ") for ent in anchor_ents]
    anchor_tokens = {t.i for ent in anchor_ents for t in ent}
    # The head concept: concepts of content words that are not part of an anchor name.
    content = [t for t in doc if t.i not in anchor_tokens and t.lower_ not in _STOP and not t.is_punct]
    lemmas = [t.lemma_.lower() for t in content] + [t.lower_ for t in content]
    phrase = " ".join(t.lower_ for t in content)
    matched = []
    for name, concept in data.items():
        terms = set(concept["terms"])
        if any(lem in terms for lem in lemmas) or any(term in phrase for term in terms if " " in term):
            matched.append(name)
    # A modifier concept ("nuclear" in "nuclear deal") must not widen the target when a
    # head concept exists: keep the concept of the syntactic head if it matched.
    heads = [t for t in content if t.dep_ == "ROOT" or t.head.i in anchor_tokens or t.head == t]
    head_concepts = [name for name in matched
                     if any(h.lemma_.lower() in data[name]["terms"] or h.lower_ in data[name]["terms"]
                            for h in heads)]
    chosen = head_concepts or matched
    terms = {t.lemma_.lower() for t in content if not t.is_stop and t.pos_ in ("NOUN", "PROPN")}
    if len(content) > 1:
        terms.add(phrase)  # the target's own name, e.g. "inf treaty"
    opposite: set[str] = set()
    for name in chosen:
        terms |= set(data[name]["terms"])
        for opp in data[name].get("opposes", []):
            opposite |= set(data[opp]["terms"])
    terms |= {t.lower().strip() for t in extra_terms if t.strip()}
    opposite -= terms
    multi = tuple(sorted(t for t in terms | opposite if " " in t))
    return Target(text=text, terms=frozenset(terms), opposite=frozenset(opposite),
                  anchors=tuple(dict.fromkeys(anchors)), concepts=tuple(chosen), multiword=multi)


class TargetHit:
    """Where a sentence mentions a target: the token and whether it is the opposite concept."""

    __slots__ = ("token", "opposite", "via")

    def __init__(self, token: Token, opposite: bool, via: str):
        self.token = token
        self.opposite = opposite
        self.via = via  # "term", "opposite", "anaphora" or "continuity"

    def __repr__(self) -> str:
        return f"TargetHit({self.token.text!r}, opposite={self.opposite}, via={self.via!r})"


_INDEFINITE = frozenset({"a", "an", "another"})
_OTHER = frozenset({"new", "different", "better", "real", "alternative", "future", "other"})


def _other_instance(tok: Token) -> bool:
    """ "a real deal", "a new agreement": another instance of the concept, not the target."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    kids = {c.lower_ for c in tok.children if c.dep_ in ("det", "amod")}
    return bool(kids & _INDEFINITE) and bool(kids & _OTHER)


def find_hits(sent: Span, target: Target) -> list[TargetHit]:
    """Return the tokens of ``sent`` that name the target or its opposite."""
    hits: list[TargetHit] = []
    lowered = sent.text.lower()
    for tok in sent:
        if _other_instance(tok):
            continue
        keys = (tok.lemma_.lower(), tok.lower_)
        if any(k in target.terms for k in keys):
            hits.append(TargetHit(tok, False, "term"))
        elif any(k in target.opposite for k in keys):
            hits.append(TargetHit(tok, True, "opposite"))
    for phrase in target.multiword:
        start = lowered.find(phrase)
        if start == -1:
            continue
        span = sent.char_span(sent.start_char + start, sent.start_char + start + len(phrase),
                              alignment_mode="expand")
        if span is not None and not any(h.token in span for h in hits):
            hits.append(TargetHit(span.root, phrase in target.opposite, "term"))
    return hits


_ANAPHORA_DETS = frozenset({"that", "this", "these", "those", "such"})
_ANAPHORA_NOUNS = frozenset({"course", "change", "process", "effort", "initiative", "policy", "approach",
                             "move", "step", "shift", "development", "decision", "plan", "idea", "proposal",
                             "strategy", "overture", "reaction", "advice", "offer"})


def anaphoric_hit(sent: Span) -> TargetHit | None:
    """A demonstrative noun phrase ("that course change", "this process") that refers back."""
    for tok in sent:
        if tok.lemma_.lower() in _ANAPHORA_NOUNS and tok.pos_ == "NOUN":
            dets = [c for c in tok.children if c.lower_ in _ANAPHORA_DETS]
            if dets or (tok.i > sent.start and sent.doc[tok.i - 1].lower_ in _ANAPHORA_DETS):
                return TargetHit(tok, False, "anaphora")
            # "that course change": the determiner sits on the compound's head.
            if tok.dep_ == "compound" and any(c.lower_ in _ANAPHORA_DETS for c in tok.head.children):
                return TargetHit(tok.head, False, "anaphora")
    return None


def anchor_in_reach(sentences: Sequence[Span | None], index: int, target: Target, *, window: int = 3,
                    doc_anchor_count: int = 0) -> bool:
    """Is an anchor of the target mentioned near sentence ``index`` (or throughout the document)?"""
    if not target.anchors or doc_anchor_count >= 3:
        return True
    lo, hi = max(0, index - window), min(len(sentences), index + window + 1)
    text = " ".join(s.text.lower() for s in sentences[lo:hi] if s is not None)
    return any(a in text for a in target.anchors)
