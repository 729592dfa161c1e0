"""Who a subject is: an actor mention, a pronoun, "the senator", "X's spokesman", "the suit".

Reads the actors layer (``doc.spans["argmine_actors"]``, actor id in ``kb_id_``, kind in
``label_``) and never finds actors itself.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from .tables import SourceTables

ACTORS_KEY = "argmine_actors"

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
_GROUP_PRONOUNS = frozenset({"they", "them"})
_THING_PRONOUNS = frozenset({"it"})


class ActorIndex:
    """Token -> actor lookups over the actors layer of one Doc.

    Args:
        doc: A Doc with ``doc.spans["argmine_actors"]``.
        tables: Reported-speech tables (titles that refer back to persons).
    """

    def __init__(self, doc: Doc, tables: SourceTables):
        spans: Iterable[Span] = doc.spans.get(ACTORS_KEY, [])
        self.kind: dict[str, str] = {}
        # Per token, 1 when inside quotation marks (set by the caller that paired them).
        self.quoted: bytearray | None = None
        # (token, speaker) of each statement found so far, in token order: a pronoun refers
        # back to the speaker of the latest statement before it first.
        self._speakers: list[tuple[int, str]] = []
        self.by_token: dict[int, str] = {}
        # "the spokesperson" tokens resolved so far (a later one takes up the earlier one).
        self.offices: dict[int, str] = {}
        # Shorter mentions first, so that a longer one ("Japan's security establishment")
        # overwrites the shorter one inside it ("Japan").
        # The lower-case words of the mentions of an actor, for "the St. Louis group".
        self.names: dict[str, set[str]] = {}
        for span in sorted(spans, key=len):
            self.kind[span.kb_id_] = span.label_
            self.names.setdefault(span.kb_id_, set()).update(t.lower_ for t in span)
            for tok in span:
                self.by_token[tok.i] = span.kb_id_
        ordered = sorted(spans, key=lambda s: (s.start, -len(s)))
        self._starts = [s.start for s in ordered]
        self._mentions = [(s.start, s.kb_id_, s.label_) for s in ordered]
        # Mentions that are a clause's subject: a pronoun refers back to these first.
        self._subject = [s.root.dep_ in ("nsubj", "nsubjpass") for s in ordered]
        self._roots = [s.root.i for s in ordered]
        self.doc = doc
        # "Sen. Smith", "Senator Smith": the title a person was named with, for "the senator".
        self.titled: dict[str, set[str]] = {}
        # Every word a person was named with ("deputy", "secretary", "of", "state", ...).
        self.title_words: dict[str, set[str]] = {}
        # "m" or "f" for persons named with a gendered title ("Ms. Lauten"), for "he"/"she".
        self.gender: dict[str, str] = {}
        genders: dict[str, set[str]] = {}
        for s in ordered:
            if s.label_ != "person":
                continue
            # "Secretary of State Antony Blinken": the title may sit a few words before, up to
            # another actor or a word that ends the name's own phrase.
            words = [t.lower_ for t in s]
            # Gender only from titles, never from the name itself (Gayle King is no king).
            titles = [w for w in words if w in tables.title_abbreviations]
            k = s.start - 1
            while k >= max(s.start - 4, 0) and k not in self.by_token and (
                    doc[k].is_title or doc[k].lower_ in ("of", "the")) and doc[k].text not in (",",):
                words.append(doc[k].lower_)
                titles.append(doc[k].lower_)
                k -= 1
            expanded = {tables.title_abbreviations.get(w, w) for w in words}
            self.title_words.setdefault(s.kb_id_, set()).update(expanded)
            for title in expanded:
                if title in tables.titles_as_speakers:
                    self.titled.setdefault(title, set()).add(s.kb_id_)
            genders.setdefault(s.kb_id_, set()).update(tables.gendered_titles[w] for w in titles
                                                       if w in tables.gendered_titles)
        for aid, found in genders.items():
            if len(found) == 1:  # both: two people merged into one actor, so neither
                self.gender[aid] = found.pop()

    def other_gender(self, pronoun: str) -> frozenset[str]:
        """Persons a person pronoun cannot refer to: those named with a title of the other gender."""
        g = _PRONOUN_GENDER.get(pronoun)
        return frozenset(aid for aid, x in self.gender.items() if g and x != g)

    def note_speaker(self, i: int, aid: str) -> None:
        """Record that a statement ending near token ``i`` has speaker ``aid``."""
        bisect.insort(self._speakers, (i, aid))

    def recent_speaker(self, i: int) -> tuple[int, str] | None:
        """The (token, speaker) of the latest statement recorded before token ``i``.

        Statements are found in two passes (quotations, then reported clauses), so the
        one recorded last is not always the one before ``i``.
        """
        k = bisect.bisect_left(self._speakers, (i, "")) - 1
        return self._speakers[k] if k >= 0 else None

    def add_subject(self, i: int, aid: str) -> None:
        """Record a resolved pronoun subject at token ``i`` as a subject mention of ``aid``.

        "Perry spoke. In a statement, he decried X. '…,' he said": the second "he" finds
        Perry through the first one, however far back Perry's name is.
        """
        k = bisect.bisect_right(self._starts, i)
        self._starts.insert(k, i)
        self._mentions.insert(k, (i, aid, self.kind.get(aid, "person")))
        self._subject.insert(k, True)
        self._roots.insert(k, i)

    def pair_before(self, i: int, window: int) -> str | None:
        """The first of two persons who are the latest subject before token ``i``.

        "Blinken met with Gantz. They expressed support …", "Kerry and Putin underscored
        X. They also affirmed Y": the statement is reported for the first-named person
        (the one the text is about). None when the latest subject is not such a pair.
        """
        k = bisect.bisect_left(self._starts, i) - 1
        while k >= 0 and i - self._mentions[k][0] <= window:
            start, aid, kind = self._mentions[k]
            if not self._subject[k] or (self.quoted is not None and self.quoted[start]):
                k -= 1
                continue
            if kind != "person":
                return None
            root = self.doc[self._roots[k]]
            partners = [c for c in root.children if c.dep_ == "conj"]
            partners += [o for p in root.head.children if p.dep_ == "prep" and p.lower_ == "with"
                         for o in p.children if o.dep_ == "pobj"]
            if any(self.kind.get(self.by_token.get(t.i, ""), "") == "person" for t in partners):
                return aid
            return None
        return None

    def subject_between(self, lo: int, hi: int, kinds: frozenset[str], *,
                        exclude: frozenset[str] = frozenset()) -> str | None:
        """The actor of the latest subject mention of ``kinds`` in tokens ``lo:hi`` outside quotations."""
        k = bisect.bisect_left(self._starts, hi) - 1
        while k >= 0 and self._mentions[k][0] >= lo:
            start, aid, kind = self._mentions[k]
            if self._subject[k] and kind in kinds and aid not in exclude and not (
                    self.quoted is not None and self.quoted[start]):
                return aid
            k -= 1
        return None

    def actor(self, tok: Token) -> str | None:
        """The actor a token is part of, or None."""
        return self.by_token.get(tok.i)

    def last_before(self, i: int, kinds: frozenset[str], *, among: set[str] | None = None,
                    subject_within: int = 0, exclude: frozenset[str] = frozenset(),
                    within: int | None = None) -> str | None:
        """The actor of the nearest mention before token ``i``, of one of ``kinds``.

        Mentions inside quotation marks are skipped: a name the speaker utters is not
        who "he" in the attribution refers to. With ``subject_within``, a subject mention
        that close wins over nearer objects and possessors ("Santorum described what he
        called the agenda of Mr. Obama. '…,' he said" is Santorum). With ``within``, only
        mentions that many tokens back count.
        """
        def fits(k: int) -> bool:
            start, aid, kind = self._mentions[k]
            return (kind in kinds and (among is None or aid in among) and aid not in exclude
                    and not (self.quoted is not None and self.quoted[start]))

        last = bisect.bisect_left(self._starts, i) - 1
        if subject_within:
            k = last
            while k >= 0 and i - self._mentions[k][0] <= subject_within:
                if self._subject[k] and fits(k):
                    return self._mentions[k][1]
                k -= 1
        for k in range(last, -1, -1):
            if within is not None and i - self._mentions[k][0] > within:
                break
            if fits(k):
                return self._mentions[k][1]
        return None


_PERSON = frozenset({"person"})
# How far back (tokens) a subject mention is preferred as what a pronoun refers to.
_SUBJECT_WINDOW = 60
_COLLECTIVE = frozenset({"group", "organization", "country"})
_BODY = frozenset({"organization", "country"})


def resolve_subject(subj: Token, index: ActorIndex, tables: SourceTables) -> str | None:
    """Return the actor id a subject (or "according to" object) refers to, or None.

    Order: a mention of an actor (the whole noun phrase's head first); a relative pronoun to
    the noun its clause modifies; a pronoun to the person last quoted nearby unless a person
    was introduced as a subject since, else to
    the nearest earlier subject (earlier resolved pronouns included) or actor of a fitting
    kind, "they" after two persons who met to the first-named; "the senator", "the Deputy
    Secretary" to the nearest person named with every word of that title (else the
    nearest person); an office noun ("X's spokesman", "a spokesman for X") to the actor it
    speaks for, when the actors layer has no actor for the office holder; "the company", "the
    group" (``collective_nouns``) to the nearest organization or group before, within
    ``_DOCUMENT_WINDOW`` tokens ("the St. Louis group" to one named with those words); a
    document noun ("the suit says") to its author (:func:`document_author`).
    """
    aid = index.actor(subj)
    if aid is not None:
        return aid
    # "Thomas Jefferson, who said: …": a relative pronoun is the noun its clause modifies.
    if subj.tag_ in ("WP", "WDT") and subj.head.dep_ == "relcl" and subj.head.head != subj.head:
        return resolve_subject(subj.head.head, index, tables)
    low = subj.lower_
    if subj.pos_ == "PRON":
        if low in PERSON_PRONOUNS:
            # "she" is nobody named "Mr.", "he" nobody named "Ms.".
            clash = index.other_gender(low)
            recent = index.recent_speaker(subj.i)
            # News style: '"…," he said' refers to the person last quoted, when close by.
            if (recent is not None and subj.i - recent[0] <= 80 and index.kind.get(recent[1]) == "person"
                    and recent[1] not in clash):
                # A person introduced as a subject since that quotation takes over ("Y
                # accused X of …. '…,' she said").
                newer = index.subject_between(recent[0], subj.i, _PERSON, exclude=clash)
                if newer is not None:
                    return newer
                last = index.last_before(subj.i, _PERSON, exclude=clash)
                if last == recent[1] or last is None or subj.i - recent[0] <= 40:
                    return recent[1]
            found = index.subject_between(subj.i - _SUBJECT_WINDOW, subj.i, _PERSON, exclude=clash)
            if found is None and index.gender:
                # No subject nearby: a person whose title agrees with the pronoun ("Ms. Lauten"
                # for "she") wins over a nearer one of unknown gender ("Twitter", which the
                # NER calls a person).
                agree = {a for a in index.gender if a not in clash}
                found = index.last_before(subj.i, _PERSON, among=agree, within=2 * _SUBJECT_WINDOW)
            return found or index.last_before(subj.i, _PERSON, exclude=clash)
        if low in _GROUP_PRONOUNS:
            pair = index.pair_before(subj.i, _SUBJECT_WINDOW)
            if pair is not None:
                return pair
            return index.last_before(subj.i, _COLLECTIVE, subject_within=_SUBJECT_WINDOW)
        if low in _THING_PRONOUNS:
            return index.last_before(subj.i, _BODY)
        return None
    # "The aide, Elizabeth Lauten, wrote …", "Obama's press secretary, Ben LaBolt, said": the
    # actor named in apposition (whom the office speaks for is that person's affiliation).
    named = next((index.actor(c) for c in subj.children if c.dep_ == "appos" and index.actor(c)), None)
    if named is not None:
        return named
    head = subj.lemma_.lower()
    words = list(subj.subtree)
    # The speaker's own actor: "Romney's spokesman" -> Romney; "a spokesman for the
    # campaign" -> the campaign's actor.
    if head in tables.office_nouns or low in tables.office_nouns:
        for child in subj.children:
            if child.dep_ in ("poss", "compound", "nmod") and index.actor(child):
                return index.actor(child)
            if child.dep_ == "prep" and child.lower_ in ("for", "of", "to"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        found = index.actor(obj) or next(
                            (index.actor(t) for t in obj.subtree if index.actor(t)), None)
                        if found:
                            return found
        if any(c.lower_ == "the" for c in subj.children):
            # "the spokesperson said" takes up the last spokesperson named before.
            earlier = _earlier_office(subj, head, index, tables)
            if earlier is not None:
                index.offices[subj.i] = earlier
                return earlier
    if head in tables.titles_as_speakers and any(t.lower_ in ("the", "this", "that") for t in subj.children):
        among = index.titled.get(head)
        # "The Deputy Secretary": only persons named with every word of the title.
        mods = {c.lower_ for c in subj.children if c.dep_ in ("compound", "amod") and c.i < subj.i}
        if among and mods:
            among = {aid for aid in among if mods <= index.title_words.get(aid, set())} or among
        return index.last_before(subj.i, _PERSON, among=among) if among else index.last_before(subj.i, _PERSON)
    if head in tables.collective_nouns and subj.pos_ == "NOUN" and any(
            c.lower_ in ("the", "this", "that") for c in subj.children):
        # "the company said", "the group said": the nearest organization or group before; "the
        # St. Louis group" only one named with those words ("St. Louis Tea Party").
        names = [c.lower_ for c in subj.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < subj.i]
        named_with = {aid for aid, words in index.names.items() if set(names) <= words}
        return index.last_before(subj.i, tables.collective_nouns[head], among=named_with if names else None,
                                 within=_DOCUMENT_WINDOW)
    if head in tables.document_nouns and subj.pos_ == "NOUN":
        # "the suit says", "the letter states": the statement's author speaks.
        return document_author(subj, index, tables)
    # Any actor inside the noun phrase ("critics of the plan in Congress" is a group).
    inside = [index.actor(t) for t in words if index.actor(t)]
    return inside[0] if inside else None


def _earlier_office(subj: Token, head: str, index: ActorIndex, tables: SourceTables) -> str | None:
    """Whom the nearest earlier mention of the same office noun refers to: the person named
    beside it ("Jim Manley, a spokesman for Mr. Reid") or else whom it speaks for ("a
    spokesperson for Google", "a Microsoft spokesperson")."""
    doc = subj.doc
    for tok in reversed(doc[max(0, subj.i - _DOCUMENT_WINDOW):subj.i]):
        if tok.pos_ != "NOUN" or tok.lemma_.lower() != head:
            continue
        if tok.dep_ == "appos" and index.actor(tok.head):
            return index.actor(tok.head)
        if any(c.lower_ == "the" for c in tok.children):
            # Another "the spokesperson": what it was resolved to (no recursion), else further back.
            if tok.i in index.offices:
                return index.offices[tok.i]
            continue
        found = resolve_subject(tok, index, tables)
        if found is not None:
            return found
    return None


# Modifiers of a document noun that name its author: "the Romney campaign's ad", "the
# lawsuit from Nebraska", "a letter signed by 90 professors".
_AUTHOR_PREPS = frozenset({"from", "by", "of"})
# How far back (tokens) a document noun's first mention is looked for.
_DOCUMENT_WINDOW = 150


def _named_author(noun: Token, index: ActorIndex) -> str | None:
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "nmod") and index.actor(child):
            return index.actor(child)
        if child.dep_ == "prep" and child.lower_ in _AUTHOR_PREPS or child.dep_ == "acl":
            for t in child.subtree:
                if index.actor(t) and (child.dep_ == "prep" or t.head.dep_ == "agent"):
                    return index.actor(t)
    return None


def document_author(noun: Token, index: ActorIndex, tables: SourceTables) -> str | None:
    """The author of a statement, letter, suit or ad that "says" something.

    The noun's own modifiers ("the lawsuit from Nebraska"); else the nearest earlier
    document noun outside quotations: its modifiers, or the subject of the clause it is
    the object of ("The campaign answered with an ad. … The ad says").
    """
    found = _named_author(noun, index)
    if found is not None:
        return found
    doc = noun.doc
    for tok in reversed(doc[max(0, noun.i - _DOCUMENT_WINDOW):noun.i]):
        if (tok.pos_ != "NOUN" or tok.lemma_.lower() not in tables.document_nouns
                or index.quoted is not None and index.quoted[tok.i]):
            continue
        found = _named_author(tok, index)
        if found is not None:
            return found
        node = tok
        for _ in range(4):
            if node.head == node:
                break
            node = node.head
            subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
            if subj is not None and node.pos_ in ("VERB", "AUX"):
                if subj.lemma_.lower() in tables.document_nouns:
                    return None
                return resolve_subject(subj, index, tables)
        return None
    return None
