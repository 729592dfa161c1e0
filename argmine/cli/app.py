"""The Typer application. Each command parses options, calls the library, reports."""

from __future__ import annotations

import logging

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.markup import escape

app = typer.Typer(
    name="argmine",
    help="Argument mining and stance analysis: claims, evidence, actors and who stands where.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_show_locals=False,
    add_completion=False,
)
console = Console()
err_console = Console(stderr=True, highlight=False)


@app.callback()
def _main() -> None:
    """Argument mining and stance analysis: claims, evidence, actors and who stands where."""
    # The library only logs; the command line shows warnings (skipped files or lines) on stderr.
    # err_console has no fixed file, so it writes to whatever sys.stderr is at the time
    # (test runners swap it).
    logger = logging.getLogger("argmine")
    if not any(isinstance(h, RichHandler) for h in logger.handlers):
        handler = RichHandler(console=err_console, show_time=False, show_level=False, show_path=False,
                              markup=False, rich_tracebacks=False)
        handler.setFormatter(logging.Formatter("⚠ %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.WARNING)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print an error to stderr and return the Exit to raise.

    The message is escaped: it quotes paths, ids and text, where "[/]" is data, not markup.
    """
    err_console.print(f"[red]✘[/red] {escape(message)}", markup=True, soft_wrap=True)
    return typer.Exit(code=code)


# Register the commands (each module adds its own to ``app``).
from . import annotate, convert, evaluate, train, validate  # noqa: E402,F401
