import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_DISABLE_PROGRESS_BARS", "1")

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
# The shared corpora sit beside the checkout on development and CI machines only.
CORPORA = Path(os.environ.get("ARGMINE_CORPORA", ROOT.parent / "shared" / "corpora"))
SEED = Path(os.environ.get("ARGMINE_SEED", CORPORA.parent / "seed"))


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def corpora_dir() -> Path:
    if not CORPORA.is_dir():
        pytest.skip(f"annotated corpora not found at {CORPORA} (set ARGMINE_CORPORA)")
    return CORPORA


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    if not SEED.is_dir():
        pytest.skip(f"seed op-ed not found at {SEED}")
    return SEED


@pytest.fixture
def small_hash(monkeypatch):
    """Train on 2**10 hashed columns: the test corpora have a few hundred features, and
    2**17 columns make LogisticRegression slow for nothing."""
    monkeypatch.setattr("argmine.models.linear.N_FEATURES", 2 ** 10)
