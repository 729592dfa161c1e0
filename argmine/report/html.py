"""One self-contained HTML page for one or many analysed documents."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from .. import __version__
from ..errors import ArgmineError, Errors
from ..schema import Document
from . import chart, views

COLOURS = {"favor": "#1a7f37", "against": "#cf222e", "mixed": "#bf8700", "none": "#8c959f"}


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("argmine.report", "templates"),
                      autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)
    env.globals.update(anchor=views.anchor, colours=COLOURS, WIDTH=chart.WIDTH, LEFT=chart.LEFT)
    return env


def _asset(name: str) -> str:
    return resources.files("argmine.report").joinpath("templates", name).read_text(encoding="utf-8")


def render_report(records: Iterable[Document], *, title: str | None = None) -> str:
    """Return the HTML report of ``records`` as one string (no external resources).

    Args:
        records: Analysed or gold ``argmine.doc/1`` records.
        title: Page title (default: the document id, or the number of documents).

    Raises:
        ArgmineError: There are no records.
    """
    docs = list(records)
    if not docs:
        raise ArgmineError(Errors.E301)
    sections = []
    for i, doc in enumerate(docs):
        targets, grid = views.stance_grid(doc)
        sections.append({
            "index": i, "doc": doc, "date": views.doc_date(doc), "genre": doc.meta.get("genre"),
            "summary": views.summary(doc), "blocks": views.blocks(doc), "trees": views.argument_trees(doc),
            "quotes": views.quotations(doc), "actors": views.actor_rows(doc),
            "targets": targets, "grid": grid, "charts": chart.document_charts(doc, i),
            "units": {u.id: " ".join(doc.text[u.start:u.end].split()) for u in doc.units},
        })
    template = _environment().get_template("report.html.j2")
    return template.render(
        title=title or (docs[0].id if len(docs) == 1 else f"{len(docs)} documents"),
        sections=sections, collection=chart.collection_charts(docs) if len(docs) > 1 else [],
        css=_asset("report.css"), js=_asset("report.js"), version=__version__,
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"))


def write_report(records: Iterable[Document], path: str | Path, *, overwrite: bool = False,
                 title: str | None = None) -> Path:
    """Write the HTML report of ``records`` to ``path`` and return the path.

    Raises:
        ArgmineError: ``path`` exists and ``overwrite`` is false, or there are no records.
    """
    path = Path(path)
    if path.exists() and not overwrite:
        raise ArgmineError(Errors.E007.format(path=str(path)))
    html = render_report(records, title=title)
    path.write_text(html, encoding="utf-8")
    return path
