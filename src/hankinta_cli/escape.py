"""Text from other people, made inert for the place it goes.

Programme text, notes, spreadsheet cells and file names come from pull requests and other
units' spreadsheets. Each destination has its own dangerous characters, so each has one
function here and every writer uses it; nothing else in the code base escapes by hand.

| destination | function | what it neutralises |
|---|---|---|
| any display | `clean` | C0/C1 control characters (ANSI escapes), bidi overrides (U+202E …) |
| one line of a terminal or log | `one_line` | the above, and line breaks (no forged finding lines) |
| CSV printed to a terminal | `for_terminal` | `clean`'s characters (CR kept); not when written to a file or a pipe |
| Rich tables and text | `rich_text` | the above, and Rich markup (`[link=…]`, `[/]`) |
| CSS string literal | `css_string` | quotes, backslashes, line breaks: everything but letters and digits |
| Markdown (GitHub) inline text | `markdown_inline` | HTML, links, images, emphasis, table pipes, comments |
| a CSV or spreadsheet cell | `spreadsheet_cell` / `unspreadsheet_cell` | formulas (`=`, `+`, `-`, `@`, tab, CR) |
| SVG built in Python (report charts) | `xml_text` | the above `clean`, `<>&"'`, non-characters XML refuses |

HTML from templates needs nothing here: Jinja's autoescape handles `<>&"'`; `clean` removes what
escaping cannot (bidi overrides that reorder the text a reader sees).
"""

from __future__ import annotations

import re
from typing import Any, TextIO, cast

#: C0 controls except tab and newline, DEL, C1 controls; the bidi embeddings, overrides and
#: isolates (Trojan Source, CVE-2021-42574); line/paragraph separators.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\u200e\u200f\u061c]")
_BREAKS = re.compile(r"[\t\n]+")


def clean(text: str) -> str:
    """Remove control and bidi-override characters; keep tabs and line breaks (CR becomes LF)."""
    if text.isprintable():  # the usual case, answered in C: no control, format or separator characters
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


_NOT_XML = re.compile("[\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """Text or an attribute value in SVG markup built in Python (the report's charts, which
    templates place with `|safe`): `clean`, then `&<>"'` as references, so a label can end no
    element or attribute, and without the characters an XML parser refuses."""
    from html import escape

    return escape(_NOT_XML.sub("", clean(text)), quote=True)


#: What a terminal must not be sent: `_CONTROL` but CR (a CSV row ends in CR LF).
_TERMINAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029"
                       "\u200e\u200f\u061c]")


class TerminalSafe:
    """A text stream that removes control and bidi-override characters from what is written, for
    machine formats (CSV) printed to a terminal: an ESC in a cell would reach the terminal raw.
    Written to a file or a pipe the data stays as it is (see `for_terminal`)."""

    def __init__(self, out: TextIO) -> None:
        self._out = out

    def write(self, text: str) -> int:
        return self._out.write(_TERMINAL.sub("", text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._out, name)


def for_terminal(out: TextIO) -> TextIO:
    """`out` itself, or wrapped in `TerminalSafe` when it is a terminal."""
    isatty = getattr(out, "isatty", None)
    return cast(TextIO, TerminalSafe(out)) if isatty is not None and isatty() else out


def one_line(text: str) -> str:
    """`clean`, on one line: runs of line breaks and tabs become one space."""
    if text.isprintable():
        return text
    return _BREAKS.sub(" ", clean(text))


def rich_text(text: str) -> str:
    """One line for a Rich table cell or console: markup escaped so `[x]` shows as written."""
    from rich.markup import escape

    return escape(one_line(text))


def css_string(text: str) -> str:
    """The body of a double-quoted CSS string: every character but letters, digits and spaces
    as a CSS hex escape, so nothing can end the string, the rule or the style sheet. Each escape
    ends with a space, which CSS takes as part of the escape: a space after it would otherwise be
    swallowed (`\\00007d ` + ` x` shows as `} x`)."""
    out = []
    for ch in one_line(text):
        if ch.isalnum() or ch == " ":
            out.append(ch)
        else:
            out.append(f"\\{ord(ch):06x} ")
    return "".join(out)


# Characters that are Markdown or HTML syntax anywhere in a line (`&` too, so an entity such as
# `&lt;` in the data shows as written), and those that are syntax only at the start of a line.
_MD_ANYWHERE = re.compile(r"([\\`*_\[\]|~$#])")
_MD_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
_MD_LINE_START = re.compile(r"\A(?:[+=-]|\d+(?=[.)](?:\s|\Z)))")


def markdown_inline(text: str) -> str:
    """Text for a heading, list item, paragraph or table cell of a GitHub-flavoured Markdown
    document: shown literally, never as HTML, a link, an image, a comment or a new column."""
    flat = one_line(text).strip()
    flat = re.sub(r"[<>&]", lambda m: _MD_ENTITIES[m.group()], flat)
    flat = _MD_ANYWHERE.sub(r"\\\1", flat)
    return _MD_LINE_START.sub(lambda m: m.group() + "\\" if m.group()[0].isdigit() else "\\" + m.group(), flat)


#: A cell starting with one of these is a formula in Excel or LibreOffice (OWASP CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_NUMBER = re.compile(r"[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?\Z")


def spreadsheet_cell(text: str) -> str:
    """A CSV/XLSX text cell that a spreadsheet shows as text: a leading `'` before anything that
    would start a formula. Plain numbers (-3, +1,5) are left alone: they are values, not formulas.
    `unspreadsheet_cell` reverses it, so an exported file imports back unchanged."""
    if text.startswith(_FORMULA_START) and not _NUMBER.match(text):
        return "'" + text
    if text.startswith("'") and text[1:].startswith(("'", *_FORMULA_START)):
        return "'" + text  # a value that itself starts with the escape character
    return text


def xlsx_text(text: str) -> str:
    """An .xlsx string cell: stored as text, so a formula sign needs no escape there; only a text
    that itself starts with the escape character (`'=…`) gets one more `'`, since the reader
    (`unspreadsheet_cell`) takes one off."""
    if text.startswith("'") and text[1:].startswith(("'", *_FORMULA_START)):
        return "'" + text
    return text


def unspreadsheet_cell(text: str) -> str:
    """The value a `spreadsheet_cell` was made from."""
    if text.startswith("'") and text[1:].startswith(("'", *_FORMULA_START)):
        return text[1:]
    return text


def markdown_code(text: str) -> str:
    """A Markdown code span (a file name in a table cell): shown literally, never ending the span
    or the cell. The fence is one backtick longer than any run inside; `|` is escaped for tables."""
    flat = one_line(text).replace("|", "\\|")
    runs = re.findall(r"`+", flat)
    fence = "`" * (max((len(r) for r in runs), default=0) + 1)
    pad = " " if runs else ""
    return f"{fence}{pad}{flat}{pad}{fence}"
