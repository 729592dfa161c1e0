"""Saving a component's JSON tables inside the pipeline directory, with a fingerprint."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from ..errors import Errors, ModelError


def dump(data: Any) -> bytes:
    """The canonical bytes of a table (what is saved and fingerprinted)."""
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def sha256(data: Any) -> str:
    """Fingerprint of a table, as recorded in ``cfg.json`` and the pipeline's ``meta.json``."""
    return hashlib.sha256(dump(data)).hexdigest()


def write(path: Path, tables: dict[str, Any], cfg: dict[str, Any]) -> None:
    """Write each table as ``<name>.json`` and ``cfg.json`` with their sha256."""
    path.mkdir(parents=True, exist_ok=True)
    for name, data in tables.items():
        (path / f"{name}.json").write_bytes(dump(data))
    cfg = {**cfg, "sha256": {name: sha256(data) for name, data in tables.items()}}
    (path / "cfg.json").write_text(json.dumps(cfg, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def read(path: Path, names: tuple[str, ...]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Read ``cfg.json`` and the named tables, checking each against its fingerprint."""
    path = Path(path)
    try:
        cfg = json.loads((path / "cfg.json").read_text(encoding="utf-8"))
        tables = {n: json.loads((path / f"{n}.json").read_text(encoding="utf-8")) for n in names}
    except (OSError, ValueError) as e:
        raise ModelError(Errors.E021.format(path=str(path), detail=f"{type(e).__name__}: {e}")) from e
    for name, data in tables.items():
        want = cfg.get("sha256", {}).get(name)
        if want is not None and want != sha256(data):
            raise ModelError(Errors.E021.format(
                path=str(path / f"{name}.json"),
                detail="its content does not match the sha256 in cfg.json; restore the file or re-save the pipeline"))
    return cfg, tables
