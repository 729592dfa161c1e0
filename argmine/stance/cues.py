"""Stance cue tables (``data/stance_cues.json``) and the sign of a token.

These lists give the *sign of a predicate* on the path between an actor and a target
("refused(-) to hold(+)"), so they hold verbs, attitude words and clause markers only.
``data/stance_lexicon.json`` serves the sentence-level reading and the learned features,
and also lists target-like nouns ("agreement", "engagement") as favour cues: merged into
these tables, such nouns would count twice in a predicate chain (measured: the seed
op-ed's "less than thrilled about the rapprochement" then reads as favour).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

_DATA = Path(__file__).resolve().parent.parent / "data" / "stance_cues.json"


@dataclass(frozen=True)
class Cues:
    favor: frozenset[str]
    against: frozenset[str]
    mixed: frozenset[str]
    negators: frozenset[str]
    failure: frozenset[str]
    bad_outcome: frozenset[str]
    good_outcome: frozenset[str]
    change: frozenset[str]
    conditional: frozenset[str]
    agreement: frozenset[str]
    hypothetical: frozenset[str]
    embedding: frozenset[str]
    # Tables saved before this field was added load without it.
    moving_verbs: frozenset[str] = frozenset()
    joint_verbs: frozenset[str] = frozenset()
    act_nouns: frozenset[str] = frozenset()
    receiving_verbs: frozenset[str] = frozenset()
    credit_nouns: frozenset[str] = frozenset()
    raising_verbs: frozenset[str] = frozenset()
    lowering_verbs: frozenset[str] = frozenset()


DEFAULT_CUES = _DATA


def cues_from_json(data: dict) -> Cues:
    """Build :class:`Cues` from the parsed JSON of a ``stance_cues.json`` file."""
    return Cues(**{k: frozenset(v) for k, v in data.items() if not k.startswith("_")})


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    return cues_from_json(json.loads(_DATA.read_text(encoding="utf-8")))


def _keys(tok: Token) -> tuple[str, str]:
    return tok.lemma_.lower(), tok.lower_


def _phrasal_keys(tok: Token) -> list[str]:
    """The token's lemma with each of its particles and prepositions ("pulled ... out" -> "pull out")."""
    lemma = tok.lemma_.lower()
    return [f"{lemma} {c.lower_}" for c in tok.children if c.dep_ in ("prep", "prt")]


def phrasal_cue(tok: Token, cues: Cues) -> str | None:
    """The phrasal-verb cue a token reads with its particle ("pulled ... out" -> "pull out")."""
    return next((p for p in _phrasal_keys(tok) if p in cues.favor or p in cues.against), None)


def token_sign(tok: Token, cues: Cues) -> int:
    """+1 for a favour cue, -1 for an against cue, 0 otherwise (phrasal verbs read with their particle)."""
    lemma, lower = _keys(tok)
    if _object_key(tok, cues) is not None:
        return 0  # "holding up the aid" is not hold(+): see object_sign
    phrase = phrasal_cue(tok, cues)
    if phrase is not None:
        return 1 if phrase in cues.favor else -1
    if lemma in cues.favor or lower in cues.favor:
        return 1
    if lemma in cues.against or lower in cues.against:
        return -1
    return 0


# How a target reaches a verb as its object: directly, through a clause the verb governs
# ("denied sending drones") or a preposition that takes what it acts on ("thanked X for the aid").
_OBJECT_DEPS = frozenset({"dobj", "dative", "nsubjpass", "xcomp", "ccomp", "oprd", "attr", "prt"})
_OBJECT_PREPS = frozenset({"for", "on", "to", "of", "from", "into", "with", "against"})


def object_sign(tok: Token, target: Token | None, cues: Cues) -> int:
    """The sign of a raising or lowering verb ("tripled", "denied") whose object holds the
    target's mention ``target``, or of such a noun whose complement does ("cuts to food aid");
    0 for any other token or target."""
    key = _object_key(tok, cues)
    if target is None or key is None or tok.pos_ not in ("VERB", "NOUN"):
        return 0
    node = target
    while node.head.i != node.i and node.head.i != tok.i:
        node = node.head
    if node.head.i != tok.i or node.i == tok.i:
        return 0
    if tok.pos_ == "NOUN":
        # "cuts to food aid", "a hike in tariffs", "tariff hikes"
        held = node.dep_ == "compound" or node.dep_ == "prep" and node.lower_ in _OBJECT_PREPS | {"in"}
    else:
        held = node.dep_ in _OBJECT_DEPS or node.dep_ == "prep" and node.lower_ in _OBJECT_PREPS
    if not held:
        return 0
    return 1 if key in cues.raising_verbs else -1


