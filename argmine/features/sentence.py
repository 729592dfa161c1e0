"""Features of one sentence, as a ``{name: value}`` dict, in two blocks.

* n-grams (``w=`` words, ``b=`` word bigrams, ``c=`` character 3- to 5-grams): counts,
  TF-IDF weighted by the model;
* cues (everything else: cue lists, tags, tense, modality, numbers, quotes, length,
  position): small values, scaled by the model.

Reads token text, lemma, tag and (when present) entity type; never needs the parser,
so units can be classified with the tagger alone.
"""

from __future__ import annotations

import math
from functools import lru_cache

from spacy.tokens import Span

from ..segment import doc_text
from .lexicon import CueLists
from .tokens import DIGIT, shape, token_table

NGRAM_PREFIXES = ("w=", "b=", "c=")
# Position in the document. Kept apart so a model can use it only for the genres where
# it is informative (see ``features.genre.augment``).
POSITION_PREFIX = "pos="

# Cue lists read only by a structural feature, never fired as bare cues: a time unit is a
# statistic's mark only beside a number ("40% in 3 years"); "for years" states no figure.
TIME_UNITS = "time_unit"
_STRUCTURAL_LISTS = frozenset({TIME_UNITS})


@lru_cache(maxsize=200_000)
def _char_ngrams(word: str) -> tuple[str, ...]:
    # Cached: the same words recur across sentences, and this is the costliest feature.
    padded = f"<{word}>"
    return tuple(f"c={padded[i:i + n]}" for n in (3, 4, 5) for i in range(len(padded) - n + 1))


def _multiword(cues: CueLists) -> dict[str, list[str]]:
    """The phrases of several words in each cue list (kept per cue lists object)."""
    cached = _MULTIWORD.get(id(cues))
    if cached is None or cached[0] is not cues:
        if len(_MULTIWORD) >= _MAX_CUE_LISTS:
            _MULTIWORD.clear()  # a process that loads many models
        cached = _MULTIWORD[id(cues)] = (cues, {cue: [w for w in words if " " in w]
                                                for cue, words in cues.items()})
    return cached[1]


# id(cue lists) -> (the cue lists, their phrases); the entry keeps the lists alive, so the
# id cannot be reused by another object.
_MULTIWORD: dict[int, tuple[CueLists, dict[str, list[str]]]] = {}
_MAX_CUE_LISTS = 8


def sentence_features(span: Span, *, cues: CueLists, position: float | None = None,
                      char_ngrams: bool = True) -> dict[str, float]:
    """Return the features of a sentence.

    Args:
        span: The sentence (needs ``tag_`` and ``lemma_``; ``ent_type_`` is used if set).
        cues: Cue lists by name (``features.lexicon.read_cue_lists``).
        position: Relative position of the sentence in its document, 0.0 to 1.0, or
            None to leave position out (documents too short for position to mean anything).
        char_ngrams: Add character 3- to 5-grams of each word (robust to inflection).
    """
    feats: dict[str, float] = {}

    def add(name: str, value: float = 1.0) -> None:
        feats[name] = feats.get(name, 0.0) + value

    table = token_table(span.doc)
    tokens = [i for i in range(span.start, span.end) if not table.space[i]]
    texts = [table.orth[i] for i in tokens]
    words = [shape(t) for t in texts]
    lemmas = [table.lemma[i].lower() or table.lower[i] for i in tokens]
    for w in words:
        add(f"w={w}")
    for a, b in zip(["<s>"] + words, words + ["</s>"]):
        add(f"b={a}_{b}")
    if char_ngrams:
        for w in words:
            for gram in _char_ngrams(w):
                add(gram)
    lemma_text = " " + " ".join(lemmas) + " "
    lemma_set = set(lemmas) | set(words)
    for cue, phrases in _multiword(cues).items():
        if cue in _STRUCTURAL_LISTS:
            continue
        lexicon = cues[cue]
        hits = sum(1 for lem in lemma_set if lem in lexicon)
        hits += sum(1 for phrase in phrases if f" {phrase} " in lemma_text)
        if hits:
            add(f"cue={cue}", min(hits, 3))
            for lem in lemma_set:
                if lem in lexicon:
                    add(f"cue={cue}:{lem}")
    tags = [table.tag[i] for i in tokens]
    for tag in tags:
        add(f"tag={tag}", 0.5)
    n = max(len(tokens), 1)
    past = sum(1 for t in tags if t in ("VBD", "VBN"))
    present = sum(1 for t in tags if t in ("VBP", "VBZ"))
    add("tense=past_ratio", past / n * 5)
    add("tense=present_ratio", present / n * 5)
    if "MD" in tags:
        add("modal")
    # Perfect aspect: a form of "have" followed (within two tokens) by a past participle.
    for k, i in enumerate(tokens):
        if table.lemma[i] == "have" and "VBN" in tags[k + 1:k + 3]:
            add("aspect=perfect")
            break
    if tags and tags[0] in ("VB",):
        add("imperative")
    is_num = [table.like_num[i] or bool(DIGIT.search(t)) for i, t in zip(tokens, texts)]
    if any(is_num):
        add("num", min(sum(is_num), 3))
    # A change over time is a statistic when the sentence gives a figure: a cardinal
    # ("14 years", "grew 40 percent in the years since"), not an ordinal ("the first time in years").
    if lemma_set & cues.get(TIME_UNITS, frozenset()) and any(
            tag == "CD" or DIGIT.search(t) for tag, t in zip(tags, texts)):
        add("num_time")
    if any(t in ("%",) or table.lower[i] in ("percent", "per") for i, t in zip(tokens, texts)):
        add("percent")
    if any(t in ("$", "€", "£") for t in texts):
        add("currency")
    ents = {table.ent_type[i] for i in tokens if table.ent_type[i]}
    for ent in ents:
        add(f"ent={ent}")
    text = doc_text(span.doc)[span.start_char:span.end_char]
    if '"' in text or "“" in text or "”" in text:
        add("quote")
    if text.rstrip().endswith("?"):
        add("question")
    if text.rstrip().endswith("!"):
        add("exclamation")
    if text.endswith(":"):
        add("colon_end")
    add(f"len={min(int(math.log2(n + 1)), 7)}")
    if position is not None:
        add(f"{POSITION_PREFIX}{min(int(position * 5), 4)}")
        if position == 0.0:
            add(f"{POSITION_PREFIX}first")
        if position == 1.0:
            add(f"{POSITION_PREFIX}last")
    if tokens:
        add(f"first={words[0]}")
    return feats

