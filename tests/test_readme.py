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
