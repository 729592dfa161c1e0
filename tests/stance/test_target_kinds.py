"""Targets of every kind (policy, actor, event, motion) on sentences written for these tests."""

import json

import pytest
from typer.testing import CliRunner

import argmine
from argmine.cli.app import app
from argmine.errors import ArgmineError
from argmine.nlp import load_spacy
from argmine.stance.target import TargetKind, parse_target, related_forms


@pytest.fixture(scope="module")
def spacy_nlp():
    return load_spacy()


@pytest.mark.parametrize("text,kind", [
    ("detente with North Korea", TargetKind.POLICY),
    ("the Iran nuclear deal", TargetKind.POLICY),
    ("Nancy Pelosi", TargetKind.ACTOR),
    ("China", TargetKind.ACTOR),
    # Groups and offices the actors layer reads as one actor; a lower-case ORG is no name.
    ("Republican lawmakers", TargetKind.ACTOR),
    ("the Obama administration", TargetKind.ACTOR),
    ("social security", TargetKind.POLICY),
    ("Trump's summit meeting with Putin in Helsinki", TargetKind.EVENT),
    ("withdrawing American troops from Syria", TargetKind.EVENT),
    ("This house would ban the sale of violent video games to minors", TargetKind.MOTION),
    ("violent video games should be banned", TargetKind.MOTION),
    # An actor's act: a nominalised verb or a hyphenated phrasal noun after a possessor.
    ("Iran's uranium enrichment", TargetKind.EVENT),
    ("Russia's military build-up near Ukraine", TargetKind.EVENT),
    ("Japan's constitution", TargetKind.POLICY),
    ("Iran's nuclear deal", TargetKind.POLICY),  # "-al" is no act ending
    ("Iran's arms agreement", TargetKind.POLICY),  # a thing agreed, not an act
    ("Germany's energy transition", TargetKind.POLICY),
    ("Russia's annexation of Crimea", TargetKind.EVENT),
    ("Russia's arms sales to India", TargetKind.EVENT),  # an act noun of no act ending
    ("Japan's imports of Russian gas", TargetKind.EVENT),
])
def test_kind_is_recognised_from_the_text(spacy_nlp, text, kind):
    assert parse_target(text, spacy_nlp).kind == kind


def test_kind_can_be_forced_and_bad_kinds_are_coded_errors(spacy_nlp):
    assert parse_target("Nancy Pelosi", spacy_nlp, kind="policy").kind == TargetKind.POLICY
    with pytest.raises(ArgmineError, match="E027"):
        parse_target("Nancy Pelosi", spacy_nlp, kind="person-ish")


def test_motion_sign_and_object(spacy_nlp):
    ban = parse_target("This house would ban the sale of violent video games to minors", spacy_nlp)
    assert ban.sign == -1 and "sale" in ban.terms and "ban" not in ban.terms
    assert parse_target("violent video games should be banned", spacy_nlp).sign == -1
    assert parse_target("This house would legalize cannabis", spacy_nlp).sign == 1


def test_a_measure_against_its_object_makes_the_object_opposite(spacy_nlp):
    ban = parse_target("a ban on assault weapons", spacy_nlp)
    assert "ban" in ban.terms and {"assault weapons", "weapon"} <= ban.opposite and ban.obj == "assault weapons"
    # A modifier alone names nothing: "sexual assault" is no mention of assault weapons.
    assert "assault" not in ban.terms | ban.opposite
    assert "obamacare" in parse_target("repeal of Obamacare", spacy_nlp).opposite
    # Anchors stay anchors, and a policy that works for its object is unchanged.
    assert parse_target("sanctions on Russia", spacy_nlp).anchors == ("russia",)
    assert parse_target("funding for public schools", spacy_nlp).opposite.isdisjoint({"school", "public"})


