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


class Method(Vocab):
    """How progress toward a target is judged. English names are accepted in files too."""

    STRAIGHT = "suora"
    GROWTH = "kasvuvauhti"

    @classmethod
    def labels(cls) -> dict[str, Label]:
        return _METHOD


_METHOD = {
    "suora": Label("suora polku lähtötasosta tavoitteeseen", "straight path from baseline to target",
                   ("linear", "straight")),
    "kasvuvauhti": Label("vuotuinen kasvuvauhti (Open SDG)", "compound annual growth (Open SDG)", ("growth",)),
}
#: Values a file may use for `method`: the Finnish ones and their English names.
METHOD_NAMES = {"suora": "suora", "linear": "suora", "kasvuvauhti": "kasvuvauhti", "growth": "kasvuvauhti"}


class DerivedOp(Vocab):
    """How a derived indicator is computed from others, period by period."""

    RATIO = "suhde"
    SHARE = "osuus"
    SUM = "summa"
    GROWTH = "vuosimuutos"

    @classmethod
    def labels(cls) -> dict[str, Label]:
        return _DERIVED


_DERIVED = {
    "suhde": Label("suhde: ensimmäinen jaettuna toisella", "ratio: the first divided by the second", ("ratio",)),
    "osuus": Label("osuus prosentteina: ensimmäinen / toinen × 100", "share in percent: first / second × 100",
                   ("share",)),
    "summa": Label("summa: kaikkien lueteltujen arvojen summa", "sum of all listed indicators", ("sum",)),
    "vuosimuutos": Label("muutos edellisestä kaudesta prosentteina", "change from the previous period in percent",
                         ("growth", "yoy")),
}


class OnTrack(Vocab):
    """Where an indicator stands against its target (see calc/ontrack.py for the rules)."""

    ACHIEVED = "saavutettu"
    ON_TRACK = "aikataulussa"
    BEHIND = "jäljessä"
    FAR_BEHIND = "selvästi jäljessä"
    NO_DATA = "ei tietoa"
    UNDEFINED = "määrittelemättä"

    @classmethod
    def labels(cls) -> dict[str, Label]:
        return _ONTRACK


_ONTRACK = {
    "saavutettu": Label("saavutettu", "achieved", ("achieved",)),
    "aikataulussa": Label("aikataulussa", "on track", ("on track", "on_track")),
    "jäljessä": Label("jäljessä", "behind", ("behind", "jaljessa")),
    "selvästi jäljessä": Label("selvästi jäljessä", "far behind", ("far behind", "far_behind")),
    "ei tietoa": Label("ei tietoa", "no data", ("no data", "no_data")),
    "määrittelemättä": Label("määrittelemättä", "not yet defined", ("undefined",)),
}


class Freshness(Vocab):
    """How recent a measure's last status update is, against the programme's intervals."""

    CURRENT = "ajantasainen"
    ACCEPTABLE = "hyväksyttävä"
    STALE = "vanhentunut"
    NONE = "ei raportoitu"

    @classmethod
    def labels(cls) -> dict[str, Label]:
        return _FRESHNESS


_FRESHNESS = {
    "ajantasainen": Label("ajantasainen", "current", ("current",)),
    "hyväksyttävä": Label("hyväksyttävä", "acceptable", ("acceptable",)),
    "vanhentunut": Label("vanhentunut", "out of date", ("stale",)),
    "ei raportoitu": Label("ei raportoitu", "not reported", ("none",)),
}
