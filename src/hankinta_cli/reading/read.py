"""Reading programmes for the commands that only read them (`status`, `indicators`, `summary`,
`report`): a path → a validated `Programme`, or a `UserError` that speaks of reading.

The shared catalogue is recognised here, on the loaded data (`validate.is_catalogue`, as `check`
does): a folder's files include it, and a read command leaves it out.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..checking.findings import LoadError
from ..errors import UserError

if TYPE_CHECKING:
    from ..model import Programme


def load_programme(path: Path, raw: bytes | None = None) -> Programme | None:
    """The programme in `path` (or in `raw`, its bytes already read), or None if the file is a shared
    catalogue. UserError exit 1 (with the findings) if it does not load or validate, exit 2 if it
    cannot be read at all."""
    from ..checking.check import unreadable_reason
    from ..checking.validate import is_catalogue, validate
    from .load import cycles_off, load_bytes, load_path

    with cycles_off():  # as in check_bytes: collections while the tree is alive only walk it
        try:
            doc = load_path(path) if raw is None else load_bytes(raw, path)
        except LoadError as e:
            if e.finding.code == "HK001":  # not an invalid file: one that cannot be read (exit 2)
                raise UserError("file_unreadable", path=path, reason=unreadable_reason(e.finding)) from None
            raise UserError("read_invalid", code=1, findings=[e.finding], path=path) from None
        if is_catalogue(doc.data):
            return None
        programme, findings = validate(doc.data, doc.positions)
        del doc
    if programme is None:
        raise UserError("read_invalid", code=1, findings=findings, path=path)
    return programme


def load_programmes(paths: Iterable[Path]) -> list[tuple[Path, Programme]]:
    """Every programme among `paths` (catalogues left out); UserError if there is none."""
    paths = list(paths)
    out = [(p, programme) for p in paths if (programme := load_programme(p)) is not None]
    if not out:
        raise UserError("no_files", path=", ".join(str(p) for p in paths))
    return out


def programmes_named(args: list[str] | None, root_option: Path | None) -> list[Programme]:
    """The programmes that command arguments name (see `resolve`), read."""
    from .resolve import programme_paths

    return [programme for _, programme in load_programmes(programme_paths(args, root_option))]
