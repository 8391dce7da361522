"""Fixed report text (headings, column names, the appendix) in Finnish and English."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "report": ("Tilannekatsaus", "Status report"),
    "organisation": ("Organisaatio", "Organisation"),
    "period": ("Ohjelmakausi", "Programme period"),
    "date": ("Tilanne", "As of"),
    "follow_up": ("Seuranta", "Follow-up"),
    "stage": ("Vaihe", "Stage"),
    "summary": ("Yhteenveto", "Summary"),
    "measures": ("Toimenpiteet", "Measures"),
    "indicators": ("Mittarit", "Indicators"),
    "finished": ("valmiina", "finished"),
    "overdue": ("myöhässä", "overdue"),
    "late": ("myöhässä tai mittari jäljessä", "late or indicator behind"),
    "decisions": ("Päätettävät asiat", "Needs a decision"),
    "no_decisions": ("Ei myöhässä olevia toimenpiteitä eikä tavoitteesta jääviä mittareita.",
                     "No late measures and no indicators behind target."),
    "changes": ("Muutokset edellisestä katsauksesta", "Changes since the last report"),
    "since": ("alkaen", "since"),
    "no_changes": ("Ei muutoksia.", "No changes."),
    "attention": ("Huom.", "Note:"),
    "theme": ("Teema", "Theme"),
    "dimension": ("Ulottuvuus", "Dimension"),
    "goal": ("Tavoite", "Goal"),
    "objective": ("Tavoite", "Objective"),
    "id": ("Tunniste", "Id"),
    "measure": ("Toimenpide", "Measure"),
    "status": ("Tila", "Status"),
    "responsible": ("Vastuutaho", "Responsible"),
    "schedule": ("Aikataulu", "Schedule"),
    "latest_note": ("Viimeisin huomio", "Latest note"),
    "updated": ("päivitetty", "updated"),
    "indicator": ("Mittari", "Indicator"),
    "by_period": ("Arvot kausittain", "Values by period"),
    "target": ("Tavoite", "Target"),
    "attainment": ("Toteuma", "Attainment"),
    "trend": ("Kehitys", "Trend"),
    "missing": ("puuttuu", "missing"),
    "derived": ("laskettu", "computed"),
    "stale": ("arvo puuttuu viimeiseltä kaudelta", "no value for the last period"),
    "value_source": ("lähde", "source"),
    "gaps": ("Puutteet", "Gaps"),
    "no_responsible": ("Toimenpiteet ilman vastuutahoa", "Measures without a responsible party"),
    "no_schedule": ("Toimenpiteet ilman aikataulua", "Measures without a schedule"),
    "undefined": ("Määrittelemättömät mittarit", "Indicators still to be defined"),
    "no_data": ("Ei tietoa: mittarit ilman arvoja", "No data: indicators without values"),
    "none": ("Ei puutteita.", "None."),
    "count": ("kpl", "count"),
    "programmes": ("Ohjelmat", "Programmes"),
    "shared": ("Yhteiset mittarit", "Shared indicators"),
    "by_programme": ("Ohjelmittain (viimeisin)", "By programme (latest)"),
    "total": ("Yhteensä", "Total"),
    "reporting": ("ilmoittanut", "reporting"),
    "programme": ("Ohjelma", "Programme"),
    "appendix": ("Liite: miten tila lasketaan", "Appendix: how status is calculated"),
    "appendix_status": (
        "Toimenpiteen tila on viimeisin kirjattu tila. Jos tilaa ei ole kirjattu, se näytetään "
        "puutteena (ei raportoitu), ei tilana ”ei aloitettu”. Toimenpide on myöhässä, kun sen "
        "määräpäivä (tai aikataulun vuoden, puolivuoden tai neljänneksen loppu) on ohitettu eikä se "
        "ole valmis tai jatkuva, tai kun sen mittari on jäänyt alle tavoitteen, jonka määräaika on ohitettu.",
        "A measure's status is the latest status recorded. A measure without a recorded status is "
        "shown as a gap (not reported), not as “not started”. A measure is late when its due date "
        "(or the end of its scheduled year, half or quarter) has passed and it is neither done nor "
        "ongoing, or when one of its indicators is below a target whose deadline has passed."),
    "appendix_attainment": (
        "Toteuma = (viimeisin arvo − lähtötaso) / (tavoite − lähtötaso) × 100 %. Lähtötaso on "
        "mittarille kirjattu lähtötaso tai sen ensimmäinen arvo.",
        "Attainment = (latest value − baseline) / (target − baseline) × 100 %. The baseline is the "
        "indicator's recorded baseline or its first value."),
    "appendix_on_track": (
        "Mittarin tila verrataan suoraan polkuun lähtötasosta tavoitteeseen: odotettu arvo tänään on "
        "lähtötaso + (tavoite − lähtötaso) × kulunut osuus ajasta. Suhde r = (viimeisin − lähtötaso) / "
        "(odotettu − lähtötaso). Saavutettu: tavoite on saavutettu; aikataulussa: r ≥ 0,95; jäljessä: "
        "0,6 ≤ r < 0,95; selvästi jäljessä: r < 0,6. Mittari, jolle on valittu kasvuvauhti, verrataan "
        "toteutunutta vuotuista kasvua tarvittavaan (Open SDG:n menetelmä) samoin rajoin. Kyllä/ei-mittari "
        "on saavutettu, kun arvo on kyllä. Ei arvioitavissa: arvo, tavoite tai lähtötaso puuttuu (syy "
        "suluissa). Ei tietoa: mittarilla ei ole yhtään arvoa.",
        "An indicator is compared with the straight path from its baseline to its target: the value "
        "expected today is baseline + (target − baseline) × share of the time elapsed. The ratio "
        "r = (latest − baseline) / (expected − baseline). Achieved: the target is met; on track: r ≥ 0.95; "
        "behind: 0.6 ≤ r < 0.95; far behind: r < 0.6. An indicator that uses the growth method compares "
        "the observed annual growth with the growth required (Open SDG's method), with the same limits. "
        "A yes/no indicator is achieved when it is yes. Not assessable: a value, the target or the baseline "
        "is missing (the reason in brackets). No data: the indicator has no value at all."),
    "symbols": ("Merkit", "Symbols"),
    # issue 12: what falls due soon (%(days)s and %(until)s are filled with Jinja's `format` filter), a selection
    "coming_up": ("Tulossa", "Coming up"),
    "coming_up_intro": ("Toimenpiteet, joiden määräaika on seuraavan %(days)s päivän aikana (%(until)s mennessä).",
                        "Measures due in the next %(days)s days (by %(until)s)."),
    "due": ("Määräaika", "Due"),
    "nothing_due": ("Seuraavan %(days)s päivän aikana ei ole määräaikoja.",
                    "Nothing is due in the next %(days)s days."),
    "undated": ("Aikataulussa ei ole päivämäärää, joten nämä eivät voi olla listalla:",
                "These have a schedule without a date and so cannot be listed:"),
    "selection": ("Rajaus", "Selection"),
    "generated": ("Laadittu hankinta-työkalulla", "Produced with hankinta"),
    # issue 14: the plan section (%(months)s, %(until)s: Jinja's `format` filter)
    "plan": ("Hankintasuunnitelma", "Procurement plan"),
    "plan_coming": ("Tulossa seuraavan %(months)s kuukauden aikana (%(until)s mennessä)",
                    "Coming in the next %(months)s months (by %(until)s)"),
    "plan_nothing_coming": ("Seuraavan %(months)s kuukauden aikana ei ole suunniteltuja ilmoituksia.",
                            "No notices are planned for the next %(months)s months."),
    "plan_late": ("Myöhässä: suunniteltu ilmoitusajankohta on ohitettu", "Late: the planned notice date has passed"),
    "plan_none_late": ("Ei myöhässä olevia hankintoja.", "No late procurements."),
    "plan_item": ("Hankinta", "Procurement"),
    "plan_unit": ("Yksikkö", "Unit"),
    "plan_notice": ("Ilmoitus", "Notice"),
    "plan_nature": ("Laji", "Nature"),
    "plan_value": ("Arvioitu arvo", "Estimated value"),
    "plan_indicators": ("Suunnitelman mittarit", "The plan's indicators"),
    "plan_on_schedule": ("Ilmoitettu ajallaan", "Announced on schedule"),
    "plan_undated": ("ilmoitettu, päivä ei tiedossa", "announced, day not known"),
    "plan_calendar": ("Hankintakalenteri ajan tasalla (K/E)", "Procurement calendar up to date (Y/N)"),
    "plan_updated": ("päivitetty", "updated"),
    "plan_falls_due": ("seuraava päivitys viimeistään", "next update due by"),
    "plan_not_known": ("ei tiedossa, suunnitelmasta puuttuu", "not known, the plan has no"),
}
