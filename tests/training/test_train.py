import json

import pytest
from typer.testing import CliRunner

from argmine.cli.app import app
from argmine.errors import ArgmineError
from argmine.training import parse_source

runner = CliRunner()
# Trains and cross-validates models (with the baselines) through the CLI.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", autouse=True)
def _small_hash():
    """The mini corpus has a few hundred features; 2**17 hashed columns only slow the solver."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("argmine.models.linear.N_FEATURES", 2 ** 10)
        yield


@pytest.fixture(scope="module")
def trained(tmp_path_factory, data_dir):
    out = tmp_path_factory.mktemp("model") / "mini"
    result = runner.invoke(app, ["train", f"jsonl:{data_dir / 'train' / 'mini.jsonl'}", "-o", str(out),
                                 "--dev", f"jsonl:{data_dir / 'train' / 'mini.jsonl'}", "--seed", "1"])
    assert result.exit_code == 0, result.output
    return out


def test_train_writes_model_card_and_meta(trained):
    meta = json.loads((trained / "meta.json").read_text(encoding="utf-8"))
    assert meta["heads"] == ["claim_type", "component", "evidence_type"]
    assert meta["sources"][0]["sha256"]
    assert set(meta["sizes"]["evidence_type"]["labels"]) == {"event", "reference", "statistic", "testimony"}
    assert set(meta["sizes"]["claim_type"]["labels"]) == {"fact", "policy", "value"}
    card = (trained / "README.md").read_text(encoding="utf-8")
    assert "TF-IDF + LR" in card and "majority" in card


def test_training_is_deterministic(trained, tmp_path, data_dir):
    again = tmp_path / "again"
    result = runner.invoke(app, ["train", f"jsonl:{data_dir / 'train' / 'mini.jsonl'}", "-o", str(again),
                                 "--seed", "1"])
    assert result.exit_code == 0, result.output
    for name in ("component.npz", "claim_type.npz", "evidence_type.npz"):
        assert (again / "units" / name).read_bytes() == (trained / "units" / name).read_bytes()


def test_evaluate_prints_scores_and_confusion(trained, data_dir, tmp_path):
    out = tmp_path / "scores.json"
    result = runner.invoke(app, ["evaluate", str(trained), f"jsonl:{data_dir / 'train' / 'mini.jsonl'}",
                                 "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "macro-F1" in result.output and "confusion" in result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert set(report["component"]["model"]["per_class"]) == {"claim", "evidence", "none"}


def test_evaluate_cross_validation_grouped_by_topic(trained, data_dir):
    result = runner.invoke(app, ["evaluate", str(trained), f"jsonl:{data_dir / 'train' / 'mini.jsonl'}",
                                 "--cv-folds", "4", "--group-by", "topic"])
    assert result.exit_code == 0, result.output
    assert "tfidf_lr" in result.output and "majority" in result.output


def test_too_many_folds_is_a_clear_error(trained, data_dir):
    result = runner.invoke(app, ["evaluate", str(trained), f"jsonl:{data_dir / 'train' / 'mini.jsonl'}",
                                 "--cv-folds", "9"])
    assert result.exit_code == 1
    assert "lower --folds" in result.output


def test_source_spec_errors_name_the_formats():
    with pytest.raises(ArgmineError, match="choose one of"):
        parse_source("nosuchformat:somewhere")
    assert parse_source("elecdeb:corpora/elecdeb@dev").split == "dev"


def test_train_from_a_saved_hugging_face_dataset(tmp_path, data_dir):
    from argmine.io import read_corpus
    from argmine.io.hf import to_hf_dataset

    records = list(read_corpus(data_dir / "train" / "mini.jsonl", format="jsonl"))
    to_hf_dataset(records, level="document").save_to_disk(str(tmp_path / "ds"))
    out = tmp_path / "from-hf"
    result = runner.invoke(app, ["train", f"hf:{tmp_path / 'ds'}", "-o", str(out), "--seed", "1"])
    assert result.exit_code == 0, result.output
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert meta["sizes"]["component"]["sentences"] == sum(len(r.units) for r in records)


def test_units_only_retrains_units_and_keeps_the_rest(trained, tmp_path, data_dir):
    import shutil

    from argmine.models.integrity import verify

    model = tmp_path / "model"
    shutil.copytree(trained, model)
    # Parts other trainers own, and a hand-written card section, must survive.
    (model / "stance").mkdir(exist_ok=True)
    (model / "stance" / "other.json").write_text('{"kept": true}', encoding="utf-8")
    card = (model / "README.md").read_text(encoding="utf-8")
    card = card.replace("\n## Limits", "\n## Hand-written rules\n\nkept text\n\n## Limits", 1)
    (model / "README.md").write_text(card + "\n<!-- appended -->\n### Appended part\n", encoding="utf-8")
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    meta["stance"] = {"kept": True}
    (model / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    result = runner.invoke(app, ["train", "--units-only", f"jsonl:{data_dir / 'train' / 'mini.jsonl'}",
                                 "-o", str(model), "--seed", "2"])
    assert result.exit_code == 0, result.output
    after = verify(model)
    assert after["seed"] == 2 and after["stance"] == {"kept": True} and after["name"] == "mini"
    assert (model / "stance" / "other.json").read_text(encoding="utf-8") == '{"kept": true}'
    card = (model / "README.md").read_text(encoding="utf-8")
    assert card.index("## Hand-written rules") < card.index("## Limits") < card.index("### Appended part")
    assert "seed 2" in card


def test_units_only_needs_an_existing_model(tmp_path, data_dir):
    result = runner.invoke(app, ["train", "--units-only", f"jsonl:{data_dir / 'train' / 'mini.jsonl'}",
                                 "-o", str(tmp_path / "none")])
    assert result.exit_code == 1 and "meta.json" in result.output
