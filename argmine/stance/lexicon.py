"""Lexicon-only stance toward a target: cue words, negation, hedges and outcome predicates.

The cue lists live in ``data/stance_lexicon.json`` so that other stance code (and
people) can read and extend them without touching the rules. The reading is
deliberately shallow (tokens, no parser): it is the baseline the learned
classifier must beat, and it supplies that classifier's cue-count features.

Rules, in order:

* Cues are matched by spaCy's ``PhraseMatcher`` on the sentence's own tokens, in every
  inflection lemminflect knows ("favored", "bans"), longest first ("less than thrilled"
  before "less than").
* A negator up to ``NEGATION_SCOPE`` tokens before a cue flips its polarity; the
  scope stops at punctuation and contrast words ("not bad, but risky").
* An evaluation of an outcome composes with the event it evaluates: "a tragedy
  if X fails" is (bad) x (failure) = favour X; "a mistake to abandon X" likewise.
* Cues close to a mention of the target count double; cues inside the mention
  ("freedom of speech") do not count, since they name the target, not a view on it.
* A hedge word, or favour and against cues on both sides of a contrast word with
  similar weight, gives ``mixed``.
* For a target phrased as a proposition ("Should we ban X?"), polarity toward its
  object is multiplied by the proposition's own polarity (ban = -1).
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal, NamedTuple

import lemminflect
import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ..matching import make_doc, per_vocab

_DATA = Path(__file__).resolve().parent.parent / "data" / "stance_lexicon.json"

LexiconLabel = Literal["favor", "against", "mixed", "none"]

NEGATION_SCOPE = 3
# Tokens either side of a target mention within which a cue is "near" the target.
NEAR_WINDOW = 4
# Largest distance between an outcome evaluation and the event it evaluates.
OUTCOME_WINDOW = 8

_BREAK = frozenset(",;:.!?()\"")
_QUESTION_START = frozenset({"should", "would", "is", "are", "does", "do", "can", "will", "must",
                             "this", "shall", "could"})
_KINDS = ("favor", "against", "positive", "negative", "mixed", "contrast", "negators", "reducers",
          "failure", "bad_outcome", "good_outcome")
_POLAR = {"favor": 1, "positive": 1, "good_outcome": 1,
          "against": -1, "negative": -1, "bad_outcome": -1, "failure": -1}


@dataclass(frozen=True, eq=False)  # hashed by identity: matchers are cached per lexicon
class StanceLexicon:
    """Cue lists, as lower-case base forms or space-separated phrases.

    Attributes:
        favor: Attitudes and actions in favour of something (support, push for).
        against: Attitudes and actions against something (oppose, derail, uneasiness).
        positive: Positive evaluations (benefit, safe, effective).
        negative: Negative evaluations (harm, danger, risk).
        mixed: Hedges and ambivalence (ambivalent, subdued, conditional).
        contrast: Words that split a sentence into contrasting clauses (but, unless).
        negators: Words that flip the polarity of a following cue (not, without, less than).
        reducers: Words that flip the polar cue they govern ("reduce crime", "prevent harm");
            a reducer that governs no cue keeps its own polarity ("ban" alone is against).
        failure: Something ending or going wrong (fail, collapse, abandon).
        bad_outcome: Negative evaluations of an event (tragedy, mistake).
        good_outcome: Positive evaluations of an event (opportunity, success).
        proposition_skip: Function words of motions and questions ("this house would").
    """

    favor: frozenset[str]
    against: frozenset[str]
    positive: frozenset[str]
    negative: frozenset[str]
    mixed: frozenset[str]
    contrast: frozenset[str]
    negators: frozenset[str]
    reducers: frozenset[str]
    failure: frozenset[str]
    bad_outcome: frozenset[str]
    good_outcome: frozenset[str]
    proposition_skip: frozenset[str]

    def kinds(self) -> tuple[str, ...]:
        return _KINDS

    def all_cues(self) -> frozenset[str]:
        """Every cue word or phrase of the polar and hedge lists."""
        return frozenset().union(*(getattr(self, k) for k in self.kinds()))

    def matcher(self, vocab: Vocab) -> PhraseMatcher:
        """A ``PhraseMatcher`` on lower-case tokens for every inflected form of every cue.

        Match keys are the cue kinds ("favor", "negators", ...). Inflections come from
        lemminflect, so "favored", "bans" and "pushing for" match "favor", "ban" and
        "push for" wherever they occur, in any pipeline's tokens.
        """
        def build() -> PhraseMatcher:
            make = make_doc(vocab)
            matcher = PhraseMatcher(vocab, attr="LOWER")
            for kind in _KINDS:
                phrases = {" ".join(words) for entry in getattr(self, kind)
                           for words in itertools.product(*(inflections(w) for w in entry.split()))}
                matcher.add(kind, [make(p) for p in sorted(phrases)])
            return matcher

        return per_vocab(vocab, "stance lexicon", self, build)


DEFAULT_LEXICON = _DATA


def warm(lexicon: StanceLexicon, vocab: Vocab) -> None:
    """Build now what the first document would otherwise wait for: the cue matchers (for the
    pipeline's vocab and for plain-string targets) and lemminflect's tables."""
    lexicon.matcher(vocab)
    lexicon.matcher(_english().vocab)
    forms("favored")


def lexicon_from_json(data: dict) -> StanceLexicon:
    """Build a :class:`StanceLexicon` from the parsed JSON of a ``stance_lexicon.json`` file."""
    lists = {k: frozenset(w.lower() for w in v) for k, v in data.items() if not k.startswith("_")}
    return StanceLexicon(**lists)


@lru_cache(maxsize=4)
def load_lexicon(path: str | Path | None = None) -> StanceLexicon:
    """Load the stance lexicon (the bundled one unless ``path`` is given)."""
    return lexicon_from_json(json.loads(Path(path or _DATA).read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def _english() -> Language:
    """spaCy's English tokenizer, for text that arrives as a string (targets, training pairs)."""
    return spacy.blank("en")


def _doc(text: str | Span | Doc) -> Span | Doc:
    return _english().make_doc(text) if isinstance(text, str) else text


def _lower(tok: Token) -> str:
    return tok.lower_.replace("\u2019", "'")


def tokenize(text: str | Span | Doc) -> list[str]:
    """Lower-cased spaCy tokens; "don't" -> "do", "n't"; a typographic apostrophe made straight."""
    return [_lower(t) for t in _doc(text)]


@lru_cache(maxsize=65536)
def inflections(word: str) -> frozenset[str]:
    """A base form and its noun and verb inflections ("ban" -> bans, banned, banning)."""
    out = {word}
    for tag, words in lemminflect.getAllInflections(word).items():
        if tag.startswith(("NN", "VB")):
            out.update(words)
    if "'" in word:
        out |= {w.replace("'", "\u2019") for w in out}
    return frozenset(out)


@lru_cache(maxsize=65536)
def forms(tok: str) -> frozenset[str]:
    """The token and the base forms it may be an inflection of ("favored" -> favor), from
    lemminflect's lemma tables; only lexicon entries and target words are ever looked up."""
    out = {tok}
    if tok.isalpha():
        for lemmas in lemminflect.getAllLemmas(tok).values():
            out.update(lemmas)
    return frozenset(out)


class Cue(NamedTuple):
    """One matched cue: tokens ``start:end``, its list, and its polarity after negation.

    ``negated`` is true when a negator or a reducer flipped the cue's polarity.
    """
    start: int
    end: int
    kind: str
    text: str
    polarity: int
    negated: bool


def match_cues(text: str | Span | Doc, lex: StanceLexicon) -> list[Cue]:
    """Match cue phrases (longest first, non-overlapping) and apply negation scope.

    Token positions of the cues count from the start of ``text`` (a string is tokenized
    with spaCy's English tokenizer; a Span or Doc is read as tokenized).
    """
    doc = _doc(text)
    tokens = [_lower(t) for t in doc]
    offset = doc.start if isinstance(doc, Span) else 0
    longest: dict[int, tuple[int, list[str]]] = {}
    strings = doc.vocab.strings
    for key, start, end in lex.matcher(doc.vocab)(doc):
        start, end = start - offset, end - offset
        n, kinds = longest.get(start, (0, []))
        if end - start > n:
            longest[start] = (end - start, [strings[key]])
        elif end - start == n:
            kinds.append(strings[key])
    raw: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens):
        if i not in longest:
            i += 1
            continue
        n, kinds = longest[i]
        for kind in sorted(set(kinds), key=_KINDS.index):
            raw.append((i, i + n, kind))
        i += n
    neg_ends = [(s, e) for s, e, k in raw if k == "negators"
                and not (tokens[s] == "not" and e < len(tokens) and tokens[e] == "only")]
    contrast_at = {s for s, _, k in raw if k == "contrast"}

    def in_scope(end: int, start: int) -> bool:
        return end <= start and start - end < NEGATION_SCOPE and not any(
            tokens[j] in _BREAK or j in contrast_at for j in range(end, start))

    polar_spans = sorted({(s, e) for s, e, k in raw if k in _POLAR})
    # A reducer hands its effect to the nearest polar cue it governs and loses its own polarity.
    shifted: set[tuple[int, int]] = set()
    consumed: set[tuple[int, int]] = set()
    reducer_spans = sorted({(s, e) for s, e, k in raw if k == "reducers"})
    # Nominal reducers ("risk of", "loss of") can themselves be governed: "lowers the risk of X".
    nominal = {(s, e) for s, e in reducer_spans if tokens[e - 1] in ("of", "to", "from", "in")}

    def governed_by(s: int, e: int) -> tuple[int, int] | None:
        nxt = [sp for sp in polar_spans + sorted(nominal) if sp != (s, e) and in_scope(e, sp[0])]
        if not nxt:
            return None
        first = min(nxt)
        # Only the closest reducer before a cue governs it ("banning guns reduces crime").
        if any(e <= rs < first[0] for rs, _ in reducer_spans if (rs, _) not in nominal):
            return None
        return first

    def final(span: tuple[int, int], depth: int = 0) -> tuple[int, int] | None:
        nxt = governed_by(*span)
        if nxt is None or depth > 4 or nxt in polar_spans and nxt not in nominal:
            return nxt
        return final(nxt, depth + 1)

    shifted = set()
    consumed = set()
    for span in reducer_spans:
        target = final(span)
        if target is not None:
            shifted ^= {target}
            consumed.add(span)
    cues = []
    for s, e, kind in raw:
        if kind in ("reducers", "negators", "contrast"):
            if kind != "reducers":
                cues.append(Cue(s, e, kind, " ".join(tokens[s:e]), 0, False))
            continue
        if (s, e) in consumed and kind in _POLAR:
            continue
        flips = sum(in_scope(ne, s) for ns, ne in neg_ends) > 0
        flips ^= (s, e) in shifted
        pol = _POLAR.get(kind, 0) * (-1 if flips else 1)
        cues.append(Cue(s, e, kind, " ".join(tokens[s:e]), pol, flips))
    return cues


