"""The `plan` commands: list a procurement plan's items, add an item, set a field, record a status.
Writing commands go through the same safe edit as programme edits (`editing.edit.edit_file`)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import UserError
from ..reading.plans import plan_path
from . import options as o
from .app import app, edit, emit, failures, today_or
from .clicktexts import Typer

plan_app = Typer(cls=o.DefaultShow, rich_markup_mode=None,
                 help="Hankintasuunnitelma (plans/*.yaml): näytä, lisää ja päivitä suunniteltuja hankintoja.")
app.add_typer(plan_app, name="plan")

PlanRoot = Annotated[Path | None, o.opt("--root", show_default=False,
                                        text="Suunnitelmakansio (oletus: lähin plans/ tästä kansiosta ylöspäin).")]
OnePlan = Annotated[str, typer.Argument(help="Suunnitelma: tiedosto, tunniste tai kansio, jossa on yksi suunnitelma.")]
ItemArg = Annotated[str, typer.Argument(help="Hankinnan tunniste, esim. H2026-01.")]


@plan_app.command("show")
def plan_show(
    plans: Annotated[list[str] | None, typer.Argument(
        help="Suunnitelmat: tiedostot, tunnisteet tai kansiot (oletus: kaikki plans/-kansiosta).",
        show_default=False)] = None,
    unit: Annotated[o.Str, o.opt("--unit", text="Vain tämä yksikkö (osa nimestä riittää).")] = None,
    quarter: Annotated[o.Str, o.opt("--quarter", text="Vain tälle neljännekselle suunnitellut, esim. 2026-Q2.")] = None,
    priority: Annotated[int | None, o.opt("--priority", min=1, max=3, text="Vain tämä prioriteetti 1–3.")] = None,
    status: Annotated[o.Str, o.opt("--status", text="Vain tämä tila, esim. suunniteltu.")] = None,
    as_of: o.AsOf = None, fmt: o.Table = o.TableFormat.table, root: PlanRoot = None,
    lang: o.LangOption = o.Lang.fi,
) -> None:
    """Näytä suunnitellut hankinnat: yksikkö, prioriteetti, tila, ilmoitusajankohta ja arvo."""
    from ..computing.plans import PlanSelection, parse_plan_status, parse_quarter, plan_rows
    from ..presenting.output.plans import write_plan_rows
    from ..reading.plans import plans_named
    with failures(lang):
        wanted = parse_plan_status(status) if status else None
        selection = PlanSelection(unit, parse_quarter(quarter) if quarter else None, priority, wanted)
        rows = plan_rows(plans_named(plans, root), selection, today_or(as_of))
    write_plan_rows(rows, fmt.value, lang, sys.stdout)


@plan_app.command("add")
def plan_add(
    plan: OnePlan,
    item: Annotated[str, typer.Argument(help="Uuden hankinnan tunniste, esim. H2026-07.")],
    title: Annotated[str, typer.Argument(help="Hankinnan nimi.")],
    unit: Annotated[o.Str, o.opt("--unit", text="Yksikkö tai toimiala.")] = None,
    contact: Annotated[o.Str, o.opt("--contact", text="Yhteyshenkilö.")] = None,
    cpv: Annotated[o.Str, o.opt("--cpv", text="CPV-koodit pilkuilla eroteltuina, esim. 90910000-9.")] = None,
    nature: Annotated[o.Str, o.opt("--nature", text="rakennusurakka, tavara tai palvelu.")] = None,
    value: Annotated[o.Str, o.opt("--value", text="Arvioitu arvo euroina, esim. 250 000.")] = None,
    public: Annotated[o.Str, o.opt("--public", text="Saako arvon julkaista: kyllä tai ei.")] = None,
    priority: Annotated[o.Str, o.opt("--priority", text="Prioriteetti 1–3.")] = None,
    notice: Annotated[o.Str, o.opt("--notice", text="Ilmoitusajankohta: 2026, 2026-H1, 2026-Q3, 2026-05, 30.6.2026.")]
    = None,
    procedure: Annotated[o.Str, o.opt("--procedure", text="Menettely, esim. avoin.")] = None,
    measures: Annotated[o.Str, o.opt("--measures", text="Ohjelman toimenpiteet pilkuilla eroteltuina.")] = None,
    description: Annotated[o.Str, o.opt("--description", text="Mitä hankitaan.")] = None,
    dry_run: o.DryRun = False, root: PlanRoot = None, lang: o.LangOption = o.Lang.fi,
) -> None:
    """Lisää hankinta suunnitelman loppuun."""
    from ..editing.plans import add_item
    fields = {"unit": unit, "contact": contact, "cpv": cpv, "nature": nature, "value": value, "value_public": public,
              "priority": priority, "notice": notice, "procedure": procedure, "measure_refs": measures,
              "description": description}
    edit(plan, root, lambda: add_item(item, title, fields), dry_run, lang, plan_path)


SET_FIELDS = ("title, description, unit, contact, cpv, nature, value, value_public, priority, notice (2026-Q2 …), "
              "market_dialogue, procedure, aims, measure_refs, notice_ids, procedure_id, contract.start, "
              "contract.end, contract.options, note")


@plan_app.command("set")
def plan_set(
    plan: OnePlan, item: ItemArg,
    field: Annotated[str, typer.Argument(metavar="FIELD", help=SET_FIELDS)],
    value: Annotated[str, typer.Argument(help="Uusi arvo; listat pilkuilla eroteltuina.")],
    dry_run: o.DryRun = False, root: PlanRoot = None, lang: o.LangOption = o.Lang.fi,
) -> None:
    """Aseta suunnitellun hankinnan kenttä."""
    from ..editing.plans import set_item_field
    edit(plan, root, lambda: set_item_field(item, field, value), dry_run, lang, plan_path)


@plan_app.command("status")
def plan_status(
    plan: OnePlan, item: ItemArg,
    status: Annotated[str, typer.Argument(help="suunniteltu, valmistelussa, kilpailutuksessa, kilpailutettu "
                                          "tai peruttu.")],
    date: Annotated[o.Str, o.opt("--date", text="Merkinnän päivä (oletus tänään).")] = None,
    note: Annotated[o.Str, o.opt("--note", text="Huomio tilamerkintään.")] = None,
    dry_run: o.DryRun = False, root: PlanRoot = None, lang: o.LangOption = o.Lang.fi,
) -> None:
    """Aseta hankinnan tila ja lisää päivätty merkintä sen tilahistoriaan."""
    from ..editing.plans import set_item_status
    from ..reading.inputs import entry_date
    edit(plan, root, lambda: set_item_status(item, status, entry_date(date, today_or(None)), note), dry_run, lang,
         plan_path)


@plan_app.command("import")
def plan_import(
    plan: OnePlan,
    source: Annotated[Path | None, typer.Argument(
        help="Tuotava .csv- tai .xlsx-tiedosto: rivi hankintaa kohden, sarakkeet Tunniste, Hankinta, Arvioitu arvo, "
             "Prioriteetti, Ilmoitus …", show_default=False)] = None,
    template: Annotated[Path | None, o.opt("--template", text="Kirjoita malli (.csv tai .xlsx), jossa ovat "
                                          "suunnitelman hankinnat; muokattuna sen voi tuoda takaisin.")] = None,
    sheet: Annotated[o.Str, o.opt("--sheet", text="Excel-välilehti (oletus: ensimmäinen).")] = None,
    dry_run: o.DryRun = False, root: PlanRoot = None, lang: o.LangOption = o.Lang.fi,
) -> None:
    """Tuo hankinnat taulukosta: uudet lisätään, olemassa olevien kentät päivitetään (kaikki tai ei mitään)."""
    from ..editing.plan_import import import_plan_rows, read_plan_rows, template_file
    with failures(lang):
        if template is not None:
            content = template_file(template, plan_path(plan, root))
            return emit(content, template, "template_written", lang)
        if source is None:
            raise UserError("plan_import_no_source")
        rows = read_plan_rows(source, sheet)
    edit(plan, root, lambda: import_plan_rows(rows, source), dry_run, lang, plan_path)


@plan_app.command("match")
def plan_match(
    plan: OnePlan,
    notices: Annotated[list[Path], typer.Argument(
        help="Ilmoitukset (eForms XML), kansiot tai arkistot (.zip, .tar.gz) suunnitelman jälkeen.",
        show_default=False)],
    apply: Annotated[bool, o.opt("--apply", text="Kirjaa ehdotukset suunnitelmaan (ilman: vain näytä ne).")] = False,
    item: Annotated[o.Str, o.opt("--item", text="Vain tämän hankinnan ehdotus (tunniste).")] = None,
    min_score: Annotated[float, o.opt("--min-score", min=0.0, max=1.0,
                                      text="Pienin hyväksyttävä pistemäärä 0–1.")] = 0.5,
    fmt: o.Table = o.TableFormat.table, dry_run: o.DryRun = False, root: PlanRoot = None,
    lang: o.LangOption = o.Lang.fi,
) -> None:
    """Ehdota, mikä hankintailmoitus kuuluu millekin suunnitellulle hankinnalle.

    Ensin suunnitelma (tiedosto, tunniste tai kansio), sitten ilmoitukset. Ehdokkaat ovat
    suunnitelman Y-tunnuksen (business_id) ostajan hankintamenettelyjä, pisteytettyinä CPV-koodin,
    ilmoitusajankohdan ja nimen mukaan; kukin menettely ehdotetaan enintään yhdelle hankinnalle.
    --apply kirjaa ehdotukset: ilmoitusten tunnisteet, menettelyn tunnisteen ja päivätyn tilan
    (kilpailutuksessa / kilpailutettu); jo liitetyille ei ehdoteta uudelleen.
    """
    from ..computing.plan_match import match
    from ..editing.plans import apply_matches
    from ..errors import UserError
    from ..i18n import t
    from ..notices.read import load_notices
    from ..notices.select import Selection
    from ..presenting.output.messages import write_warning
    from ..presenting.output.notices import write_problems
    from ..presenting.output.plan_match import write_matches
    from ..reading.plans import load_plan
    with failures(lang):
        path = plan_path(plan, root)
        for folder in notices:
            if not folder.exists():
                raise UserError("no_notice_files", path=folder)
        found = load_plan(path)
        if found.business_id is None:
            write_warning(t("match_no_business_id", lang, plan=path), t("match_no_business_id_hint", lang), lang,
                          sys.stderr)
        buyers = frozenset({found.business_id}) if found.business_id else frozenset()
        read = load_notices(notices, Selection(buyers))
        write_problems(read.problems, lang, sys.stderr)
        if apply and read.unreadable:
            raise UserError("match_unreadable", code=1, count=read.unreadable)
        matching = None if apply else match(found, read.procedures, min_score, item)
    if matching is None:
        edit(str(path), None, lambda: apply_matches(read.procedures, min_score, item), dry_run, lang, plan_path)
        return
    write_matches(matching, found.id, found.business_id, fmt.value, lang, sys.stdout, sys.stderr)
    raise typer.Exit(1 if read.unreadable else 0)
