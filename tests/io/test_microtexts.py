from collections import Counter

import pytest

from argmine.io import read_corpus

from .checks import assert_records_valid


def _read(path):
    return list(read_corpus(path, format="microtexts"))


def test_fixture_documents(data_dir):
    docs = _read(data_dir / "microtexts")
    assert [d.id for d in docs] == ["micro_x001", "micro_x002"]
    first, second = docs

    assert first.text == ("Fireworks are a cherished tradition. But traditions can change. "
                          "Fireworks frighten pets and wildlife. Vets report many emergency visits "
                          "on New Year's Eve. So private fireworks should be banned.")
    assert first.meta == {"corpus": "microtexts", "split": None,
                          "source": "corpus/en/micro_x001.xml", "topic": "ban_private_fireworks",
                          "stance": "pro", "question": "Should private fireworks be banned?"}
    assert [(u.id, u.label, u.type, u.orig, first.text[u.start:u.end]) for u in first.units] == [
        ("a1", "evidence", None, "opp", "Fireworks are a cherished tradition."),
        ("a2", "evidence", None, "pro", "But traditions can change."),
        ("a3", "evidence", None, "pro", "Fireworks frighten pets and wildlife."),
        ("a4", "evidence", None, "pro", "Vets report many emergency visits on New Year's Eve."),
        ("a5", "claim", None, "central", "So private fireworks should be banned."),
    ]
    assert [(r.id, r.source, r.target, r.label, r.orig) for r in first.relations] == [
        ("c1", "a1", "a5", "attack", "reb"),
        ("c2", "a2", "c1", "attack", "und"),  # an undercut targets the relation
        ("c3", "a3", "a5", "support", "sup"),
        ("c4", "a4", "a3", "support", "exa"),
    ]
    (author,) = first.actors
    assert (author.id, author.name, author.kind, author.role) == (
        "a0", "author", "person", "author")
    (stance,) = first.stances
    assert (stance.actor, stance.target, stance.stance, stance.evidence, stance.orig) == (
        "a0", "Should private fireworks be banned?", "favor", ["a5"], "pro")

    # No topic or stance; a joint of two EDUs; an add edge; an implicit EDU; no .txt.
    assert second.meta == {"corpus": "microtexts", "split": None,
                           "source": "corpus/en/micro_x002.xml", "topic": None, "stance": None,
                           "question": None, "implicit_units": ["a1"]}
    assert [(u.id, u.label, u.orig, second.text[u.start:u.end]) for u in second.units] == [
        ("a1", "claim", "central", "Cities should plant more trees."),
        ("a2", "evidence", "pro", "Trees cool the streets and they clean the air."),
        ("a3", "evidence", "opp", "Some say trees are expensive,"),
        ("a4", "evidence", "pro", "but their upkeep is cheap."),
        ("a5", "evidence", "pro", "Shade also lowers energy bills."),
    ]
    assert [(r.id, r.source, r.target, r.label, r.orig) for r in second.relations] == [
        ("c1", "a2", "a1", "support", "sup"),
        ("c2", "a3", "a1", "attack", "reb"),
        ("c3", "a4", "c2", "attack", "und"),
        ("c4", "a5", "a1", "support", "add"),  # linked premise: joins c1 (a2 -> a1)
    ]
    assert second.actors == [] and second.stances == []


def test_fixture_single_file(data_dir):
    folder = data_dir / "microtexts" / "corpus" / "en"
    (doc,) = _read(folder / "micro_x001.xml")
    assert doc == _read(folder)[0]


@pytest.mark.corpora
def test_real_corpus(corpora_dir):
    docs = _read(corpora_dir / "microtexts")
    part1 = [d for d in docs if d.meta["source"].startswith("corpus/en/")]
    # Part 1 counts from SOURCE.md ("Label counts", part 1 column); part 2 is withheld here.
    assert len(part1) == 112
    units = Counter(u.orig for d in part1 for u in d.units)
    assert sum(units.values()) == 576
    assert units["central"] == 112 and all(
        sum(u.label == "claim" for u in d.units) == 1 for d in part1)
    assert units["pro"] + units["central"] == 451 and units["opp"] == 125  # central claims are pro
    assert Counter(r.orig for d in part1 for r in d.relations) == Counter(
        {"sup": 263, "exa": 9, "reb": 108, "und": 63, "add": 21})
    assert Counter(d.meta["stance"] for d in part1) == Counter(
        {"pro": 46, "con": 42, None: 23, "unclear": 1})
    assert len({d.meta["topic"] for d in part1}) == 19  # incl. None (the d01-d23 texts)
    assert Counter(s.stance for d in part1 for s in d.stances) == Counter(
        {"favor": 46, "against": 42})
    # Every text with a topic has its trigger question in topics_triggers.md.
    assert all(d.meta["question"] for d in part1 if d.meta["topic"])
    assert not any(d.meta.get("txt_differs") for d in part1)
    assert_records_valid(docs)
