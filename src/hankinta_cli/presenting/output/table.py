"""Rich tables for `status`, `indicators` and `summary`: the one place their cells are made.

Titles and cells are programme text (names, notes, responsible parties) and so come from
other people: each passes `escape.rich_text`, so `[link=…]` or `[/]` shows as written instead
of becoming markup (or a MarkupError), and ANSI escapes and line breaks never reach the
terminal. The console expands no `:emoji:` codes and highlights nothing.

Words are never cut in two. Rich, short of room, narrows the widest columns until the table fits,
splitting Finnish words anywhere ("tarkoit|amme"). Here each column is given a width of its own
before printing: never less than its longest word (an id or other `one_line` column: its longest
cell), the room left shared out so that the widest columns give way first. When even the longest
words do not fit side by side, a column empty in every row is left out first, then the frame is
made lighter (no outer edges); if that is not enough (six columns in a 60-column terminal), each
row is printed as a record instead, one line per column ("Tila  käynnissä"), with the whole width
for its values.
Only a word wider than the terminal itself is folded.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from rich import box
from rich.console import Console, RenderableType
from rich.measure import Measurement
from rich.table import Table

from ...escape import rich_text

#: A cell: one line of text, or several lines (each made safe, then joined by us).
Cell = str | Sequence[str]


def new_table(title: str | None, heads: Sequence[str], one_line: Sequence[int] = ()) -> Table:
    """A table with our own column `heads` (not escaped) and a `title` from the data (escaped);
    the columns numbered in `one_line` (ids) never wrap."""
    table = Table(title=rich_text(title) if title else None)
    for index, head in enumerate(heads):
        table.add_column(head, overflow="fold", no_wrap=index in one_line)
    return table


def add_row(table: Table, *cells: Cell) -> None:
    table.add_row(*(rich_text(c) if isinstance(c, str) else "\n".join(rich_text(x) for x in c) for c in cells))


def print_tables(out: TextIO, *tables: Table) -> None:
    console = Console(file=out, emoji=False, highlight=False)
    for table in tables:
        console.print(_fitted(console, table))


def _frame(columns: int) -> int:
    """The characters a table of ours spends on borders and padding: `┃ a ┃ b ┃`."""
    return 3 * columns + 1


def _measure(console: Console, table: Table) -> tuple[list[int], list[int]]:
    """Each column's narrowest width that splits no word, and its natural width."""
    least, most = [], []
    for column in table.columns:
        sizes = [Measurement.get(console, console.options, cell) for cell in (column.header, *column.cells)]
        widest = max(m.maximum for m in sizes)
        most.append(widest)
        least.append(widest if column.no_wrap else max(m.minimum for m in sizes))
    return least, most


def _share(least: list[int], most: list[int], room: int) -> list[int]:
    """Widths between `least` and `most` that add up to at most `room` (which holds `least`): every
    column is capped at one level, as high as the room allows, so the widest give way first."""
    if sum(most) <= room:
        return most
    low, high = 0, max(most)
    while low < high:  # the highest level at which the columns still fit
        level = (low + high + 1) // 2
        if sum(max(a, min(b, level)) for a, b in zip(least, most, strict=True)) <= room:
            low = level
        else:
            high = level - 1
    widths = [max(a, min(b, low)) for a, b in zip(least, most, strict=True)]
    spare = room - sum(widths)
    for i, (width, b) in enumerate(zip(widths, most, strict=True)):  # what is left, a character each
        if spare and width < b:
            widths[i], spare = width + 1, spare - 1
    return widths


def _compact(table: Table) -> Table:
    """`table` with a lighter frame: a rule under the header, no outer edges, no edge padding."""
    table.box, table.show_edge, table.pad_edge = box.SIMPLE_HEAD, False, False
    return table


def _fitted(console: Console, table: Table) -> RenderableType:
    least, most = _measure(console, table)
    compact = table.box is box.SIMPLE_HEAD
    room = console.width - (_frame(len(table.columns)) if not compact else 3 * (len(table.columns) - 1))
    if sum(least) > room:
        kept = _without_empty_columns(table)
        if kept is not None:  # a column with nothing in it is the first thing a narrow terminal can spare
            return _fitted(console, _compact(kept) if compact else kept)
        if not compact:  # then the frame: four characters, enough for a 5-column table in 80
            return _fitted(console, _compact(table))
        return _records(console, table)
    for column, width in zip(table.columns, _share(least, most, room), strict=True):
        column.width = width
    return table


def _without_empty_columns(table: Table) -> Table | None:
    """`table` without the columns that are empty in every row, or None if there are none."""
    keep = [i for i, column in enumerate(table.columns) if any(cell != "" for cell in column.cells)]
    if len(keep) == len(table.columns) or not keep:
        return None
    narrower = Table(title=table.title)
    for i in keep:
        column = table.columns[i]
        narrower.add_column(column.header, overflow=column.overflow, no_wrap=column.no_wrap)
    cells = [list(column.cells) for column in table.columns]
    for row in range(table.row_count):
        narrower.add_row(*(cells[i][row] for i in keep))
    return narrower


def _records(console: Console, table: Table) -> Table:
    """`table` with one record per row: each column's head beside its value, empty values left out."""
    records = Table(title=table.title, show_header=False)
    records.add_column(overflow="fold")
    records.add_column(overflow="fold")
    heads = [str(column.header) for column in table.columns]  # our own words (new_table)
    cells = [list(column.cells) for column in table.columns]
    for row in range(table.row_count):
        shown = [(head, column[row]) for head, column in zip(heads, cells, strict=True) if column[row] != ""]
        for i, (head, cell) in enumerate(shown):
            records.add_row(head, cell, end_section=i == len(shown) - 1)
    least, most = _measure(console, records)
    room = console.width - _frame(2)
    if sum(least) <= room:
        widths = _share(least, most, room)
    else:  # a word wider than the terminal: folded, the one thing left to do
        widths = [min(most[0], room // 3)]
        widths.append(room - widths[0])
    for column, width in zip(records.columns, widths, strict=True):
        column.width = max(width, 1)
    return records
