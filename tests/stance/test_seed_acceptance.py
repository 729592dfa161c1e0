"""Acceptance on the seed op-ed, target "detente with North Korea".

The expected positions below are a careful reading of the op-ed, written down
before the tool was run on it. Where the text supports two readings (a hedged or
second-hand position) both are accepted, and the test says so.
"""

import pytest

TARGET = "detente with North Korea"

# (a mention that identifies the actor in the text, accepted final stances, why)
READING = [
    ("Beijing", {"favor"}, "pushed Washington for years to open a bilateral dialogue; labored to salvage it"),
    ("Xi Jinping", {"favor"}, "labored to salvage the embryonic dialogue; visited Pyongyang"),
    ("Seoul", {"favor"}, "conciliatory policy; strong approval; 'as Seoul and Beijing favor'"),
    ("Moon", {"favor"}, "labored to salvage the dialogue; the parallel effort on the part of President Moon"),
    ("Washington", {"favor"}, "spurned talks for years, then agreed to bilateral negotiations (timeline)"),
    ("Trump", {"favor", "mixed"}, "changed course and held summits; the author doubts his commitment"),
    ("Japan", {"mixed", "against"}, "officially supportive but subdued, uneasy; 'more ambivalent'"),
    ("Abe", {"mixed", "against"}, "noticeably subdued about the Kim-Trump relationship"),
    ("Japan's security establishment", {"against"}, "appears less than thrilled about the rapprochement"),
    ("Japanese officials", {"against"}, "especially disturbed about the reported concession"),
    ("hawks", {"against"}, "disturbed; seem eager to derail the process"),
    ("critics", {"against", "mixed"}, "object to him even meeting with Kim"),
    ("John Bolton", {"mixed", "against"}, "holds the view that Trump should have demanded steps first"),
]
# Stances that change within the text must be reported as a timeline.
CHANGES = [("Washington", ["against", "favor"])]


@pytest.fixture(scope="module")
def seed_record(seed_dir):
    import argmine

    text = (seed_dir / "op-ed-north-korea-2019.txt").read_text(encoding="utf-8")
    return argmine.analyze(text, targets=[TARGET], doc_id="seed")


def _actor_with_mention(record, mention):
    """The actor with this exact mention or name; else the one whose name contains it
    ("critics" names the group "some of the president's more outspoken critics")."""
    for actor in record.actors:
        if actor.name == mention or any(record.text[m.start:m.end] == mention for m in actor.mentions):
            return actor
    for actor in record.actors:
        if mention.lower() in actor.name.lower().split():
            return actor
    return None


def _stance(record, actor):
    found = [s for s in record.stances if s.actor == actor.id and s.target == TARGET]
    return found[0] if found else None


@pytest.mark.parametrize("mention,accepted,why", READING, ids=[r[0] for r in READING])
def test_seed_actor_stance(seed_record, mention, accepted, why):
    actor = _actor_with_mention(seed_record, mention)
    assert actor is not None, f"no actor found for {mention!r} ({why})"
    stance = _stance(seed_record, actor)
    assert stance is not None, f"{actor.name}: no stance toward {TARGET!r} ({why})"
    assert stance.stance in accepted, f"{actor.name}: {stance.stance}, expected {accepted} ({why})"
    assert stance.evidence, f"{actor.name}: a position needs evidence units"
    assert stance.score is not None and 0.0 <= stance.score <= 1.0


def test_seed_author_favors_via_outcome_predicate(seed_record):
    author = [a for a in seed_record.actors if a.role == "author"]
    assert author, "the author is an actor"
    stance = _stance(seed_record, author[0])
    assert stance is not None and stance.stance == "favor"
    tragedy = [u for u in seed_record.units if "tragedy" in seed_record.text[u.start:u.end]]
    assert tragedy and tragedy[0].id in stance.evidence


@pytest.mark.parametrize("mention,sequence", CHANGES)
def test_seed_timeline(seed_record, mention, sequence):
    actor = _actor_with_mention(seed_record, mention)
    stance = _stance(seed_record, actor)
    observed = [t.stance for t in stance.timeline if t.stance in ("favor", "against")]
    # The sequence must appear in order (other entries may sit in between).
    it = iter(observed)
    assert all(any(s == want for s in it) for want in sequence), observed
    assert stance.stance == sequence[-1]


@pytest.mark.parametrize("fragment,expected", [
    ("it would be a tragedy for all concerned", ("claim", "value")),
    # A bare time word is no statistic: "for years" gives no figure (features.sentence, num_time).
    ("Beijing has pushed Washington for years", ("evidence", "event")),
])
def test_seed_unit_labels(seed_record, fragment, expected):
    """Issue acceptance: the tragedy sentence is a value claim; Beijing's pushing is event evidence."""
    unit = next((u for u in seed_record.units if fragment in seed_record.text[u.start:u.end]), None)
    assert unit is not None, f"no unit holds {fragment!r}"
    assert (unit.label, unit.type) == expected
