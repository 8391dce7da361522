"""Fixed vocabularies, defined once: the value stored in YAML, Finnish and English labels, aliases,
and where a report shows them, their symbol and colour.

The stored values are Finnish because they are data a coordinator types and reads in a
programme file. English names are accepted as aliases where the CLI parses user input.
Code compares members (`Status.DONE`), never the strings they stand for; a test keeps the
values out of string literals elsewhere. This module imports nothing heavy so the CLI can use
it at start-up.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


@dataclass(frozen=True)
class Label:
    fi: str
    en: str
    aliases: tuple[str, ...] = ()
    #: A shape that carries the value in text, so colour is never the only cue (reports).
    symbol: str = ""
    #: A fill colour with at least 3:1 contrast against white (WCAG 1.4.11 for graphics; report charts).
    colour: str = ""


class Vocab(enum.StrEnum):
    """A vocabulary whose members carry labels; subclasses define LABELS."""

    @classmethod
    def labels(cls) -> dict[str, Label]:
        raise NotImplementedError

    @property
    def label(self) -> Label:
        return self.labels()[self.value]

    @property
    def fi(self) -> str:
        return self.label.fi

    @property
    def en(self) -> str:
        return self.label.en

    @property
    def symbol(self) -> str:
        return self.label.symbol

    @property
    def colour(self) -> str:
        return self.label.colour

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
    "ei aloitettu": Label("ei aloitettu", "not started", ("not started", "todo", "kaynnistamatta"),
                          "○", "#6e6e6e"),
    "käynnissä": Label("käynnissä", "in progress", ("kaynnissa", "in progress", "started"), "▶", "#0b57d0"),
    "valmis": Label("valmis", "done", ("done", "completed", "finished"), "✓", "#1a7f37"),
    "viivästynyt": Label("viivästynyt", "delayed", ("viivastynyt", "delayed", "late"), "!", "#b3261e"),
    "keskeytetty": Label("keskeytetty", "suspended", ("suspended", "paused", "cancelled"), "‖", "#7a4a00"),
    "jatkuva": Label(
        "jatkuva (pysyvä käytäntö)", "ongoing (permanent practice)", ("ongoing", "permanent"), "∞", "#0a6c74"
    ),
}


class Gap(Vocab):
    """Where a measure has no status at all: a reporting gap, not "not started". Counted, charted
    and listed beside the statuses under its own value."""

    UNREPORTED = "ei raportoitu"

    @classmethod
    def labels(cls) -> dict[str, Label]:
        return _GAP


_GAP = {"ei raportoitu": Label("ei raportoitu", "not reported", (), "?", "#8c8c8c")}

#: The status shown for a measure that has none.
UNREPORTED = Gap.UNREPORTED

#: Statuses that count as finished for overdue checks.
FINISHED = frozenset({Status.DONE, Status.ONGOING})

#: Statuses with no deadline ahead of them: finished, or suspended (cancelled). What is "coming up" leaves them out.
CLOSED = FINISHED | {Status.SUSPENDED}


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
    """How progress toward a target is judged (calc/ontrack.py). A file may write a method's value
    or its English name, its alias: together they are `spellings()`, the schema's choices."""

    STRAIGHT = "suora"
    GROWTH = "kasvuvauhti"

    @classmethod
    def labels(cls) -> dict[str, Label]:
        return _METHOD

    @classmethod
    def spellings(cls) -> tuple[str, ...]:
        return (*cls.choices(), *(alias for m in cls for alias in m.label.aliases))

    @classmethod
    def named(cls, name: str) -> Method:
        """The method a file's spelling names (a value or its English name)."""
        return next(m for m in cls if name == m.value or name in m.label.aliases)


_METHOD = {
    "suora": Label("suora polku lähtötasosta tavoitteeseen", "straight path from baseline to target", ("linear",)),
    "kasvuvauhti": Label("vuotuinen kasvuvauhti (Open SDG)", "compound annual growth (Open SDG)", ("growth",)),
}


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
    "vuosimuutos": Label("muutos vuoden takaisesta kaudesta prosentteina",
                         "change from the same period a year earlier in percent", ("growth", "yoy")),
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
    "saavutettu": Label("saavutettu", "achieved", ("achieved",), "✓", "#1a7f37"),
    "aikataulussa": Label("aikataulussa", "on track", ("on track", "on_track"), "●", "#0b57d0"),
    "jäljessä": Label("jäljessä", "behind", ("behind", "jaljessa"), "▲", "#9a6700"),
    "selvästi jäljessä": Label("selvästi jäljessä", "far behind", ("far behind", "far_behind"), "▲▲", "#b3261e"),
    # the class of an indicator that cannot be assessed (no value, target or baseline); "ei tietoa"
    # alone means no value at all (IndicatorStatus.without_values), so the label says more
    "ei tietoa": Label("ei arvioitavissa", "not assessable", ("no data", "no_data", "not assessable",
                                                             "not_assessable"), "–", "#8c8c8c"),
    "määrittelemättä": Label("määrittelemättä", "not yet defined", ("undefined",), "…", "#6e6e6e"),
}


