"""The one way a command reports a failure or a warning on stderr: the findings or bad rows
that explain it, then `hankinta: virhe: …` and `    vihje: …`."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from ...errors import UserError
from ...escape import one_line
from ...i18n import t


def write_error(e: UserError, lang: str, out: TextIO) -> None:
    """Messages quote user input, so each is flattened to one line without control characters."""
    for line in e.details(lang):  # a bad row quotes its cells
        out.write(one_line(line) + "\n")
    if e.findings and e.findings_of_edit:
        for f in e.findings:  # no line or column: the edited text was never written
            message, hint = f.texts(lang, edit=True)
            out.write(f"{t(f.severity, lang)} {f.code} {one_line(message)}\n")
            if hint:
                out.write(f"    {t('hint', lang)}: {one_line(hint)}\n")
    elif e.findings:
        from ...checking.check import FileResult
        from .findings import write_text

        write_text([FileResult(Path(str(e.params.get("path", ""))), e.findings)], out, lang, False, True)
    _write("error", e.message(lang), e.hint(lang), lang, out)


def write_warning(message: str, hint: str, lang: str, out: TextIO) -> None:
    _write("warning", message, hint, lang, out)


def _write(kind: str, message: str, hint: str, lang: str, out: TextIO) -> None:
    out.write(f"hankinta: {t(kind, lang)}: {one_line(message)}\n")
    if hint:
        out.write(f"    {t('hint', lang)}: {one_line(hint)}\n")
