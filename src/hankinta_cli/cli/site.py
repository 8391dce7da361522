"""`hankinta site`: the programmes as a static site (presenting/site/)."""

from __future__ import annotations

import enum
import os
import sys
from pathlib import Path
from typing import Annotated

from . import options as o
from .app import app, failures, today_or

SiteLang = enum.StrEnum("SiteLang", {"both": "both", "fi": "fi", "en": "en"})


@app.command("site")
def site_command(
    programmes: o.Many = None,
    output: Annotated[Path, o.opt("--output", "-o", text="Sivuston kansio (hankinnan oma tai tyhjä).")] = Path("site"),
    site_lang: Annotated[SiteLang, o.opt("--lang", text="Sivuston kieli: fi, en tai both (molemmat, "
                                          "kielivalinta joka sivulla).")] = SiteLang.both,
    base_url: Annotated[o.Str, o.opt("--base-url", text="Julkaisuosoite kanonisia linkkejä varten, esim. "
                                     "/hankinta/ tai https://esimerkki.fi/hankinta/.")] = None,
    as_of: o.AsOf = None,
    templates: Annotated[Path | None, o.opt("--templates", text="Kansio, jonka pohjat (site/*.j2) korvaavat "
                                            "oletuspohjat.")] = None,
    root: o.RootOption = None,
) -> None:
    """Julkaise ohjelmat staattisena sivustona: etusivu, ohjelmat, mittarit ja yhteinen mittaristo."""
    from ..errors import UserError
    from ..presenting.output.site import write_site
    from ..presenting.site.build import LANGS, Options, build_site, check_base_url
    from ..reading.plans import load_plan, plans_beside
    from ..reading.resolve import programme_paths

    env_lang = os.environ.get("HANKINTA_LANG", "fi")
    lang = "en" if site_lang.value == "en" or (site_lang.value == "both" and env_lang == "en") else "fi"
    with failures(lang):
        if templates is not None and not templates.is_dir():
            raise UserError("no_templates", path=templates)
        langs = LANGS if site_lang.value == "both" else (site_lang.value,)
        options = Options(output, langs, today_or(as_of), check_base_url(base_url), templates)
        paths = programme_paths(programmes, root)
        plans, unreadable = plans_beside(paths, root)
        for path in unreadable[:1]:
            load_plan(path)  # its error: a site whose calendar left a plan out would mislead
        result = build_site(paths, options, plans)
    write_site(result, lang, sys.stderr)
