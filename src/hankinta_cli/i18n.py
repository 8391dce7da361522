"""Finnish and English user-facing text outside the finding catalogue, and number formatting.

Kept free of heavy imports: the CLI uses it at start-up.
"""

from __future__ import annotations

import os

LANGS = ("fi", "en")

_TEXT: dict[str, tuple[str, str]] = {
    "error": ("virhe", "error"),
    "warning": ("varoitus", "warning"),
    "hint": ("vihje", "hint"),
    "more": ("… ja {n} muuta {code}-löydöstä tässä tiedostossa (näytä kaikki: --all)",
             "… and {n} more {code} findings in this file (show all: --all)"),
    "summary": ("{files} tiedosto(a) tarkistettu: {errors} virhe(ttä), {warnings} varoitus(ta)",
                "{files} file(s) checked: {errors} error(s), {warnings} warning(s)"),
    "clean": ("{files} tiedosto(a) tarkistettu: ei virheitä", "{files} file(s) checked: no errors"),
    "strict": (" (--strict: varoitukset ovat virheitä)", " (--strict: warnings count as errors)"),
    "no_files": ("Polusta {path} ei löytynyt ohjelmatiedostoja (*.yaml, *.yml).",
                 "No programme files (*.yaml, *.yml) found under {path}."),
    "missing_path": ("Polkua ei ole: {path}", "No such path: {path}"),
    "missing_path_hint": ("Tarkista polku; ohjelmat ovat yleensä kansiossa programmes/.",
                          "Check the path; programmes usually live in programmes/."),
    "schema_written": ("Skeema kirjoitettu: {path}", "Schema written: {path}"),
    "schema_stale": ("Skeema {path} on vanhentunut: aja 'hankinta schema -o {path}'.",
                     "Schema {path} is stale: run 'hankinta schema -o {path}'."),
    "schema_fresh": ("Skeema {path} on ajan tasalla.", "Schema {path} is up to date."),
    "bad_lang": ("Kieli '{lang}' ei ole tuettu: käytä fi tai en.",
                 "Language '{lang}' is not supported: use fi or en."),
}


def t(key: str, lang: str, **args: object) -> str:
    fi, en = _TEXT[key]
    return (en if lang == "en" else fi).format(**args)


def default_lang() -> str:
    env = os.environ.get("HANKINTA_LANG", "fi")
    return env if env in LANGS else "fi"
