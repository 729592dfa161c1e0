"""The Typer application. Each command parses options, calls the library, reports."""

from __future__ import annotations

import typer
from rich.console import Console

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


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print an error to stderr and return the Exit to raise."""
    err_console.print(f"[red]✘[/red] {message}", markup=True, soft_wrap=True)
    return typer.Exit(code=code)


# Register the commands (each module adds its own to ``app``).
from . import annotate, convert, evaluate, train, validate  # noqa: E402,F401
