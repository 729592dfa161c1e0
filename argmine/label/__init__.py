"""Model-assisted annotation: items to decide, the decision log, and the terminal session.

Each decision is one ``argmine.doc/1`` record appended to the output file as soon as it is
made, so the file is always valid training or evaluation data and a re-run resumes after the
last decision:

- ``units``: the unit's sentence with its label and type (``argmine train jsonl:FILE``);
- ``stance``: the document with the actor's position on the target (``argmine evaluate --stance``);
- ``relations``: the document with the two units and the relation between them, or none.
"""

from .items import MODES, Item, build_items
from .store import DecisionLog

__all__ = ["MODES", "Item", "build_items", "DecisionLog"]