def test_a_possessor_is_an_anchor_without_its_possessive(spacy_nlp):
    launches = parse_target("North Korea's missile launches", spacy_nlp)
    assert launches.anchors == ("north korea",)
    assert not any("'s" in t for t in launches.terms | set(launches.multiword))
    build_up = parse_target("Russia's military build-up near Ukraine", spacy_nlp)
    assert {"build-up", "build up", "buildup"} <= build_up.terms and "build" in build_up.heads
    assert "up" not in build_up.heads


def test_a_word_joining_two_countries_anchors_both(spacy_nlp):
    assert parse_target("the U.S.-Iran ceasefire", spacy_nlp).anchors == ("united states", "iran")
    assert set(parse_target("the U.S.-ROK alliance", spacy_nlp).anchors) == {"united states", "south korea"}
    # A nationality names its country; a country's name may be two words.
    assert set(parse_target("the U.S.-Saudi relationship", spacy_nlp).anchors) == {"united states", "saudi arabia"}
    assert set(parse_target("U.S.-North Korea talks", spacy_nlp).anchors) == {"united states", "north korea"}


def test_event_heads_have_verb_and_noun_forms(spacy_nlp):
    assert {"withdraw", "withdrawal"} <= related_forms("withdrawal")
    assert "nomination" in related_forms("nominate")
    event = parse_target("withdrawing American troops from Syria", spacy_nlp)
    assert {"withdraw", "withdrawal"} <= event.terms
    assert "summit" in parse_target("Trump's summit meeting with Putin in Helsinki", spacy_nlp).heads


@pytest.fixture(scope="module")
def nlp():
    return argmine.load()


def _stance(nlp, text, target, actor, **kwargs):
    record = argmine.analyze(text, nlp=nlp, targets=[target], **kwargs)
    names = {a.id: a.name for a in record.actors}
    found = {names[s.actor]: s for s in record.stances}
    key = next((k for k in found if actor.lower() in k.lower()), None)
    return found[key] if key else None


@pytest.mark.slow
@pytest.mark.parametrize("text,target,actor,expected", [
    # Policies, with the probes.
    ("Netanyahu called the agreement a historic mistake.", "the Iran nuclear deal", "Netanyahu", "against"),
    ("I will veto any legislation that prevents the implementation of the Iran deal.", "the Iran deal",
     "author", "favor"),  # veto(-) x prevent(-) x implement(+)
    ("China retaliated against the tariffs.", "the tariffs", "China", "against"),
    ("McConnell said the Senate would not take up the bill to raise the minimum wage to $15, calling it a "
     "job killer.", "raising the minimum wage to $15", "McConnell", "against"),
    # Actors: every mention and pronoun of the target actor.
    ("Chuck Schumer attacked Nancy Pelosi on Tuesday.", "Nancy Pelosi", "Schumer", "against"),
    ("Elizabeth Warren praised Pelosi.", "Nancy Pelosi", "Warren", "favor"),
    ("Senator Maria Lopez attacked Republican lawmakers on Tuesday.", "Republican lawmakers", "Lopez", "against"),
    ("Nancy Pelosi spoke first. Chuck Schumer then criticized her sharply.", "Nancy Pelosi", "Schumer", "against"),
    # Events and decisions: head, verb/noun forms, phrasal verbs.
    ("Lindsey Graham praised the Helsinki meeting.", "Trump's summit meeting with Putin in Helsinki",
     "Graham", "favor"),
    ("Nancy Pelosi opposed pulling troops out of Syria.", "withdrawing American troops from Syria",
     "Pelosi", "against"),
    ("Nancy Pelosi criticized the withdrawal.", "withdrawing American troops from Syria", "Pelosi", "against"),
    # The possessor of an act does it: "North Korea's" is North Korea.
    ("North Korea launched three missiles. Japan condemned the launches.", "North Korea's missile launches",
     "Japan", "against"),
    ("Iran has expanded its enrichment of uranium.", "Iran's uranium enrichment", "Iran", "favor"),
    ("Moscow sold fighter jets to New Delhi.", "Russia's arms sales to India", "Russia", "favor"),
    # A demonstrative right after a mention takes it up: "these tests", "such actions".
    ("North Korea launched three missiles on Sunday. Japan strongly condemned these tests.",
     "North Korea's missile launches", "Japan", "against"),
    # A measure against its object: endorsing the object counts against the measure.
    ("Nancy Pelosi defended Obamacare.", "repeal of Obamacare", "Pelosi", "against"),
    ("Senate Republicans vowed to repeal Obamacare.", "repeal of Obamacare", "Republicans", "favor"),
    ("Senator Dianne Feinstein pushed for a ban on assault weapons.", "a ban on assault weapons", "Feinstein",
     "favor"),
    ("The National Rifle Association defended assault weapons.", "a ban on assault weapons",
     "National Rifle Association", "against"),
    # Motions: favour of the motion is favour of the ban.
    ("Senator Smith opposes the sale of violent video games to minors.",
     "This house would ban the sale of violent video games to minors", "Smith", "favor"),
    ("Senator Smith supports a ban on violent video games.", "violent video games should be banned",
     "Smith", "favor"),
])
def test_every_target_kind(nlp, text, target, actor, expected):
    st = _stance(nlp, text, target, actor)
    assert st is not None, f"no stance for {actor}"
    assert st.stance == expected
    assert 0.0 <= st.score <= 1.0