class Reason(Vocab):
    """Why an indicator has no on-track class to show (calc/ontrack.py), shown beside "ei arvioitavissa"."""

    NO_DATA = "no_data"
    NO_TARGET = "no_target"
    NO_BASELINE = "no_baseline"
    NOT_COMPUTABLE = "not_computable"
    GROWTH_NOT_COMPUTABLE = "growth_not_computable"
    UNDEFINED = "undefined"
    PARTIAL = "partial"

    @classmethod
    def labels(cls) -> dict[str, Label]:
        return _REASON


_REASON = {
    "no_data": Label("ei tietoa", "no data"),
    "no_target": Label("ei tavoitetta", "no target"),
    "no_baseline": Label("ei lähtötasoa", "no baseline"),
    "not_computable": Label("ei laskettavissa", "cannot be computed"),
    "growth_not_computable": Label("kasvuvauhtia ei voi laskea", "growth cannot be computed"),
    "undefined": Label("projektoidaan erikseen", "to be defined"),
    "partial": Label("osittainen arvo: yksiköitä puuttuu", "partial value: units missing"),
}


def colours() -> dict[str, str]:
    """Each charted value's fill colour (statuses, the gap, on-track classes), for templates."""
    return {m.value: m.colour for vocab in (Status, Gap, OnTrack) for m in vocab}


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


class NoticeCount(Vocab):
    """What a HILMA query counts in eForms notices (computing/hilma.py): each procedure once, or its lots."""

    PROCEDURES = "menettelyt"
    LOTS = "osat"

    @classmethod
    def labels(cls) -> dict[str, Label]:
        return _NOTICE_COUNT


_NOTICE_COUNT = {
    "menettelyt": Label("hankintamenettelyt (kukin kerran)", "procedures (each once)", ("procedures",)),
    "osat": Label("osahankinnat (erät)", "lots", ("lots",)),
}


class NoticeKind(Vocab):
    """Which notices a HILMA query counts, by the eForms form of the notice."""

    COMPETITION = "kilpailutus"
    AWARD = "jälki-ilmoitus"
    PRIOR = "ennakkoilmoitus"

    @classmethod
    def labels(cls) -> dict[str, Label]:
        return _NOTICE_KIND


_NOTICE_KIND = {
    "kilpailutus": Label("hankintailmoitus (kilpailutus)", "contract notice", ("contract notice",)),
    "jälki-ilmoitus": Label("jälki-ilmoitus (myös suorahankinta- ja muutosilmoitus)",
                            "contract award notice (also VEAT and modification)", ("award notice",)),
    "ennakkoilmoitus": Label("ennakkoilmoitus", "prior information notice", ("prior information notice",)),
}


class NoticeFlag(Vocab):
    """A fact of a procedure or lot that a HILMA query filters on (`where`) or shares (`share`)."""

    GREEN = "ympäristö"
    SOCIAL = "sosiaalinen"
    INNOVATIVE = "innovaatio"
    STRATEGIC = "strateginen"
    SME_WINNER = "pk-voittaja"
    SINGLE_TENDER = "yksi-tarjous"

    @classmethod
    def labels(cls) -> dict[str, Label]:
        return _NOTICE_FLAG


_NOTICE_FLAG = {
    "ympäristö": Label("ympäristönäkökohdat (BT-06 env-imp, BT-774, BT-805)",
                       "environmental (BT-06 env-imp, BT-774, BT-805)", ("green", "environmental")),
    "sosiaalinen": Label("sosiaaliset näkökohdat (BT-06 soc-obj, BT-775)", "social (BT-06 soc-obj, BT-775)",
                         ("social",)),
    "innovaatio": Label("innovatiivinen hankinta (BT-06 inn-pur, BT-776)", "innovative (BT-06 inn-pur, BT-776)",
                        ("innovative",)),
    "strateginen": Label("jokin edellisistä kolmesta", "any of the three above", ("strategic",)),
    "pk-voittaja": Label("voittajana pk-yritys (BT-165)", "an SME winner (BT-165)", ("sme winner",)),
    "yksi-tarjous": Label("vain yksi tarjous (BT-759)", "only one tender received (BT-759)", ("single tender",)),
}


