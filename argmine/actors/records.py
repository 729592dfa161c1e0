"""Actor records: what :func:`argmine.actors.find_actors` returns, and their lookups."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

from spacy.tokens import Doc, Span

from ..schema import Actor, ActorKind, Mention


class MentionRecord(NamedTuple):
    """One mention of an actor.

    Attributes:
        start: Character offset of the first character.
        end: Character offset after the last character.
        token_start: Index of the first token that holds the mention.
        token_end: Index after the last such token (a mention may be part of a token,
            as "U.S." in "U.S.-Japan"; the token span then covers the whole token).
        text: The mention as written.
    """
    start: int
    end: int
    token_start: int
    token_end: int
    text: str

    def span(self, doc: Doc) -> Span:
        """The mention's token span in ``doc``, e.g. to test ``span.root.dep_ == "nsubj"``."""
        return doc[self.token_start:self.token_end]


@dataclass(frozen=True)
class ActorRecord:
    """An actor found in a Doc, with the token spans of its mentions.

    Attributes:
        id: "a1", "a2", ... in order of first mention (the author without mentions last).
        name: Canonical name ("Shinzo Abe", "South Korea", "hawks in the United States").
        kind: person, country, organization or group.
        mentions: Mentions in text order.
        affiliation: Id of the actor this one belongs to, or None.
        role: "author" for the writer of the document.
    """
    id: str
    name: str
    kind: ActorKind
    mentions: tuple[MentionRecord, ...] = ()
    affiliation: str | None = None
    role: Literal["author"] | None = None

    def to_schema(self) -> Actor:
        """Convert to the ``argmine.doc/1`` record (character offsets only)."""
        return Actor(id=self.id, name=self.name, kind=self.kind,
                     mentions=[Mention(start=m.start, end=m.end) for m in self.mentions],
                     affiliation=self.affiliation, role=self.role)


def to_schema(actors: Iterable[ActorRecord]) -> list[Actor]:
    """Convert actor records to ``schema.Actor`` records, keeping their order."""
    return [a.to_schema() for a in actors]


def actor_at(actors: Sequence[ActorRecord | Actor], start: int, end: int) -> str | None:
    """Return the id of the actor a character span mentions, or None.

    Preference, so that a noun phrase finds its own actor rather than a word inside it:
    a mention exactly at the span; else the longest mention inside the span ("the
    United States" holds "United States"; "Japan's security establishment" holds both
    the group and "Japan", and the group is longer); else the shortest mention that
    contains the span ("Kim" inside a mention "Kim Jong-un").

    Args:
        actors: ActorRecords or ``schema.Actor`` records.
        start: Character offset of the span.
        end: Character offset after the span.
    """
    inside: list[tuple[int, int, str]] = []
    around: list[tuple[int, int, str]] = []
    for actor in actors:
        for m in actor.mentions:
            if m.start == start and m.end == end:
                return actor.id
            if start <= m.start and m.end <= end:
                inside.append((-(m.end - m.start), m.start, actor.id))
            elif m.start <= start and end <= m.end:
                around.append((m.end - m.start, m.start, actor.id))
    if inside:
        return min(inside)[2]
    if around:
        return min(around)[2]
    return None
