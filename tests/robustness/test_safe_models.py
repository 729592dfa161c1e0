"""Models are data: checksummed, version-checked, never unpickled."""

import json
import pickle
import shutil

import pytest

import argmine
from argmine.api import DEFAULT_MODEL
from argmine.errors import ModelError
from argmine.models.integrity import checksums, verify, write_checksums


class _Payload:
    """Unpickling this writes a marker file: proof that pickled code ran."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


@pytest.fixture()
def model(tmp_path):
    path = tmp_path / "model"
    shutil.copytree(DEFAULT_MODEL, path)
    return path


def test_bundled_model_verifies():
    meta = verify(DEFAULT_MODEL)
    assert set(meta["checksums"]) == set(checksums(DEFAULT_MODEL))
    assert "units/component.npz" in meta["checksums"]


@pytest.mark.parametrize("rechecksum", [False, True])
def test_planted_pickle_is_never_executed(tmp_path, model, rechecksum):
    marker = tmp_path / "pwned"
    (model / "units" / "component.npz").write_bytes(pickle.dumps(_Payload(str(marker))))
    if rechecksum:
        # Even a model whose meta.json was rewritten to match: arrays load without pickle.
        write_checksums(model)
    with pytest.raises(ModelError) as err:
        argmine.load(model, units_only=True)
    assert ("E042" if not rechecksum else "E021") in str(err.value)
    assert not marker.exists()


@pytest.mark.parametrize("change", ["edit", "truncate", "add", "remove"])
def test_tampered_model_is_refused_before_loading(model, change):
    target = model / "units" / "component.json"
    if change == "edit":
        cfg = json.loads(target.read_text(encoding="utf-8"))
        cfg["C"] = 99
        target.write_text(json.dumps(cfg), encoding="utf-8")
    elif change == "truncate":
        data = (model / "units" / "component.npz").read_bytes()
        (model / "units" / "component.npz").write_bytes(data[:100])
    elif change == "add":
        (model / "units" / "extra.pkl").write_bytes(b"\x80\x04N.")
    else:
        (model / "stance" / "scores.json").unlink()
    with pytest.raises(ModelError, match="E042"):
        argmine.load(model, units_only=True)


def test_trained_model_records_checksums(tmp_path, data_dir):
    from argmine.training import parse_source, train

    meta = train([parse_source(f"jsonl:{data_dir / 'train' / 'mini.jsonl'}")], tmp_path / "m")
    assert meta["checksums"] == checksums(tmp_path / "m")
    verify(tmp_path / "m")