@pytest.mark.slow
def test_an_actor_takes_no_stance_toward_itself(nlp):
    assert _stance(nlp, "Nancy Pelosi praised the budget.", "Nancy Pelosi", "Pelosi") is None


@pytest.mark.slow
def test_a_definite_description_of_another_thing_is_not_the_target(nlp):
    st = _stance(nlp, "Netanyahu praised the Paris agreement.", "the Iran nuclear deal", "Netanyahu")
    assert st is None


@pytest.mark.slow
def test_meta_targets_add_to_the_run_targets(nlp):
    records = [argmine.Document(id="a", text="China retaliated against the tariffs.",
                                meta={"targets": ["the tariffs"]}),
               argmine.Document(id="b", text="Chuck Schumer attacked Nancy Pelosi.",
                                meta={"targets": ["Nancy Pelosi"]})]
    out = list(argmine.annotate(records, nlp=nlp, targets=["the Iran deal"]))
    assert {s.target for s in out[0].stances} == {"the tariffs"}
    assert {s.target for s in out[1].stances} == {"Nancy Pelosi"}
    bad = argmine.Document(id="c", text="x", meta={"targets": "the tariffs"})
    with pytest.raises(ArgmineError, match="E028"):
        list(argmine.annotate([bad], nlp=nlp))


@pytest.mark.slow
def test_cli_reads_meta_targets_and_target_kind(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "d1", "text": "Chuck Schumer attacked Nancy Pelosi.",
                               "meta": {"targets": ["Nancy Pelosi"]}}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["annotate", str(src), "-o", str(out), "--target", "Pelosi",
                                      "--target-kind", "Pelosi=actor"])
    assert result.exit_code == 0, result.output
    record = json.loads(out.read_text(encoding="utf-8"))
    assert {s["target"] for s in record["stances"]} == {"Pelosi", "Nancy Pelosi"}
    result = CliRunner().invoke(app, ["annotate", str(src), "-o", str(tmp_path / "o2.jsonl"),
                                      "--target", "Pelosi", "--target-kind", "Other=actor"])
    assert result.exit_code != 0 and "--target-kind" in result.output


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("Violent video games desensitize children to real violence.", "favor"),
    ("Playing video games improves reaction times and problem solving.", "against"),
])
def test_a_one_claim_document_gets_the_authors_stance_toward_the_motion(nlp, text, expected):
    st = _stance(nlp, text, "This house would ban the sale of violent video games to minors", "author")
    assert st is not None and st.stance == expected
