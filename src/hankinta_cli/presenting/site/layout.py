"""Where each page of the site lives, and the relative links between pages.

A page's key is its path below its language folder (`programmes/hyvinkaa/index.html`); its file
is `LANG/KEY`. Programme and indicator ids become ASCII, lower-case path segments (å, ä, ö → a, a,
o), so two ids that differ only by case cannot overwrite each other on a file system that ignores
case; within a programme a clash gets a number (`m1-2`). Links are relative and name a file
(`../index.html`, never `../`), so the site works from `file://` and under any sub-path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

MARKER = ".hankinta-site"
STYLE = "style.css"
ROOT_PAGE = "index.html"
FRONT = "index.html"

_ASCII = str.maketrans("åäöÅÄÖ", "aaoAAO")


def slug(id_: str) -> str:
    """A path segment for a model id (ids are [0-9A-Za-zÅÄÖåäö._-], starting with a letter or digit)."""
    return id_.translate(_ASCII).lower()


def slugs(ids: Iterable[str]) -> dict[str, str]:
    """Each id's segment, unique among `ids`: in order, a clash gets `-2`, `-3` …"""
    return _unique(ids, slug)


def _unique(names: Iterable[str], make: Callable[[str], str]) -> dict[str, str]:
    out: dict[str, str] = {}
    taken: set[str] = set()
    for name in names:
        if name in out:
            continue
        base = candidate = make(name)
        n = 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        out[name] = candidate
        taken.add(candidate)
    return out


def programme_page(programme: str) -> str:
    return f"programmes/{programme}/index.html"


def indicator_page(programme: str, indicator: str) -> str:
    return f"programmes/{programme}/indicators/{indicator}.html"


def data_file(programme: str, suffix: str) -> str:
    """A programme's data download, once for every language (a file, not a key: no language folder):
    `indicators.json` or `values.csv`."""
    # under data/programmes/, so that no programme id can meet the calendar's data/calendar/
    return f"data/programmes/{programme}/{'indicators.json' if suffix == 'json' else 'values.csv'}"


def catalogue_page(entry: str) -> str:
    return f"catalogue/{entry}.html"


DIMENSIONS = "dimensions/index.html"
UNITS = "units/index.html"
CALENDAR = "calendar/index.html"


def name_slug(name: str) -> str:
    """A path segment for free text (a unit's or a dimension's name): ASCII letters and digits,
    lower-case, words joined by '-' ("Kasvatus ja koulutus" → `kasvatus-ja-koulutus`); `x` if
    nothing is left."""
    import re
    import unicodedata

    ascii_ = unicodedata.normalize("NFKD", name.translate(_ASCII)).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")[:60].strip("-") or "x"


def name_slugs(names: Iterable[str]) -> dict[str, str]:
    """Each name's segment (`name_slug`), unique among `names` as `slugs` makes them."""
    return _unique(names, name_slug)


def dimension_page(dimension: str) -> str:
    return f"dimensions/{dimension}.html"


def unit_page(unit: str) -> str:
    return f"units/{unit}.html"


def calendar_file(name: str) -> str:
    """A calendar download, once for every language: `data/calendar/PLAN.csv` (one plan a file) or
    `data/calendar/calendar-LANG.ics`."""
    return f"data/calendar/{name}"


def file_of(lang: str, key: str) -> str:
    return f"{lang}/{key}"


def link(from_file: str, to_file: str) -> str:
    """The relative URL from one file of the site to another (both relative to the site's root, as
    `posixpath.relpath` from the first's folder would give, without its file-system calls)."""
    head, hash_, fragment = to_file.partition("#")
    here, there = from_file.split("/")[:-1], head.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "../" * (len(here) - common) + "/".join(there[common:]) + hash_ + fragment
