from argmine.features.genre import augment, is_ngram

FEATS = {"w=should": 1.0, "cue=deontic": 1.0, "pos=first": 1.0}


def test_augment_adds_a_shared_and_a_genre_copy():
    out = augment(FEATS, "news")
    assert out["w=should"] == 1.0 and out["news|w=should"] == 1.0
    assert out["cue=deontic"] == 1.0 and out["news|cue=deontic"] == 1.0


def test_position_only_in_the_copy_of_position_genres():
    assert "pos=first" not in augment(FEATS, "news", position_genres=("essay",))
    assert not any("pos=" in k for k in augment(FEATS, "news", position_genres=("essay",)))
    essay = augment(FEATS, "essay", position_genres=("essay",))
    assert "essay|pos=first" in essay and "pos=first" not in essay


def test_genre_less_rows_get_only_shared_features():
    assert augment(FEATS, None) == {"w=should": 1.0, "cue=deontic": 1.0}
    assert augment(FEATS, None, shared_position=True) == FEATS


def test_ngram_block_membership_ignores_the_genre_prefix():
    assert is_ngram("w=should") and is_ngram("essay|b=we_should")
    assert not is_ngram("essay|cue=deontic") and not is_ngram("pos=first")


def test_genre_weight_scales_only_the_genre_copy():
    out = augment(FEATS, "essay", position_genres=("essay",), genre_weight=2.0)
    assert out["w=should"] == 1.0 and out["essay|w=should"] == 2.0 and out["essay|pos=first"] == 2.0
