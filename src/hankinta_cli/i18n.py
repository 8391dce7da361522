"""Finnish and English user-facing text outside the finding catalogue, and number formatting.

Kept free of heavy imports: the CLI uses it at start-up.
"""

from __future__ import annotations

import datetime
import functools
import re
import string
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Schedule

LANGS = ("fi", "en")

_TEXT: dict[str, tuple[str, str]] = {
    "error": ("virhe", "error"),
    "warning": ("varoitus", "warning"),
    "hint": ("vihje", "hint"),
    "more": (
        "… ja {n:more_finding} tässä tiedostossa (näytä kaikki: --all)",
        "… and {n:more_finding} in this file (show all: --all)",
    ),
    "summary": ("{files:file} tarkistettu: {errors:error}, {warnings:warning}",
                "{files:file} checked: {errors:error}, {warnings:warning}"),
    "strict": (" (--strict: varoitukset ovat virheitä)", " (--strict: warnings count as errors)"),
    "no_files": (
        "Polusta {path} ei löytynyt ohjelmatiedostoja (*.yaml, *.yml).",
        "No programme files (*.yaml, *.yml) found under {path}.",
    ),
    "missing_path": ("Polkua ei ole: {path}", "No such path: {path}"),
    "missing_path_hint": (
        "Tarkista polku; ohjelmat ovat yleensä kansiossa programmes/.",
        "Check the path; programmes usually live in programmes/.",
    ),
    "schema_written": ("Skeema kirjoitettu: {path}", "Schema written: {path}"),
    "schema_stale": (
        "Skeema {path} on vanhentunut: aja 'hankinta schema -o {path}'.",
        "Schema {path} is stale: run 'hankinta schema -o {path}'.",
    ),
    "schema_fresh": ("Skeema {path} on ajan tasalla.", "Schema {path} is up to date."),
    "bad_lang": ("Kieli '{lang}' ei ole tuettu: käytä fi tai en.", "Language '{lang}' is not supported: use fi or en."),
    "edit_locked": (
        "{path}: tiedosto on toisen hankinta-komennon käsittelyssä",
        "{path}: another hankinta command is editing the file",
    ),
    "edit_locked_hint": ("Yritä hetken kuluttua uudelleen.", "Try again in a moment."),
    "edit_unreadable": (
        "{path}: tiedostoa ei voi muokata, koska se ei ole kelvollinen",
        "{path}: the file cannot be edited because it is not valid",
    ),
    "edit_unreadable_hint": (
        "Korjaa ensin tiedosto: hankinta check {path}",
        "Fix the file first: hankinta check {path}",
    ),
    "edit_unsafe": (
        "{path}: muokkausta ei voi tehdä turvallisesti ({detail}), joten mitään ei kirjoitettu",
        "{path}: the edit cannot be made safely ({detail}), so nothing was written",
    ),
    "edit_unsafe_hint": (
        "Muokkaa kohtaa käsin tai ilmoita tästä virheestä.",
        "Edit the place by hand or report this as a bug.",
    ),
    "edit_invalid": (
        "{path}: muutoksen jälkeen tiedostossa olisi virheitä, joten mitään ei kirjoitettu",
        "{path}: the file would have errors after the change, so nothing was written",
    ),
    "edit_invalid_hint": (
        "Tarkista annettu arvo; mikä siinä on vialla, näkyy yllä.",
        "Check the value given; what is wrong with it is shown above.",
    ),
    "edit_changed": (
        "{path}: tiedosto muuttui levyllä kesken muokkauksen, joten mitään ei kirjoitettu",
        "{path}: the file changed on disk during the edit, so nothing was written",
    ),
    "edit_changed_hint": (
        "Tallenna editorissa avoinna oleva tiedosto ja aja komento uudelleen.",
        "Save the file open in your editor and run the command again.",
    ),
    "edit_write_failed": (
        "{path}: tiedostoa ei voitu kirjoittaa ({reason}); se on ennallaan",
        "{path}: the file could not be written ({reason}); it is unchanged",
    ),
    "edit_write_failed_hint": ("Tarkista kansion kirjoitusoikeudet.", "Check write permission to the folder."),
    "no_item": ("{kind} '{id}' ei löydy tiedostosta {programme}", "{kind_en} '{id}' not found in {programme}"),
    "no_item_hint": ("{guess}Tunnisteet: {known}", "{guess_en}Ids: {known}"),
    "bad_status": ("tila '{value}' ei ole tunnettu", "status '{value}' is not known"),
    "bad_status_hint": ("{guess}Sallitut: {allowed}.", "{guess_en}Allowed: {allowed_en}."),
    "bad_breakdown": ("erittely '{value}' ei kelpaa", "breakdown '{value}' is not valid"),
    "bad_breakdown_hint": (
        "Anna muodossa yksikkö=arvo, esim. --unit-breakdown Sote=3 --unit-breakdown Tekninen=1,5",
        "Give it as unit=value, e.g. --unit-breakdown Sote=3 --unit-breakdown Tekninen=1.5",
    ),
    "bad_value": (
        "arvo '{value}' ei sovi kenttään {field}: {reason}",
        "value '{value}' does not fit {field}: {reason}",
    ),
    "bad_field": (
        "kenttää '{field}' ei voi asettaa tällä komennolla",
        "field '{field}' cannot be set with this command",
    ),
    "bad_field_hint": ("Asetettavat kentät: {allowed}.", "Fields that can be set: {allowed}."),
    "bad_field_unset": (
        "kenttää '{field}' ei voi poistaa (pakollinen kenttä tai ei tämän kohdan kenttä)",
        "field '{field}' cannot be removed (a required field, or not a field of this item)",
    ),
    "bad_field_unset_hint": ("Poistettavat kentät: {allowed}.", "Fields that can be removed: {allowed}."),
    "bad_date": ("päivämäärä '{value}' ei kelpaa", "date '{value}' is not valid"),
    "bad_date_hint": ("Anna muodossa 2025-03-31 tai 31.3.2025.", "Give it as 2025-03-31 or 31.3.2025."),
    "period_taken": (
        "kaudella {period} on jo arvo {old}; uusi arvo {new} hylättiin",
        "period {period} already has the value {old}; the new value {new} was refused",
    ),
    "period_taken_hint": ("Korvaa arvo lisäämällä --replace.", "Add --replace to replace the value."),
    "observation_field_taken": (
        "kauden {period} arvolla on jo {field_fi} {old}; uusi {field_fi} {new} hylättiin",
        "the value of period {period} already has the {field_en} {old}; the new {field_en} {new} was refused",
    ),
    "observation_field_taken_hint": ("Korvaa se lisäämällä --replace.", "Add --replace to replace it."),
    "replaced_target": (
        "määräpäivän {period} tavoite {old} korvattiin arvolla {new}",
        "the target due {period}: {old} replaced by {new}",
    ),
    "replaced": (
        "kauden {period} arvo {old} korvattiin arvolla {new}",
        "period {period}: value {old} replaced by {new}",
    ),
    "unchanged": ("{path}: ei muutoksia", "{path}: nothing to change"),
    "written": ("{path}: tallennettu", "{path}: saved"),
    "dry_run": ("(kuivaharjoitus: mitään ei kirjoitettu)", "(dry run: nothing was written)"),
    "import_bad_rows": (
        "{file}: {count:bad_row}, joten mitään ei kirjoitettu",
        "{file}: {count:bad_row}, so nothing was written",
    ),
    "import_bad_rows_hint": ("Korjaa rivit ja tuo tiedosto uudelleen.", "Fix the rows and import the file again."),
    "import_bad_header": ("{file}: tuntematon sarake '{header}'", "{file}: unknown column '{header}'"),
    "import_bad_header_hint": (
        "{guess}Sarakkeet: {allowed}.",
        "{guess_en}Columns: {allowed}.",
    ),
    "import_no_key": (
        "{file}: sarakkeissa ei ole mittaria eikä tunnistetta",
        "{file}: the columns have neither an indicator nor a measure id",
    ),
    "import_no_key_hint": (
        "Malli: hankinta import --template malli.xlsx",
        "Template: hankinta import --template template.xlsx",
    ),
    "import_empty": ("{file}: tiedosto on tyhjä", "{file}: the file is empty"),
    "import_unreadable": (
        "{file}: Excel-tiedostoa ei voi lukea ({reason})",
        "{file}: cannot read the Excel file ({reason})",
    ),
    "import_no_sheet": ("{file}: välilehteä '{sheet}' ei ole", "{file}: no sheet '{sheet}'"),
    "import_no_sheet_hint": ("Välilehdet: {sheets}.", "Sheets: {sheets}."),
    "import_missing_file": ("tuotavaa tiedostoa ei ole: {file}", "no file to import: {file}"),
    "imported": (
        "tuotu {obs:new_value}, {replaced:replaced_value} ja {history:status_entry}",
        "imported {obs:new_value}, {replaced:replaced_value} and {history:status_entry}",
    ),
    "bad_on_track": ("tila '{value}' ei ole tunnettu", "status '{value}' is not known"),
    "bad_since": ("'{value}' ei ole päivämäärä eikä git-versio", "'{value}' is neither a date nor a git revision"),
    "bad_since_hint": (
        "Anna päivä (2025-03-31 tai 31.3.2025) tai git-viittaus (esim. HEAD~5, v1.0).",
        "Give a date (2025-03-31) or a git revision (e.g. HEAD~5, v1.0).",
    ),
    "pdf_missing": (
        "PDF vaatii WeasyPrintin, jota ei ole asennettu: {python} -m pip install weasyprint",
        "PDF needs WeasyPrint, which is not installed: {python} -m pip install weasyprint",
    ),
    "pdf_needs_output": (
        "PDF kirjoitetaan tiedostoon: anna -o raportti.pdf",
        "PDF is written to a file: give -o report.pdf",
    ),
    "report_written": ("Raportti kirjoitettu: {path}", "Report written: {path}"),
    "template_problem": ("raporttipohja {where}: {message}", "report template {where}: {message}"),
    "template_problem_hint": (
        "Pohjan kenttien kuvaus: src/hankinta_cli/presenting/report/context.py (README: Report templates).",
        "The fields a template gets: src/hankinta_cli/presenting/report/context.py (README: Report templates).",
    ),
    "derived_no_values": ("mittari '{id}' lasketaan muista mittareista, sille ei kirjata arvoja",
                          "indicator '{id}' is computed from other indicators; values are not recorded for it"),
    "derived_no_values_hint": ("Kirjaa arvot lähtömittareille: {inputs}.", "Record values for its inputs: {inputs}."),
    "template_written": ("Malli kirjoitettu: {path}", "Template written: {path}"),
    # --- spreadsheets from other people (sheets.py, importer.py, updates.parse_value) ---
    "bad_number": ("arvo '{value}' ei ole äärellinen luku", "value '{value}' is not a finite number"),
    "bad_number_hint": ("Anna luku, esim. 12, 12,5 tai 1 234,5.", "Give a number, e.g. 12, 12.5 or 1234.5."),
    "import_no_rows": (
        "{file}: tiedostossa on vain otsikkorivi, joten tuotavaa ei ole",
        "{file}: the file has only a header row, so there is nothing to import",
    ),
    "import_no_rows_hint": (
        "Täytä rivit otsikon alle; malli: hankinta import OHJELMA --template malli.xlsx",
        "Fill in rows under the header; template: hankinta import PROGRAMME --template template.xlsx",
    ),
    "import_duplicate_column": (
        "{file}: sarakkeet '{first}' ({first_col}) ja '{second}' ({second_col}) tarkoittavat samaa",
        "{file}: columns '{first}' ({first_col}) and '{second}' ({second_col}) mean the same",
    ),
    "import_duplicate_column_hint": (
        "Poista toinen sarakkeista; kumpaa käytetään, ei voi arvata.",
        "Remove one of them; which one is meant cannot be guessed.",
    ),
    "import_too_big": (
        "{file}: tiedosto on liian suuri ({size} Mt; enintään {limit} Mt)",
        "{file}: the file is too large ({size} MB; at most {limit} MB)",
    ),
    "import_too_big_hint": ("Jaa tiedot useaan tiedostoon.", "Split the data into several files."),
    "import_too_many_rows": (
        "{file}: yli {limit} tietoriviä (rivi {row})",
        "{file}: more than {limit} data rows (row {row})",
    ),
    "import_too_many_rows_hint": ("Jaa tiedot useaan tiedostoon.", "Split the data into several files."),
    "import_too_many_columns": (
        "{file}: rivillä {row} on arvo sarakkeessa {column}; sarakkeita luetaan enintään {limit}",
        "{file}: row {row} has a value in column {column}; at most {limit} columns are read",
    ),
    "import_too_many_columns_hint": (
        "Poista ylimääräiset sarakkeet (myös kaukana oikealla olevat).",
        "Delete the extra columns (also those far to the right).",
    ),
    "import_cell_too_long": (
        "{file}: rivillä {row} on solu, jossa on yli {limit} merkkiä",
        "{file}: row {row} has a cell longer than {limit} characters",
    ),
    "import_cell_too_long_hint": (
        "Tarkista lainausmerkit: pariton \" yhdistää loput tiedostosta yhdeksi soluksi.",
        "Check the quotes: an unmatched \" joins the rest of the file into one cell.",
    ),
    "import_csv_broken": (
        "{file}: CSV-tiedostoa ei voi lukea (rivi {row}: {reason})",
        "{file}: the CSV file cannot be read (row {row}: {reason})",
    ),
    "import_bad_encoding": (
        "{file}:{line}: merkistö ei ole UTF-8, UTF-16 eikä Windows-1252 (tavu 0x{byte})",
        "{file}:{line}: the text is not UTF-8, UTF-16 or Windows-1252 (byte 0x{byte})",
    ),
    "import_bad_encoding_hint": (
        "Tallenna tiedosto Excelissä muodossa 'CSV UTF-8' tai .xlsx.",
        "Save the file in Excel as 'CSV UTF-8' or .xlsx.",
    ),
    "import_binary": (
        "{file}: tiedosto ei ole tekstiä (NUL-merkki kohdassa {offset})",
        "{file}: the file is not text (a NUL character at offset {offset})",
    ),
    "import_binary_hint": (
        "Tuo CSV- tai .xlsx-tiedosto; UTF-16-tekstissä pitää olla BOM.",
        "Import a CSV or .xlsx file; UTF-16 text needs a BOM.",
    ),
    "import_xls": (
        "{file}: vanhaa Excel 97–2003 -muotoa (.xls) ei tueta",
        "{file}: the old Excel 97–2003 format (.xls) is not supported",
    ),
    "import_xls_hint": (
        "Tallenna tiedosto Excelissä muodossa .xlsx tai 'CSV UTF-8'.",
        "Save the file in Excel as .xlsx or 'CSV UTF-8'.",
    ),
    "import_not_xlsx": (
        "{file}: tiedosto ei ole Excel-tiedosto (.xlsx), vaikka nimi niin kertoo",
        "{file}: the file is not an Excel (.xlsx) file although its name says so",
    ),
    "import_not_xlsx_hint": (
        "Jos se on CSV-tiedosto, anna sille pääte .csv.",
        "If it is a CSV file, give it the .csv extension.",
    ),
    "import_xlsx_damaged": (
        "{file}: Excel-tiedosto on vioittunut ({reason})",
        "{file}: the Excel file is damaged ({reason})",
    ),
    "import_xlsx_damaged_hint": (
        "Avaa ja tallenna tiedosto uudelleen Excelissä.",
        "Open the file in Excel and save it again.",
    ),
    "import_xlsx_parts": (
        "{file}: Excel-tiedostossa on {count:part} (enintään {limit})",
        "{file}: the Excel file has {count:part} (at most {limit})",
    ),
    "import_xlsx_parts_hint": (
        "Tiedosto ei ole tavallisen taulukon kokoinen: kopioi tiedot uuteen työkirjaan tai tuo ne CSV-muodossa.",
        "The file is not the size of an ordinary sheet: copy the data into a new workbook or import it as CSV.",
    ),
    "import_xlsx_part_size": (
        "{file}: Excel-tiedoston osa {part} on purettuna yli {limit} Mt",
        "{file}: part {part} of the Excel file is over {limit} MB uncompressed",
    ),
    "import_xlsx_part_size_hint": (
        "Tiedosto ei ole tavallisen taulukon kokoinen: kopioi tiedot uuteen työkirjaan tai tuo ne CSV-muodossa.",
        "The file is not the size of an ordinary sheet: copy the data into a new workbook or import it as CSV.",
    ),
    "import_xlsx_total_size": (
        "{file}: Excel-tiedosto on purettuna yli {limit} Mt",
        "{file}: the Excel file is over {limit} MB uncompressed",
    ),
    "import_xlsx_total_size_hint": (
        "Tiedosto ei ole tavallisen taulukon kokoinen: kopioi tiedot uuteen työkirjaan tai tuo ne CSV-muodossa.",
        "The file is not the size of an ordinary sheet: copy the data into a new workbook or import it as CSV.",
    ),
    "import_xlsx_ratio": (
        "{file}: Excel-tiedoston osa {part} on pakattu suhteessa {ratio}:1 (enintään {limit}:1)",
        "{file}: part {part} of the Excel file is compressed {ratio}:1 (at most {limit}:1)",
    ),
    "import_xlsx_ratio_hint": (
        "Tiedosto ei ole tavallisen taulukon kokoinen: kopioi tiedot uuteen työkirjaan tai tuo ne CSV-muodossa.",
        "The file is not the size of an ordinary sheet: copy the data into a new workbook or import it as CSV.",
    ),
    "import_xlsx_elements": (
        "{file}: Excel-tiedoston osassa {part} on yli {limit} XML-elementtiä (soluja, tekstejä, tyylejä)",
        "{file}: part {part} of the Excel file has more than {limit} XML elements (cells, texts, styles)",
    ),
    "import_xlsx_elements_hint": (
        "Tiedosto ei ole tavallisen taulukon kokoinen: kopioi tiedot uuteen työkirjaan tai tuo ne CSV-muodossa.",
        "The file is not the size of an ordinary sheet: copy the data into a new workbook or import it as CSV.",
    ),
    "import_xlsx_sheets": (
        "{file}: Excel-tiedostossa on {sheets:sheet} ja suurimmassa {elements:xml_element}; "
        "se on liian raskas luettavaksi",
        "{file}: the Excel file has {sheets:sheet} and {elements:xml_element} in the biggest; "
        "it is too heavy to read",
    ),
    "import_xlsx_sheets_hint": (
        "Kopioi tuotavat tiedot yhdelle välilehdelle uuteen työkirjaan.",
        "Copy the data to import onto one sheet of a new workbook.",
    ),
    "import_xlsx_dtd": (
        "{file}: Excel-tiedoston osassa {part} on DTD-määrittely (<!DOCTYPE), jota Excel ei kirjoita",
        "{file}: part {part} of the Excel file has a DTD (<!DOCTYPE), which Excel never writes",
    ),
    "import_xlsx_dtd_hint": (
        "Tiedosto ei ole tavallisen taulukon kokoinen: kopioi tiedot uuteen työkirjaan tai tuo ne CSV-muodossa.",
        "The file is not the size of an ordinary sheet: copy the data into a new workbook or import it as CSV.",
    ),
    # --- issue 10: unreadable files, record's note and period ---
    "file_unreadable": ("{path}: tiedostoa ei voi lukea ({reason})", "{path}: cannot read the file ({reason})"),
    "file_unreadable_hint": (
        "Tarkista, että polku on tavallinen tiedosto ja että sinulla on lukuoikeus (ls -l).",
        "Check that the path is a regular file and that you may read it (ls -l).",
    ),
    "bad_period": ("kausi '{value}' ei kelpaa", "period '{value}' is not valid"),
    "bad_period_hint": (
        "Kausi on vuosi (2024), puolivuosi (2024-H1), neljännes (2024-Q3) tai kuukausi (2024-05) "
        "vuosilta 1900–2199.",
        "A period is a year (2024), a half (2024-H1), a quarter (2024-Q3) or a month (2024-05) "
        "within 1900–2199.",
    ),
    "bad_text": (
        "{option}: kohdassa {position} on ohjausmerkki {char}, jota YAML-tiedostoon ei voi tallentaa",
        "{option}: position {position} holds the control character {char}, which a YAML file cannot hold",
    ),
    "bad_text_hint": (
        "Poista merkki (se tulee usein kopioidun tekstin mukana) ja aja komento uudelleen.",
        "Remove the character (it often comes with copied text) and run the command again.",
    ),
    # --- files hankinta writes: edits, outputs, locks and the cache (issue 10) ---
    "edit_read_only": (
        "{path}: tiedosto on vain luku -tilassa, joten sitä ei muokattu",
        "{path}: the file is read-only, so it was not edited",
    ),
    "edit_read_only_hint": (
        "Jos muutos on tarkoituksellinen, salli kirjoitus: chmod u+w {path}",
        "If the change is intended, allow writing: chmod u+w {path}",
    ),
    "edit_lock_unusable": (
        "lukkotiedostoa {lock} ei voi käyttää ({reason}), joten mitään ei kirjoitettu",
        "cannot use the lock file {lock} ({reason}), so nothing was written",
    ),
    "edit_lock_unusable_hint": (
        "Lukon paikalla on jotain muuta kuin tavallinen tiedosto: tarkista ja poista se.",
        "Something other than a plain file is where the lock should be: check it and remove it.",
    ),
    "output_is_programme": (
        "{path} on ohjelma- tai mittaristotiedosto (tai .yaml-nimi); sen päälle ei kirjoiteta "
        "raporttia, mallia eikä skeemaa",
        "{path} is a programme or catalogue file (or a .yaml name); a report, template or schema "
        "is not written over it",
    ),
    "output_is_programme_hint": (
        "Anna toinen tiedostonimi, esim. -o raportti.html tai --template malli.xlsx.",
        "Give another file name, e.g. -o report.html or --template template.xlsx.",
    ),
    "output_write_failed": (
        "{path}: tiedostoa ei voitu kirjoittaa ({reason}); aiempi sisältö on ennallaan",
        "{path}: the file could not be written ({reason}); its previous content is unchanged",
    ),
    "output_write_failed_hint": (
        "Tarkista levytila ja kansion kirjoitusoikeudet.",
        "Check the free disk space and write permission to the folder.",
    ),
    "cache_unsafe": (
        "tulosvälimuistia {path} ei käytetä: kansio ei ole sinun tai muut voivat kirjoittaa siihen",
        "the result cache {path} is not used: the folder is not yours or others can write to it",
    ),
    "cache_unsafe_hint": (
        "chmod 700 {path}, tai aseta HANKINTA_CACHE_DIR omaan kansioosi (--no-cache ohittaa välimuistin).",
        "chmod 700 {path}, or set HANKINTA_CACHE_DIR to a folder of your own (--no-cache skips the cache).",
    ),
    # reports from hostile programmes and templates (issue 10)
    "template_not_found": ("pohjaa {name} ei löydy pohjakansiosta", "no template {name} in the template folder"),
    "template_unsafe": (
        "pohja yrittää jotain, mitä raporttipohja ei saa tehdä ({detail})",
        "the template tries something a report template may not do ({detail})",
    ),
    "template_too_costly": (
        "pohjan täyttäminen vie liikaa aikaa tai muistia (raja {seconds} s suoritinaikaa, {megabytes} Mt)",
        "filling the template takes too much time or memory (limit {seconds} s of CPU, {megabytes} MB)",
    ),
    "since_unusable": (
        "Muutoksia ei voitu verrata versioon {revision}: {reason}",
        "Changes could not be compared with revision {revision}: {reason}",
    ),
    "since_missing": (
        "tiedostoa {path} ei ole versiossa {revision} (uusi tai nimetty uudelleen)",
        "{path} does not exist at revision {revision} (new or renamed)",
    ),
    "since_too_big": (
        "tiedosto on versiossa {revision} {size} tavua, raja on {limit} tavua",
        "the file is {size} bytes at revision {revision}, the limit is {limit} bytes",
    ),
    "since_unreadable": (
        "tiedosto ei siinä versiossa lataudu (rivi {line}, sarake {column}): {problem}",
        "the file does not load in that version (line {line}, column {column}): {problem}",
    ),
    # --- issue 11: one resolver for every command; reading speaks of reading ---
    "no_programme": (
        "ohjelmaa '{name}' ei löydy: ei tiedostoa, kansiota eikä ohjelman tunnistetta kansiossa {root}",
        "programme '{name}' not found: no such file, folder or programme id under {root}",
    ),
    "no_programme_hint": (
        "Ohjelmat: {known}. Toisen ohjelmakansion voi antaa: --root KANSIO",
        "Programmes: {known}. Another programme folder can be given: --root FOLDER",
    ),
    "no_programme_no_root": (
        "ohjelmaa '{name}' ei löydy: ei tiedostoa eikä kansiota, eikä kansiota programmes/ ole tässä "
        "kansiossa tai sen yläkansioissa",
        "programme '{name}' not found: no such file or folder, and no programmes/ folder here or above",
    ),
    "no_programme_no_root_hint": (
        "Anna ohjelma tiedostona tai kansiona, tai ohjelmakansio: --root KANSIO",
        "Name the programme by its file or folder, or give the programme folder: --root FOLDER",
    ),
    "no_root": (
        "kansiota programmes/ ei ole tässä kansiossa eikä sen yläkansioissa",
        "no programmes/ folder here or in any folder above",
    ),
    "no_root_hint": (
        "Aja komento ohjelmarepositoriossa, anna ohjelmat tiedostoina tai kansioina, tai ohjelmakansio: "
        "--root KANSIO",
        "Run the command inside a programme repository, name the programmes as files or folders, or give "
        "the programme folder: --root FOLDER",
    ),
    "several_programmes": (
        "'{name}' on {count:programme} ({names}); komento muokkaa yhtä ohjelmaa",
        "'{name}' holds {count:programme} ({names}); the command edits one programme",
    ),
    "ambiguous_programme": (
        "'{name}' voi tarkoittaa useaa tiedostoa: {names}",
        "'{name}' could mean several files: {names}",
    ),
    "ambiguous_programme_hint": (
        "Anna tiedoston polku, tai anna tiedostoille eri tunnisteet (id:) ja nimet.",
        "Give the file's path, or give the files different ids (id:) and names.",
    ),
    "several_programmes_hint": (
        "Anna yksi ohjelmatiedosto tai ohjelman tunniste.",
        "Give one programme file or programme id.",
    ),
    "read_invalid": (
        "{path}: tiedostoa ei voi lukea, koska siinä on virheitä",
        "{path}: the file cannot be read because it has errors",
    ),
    "read_invalid_hint": (
        "Korjaa ensin virheet (yllä): hankinta check {path}",
        "Fix the errors (above) first: hankinta check {path}",
    ),
    "no_templates": ("Polkua ei ole: {path}", "No such path: {path}"),
    "io_error": ("{path}: {reason}", "{path}: {reason}"),
    "import_usage": (
        "hankinta import PROGRAMME FILE  |  hankinta import --template FILE",
        "hankinta import PROGRAMME FILE  |  hankinta import --template FILE",
    ),
    "bad_on_track_hint": ("{guess}Sallitut: {allowed}.", "{guess_en}Allowed: {allowed_en}."),
    # --- issue 12: edits dated in the future ---
    "date_in_future": ("päivä {value} on tulevaisuudessa (tänään on {today})",
                       "the date {value} is in the future (today is {today})"),
    "date_in_future_hint": (
        "Kirjaa tilamerkintä sinä päivänä, jona tila muuttui; tulevaa aikataulua varten: hankinta set … schedule.due",
        "Date the entry on the day the status changed; for a future schedule: hankinta set … schedule.due",
    ),
    "period_in_future": ("kausi {period} ei ole vielä alkanut (tänään on {today})",
                         "period {period} has not begun yet (today is {today})"),
    "period_in_future_hint": ("Kirjaa arvo, kun kausi on alkanut; tavoitteet kirjataan kenttään targets.",
                              "Record the value once the period has begun; targets go in the indicator's targets."),
    # --- issue 12: check --only-programmes (the pre-commit hook) names the files it skipped ---
    "skipped_one": ("ohitettiin {files:file}, joka ei ole ohjelma eikä mittaristo: {names}",
                    "skipped {files:file} that is not a programme or catalogue: {names}"),
    "skipped_many": ("ohitettiin {files:file}, jotka eivät ole ohjelmia eivätkä mittaristoja: {names}",
                     "skipped {files:file} that are not programmes or catalogues: {names}"),
    # --- issue 12: reading views (--theme, --due-within) ---
    "bad_theme": ("teemaa '{value}' ei ole", "there is no theme '{value}'"),
    "bad_theme_hint": ("{guess}Teemat: {allowed}.", "{guess_en}Themes: {allowed}."),
    "undated_left_out": (
        "ei mukana, koska aikataulussa ei ole päivämäärää: {ids}",
        "left out because their schedule has no date: {ids}",
    ),
    "undated_left_out_hint": (
        "Anna aikataululle vuosi tai määräpäivä, esim. hankinta set OHJELMA TOIMENPIDE schedule.due 30.6.2026",
        "Give the schedule a year or a due date, e.g. hankinta set PROGRAMME MEASURE schedule.due 2026-06-30",
    ),
    # --- issue 12: set/unset/add measure (editing/fields.py) ---
    "set_value_or_clear": ("anna joko uusi arvo tai --clear", "give either a new value or --clear"),
    "set_value_or_clear_hint": (
        "Esim. hankinta set OHJELMA 3.2 schedule 2026-H1 tai hankinta unset OHJELMA 3.2 schedule",
        "E.g. hankinta set PROGRAMME 3.2 schedule 2026-H1 or hankinta unset PROGRAMME 3.2 schedule"),
    "bad_schedule": ("aikataulu '{value}' ei kelpaa", "schedule '{value}' is not valid"),
    "bad_schedule_hint": ("Aikataulu on vuosi (2026), puolivuosi (2026-H1), neljännes (2026-Q3), päivä (30.6.2026), "
                          "jakso (1.1.2026–30.6.2026) tai teksti.",
                          "A schedule is a year (2026), a half (2026-H1), a quarter (2026-Q3), a date (2026-06-30), "
                          "a range (2026-01-01–2026-06-30) or text."),
    "schedule_reversed": ("jakson '{value}' loppu on ennen alkua", "the range '{value}' ends before it starts"),
    "schedule_reversed_hint": ("Kirjoita alkupäivä ensin, esim. 1.1.2026–30.6.2026.",
                               "Write the start first, e.g. 2026-01-01–2026-06-30."),
    "baseline_period": ("lähtötaso tarvitsee kauden", "a baseline needs its period"),
    "baseline_period_hint": ("Anna kausi: --period 2023 (tai 2023-H1, 2023-Q4, 2023-05).",
                             "Give the period: --period 2023 (or 2023-H1, 2023-Q4, 2023-05)."),
    "id_taken": ("tunniste '{id}' on jo käytössä ohjelmassa", "id '{id}' is already used in the programme"),
    "id_taken_hint": ("Valitse uusi tunniste; hankinta status OHJELMA näyttää käytössä olevat.",
                      "Choose a new id; hankinta status PROGRAMME lists those in use."),
    # --- issue 12: words (values given on the command line) ---
    "not_a_number": ("arvo '{value}' ei ole luku", "value '{value}' is not a number"),
    "not_a_number_hint": ("Anna luku, esim. 12, 12,5, 1 234,5 tai 12,5 %.",
                          "Give a number, e.g. 12, 12.5, 1234.5 or 12.5 %."),
    # --- issue 13: hankinta notices (eForms notices; problem texts are notice_<reason>) ---
    "notice_unreadable": ("tiedostoa ei voi lukea: {reason}", "cannot read the file: {reason}"),
    "notice_too_large": ("ilmoitus on liian suuri (yli {limit} tavua)", "the notice is too large (over {limit} bytes)"),
    "notice_archive": ("arkistoa ei voi lukea: {reason}", "cannot read the archive: {reason}"),
    "notice_archive_limit": ("arkisto ylittää rajan ({what}: enintään {limit}); loppua ei luettu",
                             "the archive is over a limit ({what}: at most {limit}); the rest was not read"),
    "notice_xml": ("XML-virhe: {problem}", "XML error: {problem}"),
    "notice_dtd": ("XML:ssä on DTD tai entiteettimäärityksiä, joita eForms-ilmoituksessa ei ole; ei luettu",
                   "the XML has a DTD or entity declarations, which eForms notices never have; not read"),
    "notice_not_eforms": ("ei eForms-hankintailmoitus (juurielementti {found})",
                          "not an eForms procurement notice (root element {found})"),
    "notice_not_procurement": ("eForms-ilmoitus {found} ei ole hankintailmoitus; ohitettu",
                               "the eForms notice {found} is not a procurement notice; skipped"),
    "notice_missing": ("ilmoituksesta puuttuu {fields}; ei luettu", "the notice has no {fields}; not read"),
    "notice_bad_date": ("päivämäärä '{value}' ({field}) ei kelpaa; ei luettu",
                        "the date '{value}' ({field}) is not valid; not read"),
    "notice_empty": ("tyhjä elementti <{element}> ({count} tyhjää elementtiä; eForms ei salli niitä)",
                     "empty element <{element}> ({count} empty elements; eForms forbids them)"),
    "notice_unknown_code": ("koodi '{code}' ei ole koodistossa {codelist}",
                            "code '{code}' is not in the code list {codelist}"),
    "notice_bad_number": ("luku '{value}' ei kelpaa; jätetty pois", "the number '{value}' is not valid; left out"),
    "notice_change_other_procedure": (
        "muutosilmoitus muuttaa toisen hankinnan ({other}) ilmoitusta {changed}; muutosta ei sovellettu",
        "the change notice changes notice {changed} of another procedure ({other}); the change was not applied",
    ),
    "notices_counted": (
        "{read} ilmoitusta luettu, {replaced} korvattu uudemmalla versiolla tai muutoksella, {shown} näytetään "
        "({procedures} hankintaa); {unreadable} tiedostoa ei voitu lukea",
        "{read} notices read, {replaced} replaced by a later version or a change, {shown} shown "
        "({procedures} procedures); {unreadable} files could not be read",
    ),
    "bad_business_id": ("'{value}' ei ole Y-tunnus (tarkistusnumero ei täsmää tai muoto on väärä)",
                        "'{value}' is not a Finnish business id (the check digit or the form is wrong)"),
    "bad_business_id_hint": ("Y-tunnus kirjoitetaan 1234567-8; tarkista se YTJ:stä (ytj.fi).",
                             "A business id is written 1234567-8; look it up at ytj.fi."),
    "no_notice_files": ("Polkua ei ole: {path}", "No such path: {path}"),
    "no_notice_files_hint": ("Anna ilmoitustiedosto (.xml), kansio tai arkisto (.zip, .tar.gz).",
                             "Give a notice file (.xml), a folder or an archive (.zip, .tar.gz)."),
    "bad_date_range": ("--since {since} on myöhemmin kuin --until {until}", "--since {since} is after --until {until}"),
    # hankinta hilma (issue 13, items 3–4)
    "hilma_kept": ("{id} {period}: kirjattu arvo {old} säilytettiin (laskettu {new}; korvaa: --replace)",
                   "{id} {period}: the recorded value {old} was kept (computed {new}; to replace: --replace)"),
    "hilma_no_buyers": ("Ostajien Y-tunnuksia ei ole: {path} ei nimeä niitä (hilma_buyers) eikä --buyer annettu",
                        "No buyer business ids: {path} names none (hilma_buyers) and no --buyer was given"),
    "hilma_no_buyers_hint": ("Lisää ohjelmaan 'hilma_buyers: [1234567-8]' (kaikki ostajayksiköt) tai anna "
                             "--buyer 1234567-8. Y-tunnuksia ei arvata.",
                             "Add 'hilma_buyers: [1234567-8]' (every buyer unit) to the programme or give "
                             "--buyer 1234567-8. Business ids are never guessed."),
    "hilma_no_queries": ("{path}: yhdelläkään mittarilla ei ole HILMA-kyselyä (hilma:)",
                         "{path}: no indicator has a HILMA query (hilma:)"),
    "hilma_no_queries_hint": ("Esim. hilma: {{count: menettelyt, notices: [jälki-ilmoitus], share: [pk-voittaja]}}",
                              "E.g. hilma: {{count: menettelyt, notices: [jälki-ilmoitus], share: [pk-voittaja]}}"),
    "hilma_unreadable": ("{count} ilmoitustiedostoa ei voitu lukea: arvoja ei kirjattu (ne jäisivät vajaiksi)",
                         "{count} notice files could not be read: no values recorded (they would be incomplete)"),
    "hilma_unreadable_hint": ("Korjaa tai poista yllä luetellut tiedostot ja aja komento uudelleen.",
                              "Fix or remove the files listed above and run the command again."),
    # --- issue 14: procurement plans (plans/*.yaml) ---
    "plan_no_root": (
        "suunnitelmaa '{name}' ei löydy: ei tiedostoa eikä kansiota, eikä kansiota plans/ ole tässä kansiossa "
        "tai sen yläkansioissa",
        "plan '{name}' not found: no such file or folder, and no plans/ folder here or above",
    ),
    "plan_no_root_hint": ("Anna suunnitelmatiedosto tai kansio --root.", "Give a plan file, or a folder with --root."),
    "plan_no_folder": ("kansiota plans/ ei ole tässä kansiossa eikä sen yläkansioissa",
                       "there is no plans/ folder here or above"),
    "plan_no_folder_hint": ("Aja komento ohjelmarepositoriossa, anna suunnitelmatiedosto tai kansio --root "
                            "(esimerkki: --root examples/plans hankinta-työkalun repositoriossa).",
                            "Run the command in a programme repository, or give a plan file or a folder with "
                            "--root (an example: --root examples/plans in hankinta's repository)."),
    "not_a_plan": ("{path} ei ole hankintasuunnitelma", "{path} is not a procurement plan"),
    "not_a_plan_hint": ("Hankintasuunnitelma alkaa rivillä 'plan_version: 1'.",
                        "A procurement plan starts with the line 'plan_version: 1'."),
    "bad_quarter": ("neljännes '{value}' ei kelpaa", "quarter '{value}' is not valid"),
    "bad_quarter_hint": ("Anna neljännes muodossa 2026-Q2.", "Give the quarter as 2026-Q2."),
    "bad_plan_status": ("hankinnan tila '{value}' ei ole tunnettu", "plan status '{value}' is not known"),
    "bad_plan_status_hint": ("Sallitut: {allowed}.", "Allowed: {allowed}."),
    "plan_import_columns": (
        "{file}: taulukossa pitää olla sarake Tunniste, eikä sarakkeita, joita ei tunneta (tuntemattomat: {unknown})",
        "{file}: the sheet needs a column Tunniste (id) and no unknown columns (unknown: {unknown})",
    ),
    "plan_import_columns_hint": ("Sarakkeet: {allowed} (myös YAML-kenttien nimet).",
                                 "Columns: {allowed} (the YAML field names work too)."),
    # --- issue 14: the public procurement calendar (`hankinta calendar`; cal_* also label its pages) ---
    "calendar_written": ("Hankintakalenteri kirjoitettu: {path}", "Procurement calendar written: {path}"),
    "calendar_suffix": ("{path}: kalenterin tiedostonimen pitää päättyä .html, .csv tai .ics",
                        "{path}: the calendar's file name must end in .html, .csv or .ics"),
    "calendar_suffix_hint": ("Pääte valitsee muodon, esim. -o hankintakalenteri.html.",
                             "The suffix picks the format, e.g. -o hankintakalenteri.html."),
    "calendar_csv_one_plan": ("CSV-kalenteriin tulee yksi suunnitelma kerrallaan (annettu {count})",
                              "a CSV calendar holds one plan at a time ({count} given)"),
    "calendar_csv_one_plan_hint": (
        "CSV:n rivit voi tuoda takaisin suunnitelmaansa (plan import), joten kullekin suunnitelmalle oma tiedosto: "
        "hankinta calendar TUNNISTE -o TUNNISTE.csv.",
        "The CSV's rows import back into their plan (plan import), so each plan gets a file of its own: "
        "hankinta calendar ID -o ID.csv."),
    "cal_title": ("Hankintakalenteri", "Procurement calendar"),
    "cal_as_of": ("Julkinen hankintakalenteri, tilanne {date}", "Public procurement calendar as of {date}"),
    "cal_covers": (
        "Kalenterissa ovat suunnitellut hankinnat, joiden hankintailmoitus on tarkoitus julkaista suunnitelman "
        "liukuvalla suunnitteluhorisontilla, aiemmaksi suunnitellut hankinnat, jotka ovat yhä tulossa tai "
        "käynnissä, sekä hankinnat, joiden ajankohta on vielä avoin. Perutut ja jo kilpailutetut hankinnat eivät "
        "ole mukana. Arvioitu arvo (ilman arvonlisäveroa) näytetään vain, kun se on julkinen.",
        "The calendar lists the planned procurements whose contract notice is to be published within the plan's "
        "rolling horizon, those planned earlier that are still to come or under way, and those whose time is "
        "still open. Cancelled procurements and those already tendered are not included. The estimated value "
        "(excluding VAT) is shown only where it is public."),
    "cal_horizon_value": ("{start}–{end} ({months} kk)", "{start}–{end} ({months} months)"),
    "cal_plan": ("Suunnitelma", "Plan"),
    "cal_organisation": ("Organisaatio", "Organisation"),
    "cal_business_id": ("Y-tunnus", "Business ID"),
    "cal_unit": ("Yksikkö", "Unit"),
    "cal_horizon": ("Suunnitteluhorisontti", "Planning horizon"),
    "cal_updated": ("Suunnitelma päivitetty", "Plan updated"),
    "cal_item": ("Hankinta", "Procurement"),
    "cal_id": ("Tunniste", "Id"),
    "cal_notice": ("Hankintailmoitus", "Contract notice"),
    "cal_market_dialogue": ("Markkinavuoropuhelu", "Market dialogue"),
    "cal_nature": ("Hankintalaji", "Type"),
    "cal_procedure": ("Menettely", "Procedure"),
    "cal_value": ("Arvioitu arvo", "Estimated value"),
    "cal_contract": ("Sopimuskausi", "Contract period"),
    "cal_options": ("optiot", "options"),
    "cal_status": ("Tila", "Status"),
    "cal_cpv": ("CPV", "CPV"),
    "cal_aims": ("Tavoitteet", "Aims"),
    "cal_measures": ("Ohjelman toimenpiteet", "Programme measures"),
    "cal_notice_ids": ("Ilmoitukset", "Notices"),
    "cal_empty": ("Kalenterissa ei ole julkisia hankintoja.", "The calendar holds no public procurements."),
    "cal_quarter": ("{part}. neljännes {year}", "Q{part} {year}"),
    "cal_half": ("{part}. puolivuosi {year}", "H{part} {year}"),
    "cal_open_time": ("{period} (tarkempi ajankohta avoin)", "{period} (exact time open)"),
    "cal_earlier": ("Aiemmaksi suunnitellut, yhä tulossa tai käynnissä", "Planned earlier, still to come or under way"),
    "cal_undated": ("Ajankohta vielä avoin", "Time not yet planned"),
    "cal_count": ("{period}: {count:procurement}", "{period}: {count:procurement}"),
    "cal_event_notice": ("Hankintailmoitus: {title}", "Contract notice: {title}"),
    "cal_event_dialogue": ("Markkinavuoropuhelu: {title}", "Market dialogue: {title}"),
    "cal_event_period": ("{summary} ({period})", "{summary} ({period})"),
    # issue 14: the plan's own indicators (`plan indicators`, the report's plan section)
    "plan_indicators_no_notices": (
        "Suunnitelmassa / muut: ei laskettavissa ilman hankintailmoituksia: anna ne valinnalla --notices.",
        "In the plan / other: not computable without procurement notices: give them with --notices."),
    "plan_indicators_no_business_id": (
        "Suunnitelmassa / muut: ei laskettavissa: suunnitelmassa ei ole ostajan Y-tunnusta (business_id).",
        "In the plan / other: not computable: the plan gives no buyer business id (business_id)."),
    "plan_indicators_linked": ("Suunnitelmassa-luvussa ovat mukana saman ostajan suunnitelmat {plans}.",
                               "The in-plan figure counts the links of this buyer's plans {plans}."),
    "plan_indicators_undated": ("Ilmoitetuiksi merkityt, joiden ilmoituspäivää ei tiedetä (ei laskettu): {items}",
                                "Marked announced with no known notice date (not counted): {items}"),
    "plan_calendar_current": ("Hankintakalenteri ajan tasalla (K/E): {answer} – päivitetty {updated}, "
                              "seuraava päivitys viimeistään {due}",
                              "Procurement calendar up to date (Y/N): {answer} – updated {updated}, "
                              "next update due by {due}"),
    "plan_calendar_gap": ("Hankintakalenteri ajan tasalla (K/E): ei tiedossa – suunnitelmasta puuttuu {missing}",
                          "Procurement calendar up to date (Y/N): unknown – the plan has no {missing}"),
    "bad_plan_period": ("kausi '{value}' ei kelpaa", "period '{value}' is not valid"),
    "bad_plan_period_hint": ("Anna vuosi tai sen osa: 2026, 2026-H1, 2026-Q2 tai 2026-05.",
                             "Give a year or a part of one: 2026, 2026-H1, 2026-Q2 or 2026-05."),
    "plan_notices_unreadable": ("{count} ilmoitustiedostoa ei voitu lukea: luvut jäisivät vajaiksi",
                                "{count} notice files could not be read: the figures would be incomplete"),
    "plan_notices_unreadable_hint": ("Korjaa tai poista yllä luetellut tiedostot ja aja komento uudelleen.",
                                     "Fix or remove the files listed above and run the command again."),
    "plan_unreadable": ("suunnitelmaa {path} ei voitu lukea, joten raportissa ei ole sen osiota: aja hankinta check",
                        "plan {path} could not be read, so the report has no section for it: run hankinta check"),
    # --- issue 15: hankinta init ---
    "init_exists": ("{dir}: nämä ovat jo olemassa, joten mitään ei kirjoitettu: {paths}",
                    "{dir}: these already exist, so nothing was written: {paths}"),
    "init_exists_hint": ("init ei korvaa mitään: anna uusi kansio tai siirrä nämä pois.",
                         "init overwrites nothing: give a new folder or move these away."),
    "init_no_organisation": ("organisaation nimi puuttuu", "the organisation's name is missing"),
    "init_no_organisation_hint": ('Anna nimi: --organisation "Esimerkkilän kunta".',
                                  'Give the name: --organisation "Esimerkkilä municipality".'),
    "init_bad_id": ("ohjelman tunniste '{id}' ei kelpaa", "programme id '{id}' is not valid"),
    "init_bad_id_hint": ("Tunnisteessa on kirjaimia, numeroita, '.', '_' ja '-' (enintään 64 merkkiä), eikä se "
                         "ole 'mittaristo'; anna se valitsimella --id.",
                         "An id has letters, digits, '.', '_' and '-' (at most 64 characters) and is not "
                         "'mittaristo'; give one with --id."),
    "init_bad_repo": ("hankinnan repositorion osoite '{repo}' ei kelpaa",
                      "hankinta's repository URL '{repo}' is not valid"),
    "init_bad_repo_hint": ("Anna osoite ilman välilyöntejä, esim. https://github.com/org/hankinta.",
                           "Give a URL without spaces, e.g. https://github.com/org/hankinta."),
    "init_no_source": ("pohjaksi annettua ohjelmaa '{name}' ei ole",
                       "the programme '{name}' given as a model does not exist"),
    "init_no_source_hint": ("Anna ohjelmatiedosto tai jokin mukana tulevista: {known}.",
                            "Give a programme file or one of the shipped ones: {known}."),
    "init_not_programme": ("{path} ei ole ohjelma", "{path} is not a programme"),
    "init_bad_source": ("{path} ei kelpaa pohjaksi: siinä on virheitä", "{path} cannot be a model: it has errors"),
    "init_bad_source_hint": ("Korjaa virheet (hankinta check) tai anna toinen ohjelma.",
                             "Fix the errors (hankinta check) or give another programme."),
    "init_invalid": ("uusi ohjelma ei läpäisisi tarkistusta, joten mitään ei kirjoitettu",
                     "the new programme would not pass the check, so nothing was written"),
    "init_write_failed": ("{path}: kirjoittaminen epäonnistui ({reason}); mitään ei jätetty",
                          "{path}: writing failed ({reason}); nothing was left behind"),
    "init_made": ("Ohjelmarepositorio tehty kansioon {dir}:", "Programme repository made in {dir}:"),
    "init_programme": ("ohjelman pohja: teema, tavoite, toimenpide ja määrittelemätön mittari",
                       "the programme's skeleton: a theme, a goal, a measure and an indicator to be defined"),
    "init_programme_from": ("ohjelma ohjelman {source} rakenteella (ilman sen tiloja ja arvoja)",
                            "a programme with the structure of {source} (without its statuses and values)"),
    "init_catalogue": ("yhteinen mittaristo, johon mittarit viittaavat", "the shared catalogue indicators refer to"),
    "init_schema": ("JSON Schema: VS Code täydentää ja selittää kentät",
                    "JSON Schema: VS Code completes and explains fields"),
    "init_vscode": ("VS Coden YAML-laajennuksen asetukset", "settings for VS Code's YAML extension"),
    "init_pre_commit": ("pre-commit-tarkistus ennen committia", "the pre-commit check before each commit"),
    "init_workflow": ("GitHub Actions: tarkistus pull requesteissa, sivusto GitHub Pagesiin",
                      "GitHub Actions: checks pull requests, publishes the site to GitHub Pages"),
    "init_readme": ("ohje koordinaattorille", "a guide for the coordinator"),
    "init_gitignore": ("mitä git ei seuraa: raportit, sivusto", "what git leaves out: reports, the site"),
    "init_checked": ("hankinta check: {errors:error}, {warnings:warning}",
                     "hankinta check: {errors:error}, {warnings:warning}"),
    "init_gaps": ("Varoitukset ovat aukkoja, eivät virheitä: ohjelmasta puuttuu vielä päättämättömiä tietoja "
                  "(esimerkiksi vastuutaho tai aikataulu). Täydennä ne, kun ne on päätetty.",
                  "The warnings are gaps, not errors: the programme lacks what has not been decided yet "
                  "(a responsible party or a schedule, say). Fill them in once decided."),
    "init_placeholder": ("Kerro, mistä hankinta-työkalu asennetaan: korvaa {repo} tiedostoissa "
                         ".pre-commit-config.yaml, .github/workflows/hankinta.yml ja README.md "
                         "(tai anna --hankinta-repo).",
                         "Set hankinta's address: replace {repo} in .pre-commit-config.yaml, "
                         ".github/workflows/hankinta.yml and README.md (or give --hankinta-repo)."),
    "init_next": ("Seuraavaksi:", "Next:"),
    "plan_import_no_source": ("anna tuotava tiedosto (.csv tai .xlsx) tai --template MALLI.xlsx",
                              "give the file to import (.csv or .xlsx) or --template TEMPLATE.xlsx"),
    "plan_import_no_source_hint": ("Malli: hankinta plan import SUUNNITELMA --template hankinnat.xlsx; täytä ja tuo: "
                                   "hankinta plan import SUUNNITELMA hankinnat.xlsx",
                                   "A template: hankinta plan import PLAN --template plan.xlsx; fill it in and import: "
                                   "hankinta plan import PLAN plan.xlsx"),
    # issue 15: the combined report past a size
    "report_too_big": ("koosteraportissa on {count:programme} ({mb} Mt): se on raskas selaimelle ja kokoukselle",
                       "the combined report holds {count:programme} ({mb} MB): heavy for a browser or a meeting"),
    "report_too_big_hint": ("Julkaise ohjelmat sivustona, jossa kullakin ohjelmalla ja mittarilla on oma sivu: "
                            "hankinta site -o site",
                            "Publish the programmes as a site, a page per programme and indicator: "
                            "hankinta site -o site"),
    # hankinta plan match (issue 14, item 4)
    "match_no_business_id": (
        "suunnitelmassa {plan} ei ole Y-tunnusta (business_id): ilmoituksia ei rajata ostajan mukaan, vaan "
        "kaikkia verrataan CPV-koodin, ajankohdan ja nimen perusteella",
        "plan {plan} has no business id (business_id): notices are not limited to its buyer, every one is "
        "compared by CPV code, date and title"),
    "match_no_business_id_hint": (
        "Lisää suunnitelmaan rivi 'business_id: 1234567-8' (organisaation Y-tunnus).",
        "Add the line 'business_id: 1234567-8' (the organisation's business id) to the plan."),
    "match_unreadable": (
        "{count} ilmoitustiedostoa ei voitu lukea: mitään ei liitetty (paras ilmoitus voi olla niissä)",
        "{count} notice files could not be read: nothing linked (the best notice may be among them)"),
    "match_unreadable_hint": ("Korjaa tai poista yllä luetellut tiedostot ja aja komento uudelleen.",
                              "Fix or remove the files listed above and run the command again."),
    "match_counted": ("ehdotuksia {count}; avoimia hankintoja {open}, ostajan hankintamenettelyjä {procedures}",
                      "{count} proposals; {open} open items, {procedures} procedures of the buyer"),
    "match_linked": ("{item}: liitetty ilmoitus {notices}{procedure}{status}",
                     "{item}: linked notice {notices}{procedure}{status}"),
    "match_linked_procedure": (", menettely {procedure}", ", procedure {procedure}"),
    "match_linked_status": (", tila {status}", ", status {status}"),
    "match_same_procedure": ("sama hankintamenettely kuin jo liitetyllä ilmoituksella",
                             "the same procedure as a notice already linked"),
    "match_cpv_same": ("CPV sama: {notice}", "same CPV: {notice}"),
    "match_cpv_within": ("CPV sisäkkäin: suunnitelma {item}, ilmoitus {notice}",
                         "CPV one within the other: plan {item}, notice {notice}"),
    "match_cpv_prefix": ("CPV {digits} ensimmäistä numeroa samat: suunnitelma {item}, ilmoitus {notice}",
                         "CPV first {digits} digits alike: plan {item}, notice {notice}"),
    "match_cpv_none": ("CPV eri: suunnitelma {item}, ilmoitus {notice}", "CPV differs: plan {item}, notice {notice}"),
    "match_cpv_missing": ("CPV ei vertailtavissa (puuttuu)", "CPV not comparable (missing)"),
    "match_date_in": ("lähetetty suunnitellulla jaksolla {planned}", "sent within the planned {planned}"),
    "match_date_late": ("lähetetty {days}\u00a0pv suunniteltua ({planned}) myöhemmin",
                        "sent {days}\u00a0days after the planned {planned}"),
    "match_date_early": ("lähetetty {days}\u00a0pv ennen suunniteltua ({planned})",
                         "sent {days}\u00a0days before the planned {planned}"),
    "match_date_none": ("ei suunniteltua ilmoitusajankohtaa", "no planned notice date"),
    "match_title": ("nimi {percent}\u00a0% samaa", "title {percent}\u00a0% alike"),
    # --- issue 15: hankinta site ---
    "site_written": ("Sivusto kirjoitettu kansioon {path}: {files:file}, joista {written} kirjoitettiin; "
                     "{removed} vanhaa poistettiin",
                     "Site written to {path}: {files:file}, {written} of them written; {removed} old ones removed"),
    "site_not_folder": ("{path} ei ole kansio; sivusto kirjoitetaan kansioon",
                        "{path} is not a folder; the site is written into a folder"),
    "site_not_folder_hint": ("Anna uusi tai tyhjä kansio, esim. -o sivusto",
                             "Give a new or empty folder, e.g. -o site"),
    "site_not_ours": ("kansio {path} ei ole tyhjä eikä hankinnan tekemä sivusto (siitä puuttuu {marker}), "
                      "joten sinne ei kirjoitettu mitään",
                      "the folder {path} is neither empty nor a site made by hankinta (it has no {marker}), "
                      "so nothing was written into it"),
    "site_not_ours_hint": ("Anna uusi tai tyhjä kansio, esim. -o sivusto; aiemmin tehdyn sivuston voi "
                           "kirjoittaa uudelleen.",
                           "Give a new or empty folder, e.g. -o site; a site made before can be written again."),
    "site_over_programmes": ("sivustoa ei kirjoiteta ohjelmien kansioon tai sen viereen: {path} (ohjelma {programme})",
                             "the site is not written into or around the programme folder: {path} "
                             "(programme {programme})"),
    "site_over_programmes_hint": ("Anna kansio ohjelmakansion ulkopuolelta, esim. -o sivusto",
                                  "Give a folder outside the programme folder, e.g. -o site"),
    "site_same_id": ("kahdella ohjelmalla on sama tunniste '{id}' (tai ero on vain isoissa kirjaimissa): "
                     "{first} ja {second}",
                     "two programmes have the id '{id}' (or ids that differ only in case): {first} and {second}"),
    "site_same_id_hint": ("Anna ohjelmille eri tunnisteet (id:).", "Give the programmes different ids (id:)."),
    "site_bad_base_url": ("--base-url '{value}' ei kelpaa", "--base-url '{value}' is not valid"),
    "site_bad_base_url_hint": ("Anna polku, joka alkaa /-merkillä (/hankinta/), tai http(s)-osoite ilman ?- ja "
                               "#-osia ja ../-askelia.",
                               "Give a path starting with / (/hankinta/), or an http(s) address, without a ? or # "
                               "part or ../ steps."),
    "plan_same_id": ("kahdella suunnitelmalla on sama tunniste '{id}' (tai ero on vain isoissa kirjaimissa): "
                     "{first} ja {second}",
                     "two plans have the id '{id}' (or ids that differ only in case): {first} and {second}"),
    "plan_same_id_hint": ("Anna suunnitelmille eri tunnisteet (id:): kalenterin tapahtumat ja avoimen datan "
                          "tiedostot nimetään niiden mukaan.",
                          "Give the plans different ids (id:): the calendar's events and the open data files "
                          "are named after them."),
    # values by unit and Laurea's dimensions (issue 15, item 3)
    "record_needs_value": ("anna arvo (--value) tai erittely (--unit-breakdown)",
                           "give a value (--value) or a breakdown (--unit-breakdown)"),
    "record_needs_value_hint": ("Esim. --value 4 tai --unit-breakdown Sote=3 --unit-breakdown Tekninen=1 "
                                "(lukumäärän ja rahan arvo on silloin erittelyn summa).",
                                "E.g. --value 4 or --unit-breakdown Sote=3 --unit-breakdown Tekninen=1 "
                                "(a count's or money value is then the sum)."),
    "partial_value": ("osittainen: {units} puuttuu", "partial: {units} missing"),
    "partial_total": ("osittainen: {programmes}", "partial: {programmes}"),
    "bad_unit": ("yksikköä '{value}' ei ole", "there is no unit '{value}'"),
    "bad_unit_hint": ("{guess}Yksiköt: {allowed}.", "{guess_en}Units: {allowed}."),
    "bad_unit_none": ("yksikköä '{value}' ei ole: ohjelmissa ei ole yksiköittäin eriteltyjä arvoja eikä "
                      "raportoivia yksiköitä", "there is no unit '{value}': the programmes have no values by unit "
                      "and no reporting units"),
    "bad_unit_none_hint": ("Yksiköt tulevat havaintojen erittelyistä (breakdown) ja ohjelman tai mittarin "
                           "luettelosta reporting_units: hankinta record … --unit-breakdown Sote=3.",
                           "Units come from the observations' breakdowns and the programme's or indicator's "
                           "reporting_units: hankinta record … --unit-breakdown Sote=3."),
    "bad_dimension": ("ulottuvuutta '{value}' ei ole", "there is no dimension '{value}'"),
    "bad_dimension_hint": ("{guess}Ulottuvuudet: {allowed}.", "{guess_en}Dimensions: {allowed}."),
    "no_units": ("ohjelmissa ei ole yksiköittäin eriteltyjä arvoja eikä raportoivia yksiköitä (reporting_units)",
                 "the programmes have no values by unit and no reporting units (reporting_units)"),
    "dimension_count": ("{count:measure}", "{count:measure}"),
    "dimension_untagged": ("Yhtäkään toimenpidettä ei ole merkitty tälle ulottuvuudelle.",
                           "No measure is tagged with this dimension."),
}


