"""``argmine_stance``: who stands where toward each target.

Reads: the units layer (``doc.spans["argmine_units"]``), the actors layer
(``doc.spans["argmine_actors"]``, ``doc._.argmine_actors``) and the reported-speech
layer (``doc.spans["argmine_quotes"]``): a position stated inside a quotation or
reported statement is its speaker's, and the author's own stance leaves it out.
Writes: ``doc._.argmine_stances``, one dict per (actor, target) in the
``argmine.doc/1`` stance format.

Targets are set per run (``component.configure(targets=..., terms=..., kinds=...)``) and
each is parsed once per run; a Doc may add its own (``doc._.argmine_targets``, from a
record's ``meta.targets``). Its three tables, the parse-level cues (``stance_cues.json``),
the sentence-level lexicon (``stance_lexicon.json``) and the policy concepts of targets
(``target_concepts.json``), are loaded by ``initialize()`` (default: the package's) and
saved by ``to_disk()``, fingerprinted, with the learned polarity model (or the older
sentence-stance classifier) when the pipeline has one.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, cast

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import Errors, ModelError
from ..extensions import QUOTES_KEY, ensure_extensions
from ..stance.cues import DEFAULT_CUES, Cues, cues_from_json
from ..stance.lexicon import DEFAULT_LEXICON, StanceLexicon, lexicon_from_json, warm
from ..stance.target import DEFAULT_CONCEPTS
from . import ANALYSIS_FACTORIES, _tables

logger = logging.getLogger("argmine")

# The component's tables and the package's copies of them (initialize()'s defaults).
_DEFAULTS = {"stance_cues": DEFAULT_CUES, "stance_lexicon": DEFAULT_LEXICON, "target_concepts": DEFAULT_CONCEPTS}
_FILES = tuple(_DEFAULTS)


def _read_json(path: str | Path) -> Any:
    return json.loads(Path(path).read_text(encoding="utf-8"))

def _load_learned(directory: Path) -> Any:
    """The polarity model in ``directory/polarity``, else the older sentence-stance
    classifier (``directory/target_stance``, models trained before it), else None.

    Raises:
        ModelError: A damaged configuration (E021), not a bare KeyError or TypeError.
    """
    try:
        return _read_learned(directory)
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        raise ModelError(Errors.E021.format(path=str(directory), detail=f"{type(e).__name__}: {e}")) from e


def _read_learned(directory: Path) -> Any:
    if (directory / "polarity").is_dir():
        from ..stance.polarity import PolarityModel

        return PolarityModel.from_disk(directory / "polarity")
    if (directory / "target_stance").is_dir():
        from ..stance.learned import StanceClassifier

        return StanceClassifier.from_disk(directory / "target_stance")
    return None


class _SpacyOnly:
    """Run a pipeline without argmine's analysis components: targets are parsed by the
    linguistic components alone, and the stance component must not run on a target's text."""

    def __init__(self, nlp: Language):
        self.nlp = nlp

    def __call__(self, text: str) -> Doc:
        doc = self.nlp.make_doc(text)
        for name, proc in self.nlp.pipeline:
            if self.nlp.get_pipe_meta(name).factory not in ANALYSIS_FACTORIES:
                doc = proc(doc)
        return doc


