"""The procurement plan model (hankintasuunnitelma): one file per organisation or unit under `plans/`.

A plan lists the procurements an organisation means to make over a rolling horizon, each with its
value, priority 1–3, planned notice date and status. It shares the programme model's building
blocks (ids, texts, numbers, error texts) and vocabularies; descriptions are Finnish because they
become the JSON Schema (`schemas/plan.schema.json`). Cross-item rules (unique ids, items over the
threshold without a date, late notices, missing priorities) live in `checking/rules/plans.py`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from .model_base import BusinessId, Id, IdList, Model, Number, Text, Year, field, invalid, opt
from .vocab import ANNOUNCED, Aim, Nature, PlanStatus, Procedure

PLAN_VERSION = 1

#: A CPV code: eight digits, optionally a dash and the check digit (45000000-7). Whether the code
#: exists and its check digit is right is a rule (HK504, HK505 in rules/plans.py): no formula gives
#: the digits, the vocabulary does (notices/cpv.py).
CPV_PATTERN = re.compile(r"\d{8}(-\d)?")


def _cpv(text: str) -> str:
    if not CPV_PATTERN.fullmatch(text):
        raise invalid("cpv", f"CPV-koodi '{text}' ei kelpaa: muoto on 8 numeroa ja tarkiste, esim. 45000000-7",
                      f"CPV code '{text}' is not valid: the form is 8 digits and a check digit, e.g. 45000000-7")
    return text


Cpv = Annotated[str, AfterValidator(_cpv)]
Euros = Annotated[Number, Field(ge=0)]


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day when it is shorter): a plan's horizon
    and its update interval are counted in months."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))



class PlannedDate(Model):
    """Suunniteltu ajankohta: päivä tai vuosi ja kuukausi, neljännes tai puolivuosi."""

    date: dt.date | None = opt("Päivä", "Tarkka päivä (VVVV-KK-PP).")
    year: Year | None = opt("Vuosi", "Vuosi, kun tarkkaa päivää ei vielä tiedetä.")
    half: Literal[1, 2] | None = opt("Puolivuosi", "1 = tammi–kesäkuu, 2 = heinä–joulukuu; vaatii vuoden.")
    quarter: Literal[1, 2, 3, 4] | None = opt("Neljännes", "Vuosineljännes 1–4; vaatii vuoden.")
    month: Annotated[int, Field(ge=1, le=12)] | None = opt("Kuukausi", "Kuukausi 1–12; vaatii vuoden.")

    @model_validator(mode="after")
    def _consistent(self) -> PlannedDate:
        parts = [p for p in (self.half, self.quarter, self.month) if p is not None]
        if self.date is not None and (self.year is not None or parts):
            raise invalid("planned_date_both", "anna joko päivä tai vuosi (ja jakso), ei molempia",
                          "give a date or a year (and part of it), not both")
        if parts and self.year is None:
            raise invalid("planned_date_year", "kuukausi, neljännes tai puolivuosi vaatii vuoden",
                          "a month, quarter or half needs a year")
        if len(parts) > 1:
            raise invalid("planned_date_parts", "anna vain yksi: kuukausi, neljännes tai puolivuosi",
                          "give only one of month, quarter or half")
        if self.date is None and self.year is None:
            raise invalid("planned_date_empty", "ajankohta on tyhjä: anna päivä tai vuosi",
                          "the planned date is empty: give a date or a year")
        return self

    def window(self) -> tuple[dt.date, dt.date]:
        """The first and last day the planned date may mean."""
        if self.date is not None:
            return self.date, self.date
        year = self.year or 1900
        first, months = 1, 12
        if self.month:
            first, months = self.month, 1
        elif self.quarter:
            first, months = 3 * self.quarter - 2, 3
        elif self.half:
            first, months = 6 * self.half - 5, 6
        last = first + months - 1
        return dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1])

    def label(self) -> str:
        """2026-Q2, 2026-H1, 2026-05, 2026 or 2026-05-31: the form the command line accepts."""
        if self.date is not None:
            return self.date.isoformat()
        suffix = (f"-{self.month:02d}" if self.month else f"-Q{self.quarter}" if self.quarter
                  else f"-H{self.half}" if self.half else "")
        return f"{self.year}{suffix}"


class Contract(Model):
    """Sopimuskausi ja optiot."""

    start: dt.date | None = opt("Alkaa", "Sopimuksen suunniteltu alkupäivä (VVVV-KK-PP).")
    end: dt.date | None = opt("Päättyy", "Sopimuksen suunniteltu päättymispäivä ilman optioita (VVVV-KK-PP).")
    options: Text | None = opt("Optiot", "Optiokaudet sanallisesti, esim. '2 × 1 vuosi'.")

    @model_validator(mode="after")
    def _ordered(self) -> Contract:
        if self.start and self.end and self.end < self.start:
            raise invalid("contract_order", "sopimus päättyy ennen alkuaan", "the contract ends before it starts")
        return self


class PlanStatusEntry(Model):
    """Päivätty tilamerkintä hankinnan historiassa."""

    date: dt.date = field("Päivä", "Milloin tila todettiin (VVVV-KK-PP).")
    status: PlanStatus = field("Tila", "Hankinnan tila tuona päivänä.")
    note: Text | None = opt("Huomio", "Lyhyt selitys.")


class PlanItem(Model):
    """Suunniteltu hankinta."""

    id: Id = field("Tunniste", "Lyhyt pysyvä tunniste, esim. 'H2026-01'.")
    title: Text = field("Hankinta", "Hankinnan nimi.")
    description: Text | None = opt("Kuvaus", "Mitä hankitaan.")
    unit: Text | None = opt("Yksikkö", "Toimiala tai yksikkö, joka hankkii.")
    contact: Text | None = opt("Yhteyshenkilö", "Kuka vastaa hankinnan valmistelusta.")
    cpv: list[Cpv] = field("CPV-koodit", "CPV-koodit muodossa 45000000-7 (pääkoodi ensin).", default_factory=list)
    nature: Nature | None = opt("Hankintalaji", "rakennusurakka, tavara tai palvelu.")
    value: Euros | None = opt("Arvioitu arvo", "Arvioitu kokonaisarvo euroina ilman arvonlisäveroa, optiot mukaan.")
    value_public: bool = field("Arvo julkinen", "true, jos arvioidun arvon saa julkaista hankintakalenterissa.",
                               default=False)
    priority: Literal[1, 2, 3] | None = opt(
        "Prioriteetti", "1 = tärkeä ja kiireellinen, 2 = tärkeä mutta ei kiireellinen, 3 = ei kiireellinen.")
    notice: PlannedDate | None = opt("Ilmoitus", "Milloin hankintailmoitus on tarkoitus julkaista.")
    contract: Contract | None = opt("Sopimus", "Sopimuskausi ja optiot.")
    procedure: Procedure | None = opt("Menettely", "Suunniteltu hankintamenettely.")
    market_dialogue: PlannedDate | None = opt("Markkinavuoropuhelu", "Milloin markkinavuoropuhelu käydään.")
    aims: list[Aim] = field("Strategiset tavoitteet", "ympäristö, sosiaalinen, innovatiivinen tai pk-yritykset.",
                            default_factory=list)
    measure_refs: IdList = field("Ohjelman toimenpiteet", "Hankintaohjelman toimenpiteiden tunnisteet, joita "
                                 "hankinta toteuttaa.", default_factory=list)
    status: PlanStatus | None = opt("Tila", "suunniteltu, valmistelussa, kilpailutuksessa, kilpailutettu tai peruttu.")
    history: list[PlanStatusEntry] = field("Tilahistoria", "Päivätyt tilamerkinnät.", default_factory=list)
    notice_ids: list[Text] = field("Ilmoitukset", "Julkaistujen hankintailmoitusten tunnisteet (HILMA, TED).",
                                   default_factory=list)
    procedure_id: Text | None = opt("Hankintamenettelyn tunniste", "Kilpailutuksen tunniste, kun se on alkanut.")
    note: Text | None = opt("Sisäinen huomio", "Sisäinen huomio; ei koskaan julkisessa kalenterissa.")

    @property
    def announced(self) -> bool:
        """The notice went out (or the item was cancelled): its planned date no longer binds."""
        return self.status in ANNOUNCED or bool(self.notice_ids)

    def is_late(self, as_of: dt.date) -> bool:
        """The planned notice date has passed on `as_of` and nothing says the notice went out."""
        return self.notice is not None and self.notice.window()[1] < as_of and not self.announced


class Plan(Model):
    """Hankintasuunnitelma: organisaation (tai yksikön) suunnitellut hankinnat."""

    plan_version: Literal[1] = field("Suunnitelman versio", "Tiedostomuodon versio. Nykyinen on 1.")
    id: Id = field("Tunniste", "Suunnitelman lyhyt tunniste.")
    name: Text = field("Nimi", "Suunnitelman nimi.")
    organisation: Text = field("Organisaatio", "Kaupunki, kunta tai virasto, jonka suunnitelma on.")
    business_id: BusinessId | None = opt("Y-tunnus", "Organisaation Y-tunnus muodossa 1234567-8.")
    unit: Text | None = opt("Yksikkö", "Yksikkö, jos suunnitelma on yksikön oma.")
    programmes: IdList = field("Hankintaohjelmat", "Hankintaohjelmien tunnisteet, joita suunnitelma toteuttaa.",
                               default_factory=list)
    threshold: Euros | None = opt(
        "Kynnysarvo", "Arvo euroina, josta alkaen hankinta kuuluu suunnitelmaan ja tarvitsee ilmoitusajankohdan.")
    horizon_months: Annotated[int, Field(ge=1, le=120)] = field(
        "Suunnitteluhorisontti", "Kuinka monta kuukautta eteenpäin suunnitelma ulottuu (liukuva, oletus 18).",
        default=18)
    update_months: Annotated[int, Field(ge=1, le=60)] | None = opt(
        "Päivitysväli", "Kuinka monen kuukauden välein suunnitelma päivitetään (esim. 6 = puolivuosittain).")
    updated: dt.date | None = opt("Päivitetty", "Milloin suunnitelma viimeksi päivitettiin (VVVV-KK-PP).")
    description: Text | None = opt("Kuvaus", "Suunnitelman kuvaus.")
    items: list[PlanItem] = field("Hankinnat", "Suunnitellut hankinnat.", default_factory=list)
    notes: list[Text] = field("Huomiot", "Muut huomiot suunnitelmasta.", default_factory=list)