#: libyaml's common problems and their contexts (HK010) in Finnish; others are shown as libyaml
#: wrote them. `yaml_problem` joins "context: problem" in each language.
YAML_PROBLEMS: dict[str, str] = {
    "mapping values are not allowed in this context": "avain–arvo-pari ei ole sallittu tässä kohdassa "
                                                      "(puuttuvatko lainausmerkit arvosta, jossa on ': ', "
                                                      "vai onko sisennys väärä?)",
    "mapping values are not allowed here": "avain–arvo-pari ei ole sallittu tässä kohdassa",
    "could not find expected ':'": "odotettua kaksoispistettä ':' ei löytynyt",
    "found character that cannot start any token": "merkki, jolla mikään YAML-arvo ei voi alkaa "
                                                   "(@, ` tai sarkain: kirjoita arvo lainausmerkeissä)",
    "did not find expected key": "odotettua avainta ei löytynyt (sisennys ei täsmää)",
    "did not find expected '-' indicator": "odotettua listan viivaa '-' ei löytynyt (sisennys ei täsmää)",
    "did not find expected node content": "odotettua arvoa ei löytynyt",
    "did not find expected ',' or ']'": "odotettua pilkkua ',' tai sulkua ']' ei löytynyt",
    "did not find expected ',' or '}'": "odotettua pilkkua ',' tai sulkua '}' ei löytynyt",
    "did not find expected <document start>": "odotettua asiakirjan alkua ei löytynyt (ylimääräinen merkki?)",
    "found undefined tag handle": "tuntematon tagi (!)",
    "found unexpected end of stream": "tiedosto päättyi kesken (lainausmerkki tai sulku jäi sulkematta)",
    "found unknown escape character": "tuntematon kenoviivamerkintä (\\) lainausmerkeissä: käytä "
                                      "yksinkertaisia lainausmerkkejä tai kirjoita \\\\",
    "found incompatible YAML document": "YAML-versio, jota ei tueta",
    "block sequence entries are not allowed in this context": "listan alkiot eivät ole sallittuja tässä kohdassa",
    "found a tab character that violates indentation": "sarkainmerkki rikkoo sisennyksen",
    "found a tab character where an indentation space is expected": "sarkainmerkki sisennyksessä",
    "control characters are not allowed": "ohjausmerkit eivät ole sallittuja",
    "special characters are not allowed": "erikoismerkit eivät ole sallittuja",
    "while scanning a simple key": "avainta luettaessa",
    "while scanning for the next token": "",  # says nothing a reader needs
    "while parsing a block mapping": "avain–arvo-rakennetta luettaessa",
    "while parsing a block collection": "listaa luettaessa",
    "while parsing a flow sequence": "hakasulkulistaa luettaessa",
    "while parsing a flow mapping": "aaltosulkurakennetta luettaessa",
    "while parsing a node": "arvoa luettaessa",
    "while parsing a block node": "arvoa luettaessa",
    "while parsing a flow node": "arvoa luettaessa",
    "while scanning a quoted scalar": "lainausmerkeissä olevaa arvoa luettaessa",
    "while parsing a quoted scalar": "lainausmerkeissä olevaa arvoa luettaessa",
    "while scanning a plain scalar": "arvoa luettaessa",
    "while scanning a block scalar": "monirivistä arvoa luettaessa",
}
_TAB = (" (sarkainmerkki: sisennä välilyönneillä)", " (tab character: indent with spaces)")


