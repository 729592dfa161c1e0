"""``argmine_morphology``: spaCy's attribute ruler and lemmatizer, remembered per token.

In ``en_core_web_sm`` the ``attribute_ruler`` (179 Matcher rules mapping tags to POS and
morphology) and the rule ``lemmatizer`` cost a fifth of the pipeline's time, more than the
tagger and parser together, though for almost every token their output depends only on
the token itself. This component gives the same output: the first time a token form is
seen (its text, tag, dependency label and any POS, morphology or lemma it already has) it
runs the two original components on a one-token Doc and remembers the result; after that
the whole Doc is written from an array. The ruler's rules of several tokens ("gon na",
"there is") are matched over the Doc, and a token they touch is remembered under the
rules that touched it, so order and precedence are the ruler's own.

The originals stay in the pipeline, disabled, and serve every form not yet seen. Where a
pipeline's rules read anything a single token's form does not fix (``POS``, ``ENT_TYPE``,
operators, extension attributes) or its lemmatizer is not spaCy's own token-by-token one,
the component simply calls the originals: output is never different, only faster.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple, cast

import numpy as np
from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs  # the ruler's own setter

# What a one-token Doc of the same form reproduces: the form's text and lexical flags,
# and the tag and label the Doc's earlier components gave it.
_FORM_KEYS = frozenset({"ORTH", "TEXT", "LOWER", "IS_SPACE", "IS_ALPHA", "IS_DIGIT", "IS_PUNCT",
                        "IS_TITLE", "IS_UPPER", "IS_LOWER", "IS_STOP", "LIKE_NUM", "SHAPE",
                        "LENGTH", "PREFIX", "SUFFIX", "TAG", "DEP"})
_ARRAY: list[int | str] = ["ORTH", "TAG", "DEP", "POS", "MORPH", "LEMMA"]
_OUT: list[int | str] = ["TAG", "DEP", "POS", "MORPH", "LEMMA"]
# What the cache copies back: a rule may set these (attribute ids, as the ruler stores them).
_SETS = frozenset(IDS[name] for name in ("TAG", "DEP", "POS", "MORPH", "LEMMA"))
_LEMMA_MODES = ("rule", "lookup", "pos_lookup")
MORPHOLOGY = "argmine_morphology"
# Token forms remembered at most (about 30 MB); most text needs far fewer.
_MAX_FORMS = 100_000


@Language.factory(MORPHOLOGY, default_config={"ruler": "attribute_ruler",
                                                         "lemmatizer": "lemmatizer"})
def make_morphology(nlp: Language, name: str, ruler: str, lemmatizer: str) -> Morphology:
    return Morphology(nlp, name, ruler=ruler, lemmatizer=lemmatizer)


def use_fast_morphology(nlp: Language) -> Language:
    """Put ``argmine_morphology`` in place of ``attribute_ruler`` and ``lemmatizer`` (kept, disabled)."""
    if not (nlp.has_pipe("attribute_ruler") and nlp.has_pipe("lemmatizer")):
        return nlp
    if "attribute_ruler" in nlp.disabled or "lemmatizer" in nlp.disabled:
        return nlp
    names = nlp.pipe_names
    if names.index("lemmatizer") != names.index("attribute_ruler") + 1:
        return nlp  # something runs between them: keep spaCy's order
    nlp.add_pipe(MORPHOLOGY, before="attribute_ruler")
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
    return nlp


class _State(NamedTuple):
    """What one version of the original components is read as (replaced, never changed)."""
    signature: tuple[Any, ...]
    ruler: Any
    lemmatizer: Any
    fast: bool
    single: Matcher | None
    multi: Matcher | None
    cache: dict[tuple[int, ...], tuple[int, ...]]


class Morphology:
    """The attribute ruler then the lemmatizer, with their result cached per token form."""

    def __init__(self, nlp: Language, name: str = MORPHOLOGY, *,
                 ruler: str = "attribute_ruler", lemmatizer: str = "lemmatizer"):
        self.name = name
        self._nlp = nlp
        self._names = (ruler, lemmatizer)
        self._state: _State | None = None

    # -- setup -------------------------------------------------------------------------------
    def _current(self) -> _State:
        """The state for the originals as they are now: rebuilt (with an empty cache) when a
        rule is added, the ruler or the lemmatizer's tables are reloaded, or a pipe replaced."""
        ruler: Any = self._nlp.get_pipe(self._names[0])
        lemmatizer: Any = self._nlp.get_pipe(self._names[1])
        # The objects themselves, compared by identity: spaCy replaces the matcher and lookups
        # rather than changing them, and holding them keeps a new one from reusing an old id.
        signature = (ruler, lemmatizer, len(getattr(ruler, "attrs", ())), getattr(ruler, "matcher", None),
                     getattr(lemmatizer, "lookups", None), getattr(lemmatizer, "mode", None),
                     getattr(lemmatizer, "overwrite", None))
        state = self._state
        if state is None or state.signature != signature:
            state = self._state = self._build(signature, ruler, lemmatizer)
        return state

    @staticmethod
    def _build(signature: tuple[Any, ...], ruler: Any, lemmatizer: Any) -> _State:
        fast = (isinstance(ruler, AttributeRuler) and isinstance(lemmatizer, Lemmatizer)
                and getattr(lemmatizer, "mode", None) in _LEMMA_MODES)
        if not fast:
            return _State(signature, ruler, lemmatizer, False, None, None, {})
        single = Matcher(ruler.vocab, validate=False)
        multi = Matcher(ruler.vocab, validate=False)
        for i in range(len(ruler.attrs)):
            key = str(i)
            _, patterns = ruler.matcher.get(key)
            index = ruler.indices[i]
            if not set(ruler.attrs[i]) <= _SETS:
                fast = False  # a rule that sets what the cache does not copy back
            for pattern in patterns:
                if not all(set(spec) <= _FORM_KEYS for spec in pattern) or not -len(pattern) <= index < len(pattern):
                    fast = False  # reads more than a token's form, or an index the ruler refuses
                elif len(pattern) == 1:
                    single.add(key, [pattern])
                else:
                    multi.add(key, [pattern])
        return _State(signature, ruler, lemmatizer, fast, single, multi if len(multi) else None, {})

    # -- processing ---------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        state = self._current()
        if not state.fast or len(doc) == 0:
            return state.lemmatizer(state.ruler(doc))
        extra = self._multi_hits(state, doc)
        rows = doc.to_array(_ARRAY).tolist()
        keys = [(*row, *extra[i]) if i in extra else tuple(row) for i, row in enumerate(rows)]
        cache = state.cache
        missing = {key: (row, extra.get(i, ())) for i, (key, row) in enumerate(zip(keys, rows))
                   if key not in cache}
        if missing and len(cache) + len(missing) > _MAX_FORMS:
            # Bounded memory over an endless stream: start a new cache (a thread still reading
            # the old one keeps it) and fill it with this Doc's forms.
            cache = {}
            self._state = state._replace(cache=cache)
            missing = {key: (row, extra.get(i, ())) for i, (key, row) in enumerate(zip(keys, rows))}
        if missing:
            cache.update(self._compute(state, missing))
        doc.from_array(_OUT, cast(Any, np.array([cache[key] for key in keys], dtype=np.uint64)))
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)

    @staticmethod
    def _multi_hits(state: _State, doc: Doc) -> dict[int, tuple[int, ...]]:
        """Rules of several tokens, by the token each one sets: ``{token: (rule, ...)}``."""
        if state.multi is None:
            return {}
        hits: dict[int, list[int]] = {}
        strings = doc.vocab.strings
        for match_id, start, end in state.multi(doc, allow_missing=True):
            rule = int(strings[match_id])
            index = state.ruler.indices[rule]
            token = (start if index >= 0 else end) + index
            if start <= token < end:
                hits.setdefault(token, []).append(rule)
        return {i: tuple(sorted(rules)) for i, rules in hits.items()}

    @staticmethod
    def _compute(state: _State, forms: dict[tuple[int, ...], tuple[list[int], tuple[int, ...]]]
                 ) -> dict[tuple[int, ...], tuple[int, ...]]:
        """Run the ruler's rules and the lemmatizer on a Doc of one token per new form.

        ``forms`` maps each key to its array row and the rules of several tokens that
        touched it. The forms' tokens share a Doc only to match and lemmatize in one call:
        the single-token rules and the lemmatizer read each token alone.
        """
        vocab = state.ruler.vocab
        items = list(forms.values())
        one = Doc(vocab, words=[vocab.strings[row[0]] for row, _ in items], spaces=[False] * len(items))
        tokens: list[Any] = list(one)  # set_morph and MorphAnalysis.key are not in spaCy's stubs
        for token, (row, _) in zip(tokens, items):
            _, token.tag, token.dep, token.pos, morph, token.lemma = row
            token.set_morph(morph or None)
        assert state.single is not None
        rules: dict[int, list[int]] = {}
        for match_id, start, _ in state.single(one, allow_missing=True):
            rules.setdefault(start, []).append(int(vocab.strings[match_id]))
        # As AttributeRuler.set_annotations: every match, in rule order, later rules winning.
        for i, (token, (_, extra)) in enumerate(zip(tokens, items)):
            for rule in sorted(rules.get(i, []) + list(extra)):
                set_token_attrs(token, state.ruler.attrs[rule])
        state.lemmatizer(one)
        return {key: (t.tag, t.dep, t.pos, t.morph.key, t.lemma) for key, t in zip(forms, tokens)}
