"""Catalogue registries, so a new corpus format is one module, not an if/elif chain."""

from __future__ import annotations

import catalogue

# A reader takes one source path (file or folder) and yields ``schema.Document``s.
readers = catalogue.create("argmine", "readers", entry_points=True)