def yaml_problem(context: str | None, problem: str | None, tab: bool = False) -> tuple[str, str]:
    """libyaml's error as (Finnish, English): "context: problem", each part translated when known."""
    parts = [p for p in (context, problem) if p] or ["invalid YAML"]
    fi = ": ".join(filter(None, (YAML_PROBLEMS.get(p, p) for p in parts))) + (_TAB[0] if tab else "")
    return fi, ": ".join(parts) + (_TAB[1] if tab else "")


#: What a count is of, by its noun: Finnish after 1 (nominative singular), Finnish after any other
#: number (partitive singular: "49 toimenpidettä"), English singular, English plural. A message
#: names the noun in the count's format spec, "{count:bad_row}", and `t` picks the form; a form may
#: quote the message's other arguments ("{code}"). CLDR's rule for both fi and en is the same:
#: "one" is exactly the integer 1, every other number (0, 2, 21, 1,5) takes the other form.
NOUNS: dict[str, tuple[str, str, str, str]] = {
    "file": ("tiedosto", "tiedostoa", "file", "files"),
    "error": ("virhe", "virhettä", "error", "errors"),
    "warning": ("varoitus", "varoitusta", "warning", "warnings"),
    "measure": ("toimenpide", "toimenpidettä", "measure", "measures"),
    "indicator": ("mittari", "mittaria", "indicator", "indicators"),
    "programme": ("ohjelma", "ohjelmaa", "programme", "programmes"),
    "bad_row": ("virheellinen rivi", "virheellistä riviä", "bad row", "bad rows"),
    "new_value": ("uusi arvo", "uutta arvoa", "new value", "new values"),
    "replaced_value": ("korvattu arvo", "korvattua arvoa", "replaced value", "replaced values"),
    "status_entry": ("tilamerkintä", "tilamerkintää", "status entry", "status entries"),
    "more_finding": ("muu {code}-löydös", "muuta {code}-löydöstä", "more {code} finding", "more {code} findings"),
    "more_structure_error": ("muu rakennevirhe", "muuta rakennevirhettä", "more structure error",
                             "more structure errors"),
    "part": ("osa", "osaa", "part", "parts"),
    "sheet": ("välilehti", "välilehteä", "sheet", "sheets"),
    "xml_element": ("XML-elementti", "XML-elementtiä", "XML element", "XML elements"),
    "item": ("kohta", "kohtaa", "item", "items"),
    "procurement": ("hankinta", "hankintaa", "procurement", "procurements"),
}


