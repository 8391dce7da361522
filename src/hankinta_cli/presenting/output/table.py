"""Rich tables for `status`, `indicators` and `summary`: the one place their cells are made.

Titles and cells are programme text (names, notes, responsible parties) and so come from
other people: each passes `escape.rich_text`, so `[link=…]` or `[/]` shows as written instead
of becoming markup (or a MarkupError), and ANSI escapes and line breaks never reach the
terminal. The console expands no `:emoji:` codes and highlights nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from rich.console import Console
from rich.table import Table

from ...escape import rich_text

#: A cell: one line of text, or several lines (each made safe, then joined by us).
Cell = str | Sequence[str]


def new_table(title: str | None, heads: Sequence[str]) -> Table:
    """A table with our own column `heads` (not escaped) and a `title` from the data (escaped)."""
    table = Table(title=rich_text(title) if title else None)
    for head in heads:
        table.add_column(head, overflow="fold")
    return table


def add_row(table: Table, *cells: Cell) -> None:
    table.add_row(*(rich_text(c) if isinstance(c, str) else "\n".join(rich_text(x) for x in c) for c in cells))


def print_tables(out: TextIO, *tables: Table) -> None:
    console = Console(file=out, emoji=False, highlight=False)
    for table in tables:
        console.print(table)