class StanceComponent:
    """Attribute stances toward the configured targets; see the module docstring."""

    def __init__(self, nlp: Language, name: str = "argmine_stance"):
        self.name = name
        self.nlp = nlp
        self.targets: Sequence[str] = ()
        self.terms: Mapping[str, Sequence[str]] | None = None
        self.kinds: Mapping[str, str] = {}
        self._parsed: dict[str, Any] = {}
        self.learned: Any = None
        self._raw: dict[str, Any] | None = None
        self.cues: Cues | None = None
        self.lexicon: StanceLexicon | None = None
        self.concepts: dict[str, Any] | None = None
        ensure_extensions()

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *,
                   nlp: Language | None = None, cues_path: str | Path | None = None,
                   lexicon_path: str | Path | None = None, concepts_path: str | Path | None = None,
                   learned_path: str | Path | None = None) -> None:
        """Load the tables (default: the package's) and, if given, a learned classifier."""
        paths = {"stance_cues": cues_path, "stance_lexicon": lexicon_path, "target_concepts": concepts_path}
        self._set({name: _read_json(paths[name] or default) for name, default in _DEFAULTS.items()})
        if learned_path is not None and Path(learned_path).is_dir():
            self.learned = _load_learned(Path(learned_path))

    def configure(self, *, targets: Sequence[str] = (), terms: Mapping[str, Sequence[str]] | None = None,
                  kinds: Mapping[str, str] | None = None) -> None:
        """Set this run's targets, their extra terms and forced kinds, and parse each once.

        Raises:
            ArgmineError: A kind is not a target kind (E027), or a target is empty (E016).
        """
        self.targets, self.terms, self.kinds = list(targets), terms, dict(kinds or {})
        self._parsed = {}
        for text in self.targets:
            self.parsed(text)

    def parsed(self, text: str) -> Any:
        """The parsed target for ``text``, parsed by spaCy alone on first use in this run."""
        if text not in self._parsed:
            from ..stance.target import parse_target

            if self._raw is None:
                self.initialize()
            self._parsed[text] = parse_target(
                text, _SpacyOnly(self.nlp), extra_terms=(self.terms or {}).get(text, ()),
                kind=self.kinds.get(text, self.kinds.get("*")), lexicon=self.lexicon,
                concepts=self.concepts)
        return self._parsed[text]

    def _set(self, tables: dict[str, Any]) -> None:
        self._raw = tables
        self.cues = cues_from_json(tables["stance_cues"])
        self.lexicon = lexicon_from_json(tables["stance_lexicon"])
        self.concepts = tables["target_concepts"]
        self._parsed = {}
        # Loading a model, not the first document, pays for the matchers and lemma tables.
        warm(self.lexicon, self.nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        ensure_extensions()
        if self.cues is None:
            self.initialize()
        targets = doc._.argmine_targets if doc._.argmine_targets is not None else self.targets
        if not targets:
            doc._.argmine_stances = []
            return doc
        from ..convert import actors_from_doc, quotes_from_doc, units_from_doc
        from ..stance.attribution import attribute

        # The rules read the units (with their sources) and actors layers as typed views.
        units = units_from_doc(doc, quotes=quotes_from_doc(doc) if QUOTES_KEY in doc.spans else [])
        stances = attribute(doc, units, targets=[self.parsed(t) for t in targets],
                            actors=actors_from_doc(doc), nlp=_SpacyOnly(self.nlp), learned=self.learned,
                            terms=self.terms, cues=self.cues, lexicon=self.lexicon)
        doc._.argmine_stances = [s.model_dump(mode="json") for s in stances]
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64):
        for doc in docs:
            yield self(doc)

    def fingerprints(self) -> dict[str, str]:
        if self._raw is None:
            self.initialize()
        raw = cast(dict[str, Any], self._raw)
        return {f"{self.name}/{name}": _tables.sha256(raw[name]) for name in _FILES}

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        if self._raw is None:
            self.initialize()
        path = Path(path)
        kind = None
        if self.learned is not None:
            kind = "polarity" if type(self.learned).__name__ == "PolarityModel" else "target_stance"
            self.learned.to_disk(path / kind)
        _tables.write(path, cast(dict[str, Any], self._raw), {"learned": kind is not None})

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> StanceComponent:
        path = Path(path)
        # Pipelines saved before the lexicon and concepts moved into the component lack them.
        missing = [n for n in _FILES[1:] if not (path / f"{n}.json").is_file()]
        cfg, tables = _tables.read(path, tuple(n for n in _FILES if n not in missing))
        if missing:
            logger.warning("%s: no %s in the saved pipeline (saved by an older argmine); using the "
                           "package's. Save the pipeline again to keep them with it.", path,
                           ", ".join(f"{n}.json" for n in missing))
            tables.update({n: _read_json(_DEFAULTS[n]) for n in missing})
        self._set(tables)
        self.learned = _load_learned(path) if cfg.get("learned") else None
        return self


@Language.factory("argmine_stance", requires=["doc.spans", "doc._.argmine_actors"],
                  assigns=["doc._.argmine_stances"])
def make_stance(nlp: Language, name: str) -> StanceComponent:
    return StanceComponent(nlp, name)
