"""Finnish business ids (Y-tunnus, `1234567-8`): the check digit, and one written form.

The check digit: the seven digits weighted 7, 9, 10, 5, 8, 4, 2 and summed; the remainder
modulo 11 is 0 (check digit 0) or 2–10 (check digit 11 − remainder); a remainder of 1 is never
given out. Old ids of six digits are written with a leading zero.
"""

from __future__ import annotations

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)


def check_digit(digits: str) -> int | None:
    """The check digit of seven digits, or None when no id has them (remainder 1)."""
    remainder = sum(int(d) * w for d, w in zip(digits, _WEIGHTS, strict=True)) % 11
    if remainder == 1:
        return None
    return 0 if remainder == 0 else 11 - remainder


def normalise(text: str) -> str | None:
    """`text` as `1234567-8` when it is a valid Y-tunnus (also written `FI12345678`, `1234567 8`
    or with a six-digit body), else None."""
    s = text.strip().upper().replace(" ", "").replace(".", "")
    if s.startswith("FI"):
        s = s[2:]
    if "-" in s:
        body, _, check = s.partition("-")
    else:
        body, check = s[:-1], s[-1:]
    if len(body) == 6:
        body = "0" + body
    if not (len(body) == 7 and body.isdigit() and body.isascii() and len(check) == 1 and check.isdigit()):
        return None
    return f"{body}-{check}" if check_digit(body) == int(check) else None
