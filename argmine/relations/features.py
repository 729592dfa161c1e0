"""Features of argument units, unit pairs and main-claim candidates.

The feature set follows the argument-structure literature: Stab & Gurevych (2017,
"Parsing argumentation structures in persuasive essays": distance, relative position,
indicators inside and between the units, shared nouns and verbs, first/last unit of a
paragraph), Peldszus & Stede (2015, "Joint prediction in MST-style discourse parsing
for argumentation mining": the same cues on microtexts, decoded as a tree) and Persing &
Ng (2016, "End-to-end argumentation mining in student essays": the target's being the
first or last claim of its paragraph). Everything is a flat ``dict[str, float]`` for a
``DictVectorizer``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import NamedTuple

from spacy.tokens import Doc, Span

from ..segment import doc_text

# Discourse markers by function (Stab & Gurevych's indicator classes, extended with
# Persing & Ng's "thesis" cues). Matched as whole words on lower-cased text.
MARKERS: dict[str, tuple[str, ...]] = {
    # introduce a conclusion: the unit is supported by what precedes it
    "forward": ("therefore", "thus", "consequently", "hence", "as a result", "in conclusion",
                "to conclude", "in summary", "to sum up", "all in all", "overall", "accordingly",
                "for these reasons", "for this reason", "it follows that", "so"),
    # introduce a reason: the unit supports something nearby
    "backward": ("because", "since", "for example", "for instance", "such as", "due to",
                 "given that", "as a matter of fact", "in fact", "e.g."),
    # list a further reason
    "addition": ("firstly", "first of all", "secondly", "thirdly", "moreover", "furthermore",
                 "in addition", "additionally", "besides", "what is more", "also", "another",
                 "finally", "last but not least"),
    # concede or rebut: the unit attacks, or is attacked
    "contrast": ("however", "but", "although", "though", "even though", "nevertheless",
                 "nonetheless", "on the other hand", "yet", "whereas", "while", "despite",
                 "in spite of", "admittedly", "of course", "it is true that", "on the contrary",
                 "instead", "still"),
    # someone else's view, typically the attacked one
    "others": ("some people", "many people", "others", "opponents", "critics", "some argue",
               "one might argue", "it could be argued", "it is argued", "it is often said",
               "some may say", "some would say", "proponents"),
    # the writer's thesis
    "thesis": ("i believe", "i think", "in my opinion", "i agree", "i disagree", "in my view",
               "from my point of view", "my view", "i strongly", "personally", "i would argue",
               "i am convinced", "i firmly"),
}
_PATTERNS = {cat: re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(m) for m in ms) + r")(?![\w'])")
             for cat, ms in MARKERS.items()}
_NEGATION = re.compile(r"(?<![\w'])(?:not|no|never|n't|cannot|nobody|nothing|neither|nor)(?![\w'])")
_MODAL = re.compile(r"(?<![\w'])(?:should|must|ought|need to|have to|has to)(?![\w'])")
_FIRST_PERSON = re.compile(r"(?<![\w'])(?:i|my|me|we|our)(?![\w'])")
_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ"}
# Documents of at most this many units (a microtext, a short comment) argue differently
# from essays and op-eds: their pair features get a second, "short:" copy, so the model
# can learn both regimes from mixed training data (feature augmentation, Daume 2007).
_SHORT = 8
# Words at the start of a unit decide its function more than the rest ("However, ...").
_OPENING_CHARS = 40


class ArgUnit(NamedTuple):
    """One argumentative unit (claim or evidence) of a document, as the features see it."""
    index: int  # type: ignore[assignment]  # the unit's index in doc.spans (shadows tuple.index)
    start: int
    end: int
    label: str          # claim / evidence
    type: str | None    # claim or evidence type when the unit classifier gave one
    paragraph: int      # 0-based; documents without line breaks are one paragraph
    lemmas: frozenset[str]
    text: str           # lower-cased, whitespace-normalised


def paragraph_starts(text: str) -> list[int]:
    """Offsets of the line-break runs of ``text``; the paragraph number of a character
    offset is how many runs start before it (``bisect_left``)."""
    return [m.start() for m in re.finditer(r"\n+", text)]


def arg_units(doc: Doc, spans: Sequence[Span], labels: Sequence[str] | None = None) -> list[ArgUnit]:
    """Return the claim and evidence units among ``spans`` (``labels`` overrides span labels)."""
    out = []
    breaks = paragraph_starts(doc_text(doc))  # Doc.text rebuilds the text on every access
    for i, span in enumerate(spans):
        label = labels[i] if labels is not None else span.label_
        if label not in ("claim", "evidence"):
            continue
        lemmas = frozenset(t.lemma_.lower() for t in span
                           if t.pos_ in _CONTENT_POS and not t.is_stop and t.is_alpha)
        if not lemmas:  # a pipeline without a tagger: fall back to content-looking words
            lemmas = frozenset(t.lower_ for t in span if t.is_alpha and not t.is_stop)
        utype = span._.argmine_type if span.has_extension("argmine_type") else None
        out.append(ArgUnit(i, span.start_char, span.end_char, label, utype,
                           bisect.bisect_left(breaks, span.start_char), lemmas,
                           " ".join(span.text.lower().split())))
    return out


def markers(text: str) -> set[str]:
    """Marker classes found anywhere in a lower-cased text."""
    return {cat for cat, pat in _PATTERNS.items() if pat.search(text)}


def _bucket(n: int, top: int) -> str:
    return str(max(-top, min(top, n)))


class _Context(NamedTuple):
    first_in_par: set[int]
    last_in_par: set[int]
    first_claim_in_par: set[int]
    last_claim_in_par: set[int]
    n_pars: int
    opening: list[set[str]]
    inside: list[set[str]]


def _context(units: Sequence[ArgUnit]) -> _Context:
    by_par: dict[int, list[int]] = {}
    claims_by_par: dict[int, list[int]] = {}
    for k, u in enumerate(units):
        by_par.setdefault(u.paragraph, []).append(k)
        if u.label == "claim":
            claims_by_par.setdefault(u.paragraph, []).append(k)
    return _Context({ks[0] for ks in by_par.values()}, {ks[-1] for ks in by_par.values()},
                    {ks[0] for ks in claims_by_par.values()}, {ks[-1] for ks in claims_by_par.values()},
                    max((u.paragraph for u in units), default=0) + 1,
                    [markers(u.text[:_OPENING_CHARS]) for u in units],
                    [markers(u.text) for u in units])


def _unit_features(prefix: str, k: int, units: Sequence[ArgUnit], ctx: _Context) -> dict[str, float]:
    u = units[k]
    n = len(units)
    f = {f"{prefix}label={u.label}": 1.0,
         f"{prefix}pos={round(4 * k / max(n - 1, 1))}": 1.0}
    if u.type:
        f[f"{prefix}type={u.type}"] = 1.0
    if k in ctx.first_in_par:
        f[f"{prefix}first_in_par"] = 1.0
    if k in ctx.last_in_par:
        f[f"{prefix}last_in_par"] = 1.0
    if k in ctx.first_claim_in_par:
        f[f"{prefix}first_claim_in_par"] = 1.0
    if k in ctx.last_claim_in_par:
        f[f"{prefix}last_claim_in_par"] = 1.0
    if ctx.n_pars > 1 and u.paragraph == 0:
        f[f"{prefix}first_par"] = 1.0
    if ctx.n_pars > 1 and u.paragraph == ctx.n_pars - 1:
        f[f"{prefix}last_par"] = 1.0
    for cat in ctx.opening[k]:
        f[f"{prefix}opens={cat}"] = 1.0
    for cat in ctx.inside[k]:
        f[f"{prefix}has={cat}"] = 1.0
    if _NEGATION.search(u.text):
        f[f"{prefix}negation"] = 1.0
    if _MODAL.search(u.text):
        f[f"{prefix}modal"] = 1.0
    if _FIRST_PERSON.search(u.text):
        f[f"{prefix}first_person"] = 1.0
    return f


def main_features(units: Sequence[ArgUnit]) -> list[dict[str, float]]:
    """Features of each unit as a candidate for the document's main claim."""
    ctx = _context(units)
    out = []
    n = len(units)
    for k, u in enumerate(units):
        f = _unit_features("", k, units, ctx)
        if k == 0:
            f["first_unit"] = 1.0
        if k == n - 1:
            f["last_unit"] = 1.0
        claims = [j for j, v in enumerate(units) if v.label == "claim"]
        if claims and k == claims[0]:
            f["first_claim"] = 1.0
        if claims and k == claims[-1]:
            f["last_claim"] = 1.0
        # Centrality: the main claim shares words with many other units.
        overlap = sum(len(u.lemmas & v.lemmas) / max(len(u.lemmas | v.lemmas), 1)
                      for j, v in enumerate(units) if j != k)
        f["centrality"] = overlap / max(n - 1, 1)
        f[f"n_units={_bucket(n, 12)}"] = 1.0
        out.append(f)
    return out


