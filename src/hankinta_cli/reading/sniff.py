"""Which YAML files are programmes, catalogues or procurement plans, for `check --only-programmes`
(the pre-commit hook).

pre-commit hands the hook every staged YAML file of a repository: its own `.pre-commit-config.yaml`,
GitHub workflows, docker-compose files. Those were never meant for hankinta, and checking them
fails every commit (HK102/HK103). A file is kept when

- it lies under a `programmes/` folder: the commands look for programmes there, so whatever is
  there is meant to be one (and is checked whatever it holds); likewise a `plans/` folder;
- it names the hankinta schema in its modeline
  (`# yaml-language-server: $schema=…/programme.schema.json`, `catalogue.schema.json` or
  `plan.schema.json`); or
- one of its top-level keys is a programme's, catalogue's or plan's own key (`schema_version`,
  `catalogue_version`, `plan_version`, `themes`, `organisation`, …), or close to one of the version keys
  (`schema_verison`, `catalog_version`).

Everything else is skipped, and `check` names it. The test errs towards checking: a programme
broken in any way that leaves one of its own keys at the top level is still checked, and so is a
file that cannot be read (the check says why). Keys common in other YAML (`name`, `id`,
`description`, `version`, …) decide nothing.

The keys come from libyaml's parser events, which accept what the strict loader refuses (tags,
anchors and aliases, as in docker-compose or GitLab CI files) and are read up to a syntax error;
after one, lines that start with `key:` at the first column count too.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import yaml

from ..checking.findings import LoadError
from .load import read
from .resolve import PLANS, PROGRAMMES

#: Top-level keys that only a programme (model.Programme) or a catalogue (model.Catalogue) has.
#: The models' other top-level keys (`id`, `name`, `description`, `language`, `period`, `stage`,
#: `values`, `process`, `sources`, `notes`) are common elsewhere; a test keeps this list in step
#: with the models.
OWN_KEYS = frozenset((
    "schema_version", "catalogue_version", "organisation", "hilma_buyers", "adoption", "follow_up", "update_interval",
    "mission", "vision", "principles", "indicators", "themes", "implementation", "reporting_units",
))
#: A procurement plan's own top-level keys (plan_model.Plan); its others (`organisation`,
#: `business_id`, `items`, …) are either a programme's already or common elsewhere.
PLAN_KEYS = frozenset(("plan_version", "horizon_months"))
#: The keys that say what a file is: a key this close to one of them (difflib's ratio) is taken for
#: its typo (`schema_verison` 0.93, `catalog_version` 0.94; docker-compose's `version` 0.67,
#: pre-commit's `default_language_version` 0.63). The other own keys count only as written: mkdocs'
#: `theme` is 0.91 from `themes`.
VERSION_KEYS = ("schema_version", "catalogue_version", "plan_version")
TYPO_CUTOFF = 0.85

_MODELINE = re.compile(r"#\s*yaml-language-server:\s*\$schema=(\S+)")
_SCHEMAS = ("programme.schema.json", "catalogue.schema.json", "plan.schema.json")
#: The modeline is a comment at the top of the file; it is looked for in this many characters.
_MODELINE_SPAN = 4096
_COLUMN0_KEY = re.compile(r"""^(["']?)([A-Za-z_][\w-]*)\1[ \t]*:(?:[ \t]|$)""", re.MULTILINE)


def is_programme_file(path: Path, base: Path) -> bool:
    """True if `path` is, or is meant to be, a programme or a catalogue (see the module's rules);
    a relative `path` is taken from `base`, and only folders below `base` decide its location."""
    full = path if path.is_absolute() else base / path
    if _under_programmes(full, base):
        return True
    try:
        raw = read(full)
    except LoadError:
        return True  # cannot tell: the check reports why it cannot be read
    text = raw.decode("utf-8", errors="replace")
    return _names_schema(text) or any(_own_key(k) for k in top_level_keys(text))


def programmes_among(paths: Iterable[Path], base: Path | None = None) -> tuple[list[Path], list[Path]]:
    """`paths` split into (programme or catalogue files, the others), each in the given order.
    `base` is the folder relative paths start from (the working directory)."""
    where = base if base is not None else Path.cwd()
    kept: list[Path] = []
    skipped: list[Path] = []
    for p in paths:
        (kept if is_programme_file(p, where) else skipped).append(p)
    return kept, skipped


def top_level_keys(text: str) -> list[str]:
    """The plain-text keys of the top-level mapping of each document in `text`, in order."""
    keys: list[str] = []
    # One [is a mapping, the next node is a key] per open collection.
    stack: list[list[bool]] = []
    loader = yaml.CSafeLoader(text) if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader(text)
    try:
        while loader.check_event():
            ev = loader.get_event()
            if isinstance(ev, (yaml.ScalarEvent, yaml.AliasEvent, yaml.CollectionStartEvent)):
                if stack and stack[-1][0]:
                    is_key = stack[-1][1]
                    stack[-1][1] = not is_key
                    if is_key and len(stack) == 1 and isinstance(ev, yaml.ScalarEvent):
                        keys.append(ev.value)
                if isinstance(ev, yaml.CollectionStartEvent):
                    stack.append([isinstance(ev, yaml.MappingStartEvent), True])
            elif isinstance(ev, yaml.CollectionEndEvent):
                stack.pop()
    except yaml.YAMLError:
        # a broken file: the keys written at the first column of any line count too
        keys += [m.group(2) for m in _COLUMN0_KEY.finditer(text)]
    finally:
        loader.dispose()
    return keys


def top_level_id(text: str) -> tuple[str, int, int] | None:
    """The top-level `id` of a document and where its value is (1-based line and column), read
    from libyaml's events up to it (it is near the top of a programme or plan); None when the
    document has none or cannot be read."""
    depth, is_key, want, root_map = 0, False, False, False
    loader = yaml.CSafeLoader(text) if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader(text)
    try:
        while loader.check_event():
            ev = loader.get_event()
            if isinstance(ev, yaml.CollectionStartEvent):
                if want:
                    return None
                depth += 1
                if depth == 1:
                    root_map = is_key = isinstance(ev, yaml.MappingStartEvent)
            elif isinstance(ev, yaml.CollectionEndEvent):
                depth -= 1
                is_key = depth == 1
            elif isinstance(ev, (yaml.ScalarEvent, yaml.AliasEvent)) and depth == 1:
                if want:
                    value, mark = getattr(ev, "value", None), ev.start_mark
                    return (str(value), mark.line + 1, mark.column + 1) if value and mark else None
                want = root_map and is_key and getattr(ev, "value", None) == "id"
                is_key = not is_key
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    return None


def _own_key(key: str) -> bool:
    if key in OWN_KEYS or key in PLAN_KEYS:
        return True
    return bool(difflib.get_close_matches(key, VERSION_KEYS, n=1, cutoff=TYPO_CUTOFF))


def _names_schema(text: str) -> bool:
    m = _MODELINE.search(text, 0, _MODELINE_SPAN)
    return m is not None and m.group(1).split("?")[0].endswith(_SCHEMAS)


def _under_programmes(path: Path, base: Path) -> bool:
    full = Path(os.path.normpath(path))
    try:
        folders: Sequence[str] = full.parent.relative_to(os.path.normpath(base)).parts
    except ValueError:
        folders = full.parent.parts  # outside `base`: its whole path decides
    return PROGRAMMES in folders or PLANS in folders