def noun(n: object, key: str, lang: str) -> str:
    """The form of the noun `key` after the number `n`: toimenpide/toimenpidettä, measure/measures."""
    fi_one, fi_other, en_one, en_other = NOUNS[key]
    one = n == 1 and not isinstance(n, bool)
    if lang == "en":
        return en_one if one else en_other
    return fi_one if one else fi_other


_COUNT_SPEC = re.compile(r"\{\w+:[a-z_]+\}")


class _Counting(string.Formatter):
    """str.format, where a field "{n:noun}" is the number with the noun's form for it."""

    def __init__(self, lang: str, args: dict[str, Any]) -> None:
        self.lang, self.args = lang, args

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec in NOUNS:
            return f"{value} " + noun(value, format_spec, self.lang).format(**self.args)
        return str(super().format_field(value, format_spec))


def fill(template: str, lang: str, args: dict[str, Any]) -> str:
    """The one way a message's arguments go into its text (`t`, the finding catalogue, the report's
    fixed sentences): str.format, with number agreement for "{count:noun}" fields."""
    if ":" in template and _COUNT_SPEC.search(template):
        return _Counting(lang, args).format(template, **args)
    return template.format(**args)


def plain_fields(template: str, lang: str) -> str:
    """The template as documentation: "{count:noun}" shown as "{count} muuta rakennevirhettä"."""
    def plain(m: re.Match[str]) -> str:
        field, key = m.group(0)[1:-1].split(":")
        return "{" + field + "} " + noun(2, key, lang)
    return _COUNT_SPEC.sub(plain, template)