def is_proposition(target_tokens: list[str]) -> bool:
    """A motion or question ("Should we ban X?") rather than a bare object ("X")."""
    return bool(target_tokens) and (target_tokens[0] in _QUESTION_START
                                    or "should" in target_tokens or "would" in target_tokens)


@dataclass(frozen=True)
class TargetInfo:
    """What the stance rules need to know about a target phrase.

    Attributes:
        words: Content words naming the target's object, as matchable forms.
        sign: -1 when the target is a proposition against its object ("ban X"), else +1.
        proposition: Whether the target is phrased as a motion or question.
    """

    words: frozenset[str]
    sign: int
    proposition: bool


@lru_cache(maxsize=4096)
def target_info(target: str, lexicon: StanceLexicon | None = None) -> TargetInfo:
    """Split a target phrase into the words that name its object and its own polarity."""
    lex = lexicon or load_lexicon()
    doc = _doc(target)
    toks = [_lower(t) for t in doc]
    prop = is_proposition(toks)
    cue_tokens: set[int] = set()
    sign = 1
    for cue in match_cues(doc, lex):
        if prop and cue.kind in ("against", "negative", "favor", "positive", "negators"):
            cue_tokens.update(range(cue.start, cue.end))
            if cue.kind in ("against", "negative") and not cue.negated:
                sign = -sign
            elif cue.kind in ("favor", "positive") and cue.negated:
                sign = -sign
    words: set[str] = set()
    for i, t in enumerate(toks):
        if i in cue_tokens or t in lex.proposition_skip or len(t) < 2 or not t[0].isalnum():
            continue
        words.add(t)
        words.update(f for f in forms(t) if len(f) > 2)
    return TargetInfo(frozenset(words), sign, prop)