# --- procurement plans (plan_model.py) ---


class Nature(Vocab):
    """What a planned procurement buys (eForms' contract nature: works, supplies, services)."""

    WORKS = "rakennusurakka"
    SUPPLIES = "tavara"
    SERVICES = "palvelu"

    @classmethod
    def labels(cls) -> dict[str, Label]:
        return _NATURE


_NATURE = {
    "rakennusurakka": Label("rakennusurakka", "works", ("works", "urakka")),
    "tavara": Label("tavarahankinta", "supplies", ("supplies", "goods", "tavarat")),
    "palvelu": Label("palveluhankinta", "services", ("services", "palvelut")),
}


class PlanStatus(Vocab):
    """Where a planned procurement stands, from planned to tendered (or cancelled)."""

    PLANNED = "suunniteltu"
    PREPARING = "valmistelussa"
    TENDERING = "kilpailutuksessa"
    TENDERED = "kilpailutettu"
    CANCELLED = "peruttu"

    @classmethod
    def labels(cls) -> dict[str, Label]:
        return _PLAN_STATUS


_PLAN_STATUS = {
    "suunniteltu": Label("suunniteltu", "planned", ("planned",)),
    "valmistelussa": Label("valmistelussa", "in preparation", ("preparing", "in preparation")),
    "kilpailutuksessa": Label("kilpailutuksessa", "being tendered", ("tendering", "announced")),
    "kilpailutettu": Label("kilpailutettu", "tendered", ("tendered", "awarded", "done")),
    "peruttu": Label("peruttu", "cancelled", ("cancelled", "canceled")),
}

#: Plan statuses after the notice: a planned notice date no longer makes the item late.
ANNOUNCED = frozenset({PlanStatus.TENDERING, PlanStatus.TENDERED, PlanStatus.CANCELLED})


class Aim(Vocab):
    """A strategic aim a planned procurement carries (Kajaani's and Hyvinkää's programme goals)."""

    ENVIRONMENT = "ympäristö"
    SOCIAL = "sosiaalinen"
    INNOVATIVE = "innovatiivinen"
    SME = "pk-yritykset"

    @classmethod
    def labels(cls) -> dict[str, Label]:
        return _AIM


_AIM = {
    "ympäristö": Label("ympäristövastuu", "environmental", ("environment", "ymparisto", "environmental")),
    "sosiaalinen": Label("sosiaalinen vastuu", "social", ("social",)),
    "innovatiivinen": Label("innovatiivinen", "innovative", ("innovation", "innovative")),
    "pk-yritykset": Label("pk-yritysten osallistuminen (esim. osiin jako)", "SME access (e.g. lots)",
                          ("sme", "smes", "pk", "lots")),
}


class Procedure(Vocab):
    """The planned procedure (hankintalaki 1397/2016)."""

    OPEN = "avoin"
    RESTRICTED = "rajoitettu"
    NEGOTIATED = "neuvottelu"
    COMPETITIVE_DIALOGUE = "kilpailullinen neuvottelumenettely"
    INNOVATION = "innovaatiokumppanuus"
    FRAMEWORK_CALL = "puitejärjestelyn kilpailutus"
    DPS = "dynaaminen hankintajärjestelmä"
    DIRECT = "suorahankinta"
    SMALL = "pienhankinta"

    @classmethod
    def labels(cls) -> dict[str, Label]:
        return _PROCEDURE


_PROCEDURE = {
    "avoin": Label("avoin menettely", "open procedure", ("open",)),
    "rajoitettu": Label("rajoitettu menettely", "restricted procedure", ("restricted",)),
    "neuvottelu": Label("neuvottelumenettely", "negotiated procedure", ("negotiated",)),
    "kilpailullinen neuvottelumenettely": Label("kilpailullinen neuvottelumenettely", "competitive dialogue",
                                                ("competitive dialogue", "dialogue")),
    "innovaatiokumppanuus": Label("innovaatiokumppanuus", "innovation partnership", ("innovation partnership",)),
    "puitejärjestelyn kilpailutus": Label("puitejärjestelyn sisäinen kilpailutus", "call-off under a framework",
                                          ("framework", "minikilpailutus", "call-off")),
    "dynaaminen hankintajärjestelmä": Label("dynaaminen hankintajärjestelmä", "dynamic purchasing system",
                                            ("dps", "dhj")),
    "suorahankinta": Label("suorahankinta", "direct award", ("direct", "direct award")),
    "pienhankinta": Label("kansallisen kynnysarvon alittava hankinta", "below the national threshold",
                          ("small", "below threshold")),
}
