"""The Typer application. Each command parses options, calls the library, reports."""

from __future__ import annotations

import logging
from typing import Annotated, Any

import click
import typer
from rich.console import Console
from rich.logging import RichHandler
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
    shown = type(param).display_type(param, ctx).strip("<>")
    many = shown.startswith("list[")
    shown = shown.removeprefix("list[").removesuffix("]")
    if shown == "bool":
        return None
    name = _PLAIN.get(shown, shown.upper())
    return name + ("..." if many or param.nargs != 1 else "")


def _plainify(command: Any, ctx: click.Context) -> None:
    help_option = command.get_help_option(ctx)
    for param in [*getattr(command, "params", []), *([help_option] if help_option else [])]:
        param.display_type_rich = _plain_type.__get__(param)


class _Group(TyperGroup):
    """Every command of the app gets plain type names in its help, whoever adds it."""

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            _plainify(command, ctx)
        return command

    def format_help(self, ctx: Any, formatter: Any) -> None:
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
