"""Text made inert for each destination (escape.py), checked with the destinations' own parsers."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from hankinta_cli.escape import (
    clean,
    css_string,
    markdown_inline,
    one_line,
    rich_text,
    spreadsheet_cell,
    unspreadsheet_cell,
)

# Text biased towards the characters that are syntax somewhere.
hostile_text = st.text(
    alphabet=st.sampled_from(list("ab1 .-+#=|*_`[]()<>!&;\\\"'/:~$\n\t\r\x1b\x00\u202e\u2066ä€=@")),
    max_size=40,
)


def _walk(tokens):  # type: ignore[no-untyped-def]
    for tok in tokens:
        yield tok
        yield from _walk(tok.children or [])


_MARKUP = {"html_inline", "html_block", "link_open", "image", "code_inline", "em_open", "strong_open", "s_open",
           "fence", "code_block", "hr", "heading_open", "ordered_list_open", "bullet_list_open", "blockquote_open"}


@settings(max_examples=250, deadline=None)
@given(hostile_text)
def test_markdown_inline_is_plain_text_in_every_place(text: str) -> None:
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    safe = markdown_inline(text)
    expected = one_line(text).strip()
    # (document, the markup the template itself makes, which inline token holds the text)
    places = ((f"## {safe}\n", {"heading_open"}, 0), (f"- {safe}\n", {"bullet_list_open"}, 0),
              (f"{safe}\n", set(), 0), (f"| a | b |\n|---|---|\n| {safe} | x |\n", set(), 2))
    for doc, own, index in places:
        tokens = list(_walk(md.parse(doc)))
        assert {t.type for t in tokens} & _MARKUP <= own, doc
        if doc.startswith("|"):
            assert sum(t.type == "td_open" for t in tokens) == 2, doc
        inline = [t for t in tokens if t.type == "inline"]
        if not expected:
            continue
        shown = "".join(c.content for c in inline[index].children or [] if c.type == "text")
        assert shown.strip() == expected, doc


def test_markdown_inline_examples() -> None:
    assert markdown_inline("X\n<!--") == "X &lt;!--"
    assert markdown_inline("a|b") == "a\\|b"
    assert markdown_inline("3.1 Luomme hankintakalenterin") == "3.1 Luomme hankintakalenterin"
    assert markdown_inline("1. kohta") == "1\\. kohta"
    assert markdown_inline("![x](http://evil/)") == "!\\[x\\](http://evil/)"


@given(hostile_text)
def test_css_string_cannot_end_the_string(text: str) -> None:
    import tinycss2

    body = css_string(text)
    assert re.fullmatch(r"([A-Za-z0-9 ]|\\[0-9a-f]{6} |[^\x00-\x7f])*", body)
    # as a CSS parser (WeasyPrint's) reads it: one string token holding exactly the text
    tokens = tinycss2.parse_component_value_list(f'"{body}"')
    assert [t.type for t in tokens] == ["string"] and tokens[0].value == one_line(text)


def test_css_string_keeps_the_space_after_an_escape() -> None:
    assert css_string("} x") == "\\00007d  x"


@given(st.text(max_size=30))
def test_spreadsheet_cell_round_trips_and_never_starts_a_formula(text: str) -> None:
    cell = spreadsheet_cell(text)
    assert unspreadsheet_cell(cell) == text
    if cell[:1] in ("=", "+", "-", "@"):
        assert re.fullmatch(r"[-+]?[\d.,]+([eE][-+]?\d+)?", cell), cell


def test_spreadsheet_cell_examples() -> None:
    assert spreadsheet_cell('=HYPERLINK("http://x","y")') == '\'=HYPERLINK("http://x","y")'
    assert spreadsheet_cell("@SUM(A1)") == "'@SUM(A1)"
    assert spreadsheet_cell("-3,5") == "-3,5"
    assert spreadsheet_cell("'=x") == "''=x"
    assert spreadsheet_cell("Luonnos valmis") == "Luonnos valmis"


@given(hostile_text)
def test_terminal_text_has_no_controls_or_breaks(text: str) -> None:
    line = one_line(text)
    assert not re.search(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", line)
    assert "\n" not in clean(text).replace("\n", "") and "\r" not in clean(text)


def test_rich_text_escapes_markup() -> None:
    from rich.console import Console

    console = Console(record=True, width=200, color_system=None)
    console.print(rich_text("[/] [link=http://evil]x[/link] [bold]y"))
    assert console.export_text().strip() == "[/] [link=http://evil]x[/link] [bold]y"
