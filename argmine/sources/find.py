"""Reported speech in a parsed Doc: who said which span, by which cue, and how.

Direct quotations come from the quotation marks (:mod:`.marks`); their cue is the
nearest reporting verb outside the marks in the sentences around them ("…," Schumer
said / Schumer said: "…" / "…," he said in the next sentence), and a quotation with no
cue that carries on the previous one (a new paragraph, or the next sentences) keeps
its speaker; with no reporting verb, a quotation after a colon is said by the subject of
the clause the colon closes ('Biden was quick to retort: "…"'). A short quoted phrase is
speech only inside a reported clause or as what someone "called" something (kind
``mixed``; a naming verb holds longer quotations too); otherwise it is a scare quote or a
title.
Indirect speech is a reporting verb with a clause ("said that…", "…, she argued"), a
source phrase ("according to X, …") or a naming verb ("called the meeting a
disgrace").
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from spacy.matcher import PhraseMatcher
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span, Token

from ..paragraphs import PARAGRAPH_BREAK
from ..segment import doc_text
from .marks import Quoted, find_quoted, paragraphs
from .speakers import PERSON_PRONOUNS as _PERSON_PRONOUNS
from .speakers import ActorIndex, resolve_subject
from .tables import SourceTables

_SUBJ = ("nsubj", "nsubjpass")
_VERBAL = frozenset((VERB, AUX))  # POS ids of the words that can report speech
# Quoted stretches with fewer words than this are speech only when a reported clause
# or a naming verb holds them.
_SHORT = 5
# A quotation without a cue inherits the previous speaker within this many sentences.
_CARRY_SENTS = 2
# A reply answers a question when its pronoun comes within this many tokens after the end of
# the question's sentence.
_REPLY_REACH = 40


class _Question(NamedTuple):
    """A question put to a named person: whom, and by whom (None when not an actor)."""
    asked: str
    asker: str | None


class Statement(NamedTuple):
    """One quotation or reported statement (character offsets, end exclusive)."""
    start: int
    end: int
    speaker: str | None
    cue: tuple[int, int] | None
    kind: str


def make_matcher(doc_or_vocab, tables: SourceTables) -> PhraseMatcher:
    """A PhraseMatcher over lower-case text for the source phrases ("according to")."""
    vocab = getattr(doc_or_vocab, "vocab", doc_or_vocab)
    matcher = PhraseMatcher(vocab, attr="LOWER")
    matcher.add("SOURCE", [Doc(vocab, words=p.split()) for p in tables.source_phrases])
    return matcher


def _words(span: Span) -> int:
    return sum(1 for t in span if not t.is_punct and not t.is_space)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character bounds of tokens ``start:end`` without leading/trailing punctuation."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end <= start:
        return -1, -1
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _subject(verb: Token) -> Token | None:
    """The subject of a verb, through coordination ("…, he said and added")."""
    node = verb
    for _ in range(4):
        for child in node.children:
            if child.dep_ in _SUBJ:
                return child
        if node.dep_ == "conj" and node.head != node:
            node = node.head
            continue
        # "…, said the senator, adding that…" and "Biden was quick to retort:": the subject
        # of the verb the adverbial or complement hangs on.
        if (node.dep_ in ("xcomp", "acomp") or node.dep_ == "advcl" and node.tag_ == "VBG") and node.head != node:
            node = node.head
            continue
        # "Romney released a statement saying: …": the subject of the verb whose object
        # the statement is.
        if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.dep_ == "dobj" and node.head.head != node.head:
            node = node.head.head
            continue
        break
    return None


class _Finder:
    def __init__(self, doc: Doc, tables: SourceTables, matcher: PhraseMatcher):
        self.doc = doc
        self.tables = tables
        self.matcher = matcher
        self.index = ActorIndex(doc, tables)
        self.text = doc_text(doc)
        self.quoted = find_quoted(self.text)
        # Ordinal of each token's sentence, to count sentences between quotations.
        self._sent_of = [0] * len(doc)
        for k, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                self._sent_of[i] = k
        self._inside = bytearray(len(doc))  # token is inside quotation marks
        for q in self.quoted:
            span = doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is not None:
                for i in range(span.start, span.end):
                    self._inside[i] = 1
        self.index.quoted = self._inside
        self.paragraphs = paragraphs(self.text, PARAGRAPH_BREAK)
        self._paragraph_starts = [start for start, _ in self.paragraphs] or [0]
        # Person pronouns and "the Secretary" that are subjects, resolved in text order,
        # become subject mentions: a later "he said" finds its antecedent through them.
        # Candidates from the Doc's arrays: a Token object for every word cost more than the rules.
        rows = doc.to_array(["POS", "DEP"]).tolist() if len(doc) else []
        self._verbal = [i for i, (pos, _) in enumerate(rows) if pos in _VERBAL]
        self._replies = self._replies_to_questions()
        subjects = {doc.vocab.strings.add(d) for d in _SUBJ}
        for i in [i for i, (_, dep) in enumerate(rows) if dep in subjects]:
            tok = doc[i]
            if not self._inside[tok.i] and self.index.actor(tok) is None and (
                    tok.lower_ in _PERSON_PRONOUNS or tok.lemma_.lower() in tables.titles_as_speakers
                    and any(c.lower_ in ("the", "this", "that") for c in tok.children)):
                aid = self._resolve(tok)
                if aid is not None and self.index.kind.get(aid) == "person":
                    self.index.add_subject(tok.i, aid)

    def _sent_no(self, i: int) -> int:
        return self._sent_of[i]

    def speech_verb(self, tok: Token) -> bool:
        return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in self.tables.speech_verbs

    def speaker_of(self, verb: Token) -> str | None:
        subj = _subject(verb) or self._stranded_subject(verb)
        return self._resolve(subj) if subj is not None else None

    def _resolve(self, subj: Token) -> str | None:
        """:func:`resolve_subject`, but the reply to a question is the person asked's."""
        aid = resolve_subject(subj, self.index, self.tables)
        question = self._replies.get(subj.i)
        # The asker spoke last, so the pronoun would go to the asker ('Vieira asked Trump,
        # "…?" His response: …'); a person named since keeps it.
        if question is not None and aid in (question.asker, None) and (
                question.asked not in self.index.other_gender(subj.lower_)):
            return question.asked
        return aid

    def _replies_to_questions(self) -> dict[int, _Question]:
        """The first he/she/him/her/his after each question put to a named person ('X asked Y,
        "…?"', 'X asked Y if/whether …'), in the same paragraph and within ``_REPLY_REACH``
        tokens of the question's sentence, mapped to the question. An answer in the next
        paragraph is not linked: a new paragraph often turns to someone else."""
        doc = self.doc
        out: dict[int, _Question] = {}
        for i in self._verbal:
            verb = doc[i]
            if verb.lemma_.lower() != "ask" or self._inside[i]:
                continue
            asked = next((self.index.actor(c) for c in verb.children if c.dep_ in ("dobj", "dative")), None)
            if asked is None or self.index.kind.get(asked) != "person":
                continue
            whether = any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ in ("if", "whether")
                                                    for m in c.children) for c in verb.children)
            end = verb.sent.end
            if not whether and "?" not in self.text[verb.idx:doc[end - 1].idx + 1]:
                continue
            # "prompted Vieira to ask Trump": the asker is the object of the verb above.
            asker_tok = next((c for c in verb.children if c.dep_ in _SUBJ), None)
            if asker_tok is None and verb.dep_ == "xcomp":
                asker_tok = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
            asker = self.index.actor(asker_tok) if asker_tok is not None else None
            paragraph = self._paragraph(verb.idx)
            for tok in doc[end:min(end + _REPLY_REACH, len(doc))]:
                if self._paragraph(tok.idx) != paragraph:
                    break
                if tok.lower_ in _PERSON_PRONOUNS and tok.pos_ == "PRON" and not self._inside[tok.i]:
                    out[tok.i] = _Question(asked, asker)
                    break
        return out

    def _stranded_subject(self, verb: Token) -> Token | None:
        """The first subject before a sentence's main verb that the parser left without one.

        After a long apposition ("the aide, Elizabeth Lauten, 31, who has … and at the
        time was a spokeswoman …, wrote …") the parser may hang the subject on a clause
        before the verb. The first subject outside quotation marks, relative pronouns and
        subordinate clauses ("After Smith criticized …, the aide … wrote") is taken.
        """
        root = verb.sent.root
        if not (verb == root or verb.head == root and verb.dep_ in ("advcl", "conj", "xcomp")):
            return None
        if root.pos_ != "VERB" or _subject(root) is not None:
            return None
        for tok in self.doc[verb.sent.start:root.i]:
            if (tok.dep_ in _SUBJ and not self._inside[tok.i] and tok.tag_ not in ("WP", "WDT")
                    and tok.head.dep_ not in ("relcl", "acl")
                    and not any(c.dep_ == "mark" for c in tok.head.children)):
                return tok
        return None

    def _frame(self, q: Quoted, span: Span) -> list[Token]:
        """Candidate cue tokens: outside any quotation, in the sentences around ``q``."""
        doc = self.doc
        first = doc[span.start].sent
        last = doc[span.end - 1].sent
        lo, hi = first.start, last.end
        # "…," he said. — the parser often makes the attribution a sentence of its own.
        if hi < len(doc):
            nxt = doc[hi].sent
            if _words(nxt) <= 8 and not self._inside[nxt.start] and doc[hi - 1].text not in (".", "!", "?") or (
                    _words(nxt) <= 8 and any(self.speech_verb(t) for t in nxt) and nxt.start <= span.end + 2):
                hi = nxt.end
        # Smith said: "…" — the cue may close the previous sentence.
        if lo > 0 and doc[lo - 1].text == ":" or (lo > 1 and doc[lo - 2].text == ":"):
            lo = doc[lo - 1].sent.start
        reach = self._reach(q)
        return [doc[i] for i in range(lo, hi) if not self._inside[i] and self._near(doc[i], reach)]

    def _paragraph(self, char: int) -> int:
        return bisect.bisect_right(self._paragraph_starts, char) - 1

    def _reach(self, q: Quoted) -> tuple[int, int]:
        """The paragraphs a cue of ``q`` may sit in. The frame takes in neighbouring sentences
        (and a pipeline without ``argmine_paragraphs`` may run one across a blank line), but a
        cue never crosses a blank line, except into the lead-in of 'Smith said:\n\n"…"' and,
        for a quotation that runs on into the next paragraph, into that paragraph."""
        before = q.open_mark - 1
        while before >= 0 and self.text[before].isspace():
            before -= 1
        first = self._paragraph(q.start) - (before >= 0 and self.text[before] == ":")
        return first, self._paragraph(max(q.end - 1, q.start)) + (q.close_mark is None)

    def _near(self, tok: Token, reach: tuple[int, int]) -> bool:
        return reach[0] <= self._paragraph(tok.idx) <= reach[1]

    def direct(self) -> list[Statement]:
        doc = self.doc
        out: list[Statement] = []
        prev: Statement | None = None
        prev_sent = -10
        for q in self.quoted:
            span = doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            words = _words(span)
            frame = self._frame(q, span)
            cues = [t for t in frame if self.speech_verb(t)]
            cue_tok = min(cues, key=lambda t: min(abs(t.i - span.start), abs(t.i - span.end)), default=None)
            sent_i = self._sent_no(span.start)
            if not q.continues and _looks_short(self.text, q, words):
                st = self._short(q, span, frame)
                if st is not None:
                    out.append(st)
                continue
            if cue_tok is not None:
                kind, (start, end) = "direct", _strip(self.text, q.start, q.end)
                ccomp = next((c for c in cue_tok.children if c.dep_ == "ccomp"), None)
                if ccomp is not None and not self._inside[ccomp.i]:
                    # 'Smith said that the plan "would fail badly"': the reported clause is
                    # partly quoted.
                    lo, hi = _trim(doc, ccomp.left_edge.i, ccomp.right_edge.i + 1)
                    if lo <= q.start and q.end <= hi + 1 and lo >= 0:
                        kind, start, end = "mixed", lo, max(hi, q.end)
                st = Statement(start, end, self.speaker_of(cue_tok),
                               (cue_tok.idx, cue_tok.idx + len(cue_tok.text)), kind)
                if st.speaker is None and prev is not None and sent_i - prev_sent <= _CARRY_SENTS:
                    st = st._replace(speaker=prev.speaker)
            elif (held := self._short(q, span, frame)) is not None and held.speaker is not None:
                # A longer quotation held by a naming verb: 'hammered Obama for what he
                # called his "utter failure when it comes to jobs"'.
                st = held
            elif (source := self._source_phrase(frame)) is not None:
                st = Statement(*_strip(self.text, q.start, q.end), source[0], source[1], "direct")
            elif (speaker := self._colon_speaker(span)) is not None:
                st = Statement(*_strip(self.text, q.start, q.end), speaker, None, "direct")
            elif prev is not None and (q.continues or sent_i - prev_sent <= _CARRY_SENTS):
                # The speaker is named once for a quotation over several sentences or paragraphs.
                st = Statement(*_strip(self.text, q.start, q.end), prev.speaker, None, "direct")
            else:
                st = Statement(*_strip(self.text, q.start, q.end), None, None, "direct")
            out.append(st)
            prev, prev_sent = st, self._sent_no(span.end - 1)
            if st.speaker is not None:
                self.index.note_speaker(span.end, st.speaker)
        return out

    def _colon_speaker(self, span: Span) -> str | None:
        """ 'Biden was quick to retort: "…"', 'Romney released a statement: "…"': with no
        reporting verb, the subject of the clause the colon closes is the speaker."""
        doc = self.doc
        k = span.start - 1
        while k >= 0 and (doc[k].is_quote or doc[k].is_space):
            k -= 1
        if k < 1 or doc[k].text != ":" or self._inside[k - 1]:
            return None
        node = doc[k - 1]
        owner = next((c for c in node.children if c.dep_ == "poss"), None)
        if owner is not None and node.lemma_.lower() in self.tables.reply_words:
            # "His response:", "Obama's answer:".
            found = self._resolve(owner)
            if found is not None:
                return found
        for _ in range(6):
            if self._inside[node.i]:
                return None
            subj = next((c for c in node.children if c.dep_ in _SUBJ), None)
            if subj is not None:
                return self._resolve(subj)
            if node.head == node:
                return None
            node = node.head
        return None

    def _short(self, q: Quoted, span: Span, frame: list[Token]) -> Statement | None:
        """A short quoted phrase is speech only as part of a reported clause or naming."""
        doc = self.doc
        node = span.root
        reach = self._reach(q)
        for _ in range(6):
            head = node.head
            if head == node or not self._near(head, reach):
                break
            lemma = head.lemma_.lower()
            if not self._inside[head.i] and lemma in self.tables.naming_verbs and head.pos_ == "VERB":
                st = self._naming(head)
                if st is not None:
                    start = min(st.start, q.start)
                    # Content that holds the opening mark holds the closing one too.
                    end = q.close_mark + 1 if q.close_mark is not None and start < q.open_mark else q.end
                    return st._replace(kind="mixed", start=start, end=max(st.end, end))
            if (node.dep_ not in _SUBJ and not self._inside[head.i] and self.speech_verb(head)
                    and node.dep_ in ("ccomp", "dobj", "prep", "xcomp", "advcl", "attr", "oprd")):
                # The quoted phrase is part of what a reporting verb reports: "argues that
                # Colorado has "created a dangerous gap"", "accusing him of having "wasted
                # another week"".
                lo, hi = _trim(doc, node.left_edge.i, node.right_edge.i + 1)
                speaker = self.speaker_of(head)
                cue = (head.idx, head.idx + len(head.text))
                qs, qe = _strip(self.text, q.start, q.end)
                if lo >= 0 and qs <= lo and hi <= qe + 1:
                    # The whole reported clause is quoted: a short direct quotation.
                    return Statement(qs, qe, speaker, cue, "direct")
                if lo >= 0 and speaker is not None:
                    return Statement(min(lo, qs), max(hi, qe), speaker, cue, "mixed")
            node = head
        return None

    def _naming(self, verb: Token) -> Statement | None:
        """ "X called the meeting a disgrace": content from the object to the predicate."""
        if verb.dep_ in ("acl", "relcl") or any(c.dep_ == "nsubjpass" for c in verb.children):
            return None
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        pred = next((c for c in verb.children if c.dep_ in ("oprd", "xcomp", "attr", "ccomp")), None)
        if pred is None and obj is not None:
            pred = next((c for c in obj.children if c.dep_ in ("appos", "oprd")), None)
        if pred is None:
            # "referred to him as a liar": the content is what follows "as".
            prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
            pred = next((c for c in prep.children if c.dep_ == "pobj"), prep) if prep is not None else None
        if obj is None and pred is None:
            return None
        speaker = self.speaker_of(verb)
        if speaker is None:
            return None
        first = min(t.left_edge.i for t in (obj, pred) if t is not None)
        last = max(t.right_edge.i for t in (obj, pred) if t is not None)
        lo, hi = _trim(self.doc, first, last + 1)
        if lo < 0:
            return None
        lo, hi = _strip(self.text, lo, hi)
        return Statement(lo, hi, speaker, (verb.idx, verb.idx + len(verb.text)), "indirect")

    def _source_phrase(self, tokens: list[Token]) -> tuple[str | None, tuple[int, int]] | None:
        if not tokens:
            return None
        lo, hi = tokens[0].i, tokens[-1].i + 1
        # Matching on a Span returns Doc token offsets.
        for _, start, end in self.matcher(self.doc[lo:hi]):
            last = self.doc[end - 1]
            obj = next((c for c in last.children if c.dep_ == "pobj"), None)
            if obj is None and end < len(self.doc):
                obj = self.doc[end]
            speaker = resolve_subject(obj, self.index, self.tables) if obj is not None else None
            first = self.doc[start]
            return speaker, (first.idx, last.idx + len(last.text))
        return None

    def indirect(self, taken: list[Statement]) -> list[Statement]:
        doc = self.doc
        out: list[Statement] = []
        cues_taken = {s.cue for s in taken if s.cue is not None}
        verbs = self.tables.speech_verbs | self.tables.belief_verbs
        for i in self._verbal:
            tok = doc[i]
            if self._inside[i]:
                continue
            lemma = tok.lemma_.lower()
            cue = (tok.idx, tok.idx + len(tok.text))
            if cue in cues_taken:
                continue
            st = None
            if lemma in self.tables.naming_verbs:
                st = self._naming(tok) or self._object_statement(tok, cue)
            elif lemma in verbs:
                st = self._reported_clause(tok, cue)
            elif lemma in self.tables.as_verbs and self._as_source(tok, None):
                st = self._reported_clause(tok, cue)  # "As Obama put it, ..."
            elif (word := self._phrase_word(tok)) is not None:
                # "made clear that ...": the cue runs to the word that makes it speech.
                st = self._reported_clause(tok, (tok.idx, max(cue[1], word.idx + len(word.text))), skip=word)
            if st is None and lemma in self.tables.object_statement_verbs:
                st = self._object_statement(tok, cue)
            if st is not None and not _overlaps_any(st, taken):
                out.append(st)
                if st.speaker is not None:
                    self.index.note_speaker(tok.i, st.speaker)
        for _, start, end in self.matcher(doc):
            first, last = doc[start], doc[end - 1]
            if self._inside[first.i]:
                continue
            obj = next((c for c in last.children if c.dep_ == "pobj"), None)
            if obj is None:
                continue
            speaker = resolve_subject(obj, self.index, self.tables)
            sent = first.sent
            phrase_end = max(obj.right_edge.i + 1, end)
            if start - sent.start <= 1:
                lo, hi = _trim(doc, phrase_end, sent.end)
            else:
                lo, hi = _trim(doc, sent.start, start)
            if lo < 0 or speaker is None:
                continue
            st = Statement(lo, hi, speaker, (first.idx, last.idx + len(last.text)),
                           "mixed" if any(self._inside[i] for i in range(sent.start, sent.end)) else "indirect")
            if not _overlaps_any(st, taken):
                out.append(st)
        return out

    def _object_statement(self, verb: Token, cue: tuple[int, int]) -> Statement | None:
        """ "The Secretary stressed the importance of X", "called for the release of Y",
        "called on Beijing to cease": the object is what was said."""
        if verb.dep_ in ("acl", "relcl", "amod") or any(c.dep_ == "nsubjpass" for c in verb.children):
            return None
        lemma = verb.lemma_.lower()
        parts = [c for c in verb.children if c.dep_ in ("dobj", "xcomp", "ccomp")]
        if lemma in self.tables.naming_verbs:
            parts = [c for c in verb.children
                     if c.dep_ == "prep" and c.lower_ in self.tables.call_particles]
            parts += [c for c in verb.children if c.dep_ == "xcomp" and parts]
            if not parts:
                return None
        if not parts:
            return None
        speaker = self.speaker_of(verb)
        if speaker is None:
            return None
        lo, hi = _trim(self.doc, min(p.left_edge.i for p in parts), max(p.right_edge.i for p in parts) + 1)
        if lo < 0:
            return None
        return Statement(lo, hi, speaker, cue, "indirect")

    def _as_source(self, verb: Token, skip: Token | None) -> bool:
        """ "As Smith said, ...", "as the President has made clear": a verb of ``as_verbs`` (or a
        speech phrase) with nothing to say of its own, in a clause opened by a bare "as" that
        hangs on a verb. "as residents explained the problems", "As Obama continued", "as long
        as", "even as" are time or condition, not a source."""
        if verb.dep_ != "advcl" or verb.head == verb or verb.head.pos_ not in ("VERB", "AUX"):
            return False
        if skip is None and verb.lemma_.lower() not in self.tables.as_verbs:
            return False
        mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"), None)
        if mark is None or mark.i > 0 and self.doc[mark.i - 1].lower_ in ("long", "soon", "even", "far", "much"):
            return False
        # "As Obama put it": the "it" is the idiom's, not something said.
        return not any(c.dep_ in _COMPLEMENTS and c != skip and c.lower_ != "it" for c in verb.children)

    def _phrase_word(self, verb: Token) -> Token | None:
        """The word that makes ``verb`` report a statement ("clear" in "made clear"), if any."""
        lemma = verb.lemma_.lower()
        return next((c for c in verb.children if c.dep_ in ("oprd", "ccomp", "acomp", "prt", "advmod")
                     and f"{lemma} {c.lower_}" in self.tables.speech_phrases), None)

    def _reported_clause(self, verb: Token, cue: tuple[int, int], *, skip: Token | None = None
                         ) -> Statement | None:
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c != skip), None)
        if clause is None and skip is not None:
            # "made it clear that ...": the clause hangs on "clear".
            clause = next((c for c in skip.children if c.dep_ == "ccomp" or c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        as_clause = self._as_source(verb, skip)
        if clause is None and verb.dep_ == "parataxis" and verb.lemma_.lower() in self.tables.speech_verbs:
            # "The plan, Smith said, would fail." / "The plan would fail, Smith said."
            clause = verb.head
            lo, hi = _trim(self.doc, clause.sent.start, clause.sent.end)
        elif clause is None and as_clause:
            # "As the President has made clear, we see ...": the clause it hangs on, or the
            # whole of it where the as-clause sits inside ("The plan, as Obama said, would fail").
            main, first, last = verb.head, verb.left_edge.i, verb.right_edge.i
            end = main.right_edge.i
            while end > last and self.doc[end].is_punct:
                end -= 1
            if first == main.left_edge.i:
                lo, hi = _trim(self.doc, last + 1, main.right_edge.i + 1)
            elif last == end:
                lo, hi = _trim(self.doc, main.left_edge.i, first)
            else:
                lo, hi = _trim(self.doc, main.left_edge.i, main.right_edge.i + 1)
        elif clause is not None:
            lo, hi = _trim(self.doc, clause.left_edge.i, clause.right_edge.i + 1)
        else:
            return None
        if lo < 0:
            return None
        speaker = self.speaker_of(verb)
        if speaker is None:
            return None
        kind = "mixed" if any(q.start >= lo and q.end <= hi + 1 for q in self.quoted) else "indirect"
        return Statement(lo, hi, speaker, cue, kind)


# Dependents that give a verb its own content.
_COMPLEMENTS = frozenset({"dobj", "xcomp", "ccomp", "auxpass", "nsubjpass", "attr", "oprd", "acomp", "dative"})

_STRIP = " \t\n,;:—–-\"'“”‘’"


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of ``text[start:end]`` without surrounding spaces, commas and quote marks."""
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    return start, end


def _looks_short(text: str, q: Quoted, words: int) -> bool:
    """A scare quote or a title rather than a quotation: few words, or a capitalised
    name without closing punctuation ("Gone With the Wind")."""
    if words < _SHORT:
        return True
    inner = text[q.start:q.end].strip()
    tokens = inner.split()
    titled = all(w[:1].isupper() or w.lower() in ("the", "of", "a", "an", "and", "in", "on", "with", "to", "for")
                 for w in tokens)
    return words <= 8 and titled and inner[-1:] not in ".,!?"


def _overlaps_any(st: Statement, others: list[Statement]) -> bool:
    return any(st.start < o.end and o.start < st.end for o in others)


# Lead-ins longer than this (words) are the author's own text, not a lead-in.
_INTRO_WORDS = 30
# How far back (tokens) the last speaker may be when the lead-in names none.
_BLOCK_REACH = 150
_LIST_MARK = re.compile(r"\s*(?:[-*•·–]|\d+[.)])\s")


def _block_quotes(finder: _Finder, taken: list[Statement]) -> list[Statement]:
    """A paragraph set off by a lead-in that ends with a colon and names speech or a
    document ("In a statement, the company said:", "Read the full letter:") is a quotation
    without quotation marks: said by the subject of the lead-in's last reporting verb, or by
    whoever was last reported nearby. Lists and paragraphs that already hold a statement are
    not."""
    doc, text, tables = finder.doc, finder.text, finder.tables
    out: list[Statement] = []
    bounds = finder.paragraphs
    for (lead_start, lead_end), (start, end) in zip(bounds, bounds[1:]):
        lead_text = text[lead_start:lead_end].rstrip()
        if not lead_text.endswith(":") or len(lead_text.split()) > _INTRO_WORDS:
            continue
        lead = doc.char_span(lead_start, lead_start + len(lead_text), alignment_mode="expand")
        body = _strip(text, start, end)
        if lead is None or not len(lead) or len(text[body[0]:body[1]].split()) < _SHORT:
            continue
        if _LIST_MARK.match(text, start) or _overlaps_any(Statement(*body, None, None, "direct"), taken):
            continue
        # The reporting verb nearest the colon ("As Smith told reporters, Jones wrote:" is Jones).
        verb = next((t for t in reversed(lead) if finder.speech_verb(t) and not finder._inside[t.i]), None)
        # "This post has been revised …": the text itself, not a document it quotes.
        cue = verb or next((t for t in lead if t.pos_ == "NOUN" and t.lemma_.lower() in tables.document_nouns
                            and not any(c.lower_ == "this" for c in t.children)), None)
        if cue is None:
            continue
        speaker = finder.speaker_of(verb) if verb is not None else None
        if speaker is None:
            recent = finder.index.recent_speaker(lead.start)
            speaker = recent[1] if recent is not None and lead.start - recent[0] <= _BLOCK_REACH else None
        out.append(Statement(*body, speaker, (cue.idx, cue.idx + len(cue.text)), "direct"))
    return out


def find_statements(doc: Doc, tables: SourceTables, matcher: PhraseMatcher) -> list[Statement]:
    """Return the quotations and reported statements of a parsed Doc, in text order.

    Args:
        doc: A Doc with a dependency parse and the actors layer.
        tables: Reported-speech tables.
        matcher: From :func:`make_matcher` over the same vocab.
    """
    finder = _Finder(doc, tables, matcher)
    direct = finder.direct()
    indirect = finder.indirect(direct)
    blocks = _block_quotes(finder, direct + indirect)
    return sorted(direct + indirect + blocks, key=lambda s: (s.start, s.end))
