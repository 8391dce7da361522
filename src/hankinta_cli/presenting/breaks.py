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
_RAW = re.compile(r"<(style|svg|title|script|textarea)\b.*?</\1\s*>", re.S)


def breakable(html: str) -> str:
    """`html` with break opportunities in its long words (see the module's docstring). Cheap where
    there is nothing to do: a site's 35 000 pages are 300 MB, and a pattern tried at every
    character of them would cost many seconds."""
    out: list[str] = []
    last = 0
    raw: list[tuple[int, int]] | None = None  # where the raw elements are, found at the first need
    for m in _RUN.finditer(html):
        run = m.group(1)
        if max(map(len, run.split()), default=0) < LONG:  # in C: most runs hold no long word
            continue
        start = m.start(1)
        if raw is None:
            raw = [(r.start(), r.end()) for r in _RAW.finditer(html)]
        i = bisect.bisect_right(raw, (start, len(html))) - 1
        if i >= 0 and raw[i][0] < start < raw[i][1]:
            continue  # inside a style, svg, title, script or textarea element
        out += (html[last:start], _WORD.sub(lambda w: _word(w.group()), run))
        last = m.end(1)
    if not out:
        return html
    out.append(html[last:])
    return "".join(out)


def _word(word: str) -> str:
    """Break chances after `/ - _ . ? = , ;`; every STEP characters only in a word with a stretch
    of over STRETCH characters without them (a hash, a run of one letter): a long Finnish compound
    ("yhteishankintamahdollisuuksia") is never broken mid-word."""
    forced = _STRETCH.search(word) is not None
    out: list[str] = []
    run = 0
    i, n = 0, len(word)
    while i < n:
        entity = _ENTITY.match(word, i) if word[i] == "&" else None
        piece = entity.group() if entity else word[i]
        out.append(piece)
        i += len(piece)
        run += 1
        if i < n and (piece in _AFTER or (forced and run >= STEP)):
            out.append("<wbr>")
            run = 0
    return "".join(out)
