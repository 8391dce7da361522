"""Finnish and English labels of the eForms codes the notice reader uses, from the EU
Publications Office's code lists (eForms SDK, EUPL-1.2), kept in `codelists.json`.

`codelists.json` is generated from the SDK's Genericode files (`*.gc`), never written by hand:

    python -m hankinta_cli.notices.labels PATH/TO/codelists > src/hankinta_cli/notices/codelists.json

It holds, per code list, each code's `[fi, en]` label. A code missing from the lists is shown
as written (and `parse.py` warns about it).
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path

#: The code lists read: those of the fields `parse.py` extracts.
LISTS = ("notice-type", "strategic-procurement", "environmental-impact", "social-objective",
         "innovative-acquisition", "gpp-criteria", "economic-operator-size", "winner-selection-status",
         "received-submission-type")


@cache
def _lists() -> dict[str, dict[str, list[str]]]:
    data: dict[str, dict[str, list[str]]] = json.loads(
        (Path(__file__).with_name("codelists.json")).read_text(encoding="utf-8"))
    return data


def known(codelist: str, code: str) -> bool:
    """Whether `code` is in `codelist` (a list not shipped knows every code)."""
    codes = _lists().get(codelist)
    return codes is None or code in codes


def label(codelist: str, code: str | None, lang: str) -> str:
    """The code's label in `lang` (fi or en), or the code itself."""
    if code is None:
        return ""
    labels = _lists().get(codelist, {}).get(code)
    return (labels[1] if lang == "en" else labels[0]) if labels else code


def generate(folder: Path) -> dict[str, dict[str, list[str]]]:
    """The labels of LISTS from the Genericode files in `folder` (read with the hardened parser)."""
    from lxml import etree

    from .parse import parser

    out: dict[str, dict[str, list[str]]] = {}
    for name in LISTS:
        root = etree.fromstring((folder / f"{name}.gc").read_bytes(), parser())
        codes: dict[str, list[str]] = {}
        for row in root.iter("Row"):
            values = {v.get("ColumnRef"): (v.findtext("SimpleValue") or "").strip() for v in row.iter("Value")}
            if values.get("code"):
                en = values.get("eng_label") or values.get("Name") or values["code"]
                codes[values["code"]] = [values.get("fin_label") or en, en]
        out[name] = dict(sorted(codes.items()))
    return out


if __name__ == "__main__":
    json.dump(generate(Path(sys.argv[1])), sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    sys.stdout.write("\n")
