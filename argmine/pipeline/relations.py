"""``argmine_relations``: which unit supports or attacks which, and the main claim.

Runs after ``argmine_unit_classifier``. Among the claim and evidence units it picks the
main claim, scores every ordered pair of units for a link, keeps the best forest (at most
one outgoing link per unit, no cycles; see ``relations.model.decode_forest``) and labels
each link support or attack.

Reads: ``doc.spans["argmine_units"]`` (``span.label_``, ``span._.argmine_type``),
``token.lemma_`` and ``token.pos_``.
Writes: ``span._.argmine_role`` (``"main"`` on the main claim) and
``doc._.argmine_relations`` (``[{"source": i, "target": j, "label": ..., "score": p}]``,
indices into the unit spans).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from ..errors import ModelError
from ..extensions import SPANS_KEY, ensure_extensions
from ..relations.features import arg_units
from ..relations.model import GoldStructure, RelationParser, Structure
from .unit_classifier import NotTrainedError


class RelationComponent:
    """The spaCy component. The parser comes from ``from_disk`` or ``initialize``."""

    def __init__(self, nlp: Language, name: str = "argmine_relations", *, spans_key: str = SPANS_KEY):
        self.name = name
        self.spans_key = spans_key
        self.parser: RelationParser | None = None
        ensure_extensions()

    def initialize(self, get_examples=None, *, nlp: Language | None = None,
                   golds: Iterable[GoldStructure] = (), C: float = 1.0, seed: int = 0) -> None:
        """Train the parser from gold structures (``relations.data.relation_doc(...).gold``).

        spaCy's ``get_examples`` is not used: argmine trains from its own records.
        """
        self.parser = RelationParser(C=C, seed=seed).fit(list(golds))

    def predict(self, docs: Iterable[Doc]) -> list[tuple[list[int], Structure]]:
        """Return, per Doc, the span indices of its argumentative units and their structure."""
        if self.parser is None:
            raise NotTrainedError(f"{self.name} has no trained model; load a model directory "
                                  "with argmine.load() or train one with `argmine train`.")
        units = [arg_units(doc, list(doc.spans.get(self.spans_key, []))) for doc in docs]
        structures = self.parser.predict_many(units)
        return [([u.index for u in doc_units], structure) for doc_units, structure in zip(units, structures)]

    def set_annotations(self, docs: Iterable[Doc], predictions: list[tuple[list[int], Structure]]) -> None:
        ensure_extensions()
        for doc, (index, structure) in zip(docs, predictions):
            spans = doc.spans.get(self.spans_key, [])
            for k, span in enumerate(spans):
                span._.argmine_role = "main" if structure.main is not None and index[structure.main] == k else None
            doc._.argmine_relations = [{"source": index[link.source], "target": index[link.target],
                                        "label": link.label, "score": link.score}
                                       for link in structure.links]

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations([doc], self.predict([doc]))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64):
        # A batch at a time: the parser scores a whole batch in one call per model.
        for batch in minibatch(docs, size=batch_size):
            self.set_annotations(batch, self.predict(batch))
            yield from batch

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        if self.parser is None:
            raise NotTrainedError(f"{self.name} has no trained model to save.")
        self.parser.to_disk(path)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> RelationComponent:
        path = Path(path)
        if not path.is_dir():
            raise ModelError(f"{path} is not a relations directory; train one with `argmine train`.")
        self.parser = RelationParser.from_disk(path)
        return self


@Language.factory("argmine_relations", default_config={"spans_key": SPANS_KEY},
                  requires=["doc.spans", "token.lemma", "token.pos"],
                  assigns=["span._.argmine_role", "doc._.argmine_relations"])
def make_relations(nlp: Language, name: str, spans_key: str) -> RelationComponent:
    return RelationComponent(nlp, name, spans_key=spans_key)
