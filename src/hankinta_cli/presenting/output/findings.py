"""Writers for `hankinta check` results: text (people), json (programs), github (Actions).

The JSON shape is versioned (`"version": 1`) and documented in the README; additions keep
the version, removals or renames bump it.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Sequence
from json.encoder import encode_basestring as _encode_string
from pathlib import Path
from typing import Any, TextIO

from ...checking.check import FileResult
from ...checking.findings import Finding
from ...escape import markdown_code, markdown_inline, one_line
from ...i18n import check_summary, t

JSON_VERSION = 1
#: With this many findings of one warning code in one file, text output folds the rest.
FOLD_AFTER = 3


def severity(f: Finding, strict: bool) -> str:
    return "error" if strict else f.severity


def counts(results: Sequence[FileResult], strict: bool) -> tuple[int, int]:
    total = sum(len(r.findings) for r in results)
    if strict:
        return total, 0
    errors = sum(f.severity == "error" for r in results for f in r.findings)
    return errors, total - errors


def _display(path: Path) -> str:
    """The file's name as shown: relative when possible, on one line without control characters
    (a file name is someone else's text too). Messages are made safe by `Finding.message`."""
    try:
        # the folder resolved, not the file: a symlink is shown by its own name, not its target's
        name = (path.parent.resolve() / path.name).relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        name = path.as_posix()
    return one_line(name)


def use_colour(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def write_text(results: Sequence[FileResult], out: TextIO, lang: str, strict: bool,
               show_all: bool) -> None:
    colour = use_colour(out)

    def paint(text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if colour else text

    for r in results:
        name = _display(r.path)
        shown: Counter[str] = Counter()
        total = Counter(f.code for f in r.findings if severity(f, strict) == "warning")
        for f in r.findings:
            sev = severity(f, strict)
            if sev == "warning" and not show_all and total[f.code] > FOLD_AFTER + 1:
                shown[f.code] += 1
                if shown[f.code] > FOLD_AFTER:
                    if shown[f.code] == FOLD_AFTER + 1:
                        out.write("  " + paint(t("more", lang, n=total[f.code] - FOLD_AFTER, code=f.code),
                                               "2") + "\n")
                    continue
            label = paint(t(sev, lang), "1;31" if sev == "error" else "1;33")
            message, hint = f.texts(lang)
            out.write(f"{name}:{f.line}:{f.column}: {label} {paint(f.code, '1')} {message}\n")
            if hint:
                out.write(f"    {paint(t('hint', lang), '2')}: {hint}\n")


def _json_finding(f: Finding, lang: str, strict: bool) -> dict[str, Any]:
    message, hint = f.texts(lang)
    return {"code": f.code, "severity": severity(f, strict), "line": f.line, "column": f.column,
            "path": f.path, "message": message, "hint": hint}


def _json_head(results: Sequence[FileResult], lang: str, strict: bool,
               skipped: Sequence[Path] | None) -> dict[str, Any]:
    """Everything but the files; `skipped` (the files `--only-programmes` passed over) is there
    only when the selection was asked for: an addition within version 1."""
    errors, warnings = counts(results, strict)
    head: dict[str, Any] = {"version": JSON_VERSION, "tool": "hankinta check", "lang": lang,
                            "summary": {"files": len(results), "errors": errors, "warnings": warnings}}
    if skipped is not None:
        head["skipped"] = [_display(p) for p in skipped]
    return head


def to_json(results: Sequence[FileResult], lang: str, strict: bool,
            skipped: Sequence[Path] | None = None) -> dict[str, Any]:
    return {
        **_json_head(results, lang, strict, skipped),
        "files": [
            {"path": _display(r.path), "findings": [_json_finding(f, lang, strict) for f in r.findings]}
            for r in results
        ],
    }


def write_json(results: Sequence[FileResult], out: TextIO, lang: str, strict: bool,
               skipped: Sequence[Path] | None = None) -> None:
    """`json_text(to_json(...))`, with each finding written by the C encoder as soon as it is
    made: a check of a real repository writes thousands (tests compare the two)."""
    head = _json_head(results, lang, strict, skipped)
    parts = [json_text(head)[:-2], ',\n  "files": ']
    if not results:
        parts.append("[]")
    opening = "[\n    "
    item = "\n        "  # a finding's line break and indent; its fields are two deeper
    encode = json.JSONEncoder(ensure_ascii=False, separators=("," + item + "  ", ": ")).encode
    for r in results:
        parts.append(opening + '{\n      "path": ' + _encode_string(_display(r.path)) + ',\n      "findings": ')
        finding_opening = "[" + item
        for f in r.findings:
            flat = encode(_json_finding(f, lang, strict))
            parts.append(finding_opening + "{" + item + "  " + flat[1:-1] + item + "}")
            finding_opening = "," + item
        parts.append("\n      ]" if r.findings else "[]")
        parts.append("\n    }")
        opening = ",\n    "
    if results:
        parts.append("\n  ]")
    parts.append("\n}\n")
    out.write("".join(parts))


def json_text(value: Any) -> str:
    """The text of `json.dumps(value, ensure_ascii=False, indent=2)`, built directly.

    The standard library indents in pure Python, passing each of its ~30 pieces per finding up
    through a generator per level: for a check with thousands of findings that cost more than
    all the rules. Strings go through the same C escaper; other scalars as `json.dumps` writes them.
    """
    parts: list[str] = []
    _json_into(value, "\n", parts)
    return "".join(parts)


_SCALARS = frozenset((str, int, float, bool))


def _json_into(value: Any, newline: str, parts: list[str]) -> None:
    """Append `value` to `parts`; `newline` is a line break and the indent of its level."""
    if isinstance(value, str):
        parts.append(_encode_string(value))
    elif isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        inner = newline + "  "
        if all(type(k) is str and (v is None or type(v) in _SCALARS) for k, v in value.items()):
            # A flat mapping (a finding): the C encoder writes it, its item separator carrying the
            # line break and indent that `indent=2` would put there.
            flat = json.dumps(value, ensure_ascii=False, separators=("," + inner, ": "))
            parts.append("{" + inner + flat[1:-1] + newline + "}")
            return
        opening = "{" + inner
        for key, item in value.items():
            parts.append(opening)
            parts.append(_encode_string(key if isinstance(key, str) else json.dumps(key)))
            parts.append(": ")
            _json_into(item, inner, parts)
            opening = "," + inner
        parts.append(newline + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            parts.append("[]")
            return
        inner = newline + "  "
        opening = "[" + inner
        for item in value:
            parts.append(opening)
            _json_into(item, inner, parts)
            opening = "," + inner
        parts.append(newline + "]")
    elif type(value) is int:
        parts.append(int.__repr__(value))
    else:  # floats (NaN, Infinity), booleans, None, and anything json.dumps knows better
        parts.append(json.dumps(value, ensure_ascii=False))


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write_github(results: Sequence[FileResult], out: TextIO, lang: str, strict: bool) -> None:
    """Workflow commands: ::error file=…,line=…,col=…,title=…::message (escaped per GitHub's rules)."""
    for r in results:
        name = _escape_property(_display(r.path))
        for f in r.findings:
            cmd = severity(f, strict)
            props = f"file={name},line={f.line},col={f.column},title={_escape_property(f.code)}"
            text, hint = f.texts(lang)
            if hint:
                text += "\n" + hint
            out.write(f"::{cmd} {props}::{_escape_data(text)}\n")


def step_summary(results: Sequence[FileResult], lang: str, strict: bool) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: one row per file, then the errors."""
    errors, warnings = counts(results, strict)
    head = ("| tiedosto | virheet | varoitukset |" if lang == "fi" else "| file | errors | warnings |")
    lines = ["### hankinta check", "", check_summary(len(results), errors, warnings, lang), "", head,
             "|---|---:|---:|"]
    for r in results:
        e = sum(severity(f, strict) == "error" for f in r.findings)
        w = len(r.findings) - e
        lines.append(f"| {markdown_code(_display(r.path))} | {e} | {w} |")
    listed = [(r, f) for r in results for f in r.findings if severity(f, strict) == "error"]
    if listed:
        lines += ["", "| " + ("sijainti | koodi | viesti" if lang == "fi" else "location | code | message") + " |",
                  "|---|---|---|"]
        for r, f in listed[:200]:
            where = markdown_code(f"{_display(r.path)}:{f.line}:{f.column}")
            lines.append(f"| {where} | {f.code} | {markdown_inline(f.message(lang))} |")
    return "\n".join(lines) + "\n"


def exit_code(results: Sequence[FileResult], strict: bool) -> int:
    """`check`'s exit code: 2 if a file could not be read (I/O), else 1 for errors (warnings too
    with `strict`), else 0."""
    if any(f.code == "HK001" for r in results for f in r.findings):
        return 2
    return 1 if counts(results, strict)[0] else 0


#: The skipped files' line names this many, then "…".
SKIPPED_SHOWN = 8


def skipped_line(skipped: Sequence[Path], lang: str) -> str:
    """One line naming the files `check --only-programmes` did not check."""
    names = ", ".join(_display(p) for p in skipped[:SKIPPED_SHOWN]) + (", …" if len(skipped) > SKIPPED_SHOWN else "")
    return t("skipped_one" if len(skipped) == 1 else "skipped_many", lang,
             files=len(skipped), names=names)


def write_check(results: Sequence[FileResult], fmt: str, lang: str, strict: bool, show_all: bool,
                out: TextIO, err: TextIO, unsafe_cache: Path | None = None,
                skipped: Sequence[Path] | None = None) -> int:
    """The whole output of `check`: findings on `out` in `fmt` (text, json or github), the GitHub
    step summary when Actions asks for one, the summary line on `err` (after a warning when the
    cache folder was not safe to use, and after the line naming the `skipped` files, if any);
    returns the exit code. `skipped` is None unless the files were selected (`--only-programmes`)."""
    if unsafe_cache is not None:
        from .messages import write_warning

        write_warning(t("cache_unsafe", lang, path=unsafe_cache), t("cache_unsafe_hint", lang, path=unsafe_cache),
                      lang, err)
    if fmt == "json":
        write_json(results, out, lang, strict, skipped)
    elif fmt == "github":
        write_github(results, out, lang, strict)
    else:
        write_text(results, out, lang, strict, show_all)
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file and (fmt == "github" or os.environ.get("GITHUB_ACTIONS") == "true"):
        try:
            with open(summary_file, "a", encoding="utf-8") as fh:
                fh.write(step_summary(results, lang, strict))
        except OSError:
            pass  # the summary is a courtesy; the findings are already on stdout
    if skipped:
        err.write(skipped_line(skipped, lang) + "\n")
    errors, warnings = counts(results, strict)
    err.write(check_summary(len(results), errors, warnings, lang) + (t("strict", lang) if strict else "") + "\n")
    return exit_code(results, strict)
