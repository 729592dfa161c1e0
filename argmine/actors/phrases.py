"""Noun-phrase helpers for groups and institutions: modifiers, partitives, prepositions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from spacy.tokens import Doc

from .gazetteer import HYPHENS
from .spans import Candidate
from .tables import ActorTables

_MODIFIER_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "RBR", "RBS", "CD", "VBN"})
_LINKS = frozenset({",", "and", "&"})
_ADJ = frozenset({"JJ", "JJR", "JJS"})


class PrepPhrase(NamedTuple):
    """A qualifying prepositional phrase after a group head ("in the United States")."""
    prep: int
    end: int
    owner: Candidate
    detached: bool


def left_edge(doc: Doc, head: int, index: Mapping[int, Sequence[Candidate]], titles: set[int],
              *, quantifiers: frozenset[str] = frozenset()) -> int:
    """First token of the head's pre-modifiers, read on tokens so a wrong parse does not matter.

    Modifiers are adjectives, nouns, names, possessors with their own article ("the
    president's"), and lists of these ("political and foreign policy"). With ``groups``,
    a quantifier ("some") or a partitive ("Some of") in front is kept too. Pronoun
    possessors ("its allies") and titles stop the phrase.

    Args:
        quantifiers: Words kept in front of the phrase, alone or as a partitive
            ("some administration officials", "Some of the president's critics").
    """
    start = head
    j = head - 1
    while j >= 0:
        tok = doc[j]
        if j in titles or tok.tag_ == "PRP$":
            break
        if j in index or tok.tag_ in _MODIFIER_TAGS or tok.tag_ == "POS":
            start = j
        elif tok.lower_ == "the" and any(t.tag_ == "POS" for t in doc[j + 1:head]):
            start = j  # the article of a possessor: "the president's critics"
        elif tok.lower_ == "and" and j > 0 and start < head and (
                doc[j - 1].tag_ in _MODIFIER_TAGS or (j - 1) in index):
            start = j  # "political and foreign policy", "Bush and Obama"
        elif tok.text == "," and j > 0 and doc[j - 1].tag_ in _ADJ and doc[j + 1].tag_ in _ADJ:
            start = j  # "opportunistic, partisan opponents"
        elif (tok.text in HYPHENS and j > 0 and start == j + 1 and not doc[j - 1].whitespace_
              and not tok.whitespace_ and (j - 1) not in titles
              and doc[j - 1].tag_ in _MODIFIER_TAGS | {"IN", "RB"}):
            start = j - 1  # a hyphenated modifier: "like-minded countries", "anti-war groups"
            j -= 2
            continue
        else:
            break
        j -= 1
    while start < head and (doc[start].lower_ in _LINKS or doc[start].tag_ == "POS"):
        start += 1
    if start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in quantifiers:
        start -= 2
    elif start > 0 and doc[start - 1].lower_ in quantifiers:
        start -= 1
    return start


def prep_phrase(doc: Doc, head: int, index: Mapping[int, Sequence[Candidate]], titles: set[int],
                tables: ActorTables) -> PrepPhrase | None:
    """A qualifying preposition + actor after ``head``, across one parenthesis if needed.

    "hawks in the United States"; "hawks (along with ...) in the United States" is
    found too, but marked ``detached`` so the mention does not swallow the parenthesis.
    """
    k = head + 1
    detached = False
    if k < len(doc) and doc[k].text == "(":
        depth = 0
        while k < len(doc):
            depth += doc[k].text == "("
            depth -= doc[k].text == ")"
            k += 1
            if depth == 0:
                break
        detached = True
    if k >= len(doc) or doc[k].lower_ not in tables.group_prepositions:
        return None
    m = k + 1
    while m < len(doc) and (doc[m].lower_ == "the" or m in titles):
        m += 1
    owners = index.get(m)
    if not owners:
        return None
    owner = next((c for c in owners if c.kind == "country"), owners[0])
    return PrepPhrase(k, owner.token_end, owner, detached)


def display(doc: Doc, start: int, end: int, index: Mapping[int, Sequence[Candidate]]) -> str:
    """Phrase text as a name: one space between words, straight apostrophes, and a
    lower-case first letter unless the first word is a name."""
    text = " ".join(doc[start:end].text.replace("’", "'").split())
    first = doc[start]
    if text and first.pos_ != "PROPN" and start not in index:
        text = text[0].lower() + text[1:]
    return text
