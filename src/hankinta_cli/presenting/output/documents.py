"""Documents a command makes (report, template, schema): to stdout, or to a file written
atomically and never over a programme (`atomic.write_output`)."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO


def emit(content: str | bytes, output: Path | None, out: TextIO) -> bool:
    """Write `content` to `out`, or to `output` when given; True if a file was written."""
    if output is None:
        out.write(content if isinstance(content, str) else content.decode("utf-8"))
        return False
    from ...editing.atomic import write_output

    write_output(output, content.encode("utf-8") if isinstance(content, str) else content)
    return True
