"""Notices parked in a temporary file, read back one at a time: memory flat in their number.

Which notices count is only known once every notice has been read (a later file may carry a
new version or a change notice), and a year of Finland's notices is some 20 000 of them. So
each notice read is written to a private temporary file (in memory up to `IN_MEMORY` bytes, on
disk past it) and only a small key stays in memory; a `Spooled` sequence reads each notice back
when it is iterated, so a command holds one notice's facts at a time, not the year's.

The file is the process's own (`tempfile`: created unlinked and readable by this user only) and
holds what this process pickled a moment earlier, never bytes from elsewhere.
"""

from __future__ import annotations

import pickle
import tempfile
from array import array
from collections.abc import Callable, Iterator, Sequence
from typing import IO, TypeVar, overload

from .model import Notice

#: Notices stay in memory up to this many bytes of pickles (a few hundred notices), then go to disk.
IN_MEMORY = 4 << 20

T = TypeVar("T")


class Spool:
    """An append-only store of notices; `put` gives the reference `get` takes."""

    def __init__(self, in_memory: int | None = None) -> None:
        limit = IN_MEMORY if in_memory is None else in_memory
        self._file: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=limit)  # noqa: SIM115 (lives as long as the spool)
        self._offsets = array("Q", [0])

    def put(self, notice: Notice) -> int:
        data = pickle.dumps(notice, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.seek(self._offsets[-1])
        self._file.write(data)
        self._offsets.append(self._offsets[-1] + len(data))
        return len(self._offsets) - 2

    def get(self, ref: int) -> Notice:
        start, end = self._offsets[ref], self._offsets[ref + 1]
        self._file.seek(start)
        notice: Notice = pickle.loads(self._file.read(end - start))  # our own pickles (see above)
        return notice


class Spooled(Sequence[T]):
    """A sequence whose items are made when wanted (`make(key)`), never kept: iterate it as often
    as needed, each pass reads the spool again."""

    def __init__(self, keys: Sequence[object], make: Callable[[object], T]) -> None:
        self._keys, self._make = keys, make

    def __len__(self) -> int:
        return len(self._keys)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...

    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        if isinstance(index, slice):
            return Spooled(self._keys[index], self._make)
        return self._make(self._keys[index])

    def __iter__(self) -> Iterator[T]:
        return (self._make(key) for key in self._keys)

    def __repr__(self) -> str:
        return f"Spooled({len(self)} items)"
