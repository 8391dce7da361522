"""`UserError`: a user mistake or an input that cannot be used, as data for one clear message.

Raised by reading, resolving and editing alike; the CLI turns it into one line of message, one of
hint, the findings (if any) above them, and the exit code. Kept free of heavy imports.
"""

from __future__ import annotations

from typing import Any

from .checking.findings import Finding


class UserError(Exception):
    """An i18n key and its arguments; `code` is the exit code (1 findings, 2 usage or I/O);
    `findings` are shown before the message, at their place in the file `params["path"]`."""

    #: The findings are about a change a command was asked to make, found in a text that was never
    #: written: shown without line and column, with the hints for a value given (`Code.edit_fi`).
    findings_of_edit = False

    def __init__(self, key: str, code: int = 2, findings: list[Finding] | None = None, **params: Any) -> None:
        super().__init__(key)
        self.key, self.code, self.params = key, code, params
        self.findings = findings or []

    def message(self, lang: str) -> str:
        from .i18n import t

        return t(self.key, lang, **self.params)

    def hint(self, lang: str) -> str:
        from .i18n import has, t

        return t(self.key + "_hint", lang, **self.params) if has(self.key + "_hint") else ""

    def details(self, lang: str) -> list[str]:
        """Lines shown before the message (e.g. the bad rows of an import)."""
        return []

    def as_data(self) -> tuple[str, int, dict[str, Any], list[Finding]]:
        """The error as plain data, to cross a process boundary (an exception's own pickling
        would drop its fields); `from_data` rebuilds it."""
        return (self.key, self.code, self.params, list(self.findings))

    @classmethod
    def from_data(cls, data: tuple[str, int, dict[str, Any], list[Finding]]) -> UserError:
        key, code, params, findings = data
        return cls(key, code, findings, **params)
