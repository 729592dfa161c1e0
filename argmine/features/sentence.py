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
import re
from functools import lru_cache

from spacy.tokens import Span

from .lexicon import CueLists

NGRAM_PREFIXES = ("w=", "b=", "c=")
# Position in the document. Kept apart so a model can use it only for the genres where
# it is informative (see ``features.genre.augment``).
POSITION_PREFIX = "pos="

_DIGIT = re.compile(r"\d")
# Cue lists read only by a structural feature, never fired as bare cues: a time unit is a
# statistic's mark only beside a number ("40% in 3 years"); "for years" states no figure.
TIME_UNITS = "time_unit"
_STRUCTURAL_LISTS = frozenset({TIME_UNITS})


def _shape(text: str) -> str:
    return _DIGIT.sub("0", text.lower())


@lru_cache(maxsize=200_000)
def _char_ngrams(word: str) -> tuple[str, ...]:
    # Cached: the same words recur across sentences, and this is the costliest feature.
    padded = f"<{word}>"
    return tuple(f"c={padded[i:i + n]}" for n in (3, 4, 5) for i in range(len(padded) - n + 1))


def _multiword(cues: CueLists) -> dict[str, list[str]]:
    return {cue: [w for w in words if " " in w] for cue, words in cues.items()}


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

    tokens = [t for t in span if not t.is_space]
    words = [_shape(t.text) for t in tokens]
    lemmas = [t.lemma_.lower() or t.lower_ for t in tokens]
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
    tags = [t.tag_ for t in tokens]
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
    for i, t in enumerate(tokens):
        if t.lemma_ == "have" and any(x.tag_ == "VBN" for x in tokens[i + 1:i + 3]):
            add("aspect=perfect")
            break
    if tokens and tokens[0].tag_ in ("VB",):
        add("imperative")
    is_num = [t.like_num or bool(_DIGIT.search(t.text)) for t in tokens]
    if any(is_num):
        add("num", min(sum(is_num), 3))
    # A change over time is a statistic when the sentence gives a figure: a cardinal
    # ("14 years", "grew 40 percent in the years since"), not an ordinal ("the first time in years").
    if lemma_set & cues.get(TIME_UNITS, frozenset()) and any(
            t.tag_ == "CD" or _DIGIT.search(t.text) for t in tokens):
        add("num_time")
    if any(t.text in ("%",) or t.lower_ in ("percent", "per") for t in tokens):
        add("percent")
    if any(t.text in ("$", "€", "£") for t in tokens):
        add("currency")
    ents = {t.ent_type_ for t in tokens if t.ent_type_}
    for ent in ents:
        add(f"ent={ent}")
    text = span.text
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

