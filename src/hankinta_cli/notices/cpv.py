"""CPV codes (Common Procurement Vocabulary, Regulation (EC) No 213/2008): which codes exist, and
their check digits.

A CPV code is eight digits and a check digit after a dash (`45000000-7`). No formula gives the
check digits: the best one (digits weighted 3, 7, 1, 3, 7, 1, 3, 7, sum modulo 10) reproduces
8 922 of the 9 454 codes, and the others (whole branches such as 033…, 421…, 722…) were given
digits that follow no rule in the 2008 revision, as the Publications Office has said (OP-TED/ePO
discussion 589). So a code is checked against the vocabulary itself: `cpv2008.txt` lists every
code of the main vocabulary with its check digit, one per line, sorted (the EU's CPV 2008 list;
Commission Decision 2011/833/EU allows its reuse). A code written without its check digit is
accepted when its eight digits are a code.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def _vocabulary() -> dict[str, str]:
    """The eight digits of every CPV 2008 code → its check digit."""
    text = (Path(__file__).with_name("cpv2008.txt")).read_text(encoding="ascii")
    return {line[:8]: line[9] for line in text.split()}


def check_digit(digits: str) -> str | None:
    """The check digit of the code with these eight digits, or None when there is no such code."""
    return _vocabulary().get(digits)


def nearest(digits: str) -> str:
    """The nearest broader code that exists (`45214299` → `45214200-2`), with its check digit,
    or "" when not even the division exists."""
    for keep in range(7, 1, -1):
        broader = digits[:keep] + "0" * (8 - keep)
        digit = check_digit(broader)
        if digit is not None:
            return f"{broader}-{digit}"
    return ""


def codes() -> list[str]:
    """Every code of the vocabulary with its check digit (9 454), in order."""
    return [f"{digits}-{digit}" for digits, digit in _vocabulary().items()]
