import numpy as np
import pytest

from argmine.models.dict_linear import DictLinearModel
from argmine.models.genre_heads import GenreHeads

# In "essay" the word "alpha" marks a fact, in "news" a value; "policy" exists only in news.
ROWS = [({"w=alpha": 1.0}, "essay"), ({"w=beta": 1.0}, "essay"),
        ({"w=alpha": 1.0}, "news"), ({"w=beta": 1.0}, "news"), ({"w=should": 1.0}, "news")] * 4
LABELS = ["fact", "value", "value", "fact", "policy"] * 4


def _fit(rows, labels, **kw):
    return DictLinearModel(min_df=1, C=10.0, **kw).fit(rows, labels)


@pytest.fixture()
def heads():
    own = {g: _fit([r for r in ROWS if r[1] == g], [y for r, y in zip(ROWS, LABELS) if r[1] == g],
                   genre_copies=False) for g in ("essay", "news")}
    return GenreHeads(_fit(ROWS, LABELS), own)


def test_each_genre_is_the_average_of_shared_and_its_own_head(heads):
    rows = [({"w=alpha": 1.0}, "essay"), ({"w=alpha": 1.0}, "news"), ({"w=alpha": 1.0}, None)]
    probs = heads.predict_proba(rows)
    shared = heads.shared.predict_proba(rows)
    assert np.allclose(probs.sum(axis=1), 1.0)
    # A genre-less row (a document too short for a layout) is the shared model's alone.
    np.testing.assert_allclose(probs[2], shared[2])
    # A head that lacks a class ("policy" in essays) gives it probability 0: half the shared one.
    policy = heads.classes_.index("policy")
    assert probs[0, policy] == pytest.approx(0.5 * shared[0, policy])
    news = heads.heads["news"].predict_proba([rows[1]])[0]
    expected = 0.5 * shared[1] + 0.5 * news[[heads.heads["news"].classes_.index(c) for c in heads.classes_]]
    np.testing.assert_allclose(probs[1], expected)
    assert heads.predict(rows[:2]) == ["fact", "value"]


def test_round_trip(heads, tmp_path):
    heads.to_disk(tmp_path, "claim_type")
    assert {p.name for p in tmp_path.iterdir()} == {
        f"claim_type{g}.{ext}" for g in ("", "@essay", "@news") for ext in ("json", "npz")}
    loaded = GenreHeads.from_disk(tmp_path, "claim_type", ["essay", "news"])
    np.testing.assert_allclose(loaded.predict_proba(ROWS), heads.predict_proba(ROWS), atol=1e-5)


def test_weight_outside_zero_one_is_refused(heads):
    with pytest.raises(ValueError, match="in \\[0, 1\\]"):
        GenreHeads(heads.shared, heads.heads, weight=1.5)
