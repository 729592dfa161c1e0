"""``argmine_unit_classifier``: label each sentence claim / evidence / none, with a type.

A cascade of three genre-aware linear models over ``features.sentence``: the component
model (claim / evidence / none), then a claim-type model (value / policy / fact) for
claims and an evidence-type model (event / testimony / statistic / reference) for
evidence. Component data is plentiful in public corpora while type labels are rare,
so each model trains on whatever corpus labels its own decision.

Every model sees each feature twice, shared and under the document's genre
(``features.genre.augment``). The genre is the one the caller states
(``doc._.argmine_genre``, from ``--genre`` or ``meta.genre``) or else predicted from the
document by a small genre classifier shipped in the same directory.

Reads: sentence boundaries (senter, sentencizer or parser), ``token.tag_``,
``token.lemma_``, ``token.ent_type_`` when NER ran, and ``doc._.argmine_genre``.
Writes: ``doc.spans["argmine_units"]`` (``span.label_`` = component) and
``span._.argmine_type``, ``span._.argmine_score``, ``span._.argmine_probs``;
``doc._.argmine_genre_predicted`` when the genre was predicted.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from sklearn.exceptions import NotFittedError
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from ..errors import Errors, ModelError
from ..extensions import SPANS_KEY, ensure_extensions
from ..features.document import document_features
from ..features.lexicon import PACKAGED_CUES, CueLists, copy_cue_lists, fingerprint_cue_lists, read_cue_lists
from ..features.sentence import POSITION_PREFIX, sentence_features
from ..models.dict_linear import DictLinearModel
from ..models.genre_heads import GenreHeads, Head, head_name
from ..models.integrity import confined
from ..segment import char_span, sentence_spans

HEADS = ("component", "claim_type", "evidence_type")
GENRE_MODEL = "genre"
# Fewer sentences than this and a document has no layout: position features are left out.
MIN_SENTENCES_FOR_POSITION = 3


class NotTrainedError(ModelError, NotFittedError):
    """The component is used before a model was loaded or trained (also sklearn's NotFittedError)."""


class UnitPrediction(NamedTuple):
    start: int
    end: int
    label: str
    type: str | None
    score: float
    probs: dict[str, float]


def doc_features(doc: Doc, *, cues: CueLists) -> tuple[list[tuple[int, int]], list[dict[str, float]]]:
    """Return the sentence character spans of a Doc and their feature dicts.

    Each sentence also sees the cue features of its neighbours: evidence tends to follow
    the claim it supports, and a reporting frame often sits in the sentence before.
    """
    spans = sentence_spans(doc)
    with_position = len(spans) >= MIN_SENTENCES_FOR_POSITION
    own = []
    n = max(len(spans) - 1, 1)
    for i, (start, end) in enumerate(spans):
        span = char_span(doc, start, end)
        # Character n-grams are left out: measured on the essays, they quadruple the fitting
        # time for no gain in macro-F1 (0.711 without, 0.713 with).
        own.append(sentence_features(span, cues=cues, position=i / n if with_position else None,
                                     char_ngrams=False))
    # What a sentence shows its neighbours, picked once per sentence.
    context = [{k: v * 0.5 for k, v in f.items() if k.startswith(_CONTEXT_PREFIXES) and ":" not in k}
               for f in own]
    feats = []
    for i, f in enumerate(own):
        f = dict(f)
        for offset, name in ((-1, "prev"), (1, "next")):
            j = i + offset
            if 0 <= j < len(own):
                for key, value in context[j].items():
                    f[f"{name}:{key}"] = value
            elif with_position:
                f[f"{POSITION_PREFIX}no_{name}"] = 1.0
        feats.append(f)
    return [(s.start, s.end) for s in spans], feats


# The head that types each kind of unit.
_TYPE_HEADS = {"claim": "claim_type", "evidence": "evidence_type"}
# Neighbour features are limited to cues, so context does not swamp the sentence's own words.
_CONTEXT_PREFIXES = ("cue=", "first=", "tense=", "modal", "num", "question", "quote")


class UnitClassifier:
    """The spaCy component. Models come from ``from_disk`` or are set by the trainer."""

    def __init__(self, nlp: Language, name: str = "argmine_unit_classifier", *,
                 spans_key: str = SPANS_KEY):
        self.name = name
        self.spans_key = spans_key
        self.models: dict[str, Head] = {}
        self.genre_model: DictLinearModel | None = None
        # The one genre of a model trained on a single genre (it then has no genre classifier).
        self.default_genre: str | None = None
        self.cues: CueLists | None = None
        self.cues_dir: Path | None = None
        ensure_extensions()

    @property
    def genres(self) -> list[str]:
        """The genres this model knows (those its genre classifier predicts)."""
        if self.genre_model is not None:
            return list(self.genre_model.classes_)
        return [self.default_genre] if self.default_genre else []

    def genre_of(self, doc: Doc, *, predict: bool = True) -> tuple[str | None, float | None]:
        """The document's genre and, when predicted, its probability.

        A stated genre (``doc._.argmine_genre``, not "auto") wins; otherwise the genre
        classifier decides (with ``predict=False``: ``(None, None)``, left to the caller).
        A model without one treats every document as genre-less.
        """
        stated = doc._.argmine_genre
        if stated and stated != "auto":
            return str(stated), None
        if self.genre_model is None:
            return self.default_genre, None
        if not predict:
            return None, None
        probs = self.genre_model.predict_proba([(document_features(doc), None)])[0]
        best = int(probs.argmax())
        return self.genre_model.classes_[best], float(probs[best])

    def predict(self, docs: Iterable[Doc]) -> list[list[UnitPrediction]]:
        """Score the sentences of each Doc; changes nothing but the predicted genre.

        The whole batch goes through each model in one call: a scikit-learn pipeline costs
        milliseconds per call whatever its size, which per document was most of the time.
        """
        if "component" not in self.models or self.cues is None:
            raise NotTrainedError(f"{self.name} has no trained models; load a model directory "
                                  "with argmine.load() or train one with `argmine train`.")
        docs = list(docs)
        genres = self._genres(docs)
        spans: list[tuple[int, int]] = []
        rows: list[tuple[dict[str, float], str | None]] = []
        sizes = []
        for doc, (genre, prob) in zip(docs, genres, strict=True):
            doc._.argmine_genre_predicted = (None if prob is None else
                                             {"genre": genre, "probability": round(prob, 4)})
            doc_spans, feats = doc_features(doc, cues=self.cues)
            # A genre's own weights were learned beside its layout (position) features; a
            # document too short to have a layout is read with the shared weights alone, so
            # a one- or two-sentence claim is a claim in every genre.
            row_genre = genre if len(doc_spans) >= MIN_SENTENCES_FOR_POSITION else None
            spans += doc_spans
            rows += [(f, row_genre) for f in feats]
            sizes.append(len(doc_spans))
        preds = self.predict_features(spans, rows) if rows else []
        out, i = [], 0
        for n in sizes:
            out.append(preds[i:i + n])
            i += n
        return out

    def _genres(self, docs: list[Doc]) -> list[tuple[str | None, float | None]]:
        """``genre_of`` for a batch, with one call of the genre classifier."""
        out: list[tuple[str | None, float | None]] = [self.genre_of(doc, predict=False) for doc in docs]
        todo = [i for i, (genre, _) in enumerate(out) if genre is None]
        if todo and self.genre_model is not None:
            probs = self.genre_model.predict_proba([(document_features(docs[i]), None) for i in todo])
            for i, row in zip(todo, probs, strict=True):
                best = int(row.argmax())
                out[i] = (self.genre_model.classes_[best], float(row[best]))
        return out

    def predict_features(self, spans: list[tuple[int, int]],
                         rows: list[tuple[dict[str, float], str | None]]) -> list[UnitPrediction]:
        comp = self.models["component"]
        probs = comp.predict_proba(rows)
        labels = [comp.classes_[int(j)] for j in probs.argmax(axis=1)]
        # Each type head reads only the sentences it can apply to.
        type_probs: dict[str, dict[int, list[float]]] = {}
        for unit_label, type_head in _TYPE_HEADS.items():
            if type_head in self.models:
                chosen = [i for i, lab in enumerate(labels) if lab == unit_label]
                probs_of = self.models[type_head].predict_proba([rows[i] for i in chosen])
                type_probs[type_head] = dict(zip(chosen, probs_of.tolist()))
        preds = []
        # Plain floats, once: reading a NumPy array element by element is slow.
        prob_rows = probs.tolist()
        for i, (start, end) in enumerate(spans):
            row = dict(zip(comp.classes_, prob_rows[i]))
            label = labels[i]
            head = _TYPE_HEADS.get(label)
            utype = None
            if head in type_probs:
                model = self.models[head]
                tp = dict(zip(model.classes_, type_probs[head][i]))
                utype = max(tp, key=tp.__getitem__)
                row.update({f"{label}/{c}": round(p, 4) for c, p in tp.items()})
            preds.append(UnitPrediction(start, end, label, utype, round(row[label], 4),
                                        {k: round(v, 4) for k, v in row.items()}))
        return preds

    def set_annotations(self, docs: Iterable[Doc], predictions: list[list[UnitPrediction]]) -> None:
        ensure_extensions()  # cheap, and survives a test that removed the extensions
        for doc, preds in zip(docs, predictions):
            spans = []
            for p in preds:
                span = char_span(doc, p.start, p.end, label=p.label)
                span._.argmine_type = p.type
                span._.argmine_score = p.score
                span._.argmine_probs = p.probs
                spans.append(span)
            doc.spans[self.spans_key] = spans

    def __call__(self, doc: Doc) -> Doc:
        ensure_extensions()
        self.set_annotations([doc], self.predict([doc]))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64):
        ensure_extensions()
        for batch in minibatch(docs, size=batch_size):
            self.set_annotations(batch, self.predict(batch))
            yield from batch

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = (),
                cues_from: str | Path | None = None) -> None:
        """Write ``cfg.json``, one ``.json``/``.npz`` pair per model, and ``cues/``.

        Args:
            cues_from: Folder of the cue lists the models were trained with (copied into
                ``cues/``); default: the folder they were loaded from.
        """
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for head, model in self.models.items():
            model.to_disk(path, head)
        if self.genre_model is not None:
            self.genre_model.to_disk(path, GENRE_MODEL)
        source = Path(cues_from or self.cues_dir or PACKAGED_CUES)
        if source.resolve() != (path / "cues").resolve():
            copy_cue_lists(path / "cues", source)
        cfg = {"spans_key": self.spans_key, "heads": sorted(self.models),
               "genre_heads": {head: {"genres": sorted(model.heads), "weight": model.weight}
                               for head, model in sorted(self.models.items()) if isinstance(model, GenreHeads)},
               "genre_model": self.genre_model is not None, "genres": self.genres,
               "default_genre": self.default_genre,
               "cues": fingerprint_cue_lists(path / "cues")}
        (path / "cfg.json").write_text(json.dumps(cfg, indent=2), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> UnitClassifier:
        path = Path(path)
        cfg_path = path / "cfg.json"
        if not cfg_path.is_file():
            raise ModelError(f"{path} is not a unit-classifier directory (no cfg.json); "
                             "train one with `argmine train`.")
        try:
            cfg = json.loads(cfg_path.read_text(encoding="utf-8"))
            heads = list(cfg["heads"])
            spans_key = str(cfg.get("spans_key", self.spans_key))
            cue_hashes = dict(cfg["cues"])
            has_genre = bool(cfg.get("genre_model"))
            genre_heads = {str(head): ([str(g) for g in spec["genres"]], float(spec["weight"]))
                           for head, spec in cfg.get("genre_heads", {}).items()}
            default_genre = cfg.get("default_genre")
        except (ValueError, KeyError, TypeError) as e:
            raise ModelError(Errors.E021.format(path=str(cfg_path), detail=f"{type(e).__name__}: {e}")) from e
        if "component" not in heads:
            raise ModelError(Errors.E021.format(path=str(cfg_path), detail="no component model"))
        found = fingerprint_cue_lists(path / "cues")
        if found != cue_hashes:
            changed = sorted(set(found) ^ set(cue_hashes) | {k for k in found if found[k] != cue_hashes.get(k)})
            raise ModelError(Errors.E021.format(
                path=str(path / "cues"), detail=f"cue lists differ from those the model was trained "
                                                f"with: {', '.join(changed)}"))
        for head in heads:
            confined(path, f"{head}.json")  # a head names files inside this folder only
        for head, (genres, _) in genre_heads.items():
            if head not in heads:
                raise ModelError(Errors.E021.format(path=str(cfg_path), detail=f"genre heads of no head: {head}"))
            for genre in genres:
                confined(path, f"{head_name(head, genre)}.json")
        self.spans_key = spans_key
        self.cues = read_cue_lists(path / "cues")
        self.cues_dir = path / "cues"
        self.models = {head: (GenreHeads.from_disk(path, head, genre_heads[head][0], weight=genre_heads[head][1])
                              if head in genre_heads else DictLinearModel.from_disk(path, head))
                       for head in heads}
        self.genre_model = DictLinearModel.from_disk(path, GENRE_MODEL) if has_genre else None
        self.default_genre = str(default_genre) if default_genre else None
        return self


@Language.factory("argmine_unit_classifier", default_config={"spans_key": SPANS_KEY},
                  requires=["token.tag", "token.lemma"], assigns=["doc.spans"])
def make_unit_classifier(nlp: Language, name: str, spans_key: str) -> UnitClassifier:
    return UnitClassifier(nlp, name, spans_key=spans_key)
