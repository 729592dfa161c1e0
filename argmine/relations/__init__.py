"""Argument structure: main claim, support/attack links between units, forest decoding."""

from .model import GoldStructure, Link, RelationParser, Structure, decode_forest

__all__ = ["GoldStructure", "Link", "RelationParser", "Structure", "decode_forest"]