def check_summary(files: int, errors: int, warnings: int, lang: str) -> str:
    return t("summary", lang, files=files, errors=errors, warnings=warnings)


def has(key: str) -> bool:
    return key in _TEXT


def t(key: str, lang: str, **args: object) -> str:
    """The message `key` in `lang`. Arguments quote user input (paths, options, file content), so
    each is shown on one line without control characters: no ANSI escapes, no forged lines."""
    from .escape import one_line

    fi, en = _TEXT[key]
    shown = {k: v if isinstance(v, (int, float)) else one_line(str(v)) for k, v in args.items()}
    return fill(en if lang == "en" else fi, lang, shown)


def number(value: float | int | None, lang: str, decimals: int = 1) -> str:
    """1 234,5 in Finnish, 1,234.5 in English (Babel's CLDR data); '–' for no value."""
    import math

    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    # the same numbers come back (axis ticks, years, a value on its chart and in its table): the
    # type is part of the key, so 1 and 1.0 and True stay apart
    return _number(type(value).__name__, value, lang, decimals)


@functools.lru_cache(maxsize=1 << 16)
def _number(kind: str, value: float | int, lang: str, decimals: int) -> str:
    import decimal

    # Babel rounds in the current decimal context (28 digits): 1e27 with a decimal would raise
    # InvalidOperation. Every finite float has at most 309 integer digits.
    with decimal.localcontext() as ctx:
        ctx.prec = 330 + decimals
        # babel.numbers.format_decimal, with its locale and pattern parsed once (a site formats
        # hundreds of thousands of numbers)
        return str(_number_pattern(decimals).apply(value + 0, _locale("fi_FI" if lang == "fi" else "en_GB")))


