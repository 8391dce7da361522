"""The starter programme of `hankinta init`: an empty skeleton, or the structure of another
programme without anything that belongs to the organisation that wrote it.

What a copy keeps is decided field by field (`KEPT`; everything else is left out, `DROPPED` says
why, and a test keeps the two covering every field of the model): the outline and the indicator
definitions are what an organisation can adopt; statuses, history, observations, baselines,
targets, owners, schedules, priorities and notes about the source document are the original's
facts and decisions, and a copy that kept them would report another organisation's progress as
its own. The new programme's id, name and organisation come from the command line.

Text is written with `yamlpatch.render`, which quotes whatever YAML would read otherwise (a
colon, `#`, a leading `-`, `yes`, a number, a line break, a control character), so a hostile
organisation name stays a name.
"""

from __future__ import annotations

import copy
import re
import string
import unicodedata
from pathlib import Path
from typing import Any

from ..editing.yamlpatch import render
from ..vocab import Stage
from ..walk import raw_items

#: What a copy keeps of each item, in the original's key order.
KEPT: dict[str, frozenset[str]] = {kind: frozenset(fields.split()) for kind, fields in {
    "theme": "id name description goals measures",
    "goal": "id title description key_measures measures indicators indicator_refs",
    "measure": "id title description objective dimensions tags indicators indicator_refs",
    # the definition: what is measured, how, from which source; never a value of the original's
    "indicator": "id name kind unit description numerator denominator granularity direction source source_note "
                 "hilma derived method catalogue",
    # the new programme's own header is written afresh (`derived`); of the original only these
    "programme": "language indicators themes",
}.items()}

#: What a copy leaves out, and why (the documentation of `KEPT`; README "hankinta init").
DROPPED: dict[str, dict[str, str]] = {
    "theme": {},
    "goal": {"note": "a remark on the original's source document"},
    "measure": {
        "responsible": "the original's units and people", "schedule": "the original's timetable",
        "priority": "the original's decision", "status": "the original's progress",
        "history": "the original's progress", "note": "a remark on the original's source document",
    },
    "indicator": {
        "baseline": "the original's value", "targets": "the original's decision (shared targets stay in the catalogue)",
        "observations": "the original's values", "note": "a remark on the original's source document",
        "reporting_units": "the original's organisation units",
    },
    "programme": {
        "schema_version": "written afresh", "id": "the new programme's", "name": "the new programme's",
        "organisation": "the new programme's", "hilma_buyers": "the original's business ids",
        "period": "the original's programme period", "stage": "written afresh: luonnos",
        "adoption": "the original's decision", "follow_up": "the original's body",
        "update_interval": "the original's policy (the defaults apply)", "description": "about the original",
        "mission": "the original's", "vision": "the original's", "values": "the original's",
        "principles": "the original's", "process": "the original's adoption process",
        "implementation": "the original's", "sources": "replaced by one naming the original",
        "notes": "remarks on the original's source document",
        "reporting_units": "the original's organisation units",
    },
}

MODELINE = "# yaml-language-server: $schema=../schemas/programme.schema.json\n"
#: The organisation-named starter's fixed name: "<organisation>: hankintaohjelma".
NAME_SUFFIX = ": hankintaohjelma"
_FILES = Path(__file__).resolve().parent / "files"


class _Template(string.Template):
    """`§{name}`: a delimiter that YAML, JSON, Markdown and GitHub's `${{ }}` never use."""

    delimiter = "§"


def fill(template_name: str, **values: str) -> str:
    """A template of `files/` with its `§{name}` fields filled (each value already quoted for
    where it goes); a missing field is a KeyError, never an empty hole."""
    text = (_FILES / template_name).read_text(encoding="utf-8")
    return _Template(text).substitute(values)


def slug(name: str) -> str:
    """A programme id from an organisation's name: `Hyvinkään kaupunki` → `hyvinkaan-kaupunki`."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:64].strip("-")
    return words or "ohjelma"


def starter(organisation: str, programme_id: str) -> str:
    """The empty skeleton: one theme, goal, measure and an indicator still to be defined."""
    return fill("programme.yaml", id=render(programme_id), name=render(organisation + NAME_SUFFIX),
                organisation=render(organisation))


def derived(original: dict[str, Any], organisation: str, programme_id: str) -> str:
    """The structure of `original` (loaded data that passed the model) as a new programme."""
    data = copy.deepcopy(original)
    for kind, _, item in list(raw_items(data)):
        for key in [k for k in item if k not in KEPT[kind]]:
            del item[key]
    body = {k: v for k, v in data.items() if k in KEPT["programme"]}
    source = {"title": str(original.get("name")), "publisher": str(original.get("organisation")),
              "note": "Tämän ohjelman rakenne (teemat, tavoitteet, toimenpiteet ja mittareiden määritelmät) on "
                      f"kopioitu tästä ohjelmasta komennolla hankinta init --from {original.get('id')}; sen tilat, "
                      "tilahistoria, arvot, tavoitteet, vastuutahot ja aikataulut jätettiin pois."}
    out = {"schema_version": 1, "id": programme_id, "name": organisation + NAME_SUFFIX,
           "organisation": organisation, "language": body.pop("language", "fi"), "stage": Stage.DRAFT.value, **body,
           "sources": [source]}
    return MODELINE + "".join(block(out, 0))


def block(value: dict[str, Any], indent: int) -> list[str]:
    """Block-style YAML lines for a mapping, two spaces a level, lists of mappings as `- key: …`;
    a mapping or list that holds only scalars is written on one line in flow style."""
    pad, lines = " " * indent, []
    for key, v in value.items():
        if isinstance(v, dict) and v and not _flat(v):
            lines += [f"{pad}{render(key)}:\n", *block(v, indent + 2)]
        elif isinstance(v, list) and v and any(isinstance(i, dict) for i in v):
            lines.append(f"{pad}{render(key)}:\n")
            for item in v:
                first, *rest = block(item, indent + 4)
                lines += [f"{pad}  - {first.lstrip()}", *rest]
        else:
            lines.append(f"{pad}{render(key)}: {render(v)}\n")
    return lines


def _flat(mapping: dict[str, Any]) -> bool:
    return all(not isinstance(v, (dict, list)) or (isinstance(v, list) and not any(
        isinstance(i, (dict, list)) for i in v)) for v in mapping.values())
