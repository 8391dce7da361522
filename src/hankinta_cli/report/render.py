"""Fill the report templates; turn the HTML into a PDF.

Templates come from `templates/` of this project (installed as the package data
`hankinta_cli/templates`), and a programme repository can override any of them with
`--templates DIR`. Filters format numbers and dates with Babel; they never compute.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..i18n import day, number, value_text


def _default_templates() -> Path:
    """Installed: the package data hankinta_cli/templates. From a checkout: the top-level templates/."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "templates", here.parent.parent / "templates"):
        if (candidate / "report.html.j2").is_file():
            return candidate
    return here / "templates"


DEFAULT_TEMPLATES = _default_templates()


class PdfUnavailable(Exception):
    """WeasyPrint (the `pdf` extra) is not installed."""


class TemplateProblem(Exception):
    """A template (usually one of a programme repository's own) cannot be read or filled."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where, self.message = where, message


def environment(extra: Path | None, lang: str) -> Any:
    import jinja2

    loaders: list[jinja2.BaseLoader] = []
    if extra is not None:
        loaders.append(jinja2.FileSystemLoader(str(extra)))
    loaders.append(jinja2.FileSystemLoader(str(DEFAULT_TEMPLATES)))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=lambda name: bool(name and name.endswith((".html.j2", ".html"))),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["num"] = lambda v, d=1: number(v, lang, d) if isinstance(v, (int, float)) else "–"
    env.filters["pct"] = lambda v, d=0: ("–" if v is None else number(v, lang, d) + "\u00a0%")
    env.filters["date"] = lambda v: day(v, lang) if isinstance(v, dt.date) else "–"
    env.filters["value"] = lambda v, unit=None: value_text(v, lang, unit)
    env.filters["md"] = _markdown_cell
    return env


def _markdown_cell(value: Any) -> str:
    """Text safe inside a GFM table cell: no pipes or line breaks, no leading markup."""
    text = " ".join(str(value if value is not None else "").split())
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")


def render(context: dict[str, Any], fmt: str, lang: str, templates: Path | None = None) -> str:
    import jinja2

    from .charts import COLOURS

    env = environment(templates, lang)
    name = "report.md.j2" if fmt == "md" else "report.html.j2"
    try:
        return str(env.get_template(name).render(**context, t=_texts(lang), colours=COLOURS))
    except jinja2.TemplateSyntaxError as e:
        raise TemplateProblem(f"{e.filename or e.name or name}:{e.lineno}", e.message or str(e)) from None
    except jinja2.TemplateError as e:
        # an undefined name or a failing filter: find the template line from the traceback
        line = _template_line(e)
        raise TemplateProblem(line or name, str(e)) from None


def _template_line(error: BaseException) -> str | None:
    tb = error.__traceback__
    found = None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = f"{filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    return found


def _texts(lang: str) -> dict[str, str]:
    """Headings and labels for the templates, in the report's language."""
    from .texts import TEXTS

    return {k: (en if lang == "en" else fi) for k, (fi, en) in TEXTS.items()}


def pdf_bytes(html: str) -> bytes:
    """The PDF of `html`; the caller writes it (atomically, as every output)."""
    try:
        from weasyprint import HTML
    except ImportError:
        raise PdfUnavailable() from None
    return bytes(HTML(string=html).write_pdf())