def mention_positions(tokens: list[str], info: TargetInfo) -> list[int]:
    """Indices of sentence tokens that share a form with the target's content words."""
    return [i for i, t in enumerate(tokens) if forms(t) & info.words]


def _compose_outcomes(cues: list[Cue], mentions: list[int]) -> list[Cue]:
    """Fold "evaluation of an event" pairs into one cue: bad x failure = favour."""
    evals = [c for c in cues if c.kind in ("bad_outcome", "good_outcome")]
    events = [c for c in cues if c.kind in ("failure", "favor", "against")]
    used: set[Cue] = set()
    out: list[Cue] = []
    for ev in evals:
        near = [e for e in events if e not in used and e.start != ev.start
                and abs(e.start - ev.start) <= OUTCOME_WINDOW
                and (not mentions or min(abs(e.start - m) for m in mentions) <= NEAR_WINDOW)]
        if not near:
            continue
        event = min(near, key=lambda e: abs(e.start - ev.start))
        used.update((ev, event))
        out.append(Cue(event.start, event.end, "outcome", f"{ev.text} ~ {event.text}",
                       ev.polarity * event.polarity, ev.negated or event.negated))
    # A token may carry two kinds ("fail": negative and failure); drop its twins too.
    used_spans = {(c.start, c.end) for c in used}
    return [c for c in cues if (c.start, c.end) not in used_spans] + out