def chain_sign(tok: Token, target: Token | None, cues: Cues) -> int:
    """The sign a token gives a predicate chain that leads to the mention ``target``: its cue
    (:func:`token_sign`), or as a raising or lowering word (:func:`object_sign`)."""
    return token_sign(tok, cues) or object_sign(tok, target, cues)


def _object_key(tok: Token, cues: Cues) -> str | None:
    """The raising or lowering verb a token reads as, with its particle ("hold up"), if any."""
    if not (cues.raising_verbs or cues.lowering_verbs):
        return None
    keys = [*_phrasal_keys(tok), *_keys(tok)]
    return next((k for k in keys if k in cues.raising_verbs or k in cues.lowering_verbs), None)


def is_mixed(tok: Token, cues: Cues) -> bool:
    lemma, lower = _keys(tok)
    return lemma in cues.mixed or lower in cues.mixed


def _emphatic_comparative(tok: Token) -> bool:
    """ "has never been stronger", "could not be clearer": a negated comparative that says
    the most, not the opposite."""
    if tok.tag_ not in ("JJR", "RBR"):
        return False
    head = tok.head if tok.dep_ in ("acomp", "advmod", "attr") else tok
    words = {c.lower_ for c in head.children if c.dep_ in ("neg", "aux", "advmod")}
    return "never" in words or bool(words & {"not", "n't"} and words & {"could", "can", "ca"})


def is_negated(tok: Token, cues: Cues) -> bool:
    """Negated by a ``neg`` child, a preceding negator within two tokens, or "less than"
    (not a comparative that says the most: "has never been stronger")."""
    if _emphatic_comparative(tok):
        return False
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    doc = tok.doc
    before = doc[max(tok.i - 3, 0):tok.i]
    words = [t.lower_ for t in before]
    text = " ".join(words)
    if "less than" in text or "far from" in text:
        return True
    # "not only ... but" is a focus construction, not a negation.
    for j, w in enumerate(words):
        if w in cues.negators and not (w == "not" and j + 1 < len(words) and words[j + 1] == "only"):
            if not (w == "not" and tok.i + 1 < len(doc) and doc[tok.i - 1].lower_ == "not"
                    and tok.lower_ == "only"):
                return True
    return False


def phrase_signs(tokens, cues: Cues, *, counted: frozenset[str] = frozenset()) -> list[int]:
    """Signs of multi-word cues ("on board", "lobby against") found in a token sequence,
    except those in ``counted`` (read already as a verb with its particle: "pulled out"). A
    phrase whose first word is negated flips ("will not walk away from")."""
    text = " " + " ".join(t.lemma_.lower() for t in tokens) + " "
    lower = " " + " ".join(t.lower_ for t in tokens) + " "
    signs = []
    for sign, phrases in ((1, cues.favor), (-1, cues.against)):
        for phrase in (p for p in phrases if " " in p and p not in counted):
            if f" {phrase} " in text or f" {phrase} " in lower:
                signs.append(-sign if _phrase_negated(tokens, phrase) else sign)
    return signs


def _phrase_negated(tokens, phrase: str) -> bool:
    """Does the word that starts ``phrase`` among ``tokens`` have a negation of its own ("will
    not walk away"; not "did not hesitate to walk away", not "did not merely walk away")?"""
    words = phrase.split()
    toks = list(tokens)
    for k, tok in enumerate(toks):
        if all(k + j < len(toks) and w in (toks[k + j].lemma_.lower(), toks[k + j].lower_)
               for j, w in enumerate(words)):
            kids = {c.lower_: c.dep_ for c in tok.children}
            if "neg" in kids.values() and not kids.keys() & {"merely", "just", "simply", "only"}:
                return True
    return False


def has_phrase(tokens, phrases: frozenset[str]) -> bool:
    text = " " + " ".join(t.lemma_.lower() for t in tokens) + " "
    lower = " " + " ".join(t.lower_ for t in tokens) + " "
    return any(f" {p} " in text or f" {p} " in lower for p in phrases)
