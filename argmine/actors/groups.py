"""Institutions and unnamed groups, found from their head nouns.

Rules for institutions ("government", "administration", "regime", "ministry", ...):

* "<Country>'s government", "the <Demonym> government", "Moscow's foreign ministry"
  are mentions of the country (the whole phrase is the mention).
* "<Person>'s government", "the <Person> administration" are mentions of the
  person's country when the text states it ("Chinese President Xi Jinping"); else
  they make an organization named "<name> <head>" ("Trump administration") with
  affiliation = the person.
* Plural heads ("the Bush and Obama administrations", "previous U.S.
  administrations") make one organization named by the phrase, affiliated to the
  country it names, or to the country all its persons share, else None.
* A head with no named owner ("the administration") is left alone: it is anaphoric.

Rules for groups (head nouns in ``data/actors.json``: officials, hawks, critics,
opponents, establishment, communities, ...):

* A head with modifiers, a quantifier or partitive ("some administration
  officials", "Some of the president's more outspoken critics"), or a qualifying
  preposition + actor ("hawks in the United States") makes a group named by the
  phrase; equal names are one group.
* The group's affiliation is the country it names ("Japanese officials",
  "Japan's security establishment", "hawks in the United States"), else None.
* A bare head ("hawks") refers to the nearest group with the same head; with none,
  it makes a group as the subject of a verb ("Critics say ...") or where it is a name
  (capitalised inside the sentence, or a party the NER tags: "the work of Democrats").
* "people", "public", "citizens" and the like make a group only with a country
  ("the Iranian people").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc

from ..matching import per_vocab
from .phrases import display, left_edge, prep_phrase
from .spans import Candidate, candidate, text_between
from .tables import ActorTables

_SUBJECTS = ("nsubj", "nsubjpass")


class _Heads(NamedTuple):
    """Hashes of the words that head a group or an institution, and of the tags they need."""
    plural: frozenset[int]
    collective: frozenset[int]
    government: frozenset[int]
    plural_tags: frozenset[int]
    singular_tags: frozenset[int]
    nominal: frozenset[int]


def _heads(doc: Doc, tables: ActorTables) -> _Heads:
    def build() -> _Heads:
        def ids(words: Iterable[str]) -> frozenset[int]:
            return frozenset(doc.vocab.strings.add(w) for w in words)
        return _Heads(ids(tables.group_heads - tables.collective_heads), ids(tables.collective_heads),
                      ids(tables.government_heads), ids(("NNS", "NNPS")), ids(("NN", "NNP")),
                      frozenset((NOUN, PROPN)))
    return per_vocab(doc.vocab, "group heads", tables, build)


def _head_tokens(doc: Doc, tables: ActorTables) -> list[tuple[str, int]]:
    """``("GROUP" | "GOVERNMENT", token)`` for each token that can head a group or institution.

    A plural group word tagged as a plural noun ("hawks"), a collective one as a singular
    noun ("the establishment"), a government word as a noun. Read from the Doc's arrays:
    a token Matcher made every token a Python object on every document.
    """
    h = _heads(doc, tables)
    out = []
    for i, (lower, tag, pos) in enumerate(doc.to_array(["LOWER", "TAG", "POS"]).tolist() if len(doc) else ()):
        if lower in h.government and pos in h.nominal:
            out.append(("GOVERNMENT", i))
        elif (lower in h.plural and tag in h.plural_tags) or (lower in h.collective and tag in h.singular_tags):
            out.append(("GROUP", i))
    return out


def _owners(start: int, end: int, index: Mapping[int, Sequence[Candidate]]) -> list[Candidate]:
    seen: dict[tuple[str, str], Candidate] = {}
    for i in range(start, end):
        for c in index.get(i, ()):
            if c.kind in ("country", "person", "organization"):
                seen.setdefault((c.kind, c.key), c)
    return list(seen.values())


def _institution(doc: Doc, head: int, index: Mapping[int, Sequence[Candidate]], titles: set[int],
                 person_country: Mapping[str, str | None]) -> Candidate | None:
    start = left_edge(doc, head, index, titles)
    owners = _owners(start, head, index)
    if not owners:
        return None
    countries = [o.key for o in owners if o.kind == "country"]
    persons = [o for o in owners if o.kind == "person"]
    s_char, e_char = doc[start].idx, doc[head].idx + len(doc[head])
    if doc[head].tag_ in ("NNS", "NNPS"):
        shared = {person_country.get(p.key) for p in persons}
        country = countries[0] if countries else (shared.pop() if len(shared) == 1 else None)
        name = display(doc, start, head + 1, index)
        return candidate(doc, "organization", name.lower(), name, s_char, e_char,
                         affiliation=("country", country) if country else None)
    if countries:
        return candidate(doc, "country", countries[0], countries[0], s_char, e_char)
    if not persons:
        return None
    person = persons[0]
    country = person_country.get(person.key)
    if country:
        return candidate(doc, "country", country, country, s_char, e_char)
    # Named as written ("Trump administration", "Moon government"), not by the full name.
    written = " ".join(text_between(doc, person.start, person.end).split())
    name = f"{written} {doc[head].lower_}"
    return candidate(doc, "organization", f"{person.key}|{doc[head].lemma_.lower()}", name,
                     s_char, e_char, affiliation=("person", person.key))


def _group(doc: Doc, head: int, index: Mapping[int, Sequence[Candidate]], titles: set[int],
           tables: ActorTables) -> tuple[Candidate | None, bool]:
    """Return (qualified group candidate or None, whether the head stood bare)."""
    start = left_edge(doc, head, index, titles, quantifiers=tables.quantifiers)
    prep = prep_phrase(doc, head, index, titles, tables)
    if start == head and prep is None:
        return None, True
    countries = [o.key for o in _owners(start, head, index) if o.kind == "country"]
    if not countries and prep is not None and prep.owner.kind == "country":
        countries = [prep.owner.key]
    if doc[head].lower_ in tables.heads_needing_country and not countries:
        return None, False
    if prep is None:
        name, end = display(doc, start, head + 1, index), head + 1
    elif prep.detached:
        name = f"{display(doc, start, head + 1, index)} {doc[prep.prep:prep.end].text}"
        end = head + 1
    else:
        name, end = display(doc, start, prep.end, index), prep.end
    name = " ".join(name.replace("’", "'").split())
    affiliation = ("country", countries[0]) if countries else None
    last = doc[end - 1]
    return candidate(doc, "group", name.lower(), name, doc[start].idx, last.idx + len(last),
                     affiliation=affiliation), False


def scan_groups(doc: Doc, tables: ActorTables, index: Mapping[int, Sequence[Candidate]],
                titles: set[int], person_country: Mapping[str, str | None]) -> list[Candidate]:
    """Return institution and group candidates of ``doc``.

    Args:
        doc: The parsed Doc.
        tables: The actor tables.
        index: Token index -> named candidates (persons linked to canonical names).
        titles: Token indices inside titles.
        person_country: Canonical person name -> the country the text states, or None.
    """
    out: list[Candidate] = []
    bare: list[int] = []
    for label, start in _head_tokens(doc, tables):
        if start in index:
            continue
        if label == "GOVERNMENT":
            cand = _institution(doc, start, index, titles, person_country)
            if cand is not None:
                out.append(cand)
            continue
        cand, is_bare = _group(doc, start, index, titles, tables)
        if cand is not None:
            out.append(cand)
        elif is_bare and doc[start].lower_ not in tables.heads_needing_country:
            bare.append(start)
    groups = [c for c in out if c.kind == "group"]
    for head in bare:
        out.extend(_bare_group(doc, head, groups))
    return out


def _headline(sent) -> bool:
    """Is most of a sentence title case ("Senate Passes Bill Backed By Unions")? Then a capital
    says nothing of a name."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.is_title for t in words) > len(words) / 2


def _bare_group(doc: Doc, head: int, groups: Sequence[Candidate]) -> list[Candidate]:
    """A bare head refers to the nearest group with that head (earlier ones first)."""
    word = doc[head].lower_
    same = [g for g in groups if doc[g.token_start:g.token_end].root.lower_ == word
            or word in g.name.lower().split()]
    tok = doc[head]
    if same:
        before = [g for g in same if g.start < tok.idx]
        target = before[-1] if before else same[0]
        cand = candidate(doc, "group", target.key, target.name, tok.idx, tok.idx + len(tok),
                         affiliation=target.affiliation)
        return [cand] if cand else []
    # A subject ("Critics say ..."), or a name wherever it stands ("the work of Democrats and
    # Republicans", "our Allies"): capitalised inside its sentence, or a party the NER tags.
    named = tok.ent_type_ == "NORP" or (tok.is_title and tok.i > tok.sent.start and not _headline(tok.sent))
    if tok.dep_ in _SUBJECTS or named:
        cand = candidate(doc, "group", word, tok.text if named else word, tok.idx, tok.idx + len(tok))
        return [cand] if cand else []
    return []
