"""The parse cache: a retrain reads parses back instead of parsing, and a bad entry is parsed again."""

from __future__ import annotations

import pytest
from spacy.language import Language

from argmine.nlp import units_pipeline
from argmine.training import parse_source
from argmine.training.cache import parse_texts
from argmine.training.train import train

TEXTS = ["Taxes should rise. The deficit grew last year.", "Schools need funding! Teachers agree."]


@pytest.fixture(scope="module")
def nlp():
    return units_pipeline()


def _count_parses(monkeypatch) -> list[int]:
    calls: list[int] = []
    pipe = Language.pipe

    def counting(self, texts, *args, **kwargs):
        calls.append(1)
        return pipe(self, texts, *args, **kwargs)

    monkeypatch.setattr(Language, "pipe", counting)
    return calls


def test_second_parse_comes_from_the_cache(nlp, tmp_path, monkeypatch):
    first = parse_texts(TEXTS, nlp, cache_dir=tmp_path, key="k")
    calls = _count_parses(monkeypatch)
    again = parse_texts(TEXTS, nlp, cache_dir=tmp_path, key="k")
    assert calls == []
    for a, b in zip(first, again, strict=True):
        assert [t.tag_ for t in a] == [t.tag_ for t in b]
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
        assert [s.text for s in a.sents] == [s.text for s in b.sents]


def test_damaged_or_foreign_entry_is_parsed_again(nlp, tmp_path, monkeypatch):
    (tmp_path / "k.spacy").write_bytes(b"not a DocBin")
    docs = parse_texts(TEXTS, nlp, cache_dir=tmp_path, key="k")
    assert [d.text for d in docs] == TEXTS
    # An entry holding other texts is not used for these.
    other = parse_texts(["Another text."], nlp, cache_dir=tmp_path, key="k")
    assert [d.text for d in other] == ["Another text."]


@pytest.mark.slow
def test_warm_retrain_parses_nothing(data_dir, tmp_path, monkeypatch, small_hash):
    # Sources with structure: the relation parser reads the same cached parses as the unit heads.
    sources = [parse_source(f"microtexts:{data_dir / 'microtexts'}"),
               parse_source(f"aaec:{data_dir / 'aaec' / 'train.dat'}")]
    dev = [parse_source(f"microtexts:{data_dir / 'microtexts'}")]
    cache = tmp_path / "cache"
    cold = train(sources, tmp_path / "cold", dev=dev, cache_dir=cache)
    assert list(cache.glob("*.spacy"))
    calls = _count_parses(monkeypatch)
    warm = train(sources, tmp_path / "warm", dev=dev, cache_dir=cache)
    assert calls == []
    assert warm["dev"] == cold["dev"] and warm["relations"]["dev"] == cold["relations"]["dev"]
