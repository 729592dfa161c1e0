"""The parity table's computation, on small synthetic examples."""

from argmine.training.card import parity_table
from argmine.training.corpus import Example
from argmine.training.parity import EvalSet, parity

# In "a", "alpha" marks claims; in "b" the same word marks evidence: pooling blurs them.
_WORDS = {("a", "claim"): "alpha", ("a", "evidence"): "beta", ("a", "none"): "gamma",
          ("b", "claim"): "delta", ("b", "evidence"): "alpha", ("b", "none"): "gamma"}


def _examples(genre: str, n_groups: int, per_group: int, tag: str) -> list[Example]:
    out = []
    for g in range(n_groups):
        for i in range(per_group):
            label = ("claim", "evidence", "none")[i % 3]
            word = _WORDS[(genre, label)]
            feats = {f"w={word}": 1.0, f"w=x{i % 2}": 1.0}
            out.append(Example(f"{tag}{g}", f"{tag}-topic{g}", genre, 0, 1, f"{word} x{i % 2}", feats,
                               label, None, frozenset({"component"}), genre))
    return out


def test_parity_rows_per_genre_and_protocol():
    train = _examples("a", 5, 6, "a") + _examples("b", 5, 6, "b")
    dev = EvalSet("b-dev", "b", _examples("b", 2, 6, "d"))
    rows = parity(train, heldout=[dev], cv_genres=["a"], heads={"component": ["a", "b"]}, folds=5)
    by = {(r["genre"], r["protocol"]): r for r in rows}
    assert set(by) == {("a", "cv"), ("b", "dev")}
    assert by[("a", "cv")]["n"] == 30 and by[("b", "dev")]["n"] == 12
    for row in rows:
        assert set(row) >= {"default", "genre_alone", "pooled", "tfidf_lr", "delta", "parity"}
        # The genre-aware model separates what pooling blurs.
        assert row["default"]["macro_f1"] == 1.0
        assert row["delta"] == round(row["default"]["macro_f1"] - row["genre_alone"]["macro_f1"], 4)
        assert row["parity"] is (row["delta"] >= -0.01)
    # Pooling cannot give "alpha" both meanings: it fails on at least one genre.
    assert min(r["pooled"]["macro_f1"] for r in rows) < 1.0


def test_cross_validation_never_splits_a_group():
    # One group per fold: if a group were split, its words would leak into training and
    # the genre-alone model could not be worse than chance on an unseen word.
    train = _examples("a", 5, 6, "a")
    rows = parity(train, cv_genres=["a"], heads={"component": ["a"]}, folds=5,
                  systems=("genre_alone",))
    assert rows[0]["n"] == 30 and rows[0]["protocol"] == "cv"


def test_parity_table_renders_every_system():
    train = _examples("a", 5, 6, "a")
    rows = parity(train, cv_genres=["a"], heads={"component": ["a"]}, folds=5)
    lines = parity_table(rows)
    assert lines[0].startswith("| head | genre |") and "TF-IDF + LR" in lines[0]
    assert lines[2].startswith("| component | a |") and lines[2].rstrip().endswith("| yes |")


def test_a_head_trained_on_one_genre_is_that_genres_own_model():
    # With one genre the genre copy would only duplicate every feature: the default model
    # is then the genre-alone model, so the two score the same.
    train = _examples("a", 5, 6, "a")
    rows = parity(train, cv_genres=["a"], heads={"component": ["a"]}, folds=5,
                  systems=("default", "genre_alone"))
    assert rows[0]["delta"] == 0.0


def test_genre_heads_give_each_genre_with_two_labels_its_own_model():
    from argmine.models.genre_heads import GenreHeads
    from argmine.training.evaluate import fit_head
    train = _examples("a", 2, 6, "a") + _examples("b", 2, 6, "b")
    # Genre "c" has one label only: nothing to learn alone, it is read by the shared model.
    train += [e._replace(genre="c", label="claim") for e in _examples("a", 1, 3, "c")]
    model = fit_head(train, [e.label for e in train], head="claim_type")
    assert isinstance(model, GenreHeads) and sorted(model.heads) == ["a", "b"]
    assert model.predict([({"w=alpha": 1.0}, "a"), ({"w=alpha": 1.0}, "b")]) == ["claim", "evidence"]
    assert not isinstance(fit_head(train, [e.label for e in train]), GenreHeads)
