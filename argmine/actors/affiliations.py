"""Whom a person speaks for, and which group an organization or country belongs to, when the
text says so.

* "Rep. Gregory Meeks, D-N.Y.", "(R-Minn.)", "Barney Frank, Democrat of Massachusetts",
  "Andy Harris, a conservative Republican", "Republican Sen. John McCain": a party code,
  a party noun in apposition or a party adjective before the name makes the person a
  member of the party group (created when the text has no mention of it); the party
  comes first, as the most specific statement of whom a politician speaks for;
* "Brendan Buck, a spokesman for Speaker John Boehner", "Jeri Thompson, advisory board
  member for Secure America Now", "Anita Russell, president of the Kansas City branch of
  the NAACP": an apposition whose preposition (for, of, at, with) names an actor (the
  object's own actor first: Boehner, not the House of "House Speaker John Boehner");
* "Obama's press secretary, Ben LaBolt": an apposition to an office whose owner (possessor,
  or object of for/of) is an actor;
* "NAACP President Ben Jealous", "Obama campaign spokeswoman Lis Smith", "St. Louis Tea
  Party organizer Bill Hennessy", "Nebraska Attorney General Jon Bruning": an actor in the
  noun phrase before the name (the name's left dependents in the parse), nearest first;
* "major Internet companies including Google and Facebook", "European countries such as
  France", "civil liberties groups like the ACLU": an organization or country named after
  "including", "such as" or "like" (not ", like" or "much like", a comparison), or equated
  with it ("the companies that take part are Microsoft, Yahoo and Google"), is a member of
  the group. A person named so is only an example ("European leaders, including President
  Obama"), and a member does not speak for the group (stance passes to a group only from a
  person).

Only persons without an affiliation get one: a nationality the text states ("Chinese
President Xi") stays, except that a party code replaces a country ("Rep. Michele Bachmann
(R-Minn.)" speaks for the Republicans rather than for the United States).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from .records import ActorRecord, MentionRecord

_PARTY_CODE = re.compile(r"^,?\s*\(?([RD])\s?-\s?[A-Z]")
_PARTIES = {"R": "Republicans", "D": "Democrats"}
_PARTY_NOUNS = {"republican": "Republicans", "democrat": "Democrats"}
_PARTY_ADJECTIVES = {"democratic": "Democrats"}
# Dependencies of the words before a name that belong to its noun phrase.
_PRENOMINAL = frozenset({"compound", "nmod", "poss", "amod"})
# Entity types of proper nouns that never name an unnamed owner organization.
_NOT_OWNERS = frozenset({"PERSON", "GPE", "LOC", "DATE", "TIME", "EVENT", "WORK_OF_ART", "LAW"})
_PREPS = frozenset({"for", "of", "at", "with"})
_ORGS = frozenset({"organization", "group", "person"})
# Prepositions that list members of the group they hang on ("such as" is "as" with "such").
_MEMBER_PREPS = frozenset({"including", "like", "as"})


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
        # "a spokesman for X", "president of X": the actor behind the preposition, the
        # object's own actor before one inside it ("Speaker John Boehner" before "House").
        for prep in child.children:
            if prep.dep_ == "prep" and prep.lower_ in _PREPS:
                objects = [t for t in prep.children if t.dep_ == "pobj"]
                found = _actor_in(objects, by_token, kinds, me) or _actor_in(prep.subtree, by_token, kinds, me)
                if found:
                    return found
        # "a Romney spokesman": an actor inside the apposition's own noun phrase.
        found = _actor_in((t for t in child.children if t.dep_ in ("compound", "poss")), by_token, kinds, me)
        if found:
            return found
    return None


def _head_owner(root: Token, by_token: dict[int, str], kinds: Mapping[str, str], me: str,
                office_words: frozenset[str]) -> str | None:
    """ "Obama's press secretary, Ben LaBolt", "a spokesman for the campaign, Lis Smith": the
    name is in apposition to an office (a title or office noun: not "Obama's rival, Mitt Romney")
    whose owner is an actor."""
    office = root.head
    if root.dep_ != "appos" or office == root or not {office.lower_, office.lemma_.lower()} & office_words:
        return None
    owners = [c for c in office.children if c.dep_ in ("poss", "compound", "nmod") and c.i < office.i]
    owners += [o for p in office.children if p.dep_ == "prep" and p.lower_ in _PREPS and p.i < root.i
               for o in p.children if o.dep_ == "pobj"]
    # "the Obama campaign's press secretary": the actor inside the possessor.
    return _actor_in((t for o in owners for t in o.subtree), by_token, kinds, me)


def _listed_in(doc: Doc, actor: ActorRecord, by_token: dict[int, str], kinds: Mapping[str, str]) -> str | None:
    """The group that lists a mention of ``actor`` as a member: "companies including Google"."""
    for m in actor.mentions:
        group = _group_listing(doc[m.token_start:m.token_end].root, by_token, kinds, actor.id)
        if group is not None:
            return group
    return None


def _group_listing(root: Token, by_token: dict[int, str], kinds: Mapping[str, str], me: str) -> str | None:
    """The group actor whose listing names the mention ``root``, or None."""
    tok = root
    while tok.dep_ in ("conj", "appos") and tok.head != tok:
        tok = tok.head
    group: Token | None = None
    if tok.dep_ == "attr" and tok.head.lemma_ == "be":
        # "The companies that take part are Microsoft, Yahoo, Google and Apple", but not
        # "are not Exxon and Chevron" or "are no longer China and Japan".
        if not any(c.dep_ == "neg" or c.lower_ in ("never", "longer") for c in tok.head.children):
            group = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    elif tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in _MEMBER_PREPS:
        prep = tok.head
        such_as = prep.lower_ != "as" or any(c.lower_ == "such" for c in prep.children)
        # ", like Russia" and "much like France" compare; a "like" whose group is no
        # argument of a verb is rather the verb ("Groups like to say ...").
        compares = prep.lower_ == "like" and (
            prep.i > 0 and prep.nbor(-1).lower_ in (",", "just", "much")
            or any(c.dep_ == "advmod" for c in prep.children)
            or prep.head.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"))
        if such_as and not compares:
            group = prep.head
    owner = by_token.get(group.i) if group is not None else None
    return owner if owner and owner != me and kinds.get(owner) == "group" else None


def _party(doc: Doc, start: int, end: int, text: str) -> str | None:
    """The party a mention ``start:end`` is stated to belong to, or None.

    A party code or noun right after it (", D-N.Y.", " (R-Minn.)", ", Democrat of"), a
    party noun heading its apposition (", a conservative Republican who"), or a party
    adjective before it ("Republican Sen. John McCain"). ``text`` is ``doc.text``, which
    the Doc rebuilds on every access.
    """
    at = doc[end - 1].idx + len(doc[end - 1])
    m = _PARTY_CODE.match(text[at:at + 16])
    if m:
        return _PARTIES[m.group(1)]
    for tok in doc[end:end + 3]:
        if tok.lower_ in _PARTY_NOUNS and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in ("of", "from"):
            return _PARTY_NOUNS[tok.lower_]
        if tok.text not in (",", "(", "a"):
            break
    root = doc[start:end].root
    for child in root.children:
        if child.dep_ == "appos" and child.lower_ in _PARTY_NOUNS and child.i >= end:
            return _PARTY_NOUNS[child.lower_]
    for tok in _before(root, start):
        party = _PARTY_NOUNS.get(tok.lower_) or _PARTY_ADJECTIVES.get(tok.lower_)
        if party and tok.text[:1].isupper():
            return party
    return None


def _before(root: Token, start: int) -> list[Token]:
    """Tokens of the noun phrase before a mention (its root's left modifiers), nearest first.

    "the St. Louis Tea Party organizer [Bill Hennessy]": organizer, Party, Tea, Louis, St.
    """
    found: set[int] = set()
    for child in root.lefts:
        if child.i < start and child.dep_ in _PRENOMINAL:
            found.update(t.i for t in child.subtree if t.i < start)
    # Only the unbroken stretch before the name: a parse that hangs "X and" on the name
    # ("Minister Lapid and Secretary Blinken") does not make X an owner.
    out = []
    i = start - 1
    while i in found and root.doc[i].dep_ not in ("cc", "conj", "punct"):
        out.append(root.doc[i])
        i -= 1
    return out


def _prenominal_owner(doc: Doc, start: int, end: int, by_token: dict[int, str],
                      kinds: Mapping[str, str], me: str) -> str | None:
    """An actor in the noun phrase before the name: "NAACP President Ben Jealous".

    A title or office word must stand between them: an actor right before the name is
    the rest of a name the NER cut in two ("Antony" + "J. Blinken").
    """
    before = _before(doc[start:end].root, start)
    if not before or before[0].i in by_token:
        return None
    return _actor_in(before, by_token, kinds, me)


def add_affiliations(doc: Doc, actors: Sequence[ActorRecord], *, titles: frozenset[tuple[str, ...]],
                     offices: frozenset[str] = frozenset(), text: str | None = None) -> list[ActorRecord]:
    """Return ``actors`` with the affiliations the text states (see the module).

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
    title_words = frozenset(w.rstrip(".") for t in titles for w in t) | frozenset(w for t in titles for w in t)
    orgs = {a.name.lower(): a.id for a in actors if a.kind == "organization"}
    out = list(actors)
    parties = {a.name.lower(): a.id for a in actors if a.kind == "group"}
    added: list[ActorRecord] = []
    for k, actor in enumerate(out):
        if actor.kind in ("organization", "country") and actor.affiliation is None:
            member = _listed_in(doc, actor, by_token, kinds)
            if member is not None:
                out[k] = replace(actor, affiliation=member)
        if actor.kind != "person" or actor.role == "author":
            continue
        # A stated nationality stays; only a party ("R-Minn.") is more specific.
        if actor.affiliation is not None:
            if kinds.get(actor.affiliation) != "country" or not any(
                    _party(doc, m.token_start, m.token_end, text) for m in actor.mentions):
                continue
        owner = None
        for m in actor.mentions:
            party = _party(doc, m.token_start, m.token_end, text)
            if party is not None:
                if party.lower() not in parties:
                    new = ActorRecord(id=f"a{len(actors) + len(added) + 1}", name=party, kind="group")
                    added.append(new)
                    parties[party.lower()] = new.id
                    kinds[new.id] = "group"
                owner = parties[party.lower()]
                break
        for m in actor.mentions if owner is None else ():
            span = doc[m.token_start:m.token_end]
            owner = (_appositive_owner(span.root, by_token, kinds, actor.id)
                     or _head_owner(span.root, by_token, kinds, actor.id, title_words | offices)
                     or _prenominal_owner(doc, m.token_start, m.token_end, by_token, kinds, actor.id))
            if owner is None:
                # "NAACP President Ben Jealous" where the parse breaks the noun phrase:
                # skip titles back to a named owner.
                i = m.token_start - 1
                while i >= 0 and (doc[i].lower_.rstrip(".") in single_titles or doc[i].is_title
                                  and doc[i].i not in by_token):
                    i -= 1
                if i >= 0 and i < m.token_start - 1:
                    owner = _actor_in([doc[i]], by_token, kinds, actor.id)
            if owner is not None:
                break
        if owner is None:
            # The NER tagged no organization in the owner's place ("NAACP President Ben
            # Jealous" with NAACP as a nationality): the proper nouns there name one.
            for m in actor.mentions:
                found = _unnamed_owner(doc, m.token_start, m.token_end, by_token, title_words)
                if found is None:
                    continue
                name = " ".join(doc[found[0]:found[1]].text.split())
                owner = orgs.get(name.lower())
                mentions = _mentions_of(doc, found, by_token)
                if owner is None:
                    owner = f"a{len(actors) + len(added) + 1}"
                    added.append(ActorRecord(id=owner, name=name, kind="organization", mentions=mentions))
                    orgs[name.lower()] = owner
                    kinds[owner] = "organization"
                else:
                    # An organization the NER tagged elsewhere: these words are its mentions too.
                    j = next(j for j, a in enumerate(out) if a.id == owner)
                    out[j] = replace(out[j], mentions=tuple(sorted(out[j].mentions + mentions)))
                break
        if owner is not None:
            out[k] = replace(actor, affiliation=owner)
    return out + added


def _mentions_of(doc: Doc, found: tuple[int, int], by_token: dict[int, str]) -> tuple[MentionRecord, ...]:
    """Every occurrence of the words ``doc[found[0]:found[1]]`` that no actor holds yet."""
    words = [t.text for t in doc[found[0]:found[1]]]
    n = len(words)
    out = []
    for i in range(len(doc) - n + 1):
        if doc[i].text == words[0] and [t.text for t in doc[i:i + n]] == words and not any(
                j in by_token for j in range(i, i + n)):
            out.append(MentionRecord(doc[i].idx, doc[i + n - 1].idx + len(doc[i + n - 1]), i, i + n,
                                     doc[i:i + n].text))
            by_token.update((j, "") for j in range(i, i + n))
    return tuple(out)


def _proper(tok: Token, title_words: frozenset[str]) -> bool:
    return (tok.tag_ in ("NNP", "NNPS") and tok.text[:1].isupper() and tok.lower_ not in title_words
            and tok.lower_ not in _PARTY_NOUNS and tok.ent_type_ not in _NOT_OWNERS)


def _unnamed_owner(doc: Doc, start: int, end: int, by_token: dict[int, str],
                   title_words: frozenset[str]) -> tuple[int, int] | None:
    """Tokens of an organization no actor holds, in an owner's place, or None.

    "NAACP President Ben Jealous", "Acme Corp. spokesman John Doe": proper nouns before a
    title or office word before the name; "John Doe, a board member for Secure America
    Now": an apposition's prepositional object made of proper nouns only.
    """
    root = doc[start:end].root
    before = _before(root, start)
    k = 0
    while k < len(before) and not _proper(before[k], title_words) and before[k].i not in by_token and (
            before[k].lower_ in title_words or before[k].pos_ == "NOUN" or before[k].tag_ == "NNP"):
        k += 1
    run: list[Token] = []
    while k < len(before) and _proper(before[k], title_words) and before[k].i not in by_token and (
            not run or before[k].i == run[-1].i - 1):
        run.append(before[k])
        k += 1
    # The run must follow a title or office word, and be the whole name: not the tail of
    # an actor's name ("White House Press Secretary": "Press" is part of the title).
    left = run[-1].i - 1 if run else -1
    if run and before.index(run[0]) > 0 and left not in by_token and not (
            left >= 0 and doc[left].tag_ in ("NNP", "NNPS")):
        return run[-1].i, run[0].i + 1
    for child in root.children:
        if child.dep_ != "appos":
            continue
        for prep in child.children:
            if prep.dep_ != "prep" or prep.lower_ not in _PREPS:
                continue
            for obj in prep.children:
                words = [t for t in obj.subtree if t.dep_ != "det"]
                if obj.dep_ == "pobj" and words and all(_proper(t, title_words) and t.i not in by_token
                                                        for t in words):
                    lo, hi = words[0].i, words[-1].i + 1
                    if hi - lo == len(words):
                        return lo, hi
    return None
