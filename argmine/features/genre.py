"""Genre: the feature augmentation that lets one model serve every genre, and document features.

Daumé III (2007), "Frustratingly easy domain adaptation": every feature is given twice,
once shared by all genres and once under its genre's name. One logistic regression
trained on all corpora then learns what "claim" looks like everywhere (shared weights)
and where a genre departs from that (its own weights), so no genre is blurred into the
others, and a genre with little data still borrows from the rest.
"""

from __future__ import annotations

from collections.abc import Collection

from .sentence import NGRAM_PREFIXES, POSITION_PREFIX

GENRE_BIAS = "bias"


def augment(feats: dict[str, float], genre: str | None, *,
            position_genres: Collection[str] = (), shared_position: bool = False,
            genre_weight: float = 1.0) -> dict[str, float]:
    """Return the shared copy of ``feats`` plus, for a known ``genre``, its genre copy.

    Position features are never shared: where a sentence stands says something only in
    genres with a fixed layout (an essay's thesis at the end of the introduction). They
    enter the genre copy only for the genres in ``position_genres``, and nowhere else, so a
    one-sentence claim or a briefing that opens with its claim is not pushed to "none".
    ``shared_position`` keeps them in the shared copy too (a pooled, genre-blind model, kept
    only as a baseline). ``genre_weight`` scales the genre copy: under the same L2 penalty a
    larger copy makes a genre's own weights cheaper to learn than the shared ones.
    """
    # The genre copy of a constant: each genre's own intercept (its own class prior; in
    # microtexts nearly every sentence is an argument unit, in debates most are not).
    out = {f"{genre}|{GENRE_BIAS}": genre_weight} if genre else {}
    keep_position = genre in position_genres
    for key, value in feats.items():
        if key.startswith(POSITION_PREFIX):
            if keep_position:
                out[f"{genre}|{key}"] = value * genre_weight
            if shared_position:
                out[key] = value
            continue
        out[key] = value
        if genre:
            out[f"{genre}|{key}"] = value * genre_weight
    return out


def is_ngram(key: str) -> bool:
    """Whether a (possibly genre-prefixed) feature name belongs to the n-gram block."""
    return key.split("|", 1)[-1].startswith(NGRAM_PREFIXES)
