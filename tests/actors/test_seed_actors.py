"""Actors of the seed op-ed, read with the full English pipeline."""

import pytest

from argmine.actors import actor_at, find_actors, to_schema
from argmine.schema import Document


@pytest.fixture(scope="module")
def seed(seed_dir):
    from argmine.nlp import load_spacy

    text = (seed_dir / "op-ed-north-korea-2019.txt").read_text(encoding="utf-8")
    doc = load_spacy()(text)
    return doc, find_actors(doc)


def _by_name(actors):
    return {a.name: a for a in actors}


def _texts(actor):
    return {m.text for m in actor.mentions}


MENTIONS = [
    ("China", "country", {"China", "Beijing"}),
    ("United States", "country", {"Washington", "U.S.", "United States", "American"}),
    ("North Korea", "country", {"Pyongyang", "DPRK", "North Korean government", "North Korea"}),
    ("South Korea", "country", {"Seoul", "ROK", "Republic of Korea", "South Korea", "South Korean"}),
    ("Japan", "country", {"Japan", "Tokyo"}),
    ("Donald Trump", "person", {"Trump", "Donald Trump"}),
    ("Kim Jong-un", "person", {"Kim Jong-un", "Kim"}),
    ("Moon Jae-in", "person", {"Moon Jae-in", "Moon"}),
    ("Xi Jinping", "person", {"Xi Jinping", "Xi"}),
    ("Shinzo Abe", "person", {"Shinzo Abe", "Abe"}),
    ("John Bolton", "person", {"John Bolton"}),
]


@pytest.mark.parametrize("name,kind,expected", MENTIONS, ids=[m[0] for m in MENTIONS])
def test_seed_named_actor(seed, name, kind, expected):
    _, actors = seed
    actor = _by_name(actors).get(name)
    assert actor is not None, f"no actor {name!r}"
    assert actor.kind == kind
    missing = expected - _texts(actor)
    assert not missing, f"{name}: mentions {sorted(missing)} not found"


GROUPS = [
    ("hawks in the United States", "United States"),
    ("Japan's security establishment", "Japan"),
    ("Japanese officials", "Japan"),
    ("some of the president's more outspoken critics", None),
    ("some administration officials", None),
    ("previous U.S. administrations", "United States"),
]


@pytest.mark.parametrize("name,affiliation", GROUPS, ids=[g[0] for g in GROUPS])
def test_seed_group(seed, name, affiliation):
    _, actors = seed
    by_name = _by_name(actors)
    ids = {a.id: a.name for a in actors}
    actor = by_name.get(name)
    assert actor is not None, f"no group {name!r}; have {sorted(by_name)}"
    assert ids.get(actor.affiliation) == affiliation


def test_seed_affiliation_stated_by_title(seed):
    _, actors = seed
    ids = {a.id: a.name for a in actors}
    assert ids[_by_name(actors)["Xi Jinping"].affiliation] == "China"


NOT_ACTORS = ["Little Rocket Man", "Six-Party Talks", "Singapore", "Hanoi", "DMZ",
              "Korean Peninsula", "Peninsula", "East Asia", "Northeast Asia", "Vietnam",
              "Demilitarized Zone"]


@pytest.mark.parametrize("text", NOT_ACTORS)
def test_seed_not_an_actor(seed, text):
    _, actors = seed
    for actor in actors:
        assert text not in actor.name.replace("the ", ""), actor
        assert text not in _texts(actor), actor


def test_seed_one_actor_per_entity_and_valid_schema(seed):
    doc, actors = seed
    names = [a.name for a in actors]
    assert len(names) == len(set(names))
    assert [a.id for a in actors] == [f"a{i}" for i in range(1, len(actors) + 1)]
    author = [a for a in actors if a.role == "author"]
    assert len(author) == 1 and author[0].name == "author"
    record = Document(id="seed", text=doc.text, actors=to_schema(actors))
    assert len(record.actors) == len(actors)


def test_seed_mentions_have_token_spans_for_subjects(seed):
    doc, actors = seed
    start = doc.text.index("Beijing has pushed Washington")
    china = actor_at(actors, start, start + len("Beijing"))
    actor = next(a for a in actors if a.id == china)
    assert actor.name == "China"
    mention = next(m for m in actor.mentions if m.start == start)
    assert mention.span(doc).root.dep_ == "nsubj"
