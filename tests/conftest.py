import os
from pathlib import Path

import pytest
from spacy.tokens.underscore import Underscore

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_DISABLE_PROGRESS_BARS", "1")
if "ARGMINE_CACHE" not in os.environ:
    # Training in the tests keeps its parse cache out of the user's cache folder.
    import tempfile

    os.environ["ARGMINE_CACHE"] = tempfile.mkdtemp(prefix="argmine-test-cache-")

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


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", default=False,
                     help="also run the tests marked slow (model training, notebooks); CI does")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _restore_spacy_extensions():
    """Leave spaCy's Doc/Span/Token extensions as each test found them.

    A test that sets or removes an extension (argmine's or its own) must not change what the
    next test sees; extensions live on spaCy's classes, not on a pipeline.
    """
    tables = (Underscore.doc_extensions, Underscore.span_extensions, Underscore.token_extensions)
    saved = [dict(table) for table in tables]
    yield
    for table, before in zip(tables, saved, strict=True):
        table.clear()
        table.update(before)
