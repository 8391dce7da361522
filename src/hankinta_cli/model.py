"""The programme model: pydantic v2 classes that describe one programme file.

Field titles and descriptions are Finnish because they become the JSON Schema that VS Code
shows when a coordinator hovers a key. Every model forbids unknown keys, so a typo is an
error both here and in the schema. Cross-item rules (unique ids, references, values that
fit an indicator's kind) live in `rules/`, where they can point at the offending line.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AfterValidator, model_validator

from .model_base import (
    BusinessId,
    Id,
    IdList,
    Model,
    Number,
    PeriodRef,
    Text,
    Value,
    Year,
    field,
    invalid,
    opt,
)
from .vocab import (
    DerivedOp,
    Dimension,
    Direction,
    Granularity,
    IndicatorKind,
    Method,
    NoticeCount,
    NoticeFlag,
    NoticeKind,
    Source,
    Stage,
    Status,
)

SCHEMA_VERSION = 1


class Period(Model):
    """Ohjelmakausi."""

    start: dt.date = field("Alkaa", "Ohjelmakauden ensimmäinen päivä (VVVV-KK-PP).")
    end: dt.date = field("Päättyy", "Ohjelmakauden viimeinen päivä (VVVV-KK-PP).")

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise invalid("period_order", "kauden loppu on ennen alkua", "the period ends before it starts")
        return self


class Adoption(Model):
    """Kuka hyväksyi ohjelman ja milloin."""

    body: Text | None = opt("Hyväksyjä", "Toimielin, joka hyväksyi ohjelman (esim. kaupunginhallitus).")
    date: dt.date | None = opt("Hyväksytty", "Hyväksymispäivä (VVVV-KK-PP).")
    reference: Text | None = opt("Päätös", "Päätöksen tunniste tai pykälä.")


class NamedText(Model):
    """Nimetty tekstikohta, esim. arvo tai toimeenpanon tukitoimi."""

    name: Text = field("Nimi", "Kohdan otsikko.")
    description: Text | None = opt("Kuvaus", "Kohdan selitys.")


class StageStep(Model):
    """Yksi hyväksymisprosessin vaihe."""

    stage: Stage = field("Vaihe", "Elinkaaren vaihe: luonnos, lausuntokierros, lopullinen tai hyväksytty.")
    title: Text = field("Otsikko", "Vaiheen nimi lähdeasiakirjassa.")
    description: Text | None = opt("Kuvaus", "Mitä vaiheessa tehdään ja kuka osallistuu.")


class Schedule(Model):
    """Aikataulu: alku- ja määräpäivä tai vuosi (ja puolivuosi tai neljännes)."""

    start: dt.date | None = opt("Alkaa", "Toimenpiteen aloituspäivä (VVVV-KK-PP).")
    due: dt.date | None = opt("Valmis viimeistään", "Määräpäivä (VVVV-KK-PP).")
    year: Year | None = opt("Vuosi", "Vuosi, jonka aikana toimenpide toteutetaan.")
    half: Literal[1, 2] | None = opt("Puolivuosi", "1 = tammi–kesäkuu, 2 = heinä–joulukuu; vaatii vuoden.")
    quarter: Literal[1, 2, 3, 4] | None = opt("Neljännes", "Vuosineljännes 1–4; vaatii vuoden.")
    text: Text | None = opt("Kuvaus", "Aikataulu sanallisesti, kuten lähteessä (esim. '2017–2018').")

    @model_validator(mode="after")
    def _consistent(self) -> Schedule:
        if self.start and self.due and self.due < self.start:
            raise invalid("schedule_order", "määräpäivä on ennen alkupäivää", "the due date is before the start")
        if (self.half or self.quarter) and self.year is None:
            raise invalid("schedule_year", "puolivuosi tai neljännes vaatii vuoden", "a half or quarter needs a year")
        if self.half and self.quarter:
            raise invalid(
                "schedule_half_quarter",
                "anna joko puolivuosi tai neljännes, ei molempia",
                "give a half or a quarter, not both",
            )
        if not any((self.start, self.due, self.year, self.text)):
            raise invalid(
                "schedule_empty",
                "aikataulu on tyhjä: anna alku, määräpäivä, vuosi tai kuvaus",
                "the schedule is empty: give a start, due date, year or text",
            )
        return self


class StatusEntry(Model):
    """Päivätty tilamerkintä toimenpiteen historiassa."""

    date: dt.date = field("Päivä", "Milloin tila todettiin (VVVV-KK-PP).")
    status: Status = field("Tila", "Toimenpiteen tila tuona päivänä.")
    note: Text | None = opt("Huomio", "Lyhyt selitys tilanteesta.")
    by: Text | None = opt("Kirjaaja", "Kuka tilan kirjasi.")


class Target(Model):
    """Tavoitearvo ja sen määräaika."""

    value: Value = field("Tavoitearvo", "Arvo, johon pyritään (K/E-mittarilla true tai false).")
    deadline: dt.date | None = opt("Määräaika", "Mihin mennessä tavoite saavutetaan (VVVV-KK-PP).")
    note: Text | None = opt("Huomio", "Tavoitteen lähde tai tarkennus.")


class Baseline(Model):
    """Lähtötaso, josta edistymistä mitataan."""

    period: PeriodRef = field("Kausi", "Lähtötason kausi: 2024, 2024-H1, 2024-Q1 tai 2024-05.")
    value: Value = field("Arvo", "Lähtötason arvo.")
    note: Text | None = opt("Huomio", "Lähtötason lähde tai tarkennus.")


class Observation(Model):
    """Yksi mitattu arvo yhdeltä kaudelta."""

    period: PeriodRef = field("Kausi", "Mittauskausi: 2024, 2024-H1, 2024-Q1 tai 2024-05.")
    value: Value | None = opt(
        "Arvo",
        "Mitattu arvo: K/E true tai false, lukumäärä kokonaislukuna, prosentti 0–100, raha euroina. "
        "Lukumäärän ja rahan voi jättää pois, kun erittely on annettu: arvo on silloin erittelyn summa.",
    )
    breakdown: dict[str, Number] | None = opt(
        "Erittely",
        "Arvo organisaatioyksiköittäin, esim. {Sote: 3, Tekninen: 1}. Lukumäärän ja rahan erittely lasketaan "
        "yhteen organisaation arvoksi (osittainen, jos jokin raportoivista yksiköistä (reporting_units) puuttuu); "
        "prosentin, suhteen ja keston erittely on yksiköiden omat arvot, joita ei lasketa yhteen.",
    )
    note: Text | None = opt("Huomio", "Selitys arvolle.")
    source: Text | None = opt("Lähde", "Mistä arvo on saatu (esim. HILMA-haku 5.1.2025).")
    recorded: dt.date | None = opt(
        "Kirjattu", "Päivä, jona arvo kirjattiin (record ja import lisäävät sen; raportin --since näyttää uudet arvot)."
    )

    @model_validator(mode="after")
    def _valued(self) -> Observation:
        if self.value is None and not self.breakdown:
            raise invalid("observation_empty", "havainnolta puuttuu arvo: anna arvo (value) tai erittely (breakdown)",
                          "the observation has no value: give a value or a breakdown")
        return self


class HilmaQuery(Model):
    """HILMA-kysely: mitä ohjelman ostajien eForms-hankintailmoituksista lasketaan (hankinta hilma)."""

    count: NoticeCount = field(
        "Laskettavat", "menettelyt (kukin hankinta kerran, uusimman ilmoituksen mukaan) tai osat (osahankinnat)."
    )
    notices: list[NoticeKind] = field(
        "Ilmoitukset",
        "Mitkä ilmoitukset lasketaan: kilpailutus, jälki-ilmoitus, ennakkoilmoitus (oletus: kaikki). "
        "Arvo kirjataan sille kaudelle, jona laskettu ilmoitus on lähetetty.",
        default_factory=list,
    )
    where: list[NoticeFlag] = field(
        "Ehto",
        "Lasketaan vain ne, joille kaikki pätevät: ympäristö, sosiaalinen, innovaatio, strateginen "
        "(jokin kolmesta), pk-voittaja, yksi-tarjous. Menettelylle riittää, että jokin sen osista täyttää ehdon.",
        default_factory=list,
    )
    share: list[NoticeFlag] = field(
        "Osuus",
        "Kun annettu, arvo on prosenttiosuus lasketuista, joille nämä kaikki pätevät (muuten lukumäärä).",
        default_factory=list,
    )


class Derived(Model):
    """Johdettu mittari: arvo lasketaan kausittain muista mittareista, sitä ei kirjata käsin."""

    op: DerivedOp = field(
        "Laskutapa",
        "suhde (ensimmäinen / toinen), osuus (ensimmäinen / toinen × 100 %), summa (kaikkien summa, "
        "esim. toimialat yhteensä) tai vuosimuutos (muutos vuoden takaisesta kaudesta %, esim. 2025-Q1 / 2024-Q1).",
    )
    of: list[Id] = field("Lähtömittarit", "Mittareiden tunnisteet, joista arvo lasketaan.", min_length=1)


if TYPE_CHECKING:
    MethodName = str
else:  # the schema's choices, from the one list of methods
    MethodName = Literal[Method.spellings()]


def _distinct(names: list[str]) -> list[str]:
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise invalid("units_repeated", f"yksikkö toistuu: {', '.join(repeated)}",
                      f"a unit is listed twice: {', '.join(repeated)}")
    return names


#: The organisation's units that report values by unit (`breakdown`), each named once.
UnitList = Annotated[list[Text], AfterValidator(_distinct)]


class Indicator(Model):
    """Mittari: mitä mitataan, miten ja mihin pyritään."""

    id: Id = field("Tunniste", "Lyhyt pysyvä tunniste, esim. 'M1.2'. Lainausmerkeissä, jos näyttää luvulta.")
    name: Text = field("Nimi", "Mittarin nimi kuten lähdeasiakirjassa.")
    kind: IndicatorKind = field(
        "Laji",
        "kyllä/ei, lukumäärä, prosentti, suhde, raha, kesto, laadullinen tai määrittelemätön "
        "(mittari määritellään myöhemmin, 'projektoidaan erikseen').",
    )
    unit: Text | None = opt("Yksikkö", "Mittayksikkö, esim. kpl, %, €, kk.")
    description: Text | None = opt("Määritelmä", "Mitä mittari tarkalleen laskee.")
    numerator: Text | None = opt("Osoittaja", "Suhteen tai osuuden osoittaja (mitä jaetaan).")
    denominator: Text | None = opt("Nimittäjä", "Suhteen tai osuuden nimittäjä (millä jaetaan).")
    granularity: Granularity | None = opt(
        "Seurantajakso", "Kuinka usein mitataan: vuosi, puolivuosi, neljännes, kuukausi tai kerta."
    )
    direction: Direction | None = opt("Suunta", "Mihin suuntaan arvon pitäisi kehittyä: kasvu, lasku tai saavutus.")
    baseline: Baseline | None = opt("Lähtötaso", "Arvo, josta edistymistä mitataan.")
    targets: list[Target] = field("Tavoitteet", "Tavoitearvot määräaikoineen.", default_factory=list)
    source: Source | None = opt("Tietolähde", "manuaalinen, hilma, ostodata tai johdettu.")
    source_note: Text | None = opt("Lähteen tarkennus", "Lähteen sanallinen kuvaus, esim. 'HILMAsta'.")
    hilma: HilmaQuery | None = opt(
        "HILMA-kysely", "Arvot lasketaan hankintailmoituksista komennolla 'hankinta hilma' (lähde: hilma)."
    )
    note: Text | None = opt("Huomio", "Muu huomio mittarista.")
    observations: list[Observation] = field("Havainnot", "Mitatut arvot kausittain.", default_factory=list)
    derived: Derived | None = opt("Johdettu", "Lasketaan muista mittareista; tällöin havaintoja ei kirjata.")
    method: MethodName | None = opt(
        "Edistymisen arviointitapa",
        "suora (oletus: suora polku lähtötasosta tavoitteeseen) tai kasvuvauhti (Open SDG:n vuotuinen "
        "kasvuvauhti). Englanniksi linear tai growth.",
    )
    catalogue: Id | None = opt(
        "Yhteinen mittari", "Yhteisen mittariston (mittaristo.yaml) mittarin tunniste, jota tämä mittari vastaa."
    )
    reporting_units: UnitList | None = opt(
        "Raportoivat yksiköt",
        "Yksiköt, joiden arvot tämän mittarin erittelyssä (breakdown) odotetaan; korvaa ohjelman yksiköt "
        "(reporting_units) tämän mittarin osalta. Erittelystä laskettu arvo on osittainen, jos jokin puuttuu.",
    )

    @property
    def method_name(self) -> Method:
        return Method.named(self.method) if self.method else Method.STRAIGHT


class Measure(Model):
    """Toimenpide: mitä tehdään, kuka vastaa ja milloin."""

    id: Id = field("Tunniste", "Lyhyt pysyvä tunniste, esim. '3.2'. Lainausmerkeissä, jos näyttää luvulta.")
    title: Text = field("Toimenpide", "Toimenpiteen nimi tai lause kuten lähdeasiakirjassa.")
    description: Text | None = opt("Sisältö", "Toimenpiteen tarkempi sisältö.")
    objective: Text | None = opt("Tavoite", "Toimenpiteen oma tavoitelause ('Tavoite: …').")
    responsible: list[Text] | None = opt(
        "Vastuutaho", "Vastuutahot. Puuttuva vastuutaho näytetään puutteena, ei keksitä."
    )
    schedule: Schedule | None = opt("Aikataulu", "Milloin toimenpide toteutetaan.")
    priority: Literal[1, 2, 3] | None = opt("Prioriteetti", "1 = tärkein, 3 = vähiten kiireellinen.")
    status: Status | None = opt(
        "Tila", "Nykyinen tila. Jos tilaa ei ole raportoitu, kenttä jätetään pois ('ei raportoitu')."
    )
    history: list[StatusEntry] = field("Tilahistoria", "Päivätyt tilamerkinnät.", default_factory=list)
    dimensions: list[Dimension] = field(
        "Ulottuvuudet",
        "Kestävien hankintojen ulottuvuudet (Laurea): kestävä kehitys, avoimuus, kumppanuus.",
        default_factory=list,
    )
    tags: list[Text] = field("Tunnisteet", "Vapaat luokittelutunnisteet.", default_factory=list)
    indicators: list[Indicator] = field("Mittarit", "Toimenpiteen omat mittarit.", default_factory=list)
    indicator_refs: IdList = field(
        "Viitatut mittarit", "Muualla ohjelmassa määriteltyjen mittareiden tunnisteet.", default_factory=list
    )
    note: Text | None = opt("Huomio", "Muu huomio, esim. lähteen epäselvyys.")


class Goal(Model):
    """Tavoite ja sen toimenpiteet."""

    id: Id = field("Tunniste", "Lyhyt pysyvä tunniste, esim. '3' tai 'T1.2'.")
    title: Text = field("Tavoite", "Tavoitteen lause kuten lähdeasiakirjassa.")
    description: Text | None = opt("Kuvaus", "Tarkempi kuvaus.")
    key_measures: Text | None = opt("Keskeiset toimenpiteet", "Tiivistelmäsivun 'Keskeiset toimenpiteet'.")
    measures: list[Measure] = field("Toimenpiteet", "Tavoitteen toimenpiteet.", default_factory=list)
    indicators: list[Indicator] = field("Mittarit", "Tavoitteen omat mittarit.", default_factory=list)
    indicator_refs: IdList = field(
        "Viitatut mittarit", "Muualla ohjelmassa määriteltyjen mittareiden tunnisteet.", default_factory=list
    )
    note: Text | None = opt("Huomio", "Muu huomio.")


class Theme(Model):
    """Teema (painopiste, kategoria) ja sen tavoitteet."""

    id: Id = field("Tunniste", "Lyhyt pysyvä tunniste, esim. 'T1'.")
    name: Text = field("Nimi", "Teeman nimi.")
    description: Text | None = opt("Kuvaus", "Teeman kuvaus.")
    goals: list[Goal] = field("Tavoitteet", "Teeman tavoitteet.", default_factory=list)
    measures: list[Measure] = field(
        "Toimenpiteet",
        "Suoraan teemaan kuuluvat toimenpiteet, kun ohjelmassa ei ole tavoitetasoa (esim. valtion tiekartta).",
        default_factory=list,
    )


class SourceDocument(Model):
    """Asiakirja, josta ohjelma on kirjattu."""

    title: Text = field("Nimi", "Asiakirjan nimi.")
    publisher: Text | None = opt("Julkaisija", "Kuka asiakirjan julkaisi.")
    url: Text | None = opt("Osoite", "Verkko-osoite.")
    note: Text | None = opt("Huomio", "Huomio asiakirjasta, esim. ristiriidat.")


class UpdateInterval(Model):
    """Kuinka usein toimenpiteiden tila pitää päivittää."""

    target_days: int = field(
        "Tavoiteväli", "Tila on ajantasainen, kun viimeisin merkintä on enintään näin monta päivää vanha.", ge=1
    )
    acceptable_days: int = field(
        "Hyväksyttävä väli",
        "Tila on vielä hyväksyttävä, kun viimeisin merkintä "
        "on enintään näin monta päivää vanha; vanhempi on vanhentunut.",
        ge=1,
    )

    @model_validator(mode="after")
    def _ordered(self) -> UpdateInterval:
        if self.acceptable_days < self.target_days:
            raise invalid(
                "interval_order",
                "hyväksyttävä väli on lyhyempi kuin tavoiteväli",
                "the acceptable interval is shorter than the target interval",
            )
        return self


class Programme(Model):
    """Hankintaohjelma: teemat, tavoitteet, toimenpiteet ja mittarit."""

    schema_version: Literal[1] = field("Skeeman versio", "Tiedostomuodon versio. Nykyinen on 1.")
    id: Id = field("Tunniste", "Ohjelman lyhyt tunniste, esim. 'hyvinkaa'.")
    name: Text = field("Nimi", "Ohjelman nimi.")
    organisation: Text = field("Organisaatio", "Kaupunki, kunta tai virasto, jonka ohjelma on.")
    hilma_buyers: list[BusinessId] = field(
        "Ostajien Y-tunnukset",
        "Hankintailmoitusten ostajat, joiden ilmoituksista HILMA-mittarit lasketaan (kaikki ostajayksiköt, "
        "muoto 1234567-8). Puuttuvaa ei keksitä: anna ne myös komennolla hankinta hilma --buyer.",
        default_factory=list,
    )
    language: Literal["fi", "sv", "en"] = field("Kieli", "Ohjelman kieli.", default="fi")
    period: Period | None = opt("Kausi", "Ohjelmakausi. Jätetään pois, jos lähde ei kerro.")
    stage: Stage | None = opt("Vaihe", "Elinkaaren vaihe: luonnos, lausuntokierros, lopullinen tai hyväksytty.")
    adoption: Adoption | None = opt("Hyväksyminen", "Kuka hyväksyi ohjelman ja milloin.")
    follow_up: Text | None = opt("Seuranta", "Toimielin, joka seuraa toteutusta (esim. johtoryhmä).")
    update_interval: UpdateInterval | None = opt(
        "Päivitysväli", "Kuinka usein toimenpiteiden tila päivitetään (oletus 92 ja 183 päivää)."
    )
    description: Text | None = opt("Kuvaus", "Ohjelman tiivistelmä.")
    mission: Text | None = opt("Toiminta-ajatus", "Miksi olemme olemassa.")
    vision: Text | None = opt("Visio", "Visio tulevasta.")
    values: list[NamedText] = field("Arvot", "Ohjelman arvot.", default_factory=list)
    principles: list[NamedText] = field("Periaatteet", "Ohjelman toimintaperiaatteet ja säännöt.", default_factory=list)
    process: list[StageStep] = field(
        "Hyväksymisprosessi", "Ohjelman valmistelun ja hyväksymisen vaiheet.", default_factory=list
    )
    reporting_units: UnitList = field(
        "Raportoivat yksiköt",
        "Organisaatioyksiköt (toimialat, liikelaitokset), jotka raportoivat arvonsa eriteltyinä (breakdown), "
        "esim. [Sote, Tekninen]. Erittelystä laskettu arvo on osittainen, jos jonkin yksikön arvo puuttuu; "
        "tuntematon yksikön nimi erittelyssä on virhe.",
        default_factory=list,
    )
    indicators: list[Indicator] = field(
        "Ohjelmatason mittarit", "Koko ohjelmaa koskevat mittarit, esim. 5 %:n tavoite.", default_factory=list
    )
    themes: list[Theme] = field("Teemat", "Ohjelman teemat.", default_factory=list)
    implementation: list[NamedText] = field("Toimeenpano", "Toimeenpanon tuki ja päivittäminen.", default_factory=list)
    sources: list[SourceDocument] = field("Lähteet", "Asiakirjat, joista ohjelma on kirjattu.", default_factory=list)
    notes: list[Text] = field("Huomiot", "Muut huomiot ohjelmasta.", default_factory=list)


class CatalogueEntry(Model):
    """Yhteisen mittariston mittari: määritelmä, jota ohjelmien mittarit voivat käyttää."""

    id: Id = field("Tunniste", "Pysyvä tunniste, johon ohjelmien mittarit viittaavat (catalogue).")
    name: Text = field("Nimi", "Mittarin nimi.")
    kind: IndicatorKind = field("Laji", "kyllä/ei, lukumäärä, prosentti, suhde, raha, kesto tai laadullinen.")
    unit: Text | None = opt("Yksikkö", "Mittayksikkö, esim. kpl, %, €.")
    definition: Text = field("Määritelmä", "Mitä mittari tarkalleen laskee, jotta kunnat ja valtio mittaavat samaa.")
    source: Source | None = opt("Tietolähde", "manuaalinen, hilma, ostodata tai johdettu.")
    calculation: Text | None = opt(
        "Laskentasääntö", "Miten arvo lasketaan ja miten organisaatioiden arvot yhdistetään."
    )
    hilma: HilmaQuery | None = opt(
        "HILMA-kysely", "Miten arvo lasketaan hankintailmoituksista; ohjelman mittari kopioi kyselyn."
    )
    granularity: Granularity | None = opt("Seurantajakso", "vuosi, puolivuosi, neljännes, kuukausi tai kerta.")
    direction: Direction | None = opt("Suunta", "kasvu, lasku tai saavutus.")
    targets: list[Target] = field("Tavoitteet", "Yhteiset tavoitteet, esim. valtion 5 %.", default_factory=list)
    note: Text | None = opt("Huomio", "Muu huomio.")


class Catalogue(Model):
    """Yhteinen mittaristo: mittarit, joilla ohjelmia voidaan verrata ja laskea yhteen."""

    catalogue_version: Literal[1] = field("Mittariston versio", "Tiedostomuodon versio. Nykyinen on 1.")
    id: Id = field("Tunniste", "Mittariston tunniste.")
    name: Text = field("Nimi", "Mittariston nimi.")
    description: Text | None = opt("Kuvaus", "Mihin mittaristo on tarkoitettu.")
    indicators: list[CatalogueEntry] = field("Mittarit", "Yhteiset mittarit.", default_factory=list)