@functools.cache
def _number_pattern(decimals: int) -> Any:
    from babel.numbers import parse_pattern

    return parse_pattern("#,##0" + ("." + "#" * decimals if decimals else ""))


@functools.cache
def _locale(name: str) -> Any:
    from babel import Locale

    return Locale.parse(name)


def day(value: object, lang: str) -> str:
    """31.12.2024 in Finnish, 31 Dec 2024 in English."""
    import datetime as dt

    if not isinstance(value, dt.date):
        return "–"
    return _day(value, lang)


@functools.lru_cache(maxsize=4096)
def _day(value: datetime.date, lang: str) -> str:
    """Babel's formatting, once per day and language: a calendar of 2 000 items repeats its dates."""
    from babel.dates import format_date

    if lang == "fi":
        return str(format_date(value, "d.M.yyyy", locale=_locale("fi")))
    return str(format_date(value, "d MMM yyyy", locale=_locale("en")))


def value_text(value: object, lang: str, unit: str | None = None, decimals: int | None = None) -> str:
    """An indicator value for people: K/E for yes/no, numbers per locale, the unit after.
    `decimals`: at most this many (a chart's axis of 0,05 steps); else 0 for whole numbers, 1 otherwise."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return ("kyllä" if value else "ei") if lang == "fi" else ("yes" if value else "no")
    if isinstance(value, (int, float)):
        if decimals is None:
            decimals = 0 if isinstance(value, int) else 1
        text = number(value, lang, decimals)
        if unit:
            text += "\u00a0" + unit
        return text
    return str(value)


def partial_text(missing: list[str] | tuple[str, ...], lang: str) -> str:
    """What a partial value lacks, after the value: "osittainen: Sote, Tekninen puuttuu" ("" when whole)."""
    return t("partial_value", lang, units=", ".join(missing)) if missing else ""


def difference_text(difference: float, lang: str, unit: str | None = None) -> str:
    """A change between two values, signed, with its unit: +20 000 €, −3 kpl. A change of a percentage
    is in percentage points: +1,7 %-yks. (en +1.7 pp), never "+1,7 %", which reads as relative."""
    if unit == "%":
        unit = "pp" if lang == "en" else "%-yks."
    text = value_text(difference, lang, unit)
    return "+" + text if difference > 0 else text


def schedule_label(s: Schedule | None, lang: str) -> str | None:
    """The schedule as a reader writes it: 1.1.–30.6.2025, 30.6.2025 mennessä, 1. puolivuosi 2026."""
    if s is None:
        return None
    fi = lang != "en"
    parts = []
    if s.start and s.due:
        parts.append(f"{day(s.start, lang)}–{day(s.due, lang)}")
    elif s.due:
        parts.append(f"{day(s.due, lang)} mennessä" if fi else f"by {day(s.due, lang)}")
    elif s.start:
        parts.append(f"{day(s.start, lang)} alkaen" if fi else f"from {day(s.start, lang)}")
    if s.year:
        if s.half:
            parts.append(f"{s.half}. puolivuosi {s.year}" if fi else f"H{s.half} {s.year}")
        elif s.quarter:
            parts.append(f"{s.quarter}. neljännes {s.year}" if fi else f"Q{s.quarter} {s.year}")
        else:
            parts.append(str(s.year))
    if s.text:
        parts.append(s.text)
    return ", ".join(parts) or None
