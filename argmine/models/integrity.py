"""Model integrity: a sha256 of every model file in ``meta.json``, checked on load.

A model directory is data, never code: its files are JSON and ``.npy``/``.npz``
arrays read with ``allow_pickle=False``. The checksums add that a model is loaded
only as it was written: a file changed, truncated, added or removed after training
(a damaged download, a tampered file, a pickle planted under a model file's name) is
refused before any of it is read. Any component's files are covered, whatever their
format, since the check works on the directory.

Usage:
    write_checksums(model_dir)   # after training, once every file is written
    verify(model_dir)            # before loading; raises ModelError

Also a command: ``python -m argmine.models.integrity MODEL_DIR [--write]``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import sys
import zipfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import Errors, ModelError
from ..schema import SCHEMA_VERSION

META = "meta.json"
# The model card is documentation, edited after training and never loaded: not checked.
CARD = "README.md"
# Version of the model directory layout that this argmine reads.
MODEL_FORMAT = 1
logger = logging.getLogger("argmine")


def _files(model_dir: Path) -> list[Path]:
    # Hidden files (.DS_Store, editor backups) are not model files.
    return sorted(p for p in model_dir.rglob("*")
                  if p.is_file() and p.relative_to(model_dir).as_posix() not in (META, CARD)
                  and not any(part.startswith(".") for part in p.relative_to(model_dir).parts))


def sha256(path: Path) -> str:
    """Return the hex sha256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def checksums(model_dir: str | Path) -> dict[str, str]:
    """Return ``{relative path: sha256}`` for every model file (all but ``meta.json`` and the card)."""
    model_dir = Path(model_dir)
    return {p.relative_to(model_dir).as_posix(): sha256(p) for p in _files(model_dir)}


def read_meta(model_dir: str | Path) -> dict[str, Any]:
    """Return the parsed ``meta.json`` of a model directory ({} when there is none).

    Raises:
        ModelError: ``meta.json`` is not a JSON object (E021).
    """
    path = Path(model_dir) / META
    if not path.is_file():
        return {}
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise ModelError(Errors.E021.format(path=str(path), detail=f"{type(e).__name__}: {e}")) from e
    if not isinstance(meta, dict):
        raise ModelError(Errors.E021.format(path=str(path), detail=f"a JSON {type(meta).__name__}, not an object"))
    return meta


def write_checksums(model_dir: str | Path) -> dict[str, Any]:
    """Record the format and a sha256 of every file in ``meta.json``; return the new meta.

    Call it last, once every file of the model is written.
    """
    model_dir = Path(model_dir)
    meta = read_meta(model_dir)
    meta["format"] = MODEL_FORMAT
    meta["checksums"] = checksums(model_dir)
    tmp = model_dir / f".{META}.tmp"
    tmp.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, model_dir / META)
    return meta


def verify(model_dir: str | Path) -> dict[str, Any]:
    """Check a model directory against its ``meta.json``; return the meta.

    Refuses an unknown model format or schema version, and any file that was changed,
    added or removed since :func:`write_checksums`. A model without recorded
    checksums (written before they existed) loads with a warning.

    Raises:
        ModelError: E021 (bad meta.json), E042 (checksum mismatch), E043 (version).
    """
    model_dir = Path(model_dir)
    meta = read_meta(model_dir)
    fmt = meta.get("format", MODEL_FORMAT)
    if not isinstance(fmt, int) or isinstance(fmt, bool) or fmt > MODEL_FORMAT or fmt < 1:
        raise ModelError(Errors.E043.format(path=str(model_dir), detail=f"in model format {fmt!r}",
                                            supported=f"format {MODEL_FORMAT}"))
    schema = meta.get("schema", SCHEMA_VERSION)
    if schema != SCHEMA_VERSION:
        raise ModelError(Errors.E043.format(path=str(model_dir), detail=f"written for schema {schema!r}",
                                            supported=SCHEMA_VERSION))
    recorded = meta.get("checksums")
    if recorded is None:
        logger.warning("%s: no checksums in meta.json, so the model files cannot be verified; "
                       "record them with `python -m argmine.models.integrity %s --write` if you "
                       "trust the files", model_dir, model_dir)
        return meta
    if not isinstance(recorded, Mapping) or not all(isinstance(v, str) for v in recorded.values()):
        raise ModelError(Errors.E021.format(path=str(model_dir / META), detail="\"checksums\" is not a "
                                            "mapping of file names to sha256 strings"))
    actual = checksums(model_dir)
    missing = sorted(set(recorded) - set(actual))
    extra = sorted(set(actual) - set(recorded))
    changed = sorted(k for k in set(recorded) & set(actual) if recorded[k] != actual[k])
    problems = ([f"{k} changed" for k in changed] + [f"{k} is missing" for k in missing]
                + [f"{k} is not part of the model" for k in extra])
    if problems:
        raise ModelError(Errors.E042.format(path=str(model_dir), detail="; ".join(problems[:5])
                                            + (" ..." if len(problems) > 5 else "")))
    return meta


