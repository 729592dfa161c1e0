"""The README's two commands stay the ones CI and newcomers run."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _block_after(heading: str) -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split(f"## {heading}\n", 1)[1]
    block = re.search(r"```\n(.*?)```", section, re.S).group(1)
    return [line for line in block.splitlines() if line.strip()]


def test_ci_runs_the_readme_test_command():
    [command] = _block_after("Tests")
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_quick_start_uses_bundled_files():
    [command] = _block_after("Quick start")
    assert "python3 -m venv .venv" in command and ".[model]" in command
    for path in re.findall(r"(examples/\S+)", command):
        assert (ROOT / path).is_file(), path


# ---------------------------------------------------------------------------------------------
# Every command and snippet of the README runs as written (corpus commands where the corpora are).

import os  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402

import pytest  # noqa: E402

SHARED = ROOT.parent / "shared"
CORPORA = Path(os.environ.get("ARGMINE_CORPORA", SHARED / "corpora"))
# Sections whose commands set up a machine (CI runs the Tests command itself).
_SETUP = ("Quick start", "Tests")


def _sections() -> list[tuple[str, str, str]]:
    """(section heading, language, code) for every fenced block of the README."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    out = []
    for part in re.split(r"^## ", text, flags=re.M)[1:]:
        heading = part.split("\n", 1)[0]
        for lang, code in re.findall(r"```(\w*)\n(.*?)```", part, re.S):
            out.append((heading, lang, code))
    return out


def _shell_blocks() -> list[str]:
    return [code for heading, lang, code in _sections() if not lang and heading not in _SETUP]


@pytest.fixture(scope="module")
def checkout(tmp_path_factory):
    """A directory laid out like a checkout: examples/, annotations/, .venv and ../shared."""
    base = tmp_path_factory.mktemp("clone")
    work = base / "argmine"
    work.mkdir()
    for name in ("examples", "annotations"):
        (work / name).symlink_to(ROOT / name)
    if sys.prefix == sys.base_prefix:
        pytest.skip("the README's commands activate .venv: run the tests from the project's virtual environment")
    (work / ".venv").symlink_to(Path(sys.prefix))
    if CORPORA.is_dir():
        (base / "shared").mkdir()
        (base / "shared" / "corpora").symlink_to(CORPORA)
    return work


def _run(script: str, cwd: Path, *, stdin: str = "") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV",)}
    env.update(HF_HUB_OFFLINE="1", HF_DATASETS_OFFLINE="1", COLUMNS="100")
    return subprocess.run(["bash", "-c", "set -euo pipefail\n" + script], cwd=cwd, env=env, input=stdin,
                          capture_output=True, text=True, timeout=1800)


@pytest.mark.slow
def test_readme_commands_run_verbatim(checkout):
    lines = [line for block in _shell_blocks() for line in block.splitlines() if line.strip()]
    assert any(line.startswith("argmine show") for line in lines)
    if not CORPORA.is_dir():
        # The corpus commands, and the model the first of them trains, need the corpora.
        lines = [line for line in lines if "../shared/" not in line and "my-model" not in line]
    # `argmine label` reads keys; from a pipe each line is one key, and Enter accepts.
    result = _run("\n".join(lines), checkout, stdin="\n" * 3000)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "argmine " in result.stdout and (checkout / "report.html").is_file()
    assert (checkout / "my-labelled-model" / "units" / "cfg.json").is_file()


@pytest.mark.slow
def test_readme_python_snippets_run(checkout):
    snippets = [code for heading, lang, code in _sections() if lang == "python"
                and "spacy" not in code.lower()]
    assert snippets
    for code in snippets:
        result = subprocess.run([sys.executable, "-c", code], cwd=checkout, capture_output=True, text=True,
                                timeout=600, env={**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"})
        assert result.returncode == 0, code + result.stderr[-3000:]


@pytest.mark.slow
def test_quick_start_annotation_runs(checkout):
    [command] = _block_after("Quick start")
    annotate = command.split(" && ")[-1]
    assert annotate.startswith(".venv/bin/argmine annotate")
    result = _run(annotate, checkout)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "who stands where" in result.stdout and (checkout / "out.jsonl").is_file()
