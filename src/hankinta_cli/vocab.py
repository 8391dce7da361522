"""Fixed vocabularies, defined once: the value stored in YAML, Finnish and English labels, aliases.

The stored values are Finnish because they are data a coordinator types and reads in a
programme file. English names are accepted as aliases where the CLI parses user input.
This module imports nothing heavy so the CLI can use it at start-up.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


@dataclass(frozen=True)
class Label:
    fi: str
    en: str
    aliases: tuple[str, ...] = ()


class Vocab(enum.StrEnum):
    """A vocabulary whose members carry labels; subclasses define LABELS."""

    @classmethod
    def labels(cls) -> dict[str, Label]:
        raise NotImplementedError

    @property
    def label(self) -> Label:
        return self.labels()[self.value]

    def text(self, lang: str) -> str:
        return self.label.en if lang == "en" else self.label.fi

    @classmethod
    def parse(cls, text: str) -> Vocab | None:
        """Accept the stored value, either label or an alias, case- and space-insensitively."""
        wanted = _fold(text)
        for member in cls:
            lab = member.label
            names = (member.value, lab.fi, lab.en, *lab.aliases)
            if wanted in {_fold(n) for n in names}:
                return member
        return None

    @classmethod
    def choices(cls) -> list[str]:
        return [m.value for m in cls]


def _fold(text: str) -> str:
    return " ".join(text.replace("_", " ").replace("-", " ").split()).casefold()


class Status(Vocab):
    """Status of a measure. A measure with no reported status has none: that is a gap."""

    NOT_STARTED = "ei aloitettu"
    IN_PROGRESS = "käynnissä"
    DONE = "valmis"
    DELAYED = "viivästynyt"
    SUSPENDED = "keskeytetty"
    ONGOING = "jatkuva"

    @classmethod
    def labels(cls) -> dict[str, Label]:
        return _STATUS


_STATUS = {
    "ei aloitettu": Label("ei aloitettu", "not started", ("not started", "todo", "kaynnistamatta")),
    "käynnissä": Label("käynnissä", "in progress", ("kaynnissa", "in progress", "started")),
    "valmis": Label("valmis", "done", ("done", "completed", "finished")),
    "viivästynyt": Label("viivästynyt", "delayed", ("viivastynyt", "delayed", "late")),
    "keskeytetty": Label("keskeytetty", "suspended", ("suspended", "paused", "cancelled")),
    "jatkuva": Label(
        "jatkuva (pysyvä käytäntö)", "ongoing (permanent practice)", ("ongoing", "permanent")
    ),
}

#: Shown where a measure has no status at all: a reporting gap, not "not started".
UNREPORTED = Label("ei raportoitu", "not reported")

#: Statuses that count as finished for overdue checks.
FINISHED = frozenset({Status.DONE, Status.ONGOING})


class Stage(Vocab):
    """Lifecycle stage of a programme (Kajaani's adoption process)."""

    DRAFT = "luonnos"
    CONSULTATION = "lausuntokierros"
    FINAL = "lopullinen"
    ADOPTED = "hyväksytty"

    @classmethod
    def labels(cls) -> dict[str, Label]:
        return _STAGE


_STAGE = {
    "luonnos": Label("luonnosvaihe", "draft", ("draft",)),
    "lausuntokierros": Label("lausuntokierros", "consultation", ("consultation",)),
    "lopullinen": Label("lopullinen muoto", "final form", ("final",)),
    "hyväksytty": Label("hyväksytty", "adopted", ("hyvaksytty", "adopted", "approved")),
}


class IndicatorKind(Vocab):
    """What an indicator's values are."""

    YES_NO = "kyllä/ei"
    COUNT = "lukumäärä"
    PERCENT = "prosentti"
    RATIO = "suhde"
    MONEY = "raha"
    DURATION = "kesto"
    QUALITATIVE = "laadullinen"
    UNDEFINED = "määrittelemätön"

    @classmethod
    def labels(cls) -> dict[str, Label]:
        return _KIND


_KIND = {
    "kyllä/ei": Label("kyllä/ei (K/E)", "yes/no", ("k/e", "yes/no", "boolean")),
    "lukumäärä": Label("lukumäärä (kpl)", "count", ("kpl", "count")),
    "prosentti": Label("prosenttiosuus (%)", "percent", ("%", "percent")),
    "suhde": Label("suhde tai osuus", "ratio or share", ("ratio", "share", "osuus")),
    "raha": Label("rahamäärä (€)", "money (€)", ("€", "eur", "money")),
    "kesto": Label("kesto", "duration", ("duration", "kk")),
    "laadullinen": Label("laadullinen", "qualitative", ("qualitative",)),
    "määrittelemätön": Label(
        "määrittelemättä (projektoidaan erikseen)", "to be defined", ("undefined", "tbd")
    ),
}


class Direction(Vocab):
    """Which way an indicator should move."""

    INCREASE = "kasvu"
    DECREASE = "lasku"
    REACH = "saavutus"

    @classmethod
    def labels(cls) -> dict[str, Label]:
        return _DIRECTION


_DIRECTION = {
    "kasvu": Label("kasvava", "increase", ("increase", "up")),
    "lasku": Label("laskeva", "decrease", ("decrease", "down")),
    "saavutus": Label("tavoitetaso saavutetaan", "reach a level", ("reach",)),
}


class Granularity(Vocab):
    """How often an indicator is observed; also the shape of its observation periods."""

    YEAR = "vuosi"
    HALF = "puolivuosi"
    QUARTER = "neljännes"
    MONTH = "kuukausi"
    ONCE = "kerta"

    @classmethod
    def labels(cls) -> dict[str, Label]:
        return _GRANULARITY


_GRANULARITY = {
    "vuosi": Label("vuosittain", "yearly", ("year", "yearly")),
    "puolivuosi": Label("puolivuosittain", "half-yearly", ("half", "half-year")),
    "neljännes": Label("neljännesvuosittain", "quarterly", ("quarter", "quarterly")),
    "kuukausi": Label("kuukausittain", "monthly", ("month", "monthly")),
    "kerta": Label("kertaluonteinen", "once", ("once",)),
}


class Source(Vocab):
    """Where an indicator's values come from."""

    MANUAL = "manuaalinen"
    HILMA = "hilma"
    SPEND = "ostodata"
    DERIVED = "johdettu"

    @classmethod
    def labels(cls) -> dict[str, Label]:
        return _SOURCE


_SOURCE = {
    "manuaalinen": Label("käsin kirjattu", "manual", ("manual",)),
    "hilma": Label("HILMA-ilmoitukset", "HILMA notices", ("HILMA",)),
    "ostodata": Label("osto- ja laskudata", "spend data", ("spend",)),
    "johdettu": Label("laskettu muista mittareista", "derived", ("derived",)),
}


class Dimension(Vocab):
    """Laurea's three dimensions of sustainable procurement, a tag any measure may carry."""

    SUSTAINABILITY = "kestävä kehitys"
    OPENNESS = "avoimuus"
    PARTNERSHIP = "kumppanuus"

    @classmethod
    def labels(cls) -> dict[str, Label]:
        return _DIMENSION


_DIMENSION = {
    "kestävä kehitys": Label("kestävä kehitys", "sustainability", ("sustainability",)),
    "avoimuus": Label("avoimuus", "openness", ("openness",)),
    "kumppanuus": Label("kumppanuus", "partnership", ("partnership",)),
}