def check_finite(path: str | Path, **values: Any) -> None:
    """Refuse model numbers that are NaN or infinite (arrays or scalars), naming them.

    Raises:
        ModelError: E044.
    """
    import numpy as np

    for name, value in values.items():
        arr = np.asarray(value)
        if arr.dtype.kind in "fc" and not np.all(np.isfinite(arr)):
            raise ModelError(Errors.E044.format(path=str(path), detail=f"{name} holds NaN or infinite numbers"))
        if arr.dtype.kind not in "fciub":
            raise ModelError(Errors.E044.format(path=str(path), detail=f"{name} is not numeric ({arr.dtype})"))


def check_size(path: str | Path, name: str, value: Any, *, limit: int) -> int:
    """Return ``value`` as an int in ``1..limit``, or refuse it (a damaged size field).

    Raises:
        ModelError: E044.
    """
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= limit:
        shown = value if not isinstance(value, float) or math.isfinite(value) else str(value)
        raise ModelError(Errors.E044.format(path=str(path), detail=f"{name} = {shown!r}, expected an integer "
                                            f"from 1 to {limit}"))
    return value


@contextmanager
def model_file(path: Path) -> Iterator[None]:
    """Turn what a damaged model file raises while read (bad JSON, a missing key, a wrong
    type, a truncated ``.npz``) into E021, naming the file."""
    try:
        yield
    # json.JSONDecodeError is a ValueError; a truncated .npz raises BadZipFile.
    except (ValueError, KeyError, TypeError, IndexError, OSError, zipfile.BadZipFile) as e:
        raise ModelError(Errors.E021.format(path=str(path), detail=f"{type(e).__name__}: {e}")) from e


def read_config(directory: Path, name: str) -> dict[str, Any]:
    """A model part's JSON configuration: E011 if it is missing, E021 if it is not a JSON object."""
    path = directory / name
    if not path.is_file():
        raise ModelError(Errors.E011.format(path=str(directory), name=name))
    with model_file(path):
        cfg = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(cfg, dict):
            raise TypeError(f"a JSON {type(cfg).__name__}, not an object")
    return cfg


def require_files(directory: Path, name: str, suffixes: tuple[str, ...] = (".json", ".npz")) -> None:
    """Refuse a model part whose files are missing (E011), before any is read."""
    for suffix in suffixes:
        if not (directory / f"{name}{suffix}").is_file():
            raise ModelError(Errors.E011.format(path=str(directory), name=f"{name}{suffix}"))


def confined(model_dir: str | Path, name: str) -> Path:
    """Return ``model_dir / name``, refusing a name that leads outside the folder.

    Raises:
        ModelError: E045.
    """
    base = Path(model_dir).resolve()
    path = (base / name).resolve()
    if not isinstance(name, str) or not name or not path.is_relative_to(base) or path == base:
        raise ModelError(Errors.E045.format(path=str(model_dir), ref=name))
    return Path(model_dir) / name


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0].startswith("-"):
        print("usage: python -m argmine.models.integrity MODEL_DIR [--write]", file=sys.stderr)
        return 2
    try:
        if "--write" in args:
            meta = write_checksums(args[0])
            print(f"recorded {len(meta['checksums'])} checksum(s) in {Path(args[0]) / META}")
        else:
            verify(args[0])
            print(f"{args[0]}: all files match meta.json")
    except ModelError as e:
        print(f"✘ {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
