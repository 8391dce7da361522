"""Evaluate many programmes for `hankinta summary`, on every core when there are many.

Each programme is loaded, validated and evaluated independently, so the files are spread
over worker processes; each returns a small ProgrammeSummary (or the error that stopped it),
never the whole model.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from .calc.rollup import ProgrammeSummary
from .edit import EditError

#: Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 24


def _one(job: tuple[Path, dt.date]) -> ProgrammeSummary | tuple[str, int, dict[str, Any], list[Any]]:
    from .calc.metrics import evaluate_programme
    from .calc.rollup import summarise
    from .overview import load_programme

    path, as_of = job
    try:
        return summarise(evaluate_programme(load_programme(path), as_of))
    except EditError as e:  # sent back as data: an exception's own pickling would drop its fields
        return (e.key, e.code, e.params, list(e.findings))


def summarise_files(paths: list[Path], as_of: dt.date) -> Iterator[ProgrammeSummary | EditError]:
    """ProgrammeSummary per file in order, or an EditError for a file that does not validate."""
    jobs = [(p, as_of) for p in paths]
    workers = min(os.cpu_count() or 1, 8)
    if len(jobs) >= PARALLEL_FROM and workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(_one, jobs, chunksize=max(1, len(jobs) // (workers * 4))))
    else:
        results = [_one(j) for j in jobs]
    for r in results:
        if isinstance(r, tuple):
            key, code, params, findings = r
            yield EditError(key, code, findings, **params)
        else:
            yield r
