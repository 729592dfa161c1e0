"""The stance component owns its three tables: loaded by initialize(), saved by to_disk()."""

import json
import logging

import pytest

from argmine.pipeline.stance import StanceComponent
from argmine.stance.lexicon import DEFAULT_LEXICON
from argmine.stance.target import DEFAULT_CONCEPTS

TARGET = "detente with North Korea"


@pytest.fixture(scope="module")
def nlp():
    from argmine.nlp import load_spacy

    return load_spacy()


def _custom_tables(tmp_path):
    concepts = json.loads(DEFAULT_CONCEPTS.read_text(encoding="utf-8"))
    concepts["concepts"]["talking"] = concepts["concepts"].pop("engagement")
    for concept in concepts["concepts"].values():
        concept["opposes"] = [("talking" if c == "engagement" else c) for c in concept.get("opposes", [])]
    lexicon = json.loads(DEFAULT_LEXICON.read_text(encoding="utf-8"))
    lexicon["favor"].append("zorbify")
    (tmp_path / "concepts.json").write_text(json.dumps(concepts), encoding="utf-8")
    (tmp_path / "lexicon.json").write_text(json.dumps(lexicon), encoding="utf-8")
    return tmp_path / "concepts.json", tmp_path / "lexicon.json"


def test_the_component_reads_and_saves_its_own_lexicon_and_concepts(nlp, tmp_path):
    concepts, lexicon = _custom_tables(tmp_path)
    stance = StanceComponent(nlp)
    stance.initialize(concepts_path=concepts, lexicon_path=lexicon)
    assert "talking" in stance.parsed(TARGET).concepts
    assert "zorbify" in stance.lexicon.favor
    stance.to_disk(tmp_path / "saved")
    for name in ("stance_cues", "stance_lexicon", "target_concepts"):
        assert f"argmine_stance/{name}" in stance.fingerprints()
        assert name in json.loads((tmp_path / "saved" / "cfg.json").read_text(encoding="utf-8"))["sha256"]
    # A fresh component from the saved folder reads the saved tables, not the package's.
    loaded = StanceComponent(nlp).from_disk(tmp_path / "saved")
    assert "talking" in loaded.parsed(TARGET).concepts
    assert "zorbify" in loaded.lexicon.favor
    assert loaded.fingerprints() == stance.fingerprints()


def test_a_pipeline_saved_before_the_tables_moved_loads_with_the_package_tables(nlp, tmp_path, caplog):
    stance = StanceComponent(nlp)
    stance.initialize()
    stance.to_disk(tmp_path / "old")
    for name in ("stance_lexicon", "target_concepts"):
        (tmp_path / "old" / f"{name}.json").unlink()
    with caplog.at_level(logging.WARNING, logger="argmine"):
        loaded = StanceComponent(nlp).from_disk(tmp_path / "old")
    assert "stance_lexicon.json" in caplog.text and "Save the pipeline again" in caplog.text
    assert loaded.fingerprints() == stance.fingerprints()
    assert "engagement" in loaded.parsed(TARGET).concepts
