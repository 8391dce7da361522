"""Data → Programme, with every pydantic error turned into a positioned Finding.

pydantic reports a location such as ('themes', 0, 'goals', 2, 'id'); the loader's
Positions turn it into a line and column. Union members add their own names to the
location (e.g. 'int', 'constrained-str'): those steps are not in the data and are cut off,
and errors that end up at the same place are merged into one finding.
"""

from __future__ import annotations

import difflib
import enum
import re
import types
import typing
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

from pydantic import BaseModel, ValidationError

from ..i18n import fill
from ..reading.load import Positions
from ..reading.resolve import PLANS
from ..vocab import Source
from .findings import Finding

if TYPE_CHECKING:  # each model is imported where it validates: a plan's check never defines the programme's
    from ..model import Catalogue, Programme
    from ..plan_model import Plan

_DATE_ERRORS = frozenset(
    ("date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact", "date_type")
)
_TYPE_WORDS = {
    "string_type": ("tekstiä", "text"),
    "int_type": ("kokonaisluku", "a whole number"),
    "int_parsing": ("kokonaisluku", "a whole number"),
    "int_from_float": ("kokonaisluku", "a whole number"),
    "float_type": ("luku", "a number"),
    "float_parsing": ("luku", "a number"),
    "bool_type": ("true tai false", "true or false"),
    "bool_parsing": ("true tai false", "true or false"),
    "list_type": ("lista", "a list"),
    "dict_type": ("avain–arvo-rakenne", "a mapping"),
    "model_type": ("avain–arvo-rakenne", "a mapping"),
    "model_attributes_type": ("avain–arvo-rakenne", "a mapping"),
}


#: Finnish and English for the pydantic errors that reach the generic finding HK101.
_PROBLEMS = {
    "too_short": ("pitää olla vähintään {min_length:item}", "needs at least {min_length:item}"),
    "string_too_short": ("ei saa olla tyhjä", "must not be empty"),
    "greater_than_equal": ("pitää olla vähintään {ge}", "must be at least {ge}"),
    "less_than_equal": ("saa olla enintään {le}", "must be at most {le}"),
    "greater_than": ("pitää olla suurempi kuin {gt}", "must be greater than {gt}"),
    "less_than": ("pitää olla pienempi kuin {lt}", "must be less than {lt}"),
    "finite_number": ("pitää olla äärellinen luku", "must be a finite number"),
    "invalid_key": ("avaimen pitää olla teksti (nyt luku, totuusarvo tai tyhjä)",
                    "a key must be text (not a number, boolean or empty)"),
}


def describe(value: Any) -> tuple[str, str]:
    """What a YAML value looks like, in Finnish and English."""
    if value is None:
        return "tyhjä arvo", "an empty value"
    if isinstance(value, bool):
        return f"totuusarvo {str(value).lower()}", f"boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"luku {value}", f"number {value}"
    if isinstance(value, str):
        return f"teksti '{_short(value)}'", f"text '{_short(value)}'"
    if isinstance(value, list):
        return "lista", "a list"
    if isinstance(value, dict):
        return "avain–arvo-rakenne", "a mapping"
    return type(value).__name__, type(value).__name__


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def path_text(path: tuple[Any, ...]) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def _data_path(data: Any, loc: tuple[Any, ...], about_key: bool) -> tuple[Any, ...]:
    """The part of pydantic's location that exists in the data (drops union member tags).

    `about_key`: the error is about a key (missing or unknown), which then ends the path even
    though it is not in the data."""
    out: list[Any] = []
    node = data
    for i, step in enumerate(loc):
        in_map = isinstance(node, dict) and step in node
        in_list = isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)
        if in_map or in_list:
            node = node[step]
        elif about_key and i == len(loc) - 1 and isinstance(node, dict):
            out.append(step)
            break
        else:
            break
        out.append(step)
    return tuple(out)


