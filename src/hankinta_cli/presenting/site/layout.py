"""Where each page of the site lives, and the relative links between pages.

A page's key is its path below its language folder (`programmes/hyvinkaa/index.html`); its file
is `LANG/KEY`. Programme and indicator ids become ASCII, lower-case path segments (å, ä, ö → a, a,
o), so two ids that differ only by case cannot overwrite each other on a file system that ignores
case; within a programme a clash gets a number (`m1-2`). Links are relative and name a file
(`../index.html`, never `../`), so the site works from `file://` and under any sub-path.
"""

from __future__ import annotations

from collections.abc import Iterable

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
    out: dict[str, str] = {}
    taken: set[str] = set()
    for id_ in ids:
        if id_ in out:
            continue
        base = candidate = slug(id_)
        n = 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        out[id_] = candidate
        taken.add(candidate)
    return out


def programme_page(programme: str) -> str:
    return f"programmes/{programme}/index.html"


def indicator_page(programme: str, indicator: str) -> str:
    return f"programmes/{programme}/indicators/{indicator}.html"


def data_file(programme: str, suffix: str) -> str:
    """A programme's data download, once for every language (a file, not a key: no language folder):
    `indicators.json` or `values.csv`."""
    return f"data/{programme}/{'indicators.json' if suffix == 'json' else 'values.csv'}"


def catalogue_page(entry: str) -> str:
    return f"catalogue/{entry}.html"


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
