"""Human-readable views of analysed documents: a self-contained HTML report and its parts.

``render_report(records)`` returns one HTML page (inline CSS, JavaScript and SVG; nothing is
fetched over the network) for one or many ``argmine.doc/1`` records.
"""

from .html import render_report, write_report

__all__ = ["render_report", "write_report"]
