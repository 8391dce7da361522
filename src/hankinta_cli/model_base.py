"""What the programme model (`model.py`) and the plan model (`plan_model.py`) are built from: ids,
texts, years, numbers in range, business ids, and the base class every model shares. Apart from
the models themselves so that reading a plan does not define the programme's twenty classes."""

from __future__ import annotations

import math
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

#: Short, human-typed ids such as "3.2", "T5.1" or "innovatiiviset-osuus".
ID_PATTERN = r"^[0-9A-Za-zÅÄÖåäö][0-9A-Za-zÅÄÖåäö._-]{0,63}$"
#: Observation periods: 2024, 2024-H1, 2024-Q3, 2024-05.
PERIOD_PATTERN = r"^(19|20|21)[0-9]{2}(-H[12]|-Q[1-4]|-(0[1-9]|1[0-2]))?$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1)]
PeriodText = Annotated[str, StringConstraints(pattern=PERIOD_PATTERN)]
Year = Annotated[int, Field(ge=1900, le=2199)]
#: A year as a bare number (2024) or a period as text ("2024-H1").
PeriodRef = Year | PeriodText


def invalid(code: str, fi: str, en: str) -> PydanticCustomError:
    """A model-level error with both languages; validate.py turns it into finding HK109."""
    return PydanticCustomError("hk_" + code, "{en}", {"fi": fi, "en": en})


#: The largest magnitude of a number in a programme: far beyond any public budget, small enough
#: that whole numbers stay exact as floats and every calculation and format stays finite.
#: `check` and the calculations (`indicators`, `summary`, `report`) refuse the same values.
MAX_MAGNITUDE = 10**15


def _in_range(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    # an int is compared as it is: a huge one cannot be turned into a float for isfinite
    if (isinstance(value, int) or math.isfinite(value)) and abs(value) <= MAX_MAGNITUDE:
        return value
    raise invalid("number_range",
                  "luvun pitää olla äärellinen ja itseisarvoltaan enintään 10^15 (1 000 000 000 000 000)",
                  "a number must be finite and at most 10^15 (1,000,000,000,000,000) in magnitude")


Number = Annotated[int | float, AfterValidator(_in_range)]
Value = Annotated[bool | int | float | str, AfterValidator(_in_range)]


def _new_list() -> list[Any]:
    return []


def field(title: str, description: str, default: Any = ..., **kw: Any) -> Any:
    if kw.get("default_factory") is list:
        # pydantic reads a default factory's signature when it builds a model; for the builtin
        # `list` that means tokenizing its text signature, and compiling tokenize's patterns
        # first: 2 % of a short command's instructions, for nothing
        kw["default_factory"] = _new_list
    return Field(default, title=title, description=description, **kw)


def opt(title: str, description: str, **kw: Any) -> Any:
    return Field(None, title=title, description=description, **kw)


class Model(BaseModel):
    # defer_build: a model's validator is built when it first validates (or makes its schema), not
    # at import: checking a plan never pays for the programme's models, nor a programme for the plan's
    model_config = ConfigDict(extra="forbid", use_enum_values=False, validate_default=False, defer_build=True)


def _business_id(value: str) -> str:
    from .notices.business_id import normalise

    if normalise(value) != value:
        raise invalid("business_id", f"'{value}' ei ole kelvollinen Y-tunnus (muoto 1234567-8, tarkiste oikein)",
                      f"'{value}' is not a valid Finnish business id (form 1234567-8, with a correct check digit)")
    return value


#: A Finnish business id (Y-tunnus) as `1234567-8`, its check digit verified.
BusinessId = Annotated[str, StringConstraints(pattern=r"^[0-9]{7}-[0-9]$"), AfterValidator(_business_id)]


IdList = list[Id]
