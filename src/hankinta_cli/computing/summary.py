"""Evaluate many programmes for `hankinta summary`, on every core when there are many.

Each programme is loaded, validated and evaluated independently, so the files are spread
over worker processes; each returns a small ProgrammeSummary (or the error that stopped it),
never the whole model.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from ..errors import UserError
from .rollup import CatalogueRow, ProgrammeSummary

#: Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 24


def _one(job: tuple[Path, dt.date]) -> ProgrammeSummary | tuple[str, int, dict[str, Any], list[Any]] | None:
    from ..reading.read import load_programme
    from .metrics import evaluate_programme
    from .rollup import summarise

    path, as_of = job
    try:
        programme = load_programme(path)
    except UserError as e:  # sent back as data: an exception's own pickling would drop its fields
        return e.as_data()
    return None if programme is None else summarise(evaluate_programme(programme, as_of))


J = TypeVar("J")
R = TypeVar("R")


def in_parallel(work: Callable[[J], R], jobs: list[J]) -> list[R]:
    """`work` of each job, in order: on every core (at most 8) when there are PARALLEL_FROM jobs or
    more, else here. `work` is a module-level function, its jobs and results picklable."""
    workers = min(os.cpu_count() or 1, 8)
    if len(jobs) >= PARALLEL_FROM and workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(work, jobs, chunksize=max(1, len(jobs) // (workers * 4))))
    return [work(j) for j in jobs]


def summarise_files(paths: list[Path], as_of: dt.date) -> Iterator[tuple[Path, ProgrammeSummary | UserError]]:
    """Each programme's path and ProgrammeSummary in order (catalogues left out), or a UserError
    for a file that cannot be read or does not validate."""
    results = in_parallel(_one, [(p, as_of) for p in paths])
    for path, r in zip(paths, results, strict=True):
        if isinstance(r, tuple):
            yield path, UserError.from_data(r)
        elif r is not None:
            yield path, r


def summarise_paths(paths: list[Path], as_of: dt.date) -> tuple[list[ProgrammeSummary], list[CatalogueRow]]:
    """`hankinta summary`: each programme among `paths` summarised (catalogues left out), and the
    shared catalogue's indicators rolled up over them. The first file that cannot be read stops it."""
    from ..checking.check import load_catalogue
    from .rollup import rollup

    statuses, folder = [], None
    for path, outcome in summarise_files(paths, as_of):
        if isinstance(outcome, UserError):
            raise outcome
        statuses.append(outcome)
        folder = folder or path.parent  # the catalogue beside the first programme
    if folder is None:
        raise UserError("no_files", path=", ".join(str(p) for p in paths))
    return statuses, rollup(statuses, load_catalogue(folder)[0])