@dataclass(frozen=True)
class LexiconReading:
    """The cue evidence behind a lexicon stance, reused as classifier features.

    Attributes:
        label: favor, against, mixed or none (toward the target, after the proposition sign).
        score: Confidence in ``label``, 0..1.
        favor: Weighted favour evidence toward the target's object.
        against: Weighted against evidence toward the target's object.
        cues: The polar cues counted (after negation and outcome composition).
        hedges: Hedge cues found (not negated).
        mentions: Token positions of target mentions.
        sign: The target's own polarity (see ``TargetInfo``).
        tokens: The sentence tokens.
        contrast: Token position of the last contrast word, or -1.
    """

    label: LexiconLabel
    score: float
    favor: float
    against: float
    cues: tuple[Cue, ...]
    hedges: tuple[Cue, ...]
    mentions: tuple[int, ...]
    sign: int
    tokens: tuple[str, ...]
    contrast: int


def near_target(cue: Cue, mentions: tuple[int, ...] | list[int]) -> bool:
    return any(cue.start - NEAR_WINDOW <= m < cue.end + NEAR_WINDOW for m in mentions)


def read_stance(text: str | Span, target: str, *, span: tuple[int, int] | None = None,
                lexicon: StanceLexicon | None = None) -> LexiconReading:
    """Read the stance of ``text`` toward ``target`` from cue words alone.

    Args:
        text: One sentence (longer texts work but mix their clauses): a string, or a
            sentence of a parsed Doc, read as it is tokenized.
        target: The target phrase: an object ("detente with North Korea") or a
            proposition ("Should we ban smoking in public places?").
        span: Character offsets of the target mention in ``text`` (for a Span: from the
            Span's start), when known (a named person); otherwise mentions are found by the
            target's content words.
        lexicon: Cue lists (default: the bundled lexicon).
    """
    lex = lexicon or load_lexicon()
    info = target_info(target, lexicon)
    doc = _doc(text)
    tokens = [_lower(t) for t in doc]
    if span is not None:
        base = doc.start_char if isinstance(doc, Span) else 0
        mentions = [i for i, t in enumerate(doc)
                    if t.idx - base < span[1] and t.idx - base + len(t) > span[0]]
    else:
        mentions = mention_positions(tokens, info)
    mention_set = set(mentions)
    cues = [c for c in match_cues(doc, lex)
            if not any(j in mention_set for j in range(c.start, c.end))]
    cues = _compose_outcomes(cues, mentions)
    polar = tuple(c for c in cues if c.polarity and c.kind in (*_POLAR, "outcome")
                  and not (c.kind == "failure" and any(
                      d.kind == "negative" and d.start == c.start for d in cues)))
    hedges = tuple(c for c in cues if c.kind == "mixed" and not c.negated)
    contrasts = [c.start for c in cues if c.kind == "contrast"]
    fav = sum((2.0 if near_target(c, mentions) else 1.0) for c in polar if c.polarity > 0)
    ag = sum((2.0 if near_target(c, mentions) else 1.0) for c in polar if c.polarity < 0)
    if info.sign < 0:
        fav, ag = ag, fav
    label: LexiconLabel
    if hedges:
        label, score = "mixed", 0.6
    elif fav and ag and contrasts and min(fav, ag) / max(fav, ag) >= 0.5 and _split_by_contrast(
            polar, contrasts):
        label, score = "mixed", 0.5 + 0.1 * min(fav, ag) / max(fav, ag)
    elif fav > ag:
        label, score = "favor", 0.5 + 0.5 * (fav - ag) / (fav + ag + 1)
    elif ag > fav:
        label, score = "against", 0.5 + 0.5 * (ag - fav) / (fav + ag + 1)
    elif fav:
        label, score = "mixed", 0.5
    else:
        label, score = "none", 0.5
    return LexiconReading(label, round(score, 4), fav, ag, polar, hedges, tuple(mentions),
                          info.sign, tuple(tokens), contrasts[-1] if contrasts else -1)


def _split_by_contrast(polar: tuple[Cue, ...], contrasts: list[int]) -> bool:
    """True when favour and against cues sit on different sides of some contrast word."""
    for c in contrasts:
        before = {cue.polarity > 0 for cue in polar if cue.start < c}
        after = {cue.polarity > 0 for cue in polar if cue.start > c}
        if before and after and before != after:
            return True
    return False


def lexicon_polarity(text: str | Span, target: str, lexicon: StanceLexicon | None = None
                     ) -> tuple[LexiconLabel, float]:
    """Lexicon-only stance of ``text`` toward ``target``: (label, confidence 0..1).

    The label is favor, against, mixed (hedged or split) or none (no cue found).
    """
    reading = read_stance(text, target, lexicon=lexicon)
    return reading.label, reading.score
