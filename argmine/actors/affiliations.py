"""Whom a person speaks for, when the text says so.

* "NAACP President Ben Jealous", "Romney spokesman Eric Fehrnstrom": an organization or
  person named right before the person's title (or before the person);
* "Brendan Buck, a spokesman for Speaker John Boehner", "Jeri Thompson, advisory board
  member for Secure America Now", "Anita Russell, president of the Kansas City branch of
  the NAACP": an apposition whose preposition (for, of, at, with) names an actor;
* "Rep. Gregory Meeks, D-N.Y.", "(R-Minn.)", "Barney Frank, Democrat of Massachusetts":
  a party code or a party noun makes the person a member of the party group (created
  when the text has no mention of it).

Only persons without an affiliation get one: a nationality the text states ("Chinese
President Xi") stays, except that a party code replaces a country ("Rep. Michele Bachmann
(R-Minn.)" speaks for the Republicans rather than for the United States).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from .records import ActorRecord

_PARTY_CODE = re.compile(r"^,?\s*\(?([RD])\s?-\s?[A-Z]")
_PARTIES = {"R": "Republicans", "D": "Democrats"}
_PARTY_NOUNS = {"republican": "Republicans", "democrat": "Democrats"}
_PREPS = frozenset({"for", "of", "at", "with"})
_ORGS = frozenset({"organization", "group", "person"})


def _actor_in(tokens, by_token: dict[int, str], kinds: Mapping[str, str], skip: str) -> str | None:
    for tok in tokens:
        aid = by_token.get(tok.i)
        if aid and aid != skip and kinds[aid] in _ORGS:
            return aid
    return None


def _appositive_owner(root: Token, by_token: dict[int, str], kinds: Mapping[str, str], me: str) -> str | None:
    for child in root.children:
        if child.dep_ != "appos":
            continue
        # "a spokesman for X", "president of X": the actor behind the preposition.
        for prep in child.children:
            if prep.dep_ == "prep" and prep.lower_ in _PREPS:
                found = _actor_in(prep.subtree, by_token, kinds, me)
                if found:
                    return found
        # "a Romney spokesman": an actor inside the apposition's own noun phrase.
        found = _actor_in((t for t in child.children if t.dep_ in ("compound", "poss")), by_token, kinds, me)
        if found:
            return found
    return None


def _party(doc: Doc, end: int, text: str) -> str | None:
    """A party code or noun right after a mention: ", D-N.Y.", " (R-Minn.)", ", Democrat of".

    ``text`` is ``doc.text``, which the Doc rebuilds on every access.
    """
    if end < len(doc):
        at = doc[end - 1].idx + len(doc[end - 1])
        m = _PARTY_CODE.match(text[at:at + 16])
        if m:
            return _PARTIES[m.group(1)]
    for tok in doc[end:end + 3]:
        if tok.lower_ in _PARTY_NOUNS and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in ("of", "from"):
            return _PARTY_NOUNS[tok.lower_]
        if tok.text not in (",", "(", "a"):
            break
    return None


def add_affiliations(doc: Doc, actors: Sequence[ActorRecord], *, titles: frozenset[tuple[str, ...]],
                     text: str | None = None) -> list[ActorRecord]:
    """Return ``actors`` with the affiliations the text states for persons (see the module).

    Party groups that the text names only through a party code are added as new group
    actors (ids continue the numbering), without mentions.
    """
    text = doc.text if text is None else text  # the caller's copy: Doc.text rebuilds it
    by_token: dict[int, str] = {}
    kinds = {a.id: a.kind for a in actors}
    for a in sorted(actors, key=lambda a: -sum(m.token_end - m.token_start for m in a.mentions)):
        for m in a.mentions:
            for i in range(m.token_start, m.token_end):
                by_token.setdefault(i, a.id)
    single_titles = {t[0] for t in titles if len(t) == 1}
    out = list(actors)
    parties = {a.name.lower(): a.id for a in actors if a.kind == "group"}
    added: list[ActorRecord] = []
    for k, actor in enumerate(out):
        if actor.kind != "person" or actor.role == "author":
            continue
        # A stated nationality stays; only a party code ("R-Minn.") is more specific.
        country_only = actor.affiliation is not None
        if country_only:
            party = next((p for m in actor.mentions if (p := _party(doc, m.token_end, text))), None)
            if party is None or actor.affiliation is None or kinds.get(actor.affiliation) != "country":
                continue
        owner = None
        for m in actor.mentions:
            span = doc[m.token_start:m.token_end]
            owner = _appositive_owner(span.root, by_token, kinds, actor.id)
            if owner is None:
                # "NAACP President Ben Jealous": skip titles back to a named owner.
                i = m.token_start - 1
                while i >= 0 and (doc[i].lower_.rstrip(".") in single_titles or doc[i].is_title
                                  and doc[i].i not in by_token):
                    i -= 1
                if i >= 0 and i < m.token_start - 1:
                    owner = _actor_in([doc[i]], by_token, kinds, actor.id)
            if owner is None:
                party = _party(doc, m.token_end, text)
                if party is not None:
                    if party.lower() not in parties:
                        new = ActorRecord(id=f"a{len(actors) + len(added) + 1}", name=party, kind="group")
                        added.append(new)
                        parties[party.lower()] = new.id
                        kinds[new.id] = "group"
                    owner = parties[party.lower()]
            if owner is not None:
                break
        if owner is not None:
            out[k] = replace(actor, affiliation=owner)
    return out + added
