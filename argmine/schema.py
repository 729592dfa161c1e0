"""The ``argmine.doc/1`` record: one analysed or annotated document.

Offsets are character offsets into ``text`` with an exclusive end, like Python
slices. Records are pydantic models, so any reader, the CLI and the trainer
share one validation. Field names are part of the public format: add fields,
never rename them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, model_validator

SCHEMA_VERSION: Final = "argmine.doc/1"

UnitLabel = Literal["claim", "evidence", "none"]
UnitType = Literal["value", "policy", "fact", "event", "testimony", "statistic", "reference"]
RelationLabel = Literal["support", "attack"]
ActorKind = Literal["person", "country", "organization", "group"]
QuoteKind = Literal["direct", "indirect", "mixed"]
StanceLabel = Literal["favor", "against", "mixed", "none"]


CLAIM_TYPES: tuple[str, ...] = ("value", "policy", "fact")
EVIDENCE_TYPES: tuple[str, ...] = ("event", "testimony", "statistic", "reference")
STANCES: tuple[str, ...] = ("favor", "against", "mixed", "none")


class _Record(BaseModel):
    # Forbid unknown keys so a typo ("lable") is reported instead of ignored.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Unit(_Record):
    id: str = Field(min_length=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    label: UnitLabel
    type: UnitType | None = None
    score: float | None = Field(default=None, ge=0.0, le=1.0)
    # Original corpus label, kept so the mapping to argmine labels can be audited.
    orig: str | None = None
    # Predicted class probabilities, e.g. {"claim": 0.7, ...}; null in gold data.
    probs: dict[str, float] | None = None
    # Actor id of whoever advances the unit (speaker of a debate turn, quoted source).
    speaker: str | None = None
    # Actor id of the source the unit is reported from: the speaker of the quotation or
    # reported statement that holds it (null for the author's own words).
    source: str | None = None
    # "main" for the document's main claim (an essay's major claim, a microtext's central
    # claim); relations of the other units lead up to it.
    role: Literal["main"] | None = None


class Relation(_Record):
    id: str = Field(min_length=1)
    source: str
    target: str
    label: RelationLabel
    orig: str | None = None


class Mention(_Record):
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Actor(_Record):
    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    kind: ActorKind
    mentions: list[Mention] = Field(default_factory=list)
    # Actor id this actor belongs to ("Chinese President Xi Jinping" -> China).
    affiliation: str | None = None
    # "author" for the writer or speaker of the whole document.
    role: Literal["author"] | None = None


class TimelineEntry(_Record):
    unit: str
    stance: StanceLabel


class Stance(_Record):
    actor: str
    target: str = Field(min_length=1)
    stance: StanceLabel
    score: float | None = Field(default=None, ge=0.0, le=1.0)
    evidence: list[str] = Field(default_factory=list)
    # Positions in text order when an actor changes course; ``stance`` is the final one.
    timeline: list[TimelineEntry] = Field(default_factory=list)
    orig: str | None = None
    # Set by the enclosing Document (not serialised), so library users see names, not ids.
    _actor_name: str | None = PrivateAttr(default=None)

    @property
    def actor_name(self) -> str:
        """The actor's name when the stance belongs to a Document, else its id."""
        return self._actor_name or self.actor

    def __str__(self) -> str:
        score = f" ({self.score:.2f})" if self.score is not None else ""
        return f"{self.actor_name} on {self.target}: {self.stance}{score}"


class Cue(_Record):
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Quote(_Record):
    """A quotation or reported statement: who said which span, by which cue.

    ``start``/``end`` cover the content (inside the quotation marks for a direct quote,
    the reported clause for an indirect one); ``cue`` is the reporting word or phrase
    ("said", "according to"), null when the text gives none (a quote continued in a
    new paragraph, or gold data that does not mark cues).
    """
    id: str = Field(min_length=1)
    speaker: str | None = None
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    cue: Cue | None = None
    kind: QuoteKind


