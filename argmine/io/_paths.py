"""Where a corpus file sits in its release: the name recorded in ``meta.source``."""

from __future__ import annotations

from pathlib import Path


def source_name(file: Path, layouts: tuple[tuple[str, ...], ...]) -> str:
    """``file`` relative to the corpus root, recognised by one of the release layouts
    (the folders between root and file); else just relative to its folder."""
    file = file.absolute()
    parent = file.parent
    for layout in layouts:
        n = len(layout)
        if parent.parts[-n:] == layout:
            return file.relative_to(parent.parents[n - 1]).as_posix()
    return file.name
