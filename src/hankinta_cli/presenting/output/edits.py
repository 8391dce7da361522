"""What an edit did, in Finnish or English: its changes, then the diff (`--dry-run`) or where it
was saved. The one place edit results become text."""

from __future__ import annotations

from typing import TextIO

from ...editing.edit import Changed, EditResult, Linked, ValueKept, ValueReplaced
from ...editing.yamlpatch import render
from ...i18n import t


def change_text(change: Changed, lang: str) -> str:
    """One change as a sentence; values as they stand in the file."""
    if isinstance(change, Linked):
        from ...vocab import PlanStatus

        procedure = t("match_linked_procedure", lang, procedure=change.procedure) if change.procedure else ""
        status = t("match_linked_status", lang, status=PlanStatus(change.status).text(lang)) if change.status else ""
        return t("match_linked", lang, item=change.item, notices=", ".join(change.notices), procedure=procedure,
                 status=status)
    if isinstance(change, ValueKept):
        return t("hilma_kept", lang, id=change.id, period=change.period, old=render(change.old), new=render(change.new))
    if isinstance(change, ValueReplaced):
        return t("replaced_target" if change.target else "replaced", lang, period=change.period,
                 old=render(change.old), new=render(change.new))
    return t("imported", lang, obs=change.observations, replaced=change.replaced, history=change.history)


def write_edit(result: EditResult, dry_run: bool, lang: str, out: TextIO, err: TextIO) -> None:
    for change in result.changes:
        err.write(change_text(change, lang) + "\n")
    if dry_run:
        out.write(result.diff())
        err.write(t("dry_run", lang) + "\n")
    else:
        err.write(t("written" if result.changed else "unchanged", lang, path=result.path) + "\n")