class Document(_Record):
    schema_: Literal["argmine.doc/1"] = Field(default=SCHEMA_VERSION, alias="schema")
    id: str = Field(min_length=1)
    text: str
    meta: dict[str, Any] = Field(default_factory=dict)
    units: list[Unit] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    stances: list[Stance] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _check_references(self) -> Document:
        problems = _cross_check(self)
        if problems:
            raise ValueError("; ".join(problems))
        self._name_stances()
        return self

    def _name_stances(self) -> None:
        names = {a.id: a.name for a in self.actors}
        for st in self.stances:
            st._actor_name = names.get(st.actor)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Document:
        """Copy with ``update`` applied; the stances of the copy know their actors' names."""
        copy = super().model_copy(update=update, deep=deep)
        copy._name_stances()
        return copy

    def actor(self, actor_id: str) -> Actor:
        """Return the actor with this id (``KeyError`` if there is none)."""
        for a in self.actors:
            if a.id == actor_id:
                return a
        raise KeyError(actor_id)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, with ``schema`` first and unset optional fields dropped."""
        return _prune(self.model_dump(by_alias=True, mode="json"))


# Optional fields left out of the JSON when empty, so gold files stay readable.
_OPTIONAL = {"orig", "probs", "speaker", "source", "affiliation", "role", "timeline", "quotes"}


def _prune(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _prune(v) for k, v in value.items()
                if not (k in _OPTIONAL and (v is None or v == []))}
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value


def _check_span(where: str, start: int, end: int, n: int) -> list[str]:
    if start >= end:
        return [f"{where}: start {start} is not before end {end}"]
    if end > n:
        return [f"{where}: end {end} is beyond the end of the text (length {n})"]
    return []


def _cross_check(doc: Document) -> list[str]:
    problems: list[str] = []
    n = len(doc.text)
    seen: dict[str, str] = {}

    def claim_id(kind: str, ident: str) -> None:
        if ident in seen:
            problems.append(f"{kind} id {ident!r} is used twice (also a {seen[ident]} id)")
        else:
            seen[ident] = kind

    unit_ids = set()
    for i, unit in enumerate(doc.units):
        claim_id("unit", unit.id)
        unit_ids.add(unit.id)
        problems += _check_span(f"units[{i}] ({unit.id})", unit.start, unit.end, n)
        if unit.label == "none" and unit.type is not None:
            problems.append(f"units[{i}] ({unit.id}): type {unit.type!r} given for label 'none'; use null")
        elif unit.label == "claim" and unit.type not in (None, *CLAIM_TYPES):
            problems.append(f"units[{i}] ({unit.id}): {unit.type!r} is not a claim type; "
                            f"choose one of {', '.join(CLAIM_TYPES)}")
        elif unit.label == "evidence" and unit.type not in (None, *EVIDENCE_TYPES):
            problems.append(f"units[{i}] ({unit.id}): {unit.type!r} is not an evidence type; "
                            f"choose one of {', '.join(EVIDENCE_TYPES)}")
    relation_ids = set()
    for rel in doc.relations:
        claim_id("relation", rel.id)
        relation_ids.add(rel.id)
    for i, rel in enumerate(doc.relations):
        if rel.source not in unit_ids:
            problems.append(f"relations[{i}] ({rel.id}): source {rel.source!r} is not a unit id")
        if rel.target not in unit_ids and rel.target not in relation_ids:
            problems.append(f"relations[{i}] ({rel.id}): target {rel.target!r} is neither a unit nor a relation id")
    actor_ids = set()
    for i, actor in enumerate(doc.actors):
        claim_id("actor", actor.id)
        actor_ids.add(actor.id)
        for j, m in enumerate(actor.mentions):
            problems += _check_span(f"actors[{i}] ({actor.id}).mentions[{j}]", m.start, m.end, n)
    for i, actor in enumerate(doc.actors):
        if actor.affiliation is not None and actor.affiliation not in actor_ids:
            problems.append(f"actors[{i}] ({actor.id}): affiliation {actor.affiliation!r} is not an actor id")
    for i, unit in enumerate(doc.units):
        if unit.speaker is not None and unit.speaker not in actor_ids:
            problems.append(f"units[{i}] ({unit.id}): speaker {unit.speaker!r} is not an actor id")
        if unit.source is not None and unit.source not in actor_ids:
            problems.append(f"units[{i}] ({unit.id}): source {unit.source!r} is not an actor id")
    for i, quote in enumerate(doc.quotes):
        where = f"quotes[{i}] ({quote.id})"
        claim_id("quote", quote.id)
        problems += _check_span(where, quote.start, quote.end, n)
        if quote.cue is not None:
            problems += _check_span(f"{where}.cue", quote.cue.start, quote.cue.end, n)
        if quote.speaker is not None and quote.speaker not in actor_ids:
            problems.append(f"{where}: speaker {quote.speaker!r} is not an actor id")
    for i, st in enumerate(doc.stances):
        if st.actor not in actor_ids:
            problems.append(f"stances[{i}]: actor {st.actor!r} is not an actor id")
        for ev in st.evidence:
            if ev not in unit_ids:
                problems.append(f"stances[{i}]: evidence {ev!r} is not a unit id")
        for entry in st.timeline:
            if entry.unit not in unit_ids:
                problems.append(f"stances[{i}]: timeline unit {entry.unit!r} is not a unit id")
    return problems


def describe_validation_error(err: ValidationError) -> list[str]:
    """Turn a pydantic error into short ``where: what`` strings for users."""
    out = []
    for e in err.errors(include_url=False):
        loc = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in e["loc"]).lstrip(".")
        msg = e["msg"].removeprefix("Value error, ")
        if e["type"] == "extra_forbidden":
            msg = "unknown field (check the spelling against the argmine.doc/1 schema)"
        elif e["type"] == "literal_error":
            msg = f"{e.get('input')!r} is not allowed; {e['msg'].lower()}"
        out.append(f"{loc}: {msg}" if loc else msg)
    return out


def check_record(data: Any) -> list[str]:
    """Return the problems of one parsed JSON value as a list of messages (empty if valid)."""
    if not isinstance(data, dict):
        return [f"expected a JSON object, found {type(data).__name__}"]
    try:
        Document.model_validate(data)
    except ValidationError as err:
        return describe_validation_error(err)
    return []