def _model_at(path: tuple[Any, ...], root: type[BaseModel]) -> type[BaseModel] | None:
    """The model class that holds the mapping at `path` (the container of the last step)."""
    current: Any = root
    for step in path[:-1]:
        if isinstance(step, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        f = current.model_fields.get(step)
        if f is None:
            return None
        current = _inner_model(f.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if found is not None:
                return found
    return None


def _enum_at(path: tuple[Any, ...], root: type[BaseModel]) -> list[str]:
    model = _model_at(path, root)
    if model is None or not isinstance(path[-1] if path else None, str):
        return []
    f = model.model_fields.get(path[-1])
    return _enum_values(f.annotation) if f else []


def _enum_values(annotation: Any) -> list[str]:
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return [str(m.value) for m in annotation]
    out: list[str] = []
    if typing.get_origin(annotation) is typing.Literal:
        return [str(a) for a in typing.get_args(annotation)]
    for arg in typing.get_args(annotation):
        out += _enum_values(arg)
    return out


def shape(word: str) -> str:
    """An id's shape: letters → A, digits → 9 (a run of each counted once), the rest as is:
    '3.7' and '3.2' are 9.9, 'M16.3x' and 'M16.3b' are A9.9A, 'M3' is A9."""
    return re.sub(r"[^\W\d_]+", "A", re.sub(r"\d+", "9", word))


def suggest(word: str, choices: list[str]) -> str:
    """The one "did you mean" of every message: the closest of `choices` (ignoring case), or "".
    A word with a digit in it is an id, and only an id of the same shape is proposed: an unknown
    measure '3.7' suggests '3.4', never 'M3'; indicator 'M16.3x' suggests 'M16.3b', never 'M13'."""
    word = str(word)
    if any(ch.isdigit() for ch in word):
        choices = [c for c in choices if shape(c.casefold()) == shape(word.casefold())]
    match = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if not match:
        folded = {c.casefold(): c for c in choices}
        match = difflib.get_close_matches(word.casefold(), list(folded), n=1, cutoff=0.6)
        return folded[match[0]] if match else ""
    return match[0]


class Guess(TypedDict):
    guess: str
    guess_en: str


def guessed(word: str, choices: list[str]) -> Guess:
    """A message's `guess`/`guess_en` arguments: "Tarkoititko 'x'? " / "Did you mean 'x'? ", or ""."""
    guess = suggest(word, choices)
    return Guess(guess=f"Tarkoititko '{guess}'? " if guess else "",
                 guess_en=f"Did you mean '{guess}'? " if guess else "")


def is_catalogue(data: dict[str, Any]) -> bool:
    """A shared indicator catalogue (mittaristo.yaml) rather than a programme."""
    return "catalogue_version" in data


#: A plan's own top-level key (plans also live in the folder `PLANS`, beside `programmes/`).
PLAN_KEY = "plan_version"


def is_plan(data: dict[str, Any], path: Path | None = None) -> bool:
    """A procurement plan rather than a programme: it has `plan_version`, or it lies in a `plans/`
    folder (and is not a programme or catalogue by its own version key)."""
    if PLAN_KEY in data:
        return True
    in_plans = path is not None and PLANS in path.parent.parts
    return in_plans and "schema_version" not in data and "catalogue_version" not in data


def validate_plan(data: dict[str, Any], positions: Positions) -> tuple[Plan | None, list[Finding]]:
    from ..plan_model import Plan

    try:
        return Plan.model_validate(data), []
    except ValidationError as e:
        return None, findings_from_errors(e, data, positions, Plan)


def validate(data: dict[str, Any], positions: Positions) -> tuple[Programme | None, list[Finding]]:
    from ..model import Programme

    try:
        return Programme.model_validate(data), []
    except ValidationError as e:
        return None, findings_from_errors(e, data, positions, Programme)


def validate_catalogue(data: dict[str, Any], positions: Positions) -> tuple[Catalogue | None, list[Finding]]:
    from ..model import Catalogue

    try:
        return Catalogue.model_validate(data), []
    except ValidationError as e:
        return None, findings_from_errors(e, data, positions, Catalogue)


#: Model findings listed per file; the rest are counted in one HK111.
MAX_FINDINGS = 500


def findings_from_errors(
    error: ValidationError, data: dict[str, Any], positions: Positions, root: type[BaseModel]
) -> list[Finding]:
    by_place: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for err in error.errors(include_url=False):
        loc = tuple(err["loc"])
        if err["type"] == "invalid_key":
            key = _key_named(data, loc)
            if key is not _NO_KEY:  # pydantic names a key that is not text by its str()
                parent = _data_path(data, loc[:-1], False)
                line, col = positions.locate((*parent, key), key=True)
                by_place.setdefault((*parent, key), []).append({"type": "hk_invalid_key", "line": line, "col": col})
                continue
        path = _data_path(data, loc, err["type"] in ("missing", "extra_forbidden"))
        by_place.setdefault(path, []).append(dict(err))
    places = list(by_place.items())
    out = [_finding(path, errs, positions, root) for path, errs in places[:MAX_FINDINGS]]
    if len(places) > MAX_FINDINGS:
        # A file with thousands of model errors is not a programme someone edits by hand: the
        # first ones say what is wrong, and listing (and spelling-checking) the rest costs minutes.
        path = places[MAX_FINDINGS][0]
        line, col = positions.locate(path)
        out.append(Finding("HK111", line, col, path_text(path),
                           {"count": len(places) - MAX_FINDINGS, "limit": MAX_FINDINGS}))
    out.sort(key=lambda f: (f.line, f.column))
    return out


_NO_KEY = object()


def _key_named(data: Any, loc: tuple[Any, ...]) -> Any:
    """The key that is not text (None, 1, true) in the mapping at `loc[:-1]` that pydantic's
    `loc[-1]` (its str()) stands for; _NO_KEY when there is none."""
    node = data
    for step in loc[:-1]:
        in_map = isinstance(node, dict) and step in node
        if in_map or (isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)):
            node = node[step]
        else:
            return _NO_KEY
    if not isinstance(node, dict):
        return _NO_KEY
    return next((k for k in node if not isinstance(k, str) and str(k) == loc[-1]), _NO_KEY)


def _finding(path: tuple[Any, ...], errs: list[dict[str, Any]], positions: Positions,
             root: type[BaseModel]) -> Finding:
    err = errs[0]
    kind = err["type"]
    if kind == "hk_invalid_key":  # at the key itself, as the loader reports a mapping used as a key
        return Finding("HK017", err["line"], err["col"], path_text(path[:-1]), {})
    name = path_text(path)
    field = next((s for s in reversed(path) if isinstance(s, str)), "")
    value = err.get("input")
    if kind == "missing":
        line, col = positions.locate(path[:-1])
        return Finding("HK102", line, col, name, {"field": field})
    if kind == "extra_forbidden":
        line, col = positions.locate(path, key=True)
        model = _model_at(path, root)
        allowed = list(model.model_fields) if model else []
        if QUERY_KEY in path[:-1]:
            return _query_term(line, col, name, "kenttä", "field", field, allowed)
        return Finding("HK103", line, col, name, {
            "field": field, "did_you_mean": suggest(field, allowed), "allowed": ", ".join(allowed)})
    line, col = positions.locate(path)
    kinds = {e["type"] for e in errs}
    if kinds & {"enum", "literal_error"} and not isinstance(value, (dict, list)):
        expected = (err.get("ctx") or {}).get("expected", "")
        allowed = _enum_at(path, root) or [x.strip() for x in str(expected).split(",")]
        if QUERY_KEY in path:  # a term in a list (share: [ympäristö]): the list's vocabulary
            field_path = path[:-1] if path and isinstance(path[-1], int) else path
            terms = _enum_at(field_path, root) or allowed
            return _query_term(line, col, name, "termi", "term", str(value), terms)
        return Finding("HK104", line, col, name, {
            "field": field, "value": str(value), "did_you_mean": suggest(str(value), allowed),
            "allowed": ", ".join(allowed)})
    if kinds & _DATE_ERRORS:
        return Finding("HK106", line, col, name, {"field": field, "value": str(value)})
    is_id = field == "id" or field.endswith("_refs")
    if "string_pattern_mismatch" in kinds and is_id and isinstance(value, str):
        return Finding("HK107", line, col, name, {"value": value})
    if field == "period" and ("string_pattern_mismatch" in kinds or isinstance(value, float)):
        # a period is a year or text (2024-H1): a float (2024.5, .nan) is no period, quoted or not
        return Finding("HK108", line, col, name, {"value": _number_text(value) if isinstance(value, float)
                                                  else str(value)})
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "string_type" in kinds:
        return Finding("HK110", line, col, name, {"field": field, "value": _number_text(value)})
    custom = [e for e in errs if e["type"].startswith("hk_")]
    if custom:
        ctx = custom[0].get("ctx") or {}
        return Finding("HK109", line, col, name, {"problem": ctx.get("fi", custom[0]["msg"]),
                                                  "problem_en": ctx.get("en", custom[0]["msg"])})
    words = [_TYPE_WORDS[e["type"]] for e in errs if e["type"] in _TYPE_WORDS]
    if words:
        # a union (e.g. a value may be a number, text or true/false) lists every accepted type
        fi = " tai ".join(dict.fromkeys(w[0] for w in words))
        en = " or ".join(dict.fromkeys(w[1] for w in words))
        found_fi, found_en = describe(value)
        return Finding("HK105", line, col, name, {
            "field": field, "expected": fi, "expected_en": en, "found": found_fi, "found_en": found_en})
    fi_parts, en_parts = [], []
    for e in errs:
        ctx = e.get("ctx") or {}
        fi_text, en_text = _PROBLEMS.get(e["type"], (e["msg"], e["msg"]))
        fi_parts.append(fill(fi_text, "fi", ctx))
        en_parts.append(fill(en_text, "en", ctx))
    return Finding("HK101", line, col, name, {"field": field, "problem": "; ".join(fi_parts),
                                              "problem_en": "; ".join(en_parts)})


#: The key of an indicator's HILMA query: named after its source (`source: hilma`).
QUERY_KEY = Source.HILMA.value


def _query_term(line: int, col: int, name: str, what: str, what_en: str, value: str, allowed: list[str]) -> Finding:
    """An unknown word of a HILMA query (a key or a term): its own code, the vocabulary as the hint."""
    return Finding("HK210", line, col, name, {"what": what, "what_en": what_en, "value": value,
                                              "did_you_mean": suggest(value, allowed), "allowed": ", ".join(allowed)})


def _number_text(value: float | int) -> str:
    # YAML read "1.10" as 1.1: show what was read; the hint says to quote what was meant.
    return repr(value)
