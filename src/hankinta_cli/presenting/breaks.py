"""Line-break opportunities in long words of rendered HTML: a URL or an id of 120 characters in a
note must not push a table past the page (or the printed sheet).

CSS cannot do it without harm: `overflow-wrap: anywhere` on table cells lets the table layout
squeeze every column below its longest word, so short words in narrow columns ("käynnissä") break
mid-word whenever a table is wider than the page, as the measures table is on paper. Here only a
run of at least LONG characters without a space gets `<wbr>` elements (after `/ - _ . ? = , ;`,
and every STEP characters in a stretch of over STRETCH without them), which the browser uses only
if the word does not fit.
`<wbr>` is not copied with the text, so a copied URL stays whole.

Only text between tags is touched, never a tag or an attribute (Jinja's autoescape writes `>` in
an attribute as `&gt;`), nor the text of `title`, `style`, `script`, `textarea` or inline `svg`
(where `<wbr>` would be shown or is not allowed). An entity (`&amp;`) is never split.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

LONG = 30
STEP = 20
_AFTER = frozenset("/-_.?=,;")
#: a text run after a tag holding at least LONG characters (a fast scan: it starts with ">")
_RUN = re.compile(rf">([^<]{{{LONG},}})")
#: a word of LONG or more characters
_WORD = re.compile(rf"[^\s<>]{{{LONG},}}")
_ENTITY = re.compile(r"&#?\w{1,32};")
STRETCH = 40
_STRETCH = re.compile(rf"[^/\-_.?=,;]{{{STRETCH + 1},}}")
#: a tag from its "<", a quoted attribute value holding ">" included
_TAG = re.compile(r"""<[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>""")
#: a comment, or an element whose content is raw text
_COMMENT_OR_RAW = re.compile(r"<!--.*?-->|<(style|title|script|textarea)\b.*?</\1\s*>", re.S | re.I)
_FOREIGN = re.compile(r"<(/?)(svg|math)\b", re.I)


def breakable(html: str) -> str:
    """`html` with break opportunities in its long words (see the module's docstring). Cheap where
    there is nothing to do: a site's 35 000 pages are 300 MB, so only a run of text after a tag
    that holds a long word is looked at closely (is that ">" a tag's end? is it inside a raw or
    an svg element, or a comment?)."""
    out: list[str] = []
    last = 0
    skipped: list[tuple[int, int]] | None = None  # raw, svg and math elements, found at the first need
    for m in _RUN.finditer(html):
        run = m.group(1)
        if max(map(len, run.split()), default=0) < LONG:  # in C: most runs hold no long word
            continue
        start, end = m.start(1), m.end(1)
        lt = html.rfind("<", 0, start)
        tag = _TAG.match(html, lt) if lt >= 0 else None
        if tag is not None and tag.end() != start:
            continue  # that ">" is inside a quoted attribute value, not a tag's end
        if skipped is None:
            skipped = _skipped(html)
        i = bisect.bisect_right(skipped, (start, len(html) + 1)) - 1
        if i >= 0 and skipped[i][0] < start < skipped[i][1]:
            continue  # inside a raw, svg or math element, or a comment
        out += (html[last:start], _WORD.sub(lambda w: _word(w.group()), run))
        last = end
    if not out:
        return html
    out.append(html[last:])
    return "".join(out)


def _skipped(html: str) -> list[tuple[int, int]]:
    """Where the comments, the raw-text elements and the outermost svg and math elements are, in
    order."""
    spans = [(m.start(), m.end()) for m in _COMMENT_OR_RAW.finditer(html)]
    at = 0
    for m in _FOREIGN.finditer(html):
        if m.start() < at or m.group(1):
            continue  # (an "<svg" in a comment starts a span too: it only ever leaves more alone)
        at = _foreign_end(html, m.start())
        spans.append((m.start(), at))
    return sorted(spans)


def _foreign_end(html: str, start: int) -> int:
    """The end of the svg or math element starting at `start`, nested ones counted."""
    depth = 0
    for m in _FOREIGN.finditer(html, start):
        close = html.find(">", m.end())
        if close < 0:
            return len(html)
        if m.group(1):
            depth -= 1
        elif html[close - 1] != "/":  # not self-closing (<svg/>)
            depth += 1
        if depth <= 0:
            return close + 1
    return len(html)


def _word(word: str) -> str:
    """Break chances after `/ - _ . ? = , ;`; every STEP characters only in a word with a stretch
    of over STRETCH characters without them (a hash, a run of one letter): a long Finnish compound
    ("yhteishankintamahdollisuuksia") is never broken mid-word. Never inside a character as a
    reader sees it: not before a combining mark (a decomposed "ä"), a joiner or a variation
    selector, nor between the two halves of a flag."""
    forced = _STRETCH.search(word) is not None
    out: list[str] = []
    run = 0
    due = False
    i, n = 0, len(word)
    while i < n:
        entity = _ENTITY.match(word, i) if word[i] == "&" else None
        piece = entity.group() if entity else word[i]
        out.append(piece)
        i += len(piece)
        run += 1
        due = due or piece in _AFTER or (forced and run >= STEP)
        if due and i < n and not _joins(piece, word[i]):
            out.append("<wbr>")
            run, due = 0, False
    return "".join(out)


def _joins(before: str, after: str) -> bool:
    """Do `before` and `after` belong to one character as a reader sees it?"""
    if unicodedata.category(after).startswith("M") or after == "\u200d" or before == "\u200d":
        return True
    if "\ufe00" <= after <= "\ufe0f":
        return True
    flags = "\U0001f1e6" <= before[-1] <= "\U0001f1ff" and "\U0001f1e6" <= after <= "\U0001f1ff"
    return flags
