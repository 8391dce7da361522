"""What `hankinta init` made, in Finnish or English: the files, what the check of the new
programme says (and what its warnings mean), and the first commands to run there."""

from __future__ import annotations

import shlex
from collections import Counter
from typing import TextIO

from ...escape import one_line
from ...i18n import t
from ...scaffold import DEFAULT_REPO, Scaffold


def write_scaffold(s: Scaffold, source: str | None, lang: str, out: TextIO) -> None:
    out.write(t("init_made", lang, dir=s.target) + "\n")
    width = max(len(rel) for rel, _, _ in s.files)
    for rel, _, what in s.files:
        out.write(f"  {rel:<{width}}  {t(what, lang, source=source or '')}\n")
    errors = sum(f.severity == "error" for f in s.findings)
    out.write("\n" + t("init_checked", lang, errors=errors, warnings=len(s.findings) - errors) + "\n")
    by_code = Counter(f.code for f in s.findings)
    for code, count in sorted(by_code.items()):
        first = next(f for f in s.findings if f.code == code)
        out.write(f"  {code} × {count}: {one_line(first.texts(lang)[0])}\n")
    if s.findings:
        out.write(t("init_gaps", lang) + "\n")
    if any(DEFAULT_REPO.encode() in content for _, content, _ in s.files):
        out.write(t("init_placeholder", lang, repo=DEFAULT_REPO) + "\n")
    measure = s.measure
    out.write("\n" + t("init_next", lang) + "\n")
    for command in (f"cd {shlex.quote(str(s.target))}", "hankinta check",
                    f"hankinta status set {s.programme_id} {shlex.quote(measure)} käynnissä",
                    f"hankinta report {s.programme_id} -o raportti.html"):
        out.write(f"  {one_line(command)}\n")
