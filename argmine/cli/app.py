"""The Typer application. Each command parses options, calls the library, reports."""

from __future__ import annotations

import logging
import sys
from typing import Annotated, Any

import click
import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperGroup

from .. import __version__


_PLAIN = {"str": "TEXT", "path": "PATH", "int": "INTEGER", "int range": "INTEGER", "float": "FLOAT",
          "float range": "FLOAT"}


def _plain_type(param: Any, ctx: click.Context) -> str | None:
    """Help shows plain names (TEXT, PATH, INTEGER), not Python types such as ``<list[str]>``."""
    if param.metavar is not None:
        return param.metavar
    # Typer's own label, e.g. "<list[str]>", "<int range>", "<path>", "<bool>".
    label = type(param).display_type(param, ctx).strip("<>")
    many = label.startswith("list[")
    label = label.removeprefix("list[").removesuffix("]")
    if label == "bool":
        return None
    name = _PLAIN.get(label, label.upper())
    return name + ("..." if many or param.nargs != 1 else "")


def _plainify(command: Any, ctx: click.Context) -> None:
    help_option = command.get_help_option(ctx)
    for param in [*getattr(command, "params", []), *([help_option] if help_option else [])]:
        param.display_type_rich = _plain_type.__get__(param)


class _Group(TyperGroup):
    """Every command of the app gets plain type names in its help, whoever adds it."""

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            _plainify(command, ctx)
        return command

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _plainify(self, ctx)
        super().format_help(ctx, formatter)


app = typer.Typer(
    cls=_Group,
    name="argmine",
    help="Argument mining and stance analysis: claims, evidence, actors and who stands where.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_show_locals=False,
    add_completion=False,
)
console = Console()
err_console = Console(stderr=True, highlight=False)


def _version(value: bool) -> None:
    if value:
        console.print(f"argmine {__version__}", highlight=False)
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Argument mining and stance analysis: claims, evidence, actors and who stands where."""
    # The library only logs; the command line shows warnings (skipped files or lines) on stderr.
    logger = logging.getLogger("argmine")
    if not any(isinstance(h, _StderrHandler) for h in logger.handlers):
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter("⚠ %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.WARNING)


class _StderrHandler(logging.Handler):
    """Writes to whatever ``sys.stderr`` is at the time (test runners swap it)."""

    def emit(self, record: logging.LogRecord) -> None:
        sys.stderr.write(self.format(record) + "\n")


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print an error to stderr and return the Exit to raise.

    The message is escaped: it quotes user text and commands such as
    ``pip install 'argmine[model]'``, which Rich would otherwise read as markup and drop.
    """
    err_console.print(f"[red]✘[/red] {escape(message)}", markup=True, soft_wrap=True)
    return typer.Exit(code=code)


def succeed(message: Any) -> None:
    """Print a success line; ``message`` (paths, counts) is shown literally."""
    console.print(f"[green]✔[/green] {escape(str(message))}", highlight=False, soft_wrap=True)


# Register the commands (each module adds its own to ``app``).
from . import annotate, convert, evaluate, export, label, report, train, validate  # noqa: E402,F401
