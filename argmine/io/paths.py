"""Checks on input and output paths, made before anything is opened or any model loads.

A run must never destroy or re-read its own input: ``-o`` naming an input file (even
through another path or a symlink) is refused, and so is an output inside an input
folder, which the folder walk would read back as input.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from ..errors import ArgmineError, Errors


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _inside(child: Path, folder: Path) -> bool:
    try:
        return child.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):
        return False


def check_output(output: str | Path, inputs: Iterable[str | Path], *, overwrite: bool) -> None:
    """Refuse an output that is an input, lies inside an input folder, or cannot be written.

    Args:
        output: The output path ('-' = standard output, always accepted).
        inputs: The input paths as given ('-' = standard input).
        overwrite: Whether an existing output file may be replaced.

    Raises:
        ArgmineError: E030 (output is an input), E031 (inside an input folder), E032 (a
            folder), E007 (exists without ``overwrite``), E033 (folder not writable).
    """
    if str(output) == "-":
        return
    out = Path(output)
    for raw in inputs:
        if str(raw) == "-":
            continue
        src = Path(raw)
        if src.is_dir():
            if _inside(out, src):
                raise ArgmineError(Errors.E031.format(output=str(out), folder=str(src)))
        elif out.exists() and _same_file(out, src) or out.resolve() == src.resolve():
            raise ArgmineError(Errors.E030.format(output=str(out), input=str(src)))
    if out.is_dir():
        raise ArgmineError(Errors.E032.format(path=str(out)))
    if out.exists() and not overwrite:
        raise ArgmineError(Errors.E007.format(path=str(out)))
    parent = _existing_parent(out)
    if not os.access(parent, os.W_OK | os.X_OK):
        raise ArgmineError(Errors.E033.format(path=str(out), reason=f"folder {str(parent)!r} is not writable"))


def _existing_parent(path: Path) -> Path:
    parent = path.absolute().parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    return parent


def check_inputs(inputs: Iterable[str | Path]) -> None:
    """Refuse missing, unreadable or endless inputs, and standard input given twice.

    Raises:
        ArgmineError: E006 (missing), E034 (unreadable), E036 (a device such as
            /dev/zero), E037 ('-' twice).
    """
    stdin_seen = False
    for raw in inputs:
        if str(raw) == "-":
            if stdin_seen:
                raise ArgmineError(Errors.E037)
            stdin_seen = True
            continue
        path = Path(raw)
        if not path.exists():
            raise ArgmineError(Errors.E006.format(path=str(path)))
        mode = path.stat().st_mode
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
            raise ArgmineError(Errors.E036.format(path=str(path)))
        if not os.access(path, os.R_OK) or (path.is_dir() and not os.access(path, os.X_OK)):
            raise ArgmineError(Errors.E034.format(path=str(path), reason="permission denied"))