def pair_features(units: Sequence[ArgUnit], main: int | None = None
                  ) -> dict[tuple[int, int], dict[str, float]]:
    """Features of every ordered pair ``(source, target)`` of units (positions in ``units``).

    Args:
        units: The document's argumentative units in text order.
        main: Position of the main claim, if known (its incoming links are typical).
    """
    ctx = _context(units)
    src_feats = [_unit_features("s:", k, units, ctx) for k in range(len(units))]
    tgt_feats = [_unit_features("t:", k, units, ctx) for k in range(len(units))]
    n = len(units)
    out = {}
    for i, s in enumerate(units):
        for j, t in enumerate(units):
            if i == j:
                continue
            d = j - i
            same_par = s.paragraph == t.paragraph
            f = {**src_feats[i], **tgt_feats[j],
                 f"dist={_bucket(d, 6)}": 1.0, "absdist": min(abs(d), 20) / 20,
                 f"labels={s.label}>{t.label}": 1.0,
                 f"dir={'back' if d < 0 else 'fwd'}:{s.label}>{t.label}": 1.0,
                 f"n_units={_bucket(n, 12)}": 1.0}
            if abs(d) == 1:
                f[f"adjacent:{'back' if d < 0 else 'fwd'}"] = 1.0
            if same_par:
                f["same_par"] = 1.0
                f[f"same_par:dist={_bucket(d, 4)}"] = 1.0
            else:
                f[f"par_dist={_bucket(t.paragraph - s.paragraph, 3)}"] = 1.0
            if main is not None and j == main:
                f["t:main"] = 1.0
                f[f"t:main:s={s.label}"] = 1.0
            if main is not None and i == main:
                f["s:main"] = 1.0
            lo, hi = sorted((i, j))
            between: set[str] = set()
            for k in range(lo + 1, hi):
                between |= ctx.opening[k]
            for cat in between:
                f[f"between={cat}"] = 1.0
            if hi - lo > 1 and any(units[k].label == "claim" for k in range(lo + 1, hi)):
                f["claim_between"] = 1.0
            shared = len(s.lemmas & t.lemmas)
            f["shared"] = min(shared, 5) / 5
            f["jaccard"] = shared / max(len(s.lemmas | t.lemmas), 1)
            for cat in ctx.opening[i]:
                f[f"s:opens={cat}:dir={'back' if d < 0 else 'fwd'}"] = 1.0
            if n <= _SHORT:
                f.update({f"short:{k}": v for k, v in list(f.items())})
            out[(i, j)] = f
    return out
