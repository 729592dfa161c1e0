"""``argmine_stance``: who stands where toward each target.

Reads: the units layer (``doc.spans["argmine_units"]``), the actors layer
(``doc.spans["argmine_actors"]``, ``doc._.argmine_actors``) and the reported-speech
layer (``doc.spans["argmine_quotes"]``): a position stated inside a quotation or
reported statement is its speaker's, and the author's own stance leaves it out.
Writes: ``doc._.argmine_stances``, one dict per (actor, target) in the
``argmine.doc/1`` stance format.

Targets are set per run (``component.configure(targets=..., terms=..., kinds=...)``) and
each is parsed once per run; a Doc may add its own (``doc._.argmine_targets``, from a
record's ``meta.targets``). The cue table (``stance_cues.json``) is loaded by
``initialize()`` and saved by ``to_disk()``, with the learned polarity model (or the
older sentence-stance classifier) when the pipeline has one.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import Errors, ModelError
from ..extensions import QUOTES_KEY, ensure_extensions
from ..stance.cues import DEFAULT_CUES, Cues, cues_from_json
from . import _tables

_FILES = ("stance_cues",)
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
    """Run a pipeline without argmine's components: targets are parsed by spaCy alone,
    and the stance component must not run on a target's own text."""

    def __init__(self, nlp: Language):
        self.nlp = nlp

    def __call__(self, text: str) -> Doc:
        doc = self.nlp.make_doc(text)
        for name, proc in self.nlp.pipeline:
            if not name.startswith("argmine_"):
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
        ensure_extensions()

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *,
                   nlp: Language | None = None, cues_path: str | Path | None = None,
                   learned_path: str | Path | None = None) -> None:
        """Load the cue table (default: the package's) and, if given, a learned classifier."""
        self._set(json.loads(Path(cues_path or DEFAULT_CUES).read_text(encoding="utf-8")))
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

            self._parsed[text] = parse_target(
                text, _SpacyOnly(self.nlp), extra_terms=(self.terms or {}).get(text, ()),
                kind=self.kinds.get(text, self.kinds.get("*")))
        return self._parsed[text]

    def _set(self, raw: dict[str, Any]) -> None:
        self._raw, self.cues = raw, cues_from_json(raw)

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
                            terms=self.terms, cues=self.cues)
        doc._.argmine_stances = [s.model_dump(mode="json") for s in stances]
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64):
        for doc in docs:
            yield self(doc)

    def fingerprints(self) -> dict[str, str]:
        if self._raw is None:
            self.initialize()
        return {f"{self.name}/stance_cues": _tables.sha256(self._raw)}

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        if self._raw is None:
            self.initialize()
        path = Path(path)
        kind = None
        if self.learned is not None:
            kind = "polarity" if type(self.learned).__name__ == "PolarityModel" else "target_stance"
            self.learned.to_disk(path / kind)
        _tables.write(path, {"stance_cues": self._raw}, {"learned": kind is not None})

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> StanceComponent:
        path = Path(path)
        cfg, tables = _tables.read(path, _FILES)
        self._set(tables["stance_cues"])
        self.learned = _load_learned(path) if cfg.get("learned") else None
        return self


@Language.factory("argmine_stance", requires=["doc.spans", "doc._.argmine_actors"],
                  assigns=["doc._.argmine_stances"])
def make_stance(nlp: Language, name: str) -> StanceComponent:
    return StanceComponent(nlp, name)
