"""Findings are data: a stable code, a severity, a place in a file and message arguments.

The text of a finding is produced only when it is shown, in the language asked for, from
the catalogue below. The catalogue is the documentation of every code (README links here).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ..i18n import fill

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Code:
    code: str
    severity: Severity
    fi: str
    en: str
    hint_fi: str = ""
    hint_en: str = ""
    #: The hint when the value came from a command (record, set, status set, import) rather than
    #: from the file: it speaks of the value given, not of YAML syntax ("" = the file's hint fits).
    edit_fi: str = ""
    edit_en: str = ""


_CODES = [
    # --- reading the file (HK0xx) ---
    Code("HK001", "error", "tiedostoa ei voi lukea: {reason}", "cannot read the file: {reason}",
         "Tarkista polku ja lukuoikeudet.", "Check the path and read permissions."),
    Code("HK002", "error", "tiedosto on liian suuri ({size} tavua, enintään {limit})",
         "file is too large ({size} bytes, at most {limit})",
         "Jaa ohjelma pienempiin tiedostoihin.", "Split the programme into smaller files."),
    Code("HK003", "error", "tiedosto ei ole UTF-8-koodattu (tavu {byte})",
         "file is not UTF-8 encoded (byte {byte})",
         "Tallenna tiedosto UTF-8-muodossa (VS Code: 'Save with Encoding' → UTF-8).",
         "Save the file as UTF-8 (VS Code: 'Save with Encoding' → UTF-8)."),
    Code("HK004", "error", "tiedosto on tyhjä", "file is empty",
         "Ohjelmatiedosto alkaa esim. riveillä 'schema_version: 1' ja 'id: ...'.",
         "A programme file starts e.g. with 'schema_version: 1' and 'id: ...'."),
    Code("HK010", "error", "YAML-syntaksivirhe: {problem}", "YAML syntax error: {problem_en}",
         "Tarkista sisennys ja lainausmerkit tällä rivillä ja sitä edeltävällä.",
         "Check the indentation and quotes on this line and the one before it."),
    Code("HK011", "error", "avain '{key}' toistuu (ensimmäisen kerran rivillä {first})",
         "key '{key}' is repeated (first on line {first})",
         "Poista tai yhdistä toinen kohta: YAML säilyttäisi vain viimeisen arvon.",
         "Remove or merge one of them: YAML would silently keep only the last value."),
    Code("HK012", "error", "tunniste '{tag}' ei ole sallittu", "tag '{tag}' is not allowed",
         "Poista '!'-alkuinen tunniste; ohjelmatiedostossa on vain tekstiä, lukuja, listoja ja avaimia.",
         "Remove the '!' tag; programme files hold only text, numbers, lists and mappings."),
    Code("HK013", "error", "viittaus (alias '*{alias}') ei ole sallittu",
         "alias '*{alias}' is not allowed",
         "Kirjoita arvo auki; viittaukset ankkureihin (&, *) eivät ole sallittuja.",
         "Write the value out; anchors and aliases (&, *) are not allowed."),
    Code("HK014", "error", "tiedoston ylimmän tason pitää olla avain–arvo-rakenne, nyt {found}",
         "the top level must be a mapping, found {found}",
         "Ohjelmatiedosto alkaa esim. riveillä 'schema_version: 1' ja 'id: ...'.",
         "A programme file starts e.g. with 'schema_version: 1' and 'id: ...'."),
    Code("HK015", "error", "rakenne on liian syvä (yli {limit} tasoa)",
         "structure is nested too deeply (over {limit} levels)",
         "Tarkista sulut ja sisennys.", "Check brackets and indentation."),
    Code("HK016", "error", "tiedostossa on useampi YAML-dokumentti",
         "the file holds more than one YAML document",
         "Poista '---'-erotin: yksi ohjelma tiedostoa kohden.",
         "Remove the '---' separator: one programme per file."),
    Code("HK017", "error", "avaimen pitää olla teksti", "a key must be plain text",
         "Kirjoita avain tavallisena tekstinä, esim. 'name:'.", "Write the key as plain text, e.g. 'name:'."),
    Code("HK018", "error", "rakenteessa on liikaa avaimia (yli {limit})", "a mapping has too many keys (over {limit})",
         "Ohjelmatiedoston rakenteissa on kymmeniä kenttiä; tarkista, että tiedosto on ohjelmatiedosto.",
         "A programme's mappings have a few dozen fields; check that this is a programme file."),
    # --- structure, from the model (HK1xx) ---
    Code("HK101", "error", "kenttä '{field}' ei kelpaa: {problem}", "field '{field}' is invalid: {problem_en}",
         "Katso kentän kuvaus skeemasta (VS Code näyttää sen, kun viet hiiren avaimen päälle).",
         "See the field's description in the schema (VS Code shows it on hover)."),
    Code("HK102", "error", "pakollinen kenttä '{field}' puuttuu", "required field '{field}' is missing",
         "Lisää kenttä '{field}'.", "Add the field '{field}'."),
    Code("HK103", "error", "tuntematon kenttä '{field}'", "unknown field '{field}'",
         "Sallitut kentät tässä kohdassa: {allowed}.", "Fields allowed here: {allowed}."),
    Code("HK104", "error", "arvo '{value}' ei kelpaa kenttään '{field}'",
         "value '{value}' is not allowed in '{field}'",
         "Sallitut arvot: {allowed}.", "Allowed values: {allowed}."),
    Code("HK105", "error", "kenttä '{field}': odotettiin {expected}, saatiin {found}",
         "field '{field}': expected {expected_en}, got {found_en}",
         "Katso kentän kuvaus skeemasta (VS Code näyttää sen, kun viet hiiren avaimen päälle).",
         "See the field's description in the schema (VS Code shows it on hover)."),
    Code("HK111", "error", "tiedostossa on vielä {count:more_structure_error} (vain {limit} ensimmäistä näytetään)",
         "the file has {count:more_structure_error} (only the first {limit} are shown)",
         "Korjaa ensin yllä luetellut; tiedosto ei ehkä ole ohjelmatiedosto lainkaan.",
         "Fix the ones listed above first; the file may not be a programme file at all."),
    Code("HK110", "error", "kenttä '{field}' on tekstiä, mutta {value} luetaan lukuna",
         "field '{field}' is text, but {value} is read as a number",
         "Kirjoita arvo lainausmerkeissä, muuten YAML muuttaa sen luvuksi: {field}: \"{value}\"",
         "Quote the value or YAML turns it into a number: {field}: \"{value}\""),
    Code("HK106", "error", "virheellinen päivämäärä '{value}' kentässä '{field}'",
         "invalid date '{value}' in '{field}'",
         "Kirjoita päivämäärä muodossa VVVV-KK-PP, esim. 2024-12-31.",
         "Write the date as YYYY-MM-DD, e.g. 2024-12-31."),
    Code("HK107", "error", "tunniste '{value}' ei kelpaa", "id '{value}' is not valid",
         "Tunnisteessa saa olla kirjaimia, numeroita ja merkit . _ - (enintään 64 merkkiä), esim. '3.2' tai 'T5.1'.",
         "An id holds letters, digits and . _ - (at most 64 characters), e.g. '3.2' or 'T5.1'."),
    Code("HK108", "error", "kausi '{value}' ei kelpaa", "period '{value}' is not valid",
         "Kausi on vuosi (2024) tai teksti muotoa 2024-H1, 2024-Q3 tai 2024-05.",
         "A period is a year (2024) or text like 2024-H1, 2024-Q3 or 2024-05."),
    Code("HK109", "error", "{problem}", "{problem_en}", "", ""),
    # --- semantic rules (HK2xx ids/references, HK3xx values, HK4xx gaps) ---
    Code("HK201", "error", "tunniste '{id}' on jo käytössä rivillä {first}",
         "id '{id}' is already used on line {first}",
         "Jokaisella teemalla, tavoitteella, toimenpiteellä ja mittarilla on oma tunnisteensa.",
         "Every theme, goal, measure and indicator needs an id of its own."),
    Code("HK202", "error", "viitattua mittaria '{id}' ei löydy", "referenced indicator '{id}' does not exist",
         "Ohjelman mittarit: {allowed}.", "Indicators in this programme: {allowed}."),
    Code("HK203", "error", "mittari '{id}' on sekä määritelty että viitattu samassa kohdassa",
         "indicator '{id}' is both defined and referenced in the same place",
         "Poista viittaus: mittari on jo kohdan omissa mittareissa.",
         "Remove the reference: the indicator is already listed here."),
    Code("HK204", "error", "johdetun mittarin lähdemittaria '{id}' ei löydy",
         "the derived indicator's input '{id}' does not exist",
         "Ohjelman mittarit: {allowed}.", "Indicators in this programme: {allowed}."),
    Code("HK205", "error", "johdetut mittarit viittaavat kehässä toisiinsa: {cycle}",
         "derived indicators refer to each other in a cycle: {cycle}",
         "Poista jokin viittaus kehästä: jonkin mittarin arvot pitää kirjata käsin.",
         "Remove a reference from the cycle: some indicator must hold recorded values."),
    Code("HK206", "error", "johdetulle mittarille '{id}' ei kirjata havaintoja",
         "derived indicator '{id}' cannot hold observations",
         "Arvot lasketaan lähdemittareista: kirjaa havainnot niihin ja poista nämä.",
         "Values are computed from the inputs: record observations there and remove these."),
    Code("HK207", "error", "laskutapa '{op}' tarvitsee täsmälleen kaksi lähdemittaria (osoittaja ja nimittäjä)",
         "'{op}' needs exactly two inputs (numerator and denominator)",
         "Esim. derived: {{op: suhde, of: [M1, M2]}}", "E.g. derived: {{op: suhde, of: [M1, M2]}}"),
    Code("HK208", "error", "yhteisen mittariston mittaria '{id}' ei löydy", "catalogue indicator '{id}' does not exist",
         "{where}", "{where_en}"),
    Code("HK209", "warning", "mittarin laji '{kind}' poikkeaa yhteisen mittarin '{id}' lajista '{expected}'",
         "indicator kind '{kind}' differs from catalogue indicator '{id}' ('{expected}')",
         "Tarkista, onko kyse samasta mittarista.", "Check that this is the same indicator."),
    Code("HK210", "error", "HILMA-kyselyssä tuntematon {what} '{value}'",
         "unknown {what_en} '{value}' in a HILMA query",
         "Sallitut: {allowed}. Kysely lasketaan eForms-ilmoituksista (README: Hankintailmoitukset).",
         "Allowed: {allowed}. The query is computed from eForms notices (README: Hankintailmoitukset)."),
    Code("HK211", "error", "HILMA-kysely antaa {gives}, mutta mittarin laji on '{kind}'",
         "the HILMA query gives {gives_en}, but the indicator's kind is '{kind}'",
         "Kysely ilman osuutta (share) laskee lukumäärän (kind: lukumäärä); osuus on prosentti (kind: prosentti).",
         "A query without share counts (kind: lukumäärä); with share it gives a percentage (kind: prosentti)."),
    Code("HK212", "error", "tunniste '{id}' on jo toisella tiedostolla: {first}",
         "the id '{id}' is already used by another file: {first}",
         "Ohjelmalla ja suunnitelmalla on kansiossaan oma tunniste: sillä komennot löytävät sen, ja sivusto "
         "ja kalenteri nimeävät sen tiedostot.",
         "A programme and a plan each need an id of their own in their folder: the commands find them by "
         "it, and the site and the calendar name their files after it."),
    Code("HK301", "warning", "{what} {date} on ohjelmakauden ({start}–{end}) ulkopuolella",
         "{what_en} {date_en} is outside the programme period ({start_en} to {end_en})",
         "Tarkista päivämäärä tai ohjelmakausi.", "Check the date or the programme period."),
    Code("HK302", "error", "kausi '{period}' ei sovi mittarin seurantajaksoon '{granularity}'",
         "period '{period}' does not fit the indicator's granularity '{granularity}'",
         "Käytä muotoa {example}.", "Use the form {example}.",
         "Anna kausi muodossa {example}.", "Give the period in the form {example}."),
    Code("HK303", "error", "kaudelle '{period}' on jo arvo rivillä {first}",
         "period '{period}' already has a value on line {first}",
         "Yhdellä kaudella on yksi arvo; korjaa tai poista toinen.",
         "A period has one value; fix or remove one of them."),
    Code("HK304", "error", "kyllä/ei-mittarin arvo on true tai false, nyt {value}",
         "a yes/no indicator's value is true or false, got {value}",
         "Kirjoita 'value: true' (kyllä) tai 'value: false' (ei).",
         "Write 'value: true' (yes) or 'value: false' (no).",
         "Anna kyllä tai ei (K/E).", "Give yes or no."),
    Code("HK311", "error", "prosenttiarvon pitää olla välillä 0–100, nyt {value}",
         "a percentage must be between 0 and 100, got {value}",
         "Kirjoita prosentti lukuna ilman %-merkkiä, esim. 'value: 12.5'.",
         "Write the percentage as a number without %, e.g. 'value: 12.5'.",
         "Anna prosentti väliltä 0–100, esim. 12,5 tai 12,5 %.",
         "Give a percentage between 0 and 100, e.g. 12.5 or 12.5 %."),
    Code("HK312", "error", "lukumäärän pitää olla ei-negatiivinen kokonaisluku, nyt {value}",
         "a count must be a non-negative whole number, got {value}",
         "Kirjoita lukumäärä ilman desimaaleja ja yksikköä, esim. 'value: 4'.",
         "Write the count without decimals or unit, e.g. 'value: 4'.",
         "Anna lukumäärä kokonaislukuna, esim. 4.", "Give the count as a whole number, e.g. 4."),
    Code("HK313", "error", "{kind}-mittarin arvon pitää olla luku, nyt {value}",
         "a {kind_en} indicator's value must be a number, got {value}",
         "Kirjoita luku ilman yksikköä; desimaalierotin on piste, esim. 'value: 1234.5'.",
         "Write a number without unit; the decimal separator is a dot, e.g. 'value: 1234.5'.",
         "Anna luku, esim. 1234,5 tai 1 234,5.", "Give a number, e.g. 1234.5."),
    Code("HK314", "error", "{kind}-mittarin arvo ei voi olla negatiivinen, nyt {value}",
         "a {kind_en} indicator's value cannot be negative, got {value}",
         "Tarkista arvo.", "Check the value."),
    Code("HK315", "error", "laadullisen mittarin arvo on tekstiä, nyt {value}",
         "a qualitative indicator's value is text, got {value}",
         "Kirjoita arvio tekstinä lainausmerkeissä.", "Write the assessment as quoted text.",
         "Anna arvio tekstinä.", "Give the assessment as text."),
    Code("HK316", "error", "erittelyn summa {total} ei ole arvo {value}",
         "the breakdown adds up to {total}, not to the value {value}",
         "Korjaa arvo tai erittely, tai jätä arvo (value) pois: lukumäärän ja rahan arvo on silloin erittelyn summa.",
         "Fix the value or the breakdown, or leave the value out: a count's or money value is then the sum.",
         "Anna --value, joka on erittelyn summa, tai korjaa --unit-breakdown.",
         "Give a --value that is the breakdown's sum, or fix --unit-breakdown."),
    Code("HK317", "error", "{kind}-mittarin erittelyä ei lasketa yhteen: havainnolta puuttuu arvo",
         "a {kind_en} indicator's breakdown is not added up: the observation needs a value",
         "Lisää 'value:' (koko organisaation arvo); erittely on yksiköiden omat arvot.",
         "Add 'value:' (the whole organisation's); the breakdown holds each unit's own value.",
         "Anna myös --value (koko organisaation arvo).", "Give --value too (the whole organisation's)."),
    Code("HK318", "error", "{kind}-mittarilla ei voi olla erittelyä yksiköittäin",
         "a {kind_en} indicator cannot have a breakdown by unit",
         "Erittely on luku yksikköä kohden (lukumäärä, raha, prosentti, suhde tai kesto); poista 'breakdown:'.",
         "A breakdown holds a number per unit (count, money, percent, ratio or duration); remove 'breakdown:'.",
         "Jätä --unit-breakdown pois.", "Leave --unit-breakdown out."),
    Code("HK319", "error", "yksikkö '{unit}' ei ole raportoivien yksiköiden joukossa",
         "unit '{unit}' is not among the reporting units",
         "Raportoivat yksiköt (reporting_units): {allowed}.", "Reporting units (reporting_units): {allowed}.",
         "Raportoivat yksiköt: {allowed}.", "Reporting units: {allowed}."),
    Code("HK305", "error", "määrittelemättömällä mittarilla ei voi olla arvoja tai tavoitteita",
         "an indicator still to be defined cannot have values or targets",
         "Määrittele mittarin laji (kind) ennen arvojen kirjaamista.",
         "Define the indicator's kind before recording values."),
    Code("HK306", "error", "tavoite {target} ei ole {relation} lähtötaso {baseline} (suunta: {direction})",
         "target {target} is not {relation_en} the baseline {baseline} (direction: {direction})",
         "Tarkista tavoitearvo, lähtötaso tai suunta.", "Check the target, the baseline or the direction."),
    Code("HK307", "error", "tavoitteet eivät etene suunnan mukaan: {earlier} ({earlier_date}) → {later} ({later_date})",
         "targets do not progress in the indicator's direction: {earlier} ({earlier_date}) → {later} ({later_date})",
         "Järjestä tavoitteet määräajan mukaan ja tarkista arvot.",
         "Order the targets by deadline and check their values."),
    Code("HK308", "error", "suhdemittarilta puuttuu {missing}", "the ratio indicator has no {missing}",
         "Nimeä suhteen osoittaja (numerator) ja nimittäjä (denominator).",
         "Name the ratio's numerator and denominator."),
    Code("HK309", "error", "tilahistoria ei ole aikajärjestyksessä: {date} on ennen {previous}",
         "status history is not in date order: {date} comes before {previous}",
         "Lisää merkinnät vanhimmasta uusimpaan.", "Add entries from oldest to newest.",
         "Anna päivä (--date), joka ei ole ennen tilahistorian viimeisintä merkintää.",
         "Give a date (--date) that is not before the last entry in the status history."),
    Code("HK310", "warning", "tila '{status}' ei vastaa tilahistorian viimeistä merkintää '{last}'",
         "status '{status}' differs from the last history entry '{last}'",
         "Kirjaa tilamuutos komennolla 'hankinta status set', niin historia pysyy ajan tasalla.",
         "Record status changes with 'hankinta status set' so the history stays current."),
    Code("HK401", "warning", "toimenpiteeltä '{id}' puuttuu vastuutaho", "measure '{id}' has no responsible party",
         "Lisää 'responsible: [...]', kun vastuutaho on sovittu.",
         "Add 'responsible: [...]' once the responsible party is agreed."),
    Code("HK402", "warning", "toimenpiteeltä '{id}' puuttuu aikataulu", "measure '{id}' has no schedule",
         "Lisää 'schedule:' (esim. {{year: 2025, half: 1}} tai {{due: 2025-06-30}}).",
         "Add 'schedule:' (e.g. {{year: 2025, half: 1}} or {{due: 2025-06-30}})."),
    Code("HK403", "warning", "mittareilla on HILMA-kysely ({count}), mutta ohjelmasta puuttuvat ostajien Y-tunnukset",
         "indicators have a HILMA query ({count}), but the programme names no buyer business ids",
         "Lisää 'hilma_buyers: [1234567-8]' (kaikki ostajayksiköt) tai anna ne komennolla hankinta hilma --buyer.",
         "Add 'hilma_buyers: [1234567-8]' (every buyer unit) or give them to hankinta hilma --buyer."),
    # --- procurement plans (HK5xx; plan_model.py, rules/plans.py) ---
    Code("HK501", "warning",
         "hankinnan '{id}' arvo {value} € ylittää kynnysarvon {threshold} €, mutta ilmoitusajankohta ei ole "
         "suunnitteluhorisontissa ({months} kk)",
         "item '{id}' is worth {value_en} €, over the threshold of {threshold_en} €, but has no planned notice "
         "date within the horizon ({months} months)",
         "Lisää 'notice:' (esim. {{year: 2026, quarter: 2}}), jotta hankinta näkyy hankintakalenterissa ajoissa.",
         "Add 'notice:' (e.g. {{year: 2026, quarter: 2}}) so that the item shows in the calendar in time."),
    Code("HK502", "warning", "hankinnan '{id}' ilmoitus oli suunniteltu ajalle {when}, mutta ilmoitusta ei ole "
         "(tila: {status})",
         "item '{id}' was to be announced in {when}, but has no notice (status: {status})",
         "Kirjaa ilmoitus ('notice_ids:', tila kilpailutuksessa) tai siirrä suunniteltu ajankohta.",
         "Record the notice ('notice_ids:', status kilpailutuksessa) or move the planned date."),
    Code("HK503", "warning", "hankinnalta '{id}' puuttuu prioriteetti", "item '{id}' has no priority",
         "Lisää 'priority:' 1 (tärkeä ja kiireellinen), 2 (tärkeä, ei kiireellinen) tai 3 (ei kiireellinen).",
         "Add 'priority:' 1 (important and urgent), 2 (important, not urgent) or 3 (not urgent)."),
    Code("HK504", "error", "CPV-koodin '{cpv}' tarkiste on väärä", "CPV code '{cpv}' has a wrong check digit",
         "Oikea tarkiste on {digit}: '{right}'.", "The right check digit is {digit}: '{right}'."),
    Code("HK505", "error", "CPV-koodia '{cpv}' ei ole CPV 2008 -nimikkeistössä",
         "CPV code '{cpv}' is not in the CPV 2008 vocabulary",
         "Tarkista numerot: lähin ylempi koodi on {broader}.",
         "Check the digits: the nearest broader code is {broader}."),
    Code("HK506", "error", "hankinnan '{id}' toimenpidettä '{ref}' ei ole ohjelmissa {programmes}",
         "item '{id}' refers to measure '{ref}', which is in none of the programmes {programmes}",
         "Lähimmät toimenpiteet: {close}.", "The closest measures: {close}."),
    Code("HK507", "error", "suunnitelman ohjelmaa '{id}' ei löydy kansiosta {folder}",
         "the plan's programme '{id}' is not in {folder}",
         "Kansion ohjelmat: {known}.", "Programmes in the folder: {known}."),
]

CATALOGUE: dict[str, Code] = {c.code: c for c in _CODES}


def markdown_table() -> str:
    """The README's table of codes ("### Finding codes"), made from the catalogue so the two
    cannot differ: `python -m hankinta_cli.checking.findings --markdown [README.md]` prints it, or
    rewrites it in place in the file named; tests/test_codes.py fails when they differ."""
    from ..i18n import plain_fields, t

    def cell(text: str, lang: str) -> str:
        return plain_fields(text, lang).replace("|", "\\|")

    rows = ["| koodi | vakavuus | viesti (fi) | message (en) |", "|---|---|---|---|"]
    rows += [f"| {c.code} | {t(c.severity, 'fi')} | {cell(c.fi, 'fi')} | {cell(c.en, 'en')} |"
             for c in sorted(_CODES, key=lambda c: c.code)]
    return "\n".join(rows) + "\n"


def replace_table(readme: str, table: str) -> str:
    """`readme` with the table under "### Finding codes" replaced by `table`."""
    lines = readme.splitlines(keepends=True)
    heading = lines.index("### Finding codes\n")
    start = next(i for i in range(heading, len(lines)) if lines[i].startswith("|"))
    end = next((i for i in range(start, len(lines)) if not lines[i].startswith("|")), len(lines))
    return "".join(lines[:start]) + table + "".join(lines[end:])

#: A quoted value longer than this is cut: a finding names the place, the file holds the rest.
MAX_SHOWN = 200


def shown_args(args: dict[str, Any]) -> dict[str, Any]:
    """Message arguments as they may be shown: they quote file content (keys, values, YAML's own
    problem text), so each becomes one line without control characters (no ANSI escapes, no
    forged finding lines), cut to MAX_SHOWN characters. Numbers stay numbers for formatting."""
    from ..escape import one_line

    out: dict[str, Any] = {}
    for key, value in args.items():
        if isinstance(value, (bool, float)) or (isinstance(value, int) and value.bit_length() < 64):
            out[key] = value
        else:
            text = one_line(str(value))
            out[key] = text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"
    return out


@dataclass(frozen=True)
class Finding:
    """One problem in one file. `path` is the model path, e.g. themes[0].goals[1].id."""

    code: str
    line: int
    column: int
    path: str = ""
    args: dict[str, Any] = field(default_factory=dict)

    @property
    def severity(self) -> Severity:
        return CATALOGUE[self.code].severity

    def message(self, lang: str) -> str:
        c = CATALOGUE[self.code]
        return fill(c.en if lang == "en" else c.fi, lang, shown_args(self.args))

    def hint(self, lang: str) -> str:
        return self.texts(lang)[1]

    def texts(self, lang: str, edit: bool = False) -> tuple[str, str]:
        """The message and the hint, with the arguments made safe once for both (a check of a
        real programme writes thousands of findings). `edit`: the value came from a command, so
        the hint for a value given (`Code.edit_fi`) is used where there is one."""
        c = CATALOGUE[self.code]
        args = shown_args(self.args)
        en = lang == "en"
        hint_fi, hint_en = (c.edit_fi, c.edit_en) if edit and c.edit_fi else (c.hint_fi, c.hint_en)
        hint = fill(hint_en if en else hint_fi, lang, args)
        guess = args.get("did_you_mean")
        if guess:
            hint = (f"Did you mean '{guess}'? " if en else f"Tarkoititko '{guess}'? ") + hint
        return fill(c.en if en else c.fi, lang, args), hint

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "line": self.line, "column": self.column, "path": self.path,
                "args": self.args}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Finding:
        return cls(d["code"], d["line"], d["column"], d.get("path", ""), d.get("args", {}))


class LoadError(Exception):
    """A file could not be turned into data; carries the finding that says why."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.code)
        self.finding = finding


def _main(argv: list[str]) -> int:
    """`--markdown`: print the code table; `--markdown README.md`: rewrite that file's table."""
    import sys

    if not argv or argv[0] != "--markdown" or len(argv) > 2:
        sys.stderr.write("usage: python -m hankinta_cli.checking.findings --markdown [README.md]\n")
        return 2
    if len(argv) == 1:
        sys.stdout.write(markdown_table())
        return 0
    from pathlib import Path

    readme = Path(argv[1])
    text = readme.read_text(encoding="utf-8")
    readme.write_text(replace_table(text, markdown_table()), encoding="utf-8")
    return 0


if __name__ == "__main__":  # a developer's tool, not part of the CLI
    import sys

    sys.exit(_main(sys.argv[1:]))
